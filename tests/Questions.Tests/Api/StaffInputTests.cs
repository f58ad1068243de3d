using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Questions.Tests.Api;

/// <summary>Staff writes and reads with bad input: a problem naming the field (or a 404), never a 500, and nothing stored.</summary>
public sealed class StaffInputTests(QuestionsService questions) : IClassFixture<QuestionsService>
{
    private Task<Guid> Panel() => questions.SharedAsync("panel", () => questions.SchedulePanelMeetingAsync(DateTimeOffset.UtcNow.AddDays(30)));

    private async Task<Guid> Submitted() => await questions.SharedAsync("submitted", async () => await questions.SubmitAndConfirmAsync(await Panel(), "Submitted"));

    private async Task<Guid> Accepted() => await questions.SharedAsync("accepted", async () =>
    {
        var id = await questions.SubmitAndConfirmAsync(await Panel(), "Accepted");
        await questions.PostOkAsync(questions.Client(Roles.Clerk), $"/api/questions/{id}/accept", new { });
        return id;
    });

    public static TheoryData<string, string, string, string, string, string?> BadRequests => new()
    {
        // why, role, method, path ({submitted} {accepted} {panel} {nowhere}), JSON body, field named (null: a 404)
        { "an empty answer", Roles.OpccStaff, "PUT", "/api/questions/{accepted}/answer", """{"text":"  "}""", "text" },
        { "an answer with a script", Roles.OpccStaff, "PUT", "/api/questions/{accepted}/answer", """{"text":"Yes <script>alert(1)</script>"}""", "text" },
        { "an answer over the limit", Roles.OpccStaff, "PUT", "/api/questions/{accepted}/answer", $$"""{"text":"{{new string('a', Domain.Rules.MaxAnswerLength + 1)}}"}""", "text" },
        { "an answer to no question", Roles.OpccStaff, "PUT", "/api/questions/{nowhere}/answer", """{"text":"An answer"}""", null },
        { "an unknown rejection reason", Roles.Clerk, "POST", "/api/questions/{submitted}/reject", """{"reason":"too-boring"}""", "reason" },
        { "a rejection without a reason", Roles.Clerk, "POST", "/api/questions/{submitted}/reject", """{}""", "reason" },
        { "markup in a rejection note", Roles.Clerk, "POST", "/api/questions/{submitted}/reject", """{"reason":"duplicate","note":"<img src=x onerror=alert(1)>"}""", "note" },
        { "accepting no question", Roles.Clerk, "POST", "/api/questions/{nowhere}/accept", """{}""", null },
        { "reassigning to no meeting", Roles.Clerk, "POST", "/api/questions/{submitted}/reassign", """{"meetingId":"{nowhere}"}""", "meetingId" },
        { "a member question without the member's name", Roles.Clerk, "POST", "/api/questions/member", """{"meetingId":"{panel}","memberId":"{nowhere}","text":"Q"}""", "memberName" },
        { "a member question too long", Roles.Clerk, "POST", "/api/questions/member", $$"""{"meetingId":"{panel}","memberId":"{nowhere}","memberName":"Cllr A","text":"{{new string('q', 1501)}}"}""", "text" },
        { "a member question to no meeting", Roles.Clerk, "POST", "/api/questions/member", """{"meetingId":"{nowhere}","memberId":"{nowhere}","memberName":"Cllr A","text":"Q"}""", "meetingId" },
        { "a list filtered by no such status", Roles.Clerk, "GET", "/api/questions?status=pending", "", "status" },
        { "a list filtered by no such kind", Roles.Clerk, "GET", "/api/questions?kind=anonymous", "", "kind" },
        { "a list with a made-up cursor", Roles.Clerk, "GET", "/api/questions?cursor=bm90LWEtY3Vyc29y", "", "cursor" },
        { "a list with a limit of 0", Roles.Clerk, "GET", "/api/questions?limit=0", "", "limit" },
        { "an export of no meeting", Roles.Clerk, "GET", "/api/questions/meetings/{nowhere}/export.csv", "", null },
        { "publishing no meeting", Roles.OpccStaff, "POST", "/api/questions/meetings/{nowhere}/publish", """{}""", null },
        { "the published questions of no meeting", Roles.Clerk, "GET", "/api/questions/meetings/{nowhere}/published", "", null },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_staff_input_is_a_problem_naming_the_field_and_stores_nothing(
        string why, string role, string method, string path, string body, string? field)
    {
        var nowhere = Guid.NewGuid().ToString();
        var (submitted, accepted, panel) = (await Submitted(), await Accepted(), await Panel());
        string Fill(string s) => s.Replace("{submitted}", submitted.ToString(), StringComparison.Ordinal)
            .Replace("{accepted}", accepted.ToString(), StringComparison.Ordinal)
            .Replace("{panel}", panel.ToString(), StringComparison.Ordinal)
            .Replace("{nowhere}", nowhere, StringComparison.Ordinal);
        var before = await questions.CountsAsync();

        using var request = new HttpRequestMessage(new HttpMethod(method), Fill(path));
        if (method != "GET")
        {
            request.Content = new StringContent(Fill(body), Encoding.UTF8, "application/json");
        }

        var response = await questions.Client(role).SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == (field is null ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest), $"{why}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is not null)
        {
            Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), $"{why}: {text}");
        }

        Assert.Equal(before, await questions.CountsAsync());
    }

    [Fact]
    public async Task The_moderators_list_pages_through_every_question_once_in_order_and_filters_by_kind()
    {
        var meeting = await questions.SchedulePanelMeetingAsync(DateTimeOffset.UtcNow.AddDays(40));
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await questions.SubmitAndConfirmAsync(meeting, $"Paged question {i}"));
        }

        var member = await questions.Client(Roles.Clerk).PostAsJsonAsync("/api/questions/member",
            new { meetingId = meeting, memberId = Guid.NewGuid(), memberName = "Cllr A Barrow", text = "A member's question" });
        Assert.Equal(HttpStatusCode.Created, member.StatusCode);
        var memberId = (await member.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await questions.Client(Roles.Clerk).GetFromJsonAsync<JsonElement>(
                $"/api/questions?meetingId={meeting}&kind=public&limit=2{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}");
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(items.Count, 1, 2);
            Assert.All(items, i => Assert.Equal("public", i.GetProperty("kind").GetString()));
            seen.AddRange(items.Select(i => i.GetProperty("id").GetGuid()));
            cursor = page.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(ids, seen);
        Assert.Equal(3, pages);
        // A cursor is opaque but only JSON: one made by hand with a London offset is read as its instant, not a 500.
        var handMade = System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            $$"""{"submittedAt":"2020-07-01T10:00:00+01:00","id":"{{Guid.Empty}}"}"""));
        var fromStart = await questions.Client(Roles.Clerk).GetAsync($"/api/questions?meetingId={meeting}&kind=public&cursor={handMade}");
        Assert.True(fromStart.StatusCode == HttpStatusCode.OK, await fromStart.Content.ReadAsStringAsync());
        Assert.Equal(ids, (await fromStart.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        var members = await questions.Client(Roles.Clerk).GetFromJsonAsync<JsonElement>($"/api/questions?meetingId={meeting}&kind=member");
        Assert.Equal([memberId], members.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
    }
}
