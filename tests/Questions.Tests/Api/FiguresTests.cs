using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Questions.Tests.Api;

/// <summary>Questions per meeting for the staff figures: counts by kind and status, nothing an asker wrote or is.</summary>
public sealed class FiguresTests(QuestionsService questions) : IClassFixture<QuestionsService>
{
    private static string Month(DateTimeOffset instant) => UkTime.LondonDate(instant).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_meetings_questions_are_counted_by_kind_and_status_and_unconfirmed_ones_are_not()
    {
        // Mid-morning, so that both meetings fall in the same London month whatever the time of the run.
        var startsAt = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(30).AddHours(10).AddMinutes(Random.Shared.Next(60)), TimeSpan.Zero);
        var meeting = await questions.SchedulePanelMeetingAsync(startsAt);
        var empty = await questions.SchedulePanelMeetingAsync(startsAt.AddHours(2));
        var accepted = await questions.SubmitAndConfirmAsync(meeting, "How many officers patrol Glossop at night?", name: "Figures Asker One");
        var rejected = await questions.SubmitAndConfirmAsync(meeting, "Will you look into my neighbour's case?", name: "Figures Asker Two");
        await questions.SubmitAndConfirmAsync(meeting, "What is the plan for rural crime in the Dales?");
        await questions.SubmitPublicAsync(meeting, "An unconfirmed question nobody has received yet.");
        var clerk = questions.Client(Roles.Clerk);
        await questions.PostOkAsync(clerk, $"/api/questions/{accepted}/accept", new { });
        await questions.PostOkAsync(clerk, $"/api/questions/{rejected}/reject", new { reason = "individual-case-or-operational" });
        var member = await clerk.PostAsJsonAsync("/api/questions/member",
            new { meetingId = meeting, memberId = Guid.NewGuid(), memberName = "Cllr H Dhindsa", topic = "Drug strategy", text = "How does 'From Harm to Hope' fit the Plan?" });
        Assert.Equal(HttpStatusCode.Created, member.StatusCode);

        // Any member of staff may read the counts, a grants officer as much as a clerk.
        var response = await questions.Client(Roles.GrantsOfficer).GetAsync($"/api/questions/figures?from={Month(startsAt)}&to={Month(startsAt)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var report = JsonDocument.Parse(text).RootElement;
        Assert.Equal((Month(startsAt), Month(startsAt)), (report.GetProperty("from").GetString(), report.GetProperty("to").GetString()));
        var row = Assert.Single(report.GetProperty("meetings").EnumerateArray(), m => m.GetProperty("meetingId").GetGuid() == meeting);
        Assert.Equal("Police and Crime Panel", row.GetProperty("title").GetString());
        Assert.Equal((4, 1, 1, 0, 0, 0), Counts(row.GetProperty("all")));
        Assert.Equal((3, 1, 1, 0, 0, 0), Counts(row.GetProperty("public")));
        Assert.Equal((1, 0, 0, 0, 0, 0), Counts(row.GetProperty("member")));
        // A meeting nobody asked about is there with nothing, not left out.
        var none = Assert.Single(report.GetProperty("meetings").EnumerateArray(), m => m.GetProperty("meetingId").GetGuid() == empty);
        Assert.Equal((0, 0, 0, 0, 0, 0), Counts(none.GetProperty("all")));
        Assert.DoesNotContain("Figures Asker", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Glossop", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_figures_need_a_staff_token_and_a_month_range()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await questions.Client().GetAsync("/api/questions/figures")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await questions.Client(Roles.Caseworker).GetAsync("/api/questions/figures")).StatusCode);

        foreach (var (query, field) in new[] { ("from=2022-13", "from"), ("to=November", "to"), ("from=2023-01&to=2022-01", "to") })
        {
            var response = await questions.Client(Roles.Clerk).GetAsync($"/api/questions/figures?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), query);
        }
    }

    private static (int, int, int, int, int, int) Counts(JsonElement counts) => (
        counts.GetProperty("received").GetInt32(), counts.GetProperty("accepted").GetInt32(), counts.GetProperty("rejected").GetInt32(),
        counts.GetProperty("withdrawn").GetInt32(), counts.GetProperty("answered").GetInt32(), counts.GetProperty("published").GetInt32());
}
