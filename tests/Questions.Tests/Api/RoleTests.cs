using System.Net;
using System.Net.Http.Json;
using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Questions.Tests.Api;

/// <summary>Every write and every non-public read: no token 401, a wrong role 403, the right role succeeds.</summary>
public sealed class RoleTests(QuestionsService questions) : IClassFixture<QuestionsService>
{
    private sealed record Case(HttpMethod Method, Func<Task<string>> Path, object? Body, string RightRole, string WrongRole, string? RightSubject = null);

    private Task<Guid> Panel() => questions.SharedAsync("panel", () => questions.SchedulePanelMeetingAsync(DateTimeOffset.UtcNow.AddDays(30)));

    private Task<Guid> Other() => questions.SharedAsync("other", () => questions.SchedulePanelMeetingAsync(DateTimeOffset.UtcNow.AddDays(45)));

    private async Task<Guid> Submitted() => await questions.SubmitAndConfirmAsync(await Panel(), $"Role test {Guid.NewGuid():N}");

    private async Task<Guid> Accepted()
    {
        var id = await Submitted();
        await questions.PostOkAsync(questions.Client(Roles.Clerk), $"/api/questions/{id}/accept", new { });
        return id;
    }

    private async Task<Guid> Drafted()
    {
        var id = await Accepted();
        Assert.Equal(HttpStatusCode.OK, (await questions.Client(Roles.OpccStaff).PutAsJsonAsync($"/api/questions/{id}/answer", new { text = "An answer." })).StatusCode);
        return id;
    }

    private async Task<Guid> EarlyAnswered()
    {
        var meeting = await questions.SchedulePanelMeetingAsync(DateTimeOffset.UtcNow.AddDays(30));
        var id = await questions.SubmitAndConfirmAsync(meeting, "Publish me early");
        await questions.PostOkAsync(questions.Client(Roles.Clerk), $"/api/questions/{id}/accept", new { });
        Assert.Equal(HttpStatusCode.OK, (await questions.Client(Roles.OpccStaff).PutAsJsonAsync($"/api/questions/{id}/answer", new { text = "An answer." })).StatusCode);
        await questions.PostOkAsync(questions.Client(Roles.Admin), $"/api/questions/{id}/answer/approve", new { publishEarly = true });
        return meeting;
    }

    private Dictionary<string, Case> Cases => new()
    {
        ["submit a member question"] = new(HttpMethod.Post, async () => "/api/questions/member",
            null, Roles.PanelMember, Roles.OpccStaff),
        ["list questions"] = new(HttpMethod.Get, async () => $"/api/questions?meetingId={await Panel()}", null, Roles.Clerk, Roles.Caseworker),
        ["read a question"] = new(HttpMethod.Get, async () => $"/api/questions/{await Submitted()}", null, Roles.Clerk, Roles.OpccStaff),
        ["accept"] = new(HttpMethod.Post, async () => $"/api/questions/{await Submitted()}/accept", new { }, Roles.Clerk, Roles.OpccStaff),
        ["reject"] = new(HttpMethod.Post, async () => $"/api/questions/{await Submitted()}/reject", new { reason = "duplicate" }, Roles.Clerk, Roles.PanelMember),
        ["withdraw"] = new(HttpMethod.Post, async () => $"/api/questions/{await Submitted()}/withdraw", new { }, Roles.Clerk, Roles.OpccStaff),
        ["reassign"] = new(HttpMethod.Post, async () => $"/api/questions/{await Submitted()}/reassign", null, Roles.Clerk, Roles.GrantsOfficer),
        ["draft an answer"] = new(HttpMethod.Put, async () => $"/api/questions/{await Accepted()}/answer", new { text = "Answer" }, Roles.OpccStaff, Roles.Clerk),
        ["approve an answer"] = new(HttpMethod.Post, async () => $"/api/questions/{await Drafted()}/answer/approve", new { }, Roles.OpccStaff, Roles.Clerk,
            QuestionsService.Approver),
        ["publish"] = new(HttpMethod.Post, async () => $"/api/questions/meetings/{await EarlyAnswered()}/publish", new { }, Roles.OpccStaff, Roles.Caseworker),
        ["export"] = new(HttpMethod.Get, async () => $"/api/questions/meetings/{await Panel()}/export.csv", null, Roles.Clerk, Roles.OpccStaff),
        ["seed"] = new(HttpMethod.Post, async () => "/api/questions/admin/seed", new { }, Roles.Admin, Roles.Clerk),
    };

    public static TheoryData<string> Endpoints => new(
        "submit a member question", "list questions", "read a question", "accept", "reject", "withdraw", "reassign", "draft an answer",
        "approve an answer", "publish", "export", "seed");

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task No_token_is_401_a_wrong_role_is_403_and_the_right_role_succeeds(string endpoint)
    {
        var c = Cases[endpoint];
        var path = await c.Path();
        var body = c.Body ?? endpoint switch
        {
            "submit a member question" => new { meetingId = await Panel(), memberId = Guid.NewGuid(), memberName = "Cllr A Barrow", text = "A question" },
            "reassign" => new { meetingId = await Other() },
            _ => null,
        };

        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(questions.Client(), c.Method, path, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(questions.Client(c.WrongRole), c.Method, path, body)).StatusCode);
        var right = await Send(c.RightSubject is null ? questions.Client(c.RightRole) : questions.ClientAs(c.RightSubject, c.RightRole), c.Method, path, body);
        Assert.True(right.IsSuccessStatusCode, $"{endpoint}: {(int)right.StatusCode} {await right.Content.ReadAsStringAsync()}");
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, object? body) =>
        client.SendAsync(new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) });
}
