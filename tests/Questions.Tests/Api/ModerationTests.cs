using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Contracts.Questions;
using PanelPlatform.Questions.Domain;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Questions.Tests.Api;

/// <summary>The moderator's work: accept, reject, withdraw, spot duplicates, member questions, the CSV; and who moderates which body.</summary>
public sealed class ModerationTests(QuestionsService questions) : IClassFixture<QuestionsService>
{
    private Task<Guid> PanelMeeting() => questions.SharedAsync("panel", () => questions.SchedulePanelMeetingAsync(DateTimeOffset.UtcNow.AddDays(30)));

    private Task<Guid> ScrutinyMeeting() => questions.SharedAsync("scrutiny", () => questions.ScheduleMeetingAsync(DateTimeOffset.UtcNow.AddDays(30)));

    [Fact]
    public async Task Accepting_announces_the_question_with_the_published_name_and_the_recipient_never_the_address()
    {
        var meeting = await PanelMeeting();
        var anonymous = await questions.SubmitAndConfirmAsync(meeting, "Why are rural burglaries rising in the Dales?", consent: false, name: "Pat Private");
        var named = await questions.SubmitAndConfirmAsync(meeting, "How will the precept be spent on neighbourhood policing?", consent: true, name: "Sam Open");
        await using var accepted = await EventCollector<QuestionAccepted>.StartAsync(questions.Infrastructure, e => e.MeetingId == meeting);

        await questions.PostOkAsync(questions.Client(Roles.Clerk), $"/api/questions/{anonymous}/accept", new { });
        await questions.PostOkAsync(questions.Client(Roles.Clerk), $"/api/questions/{named}/accept", new { });

        await accepted.WaitForAsync(2, TimeSpan.FromSeconds(15));
        var events = accepted.Received.Select(r => r.Message).ToDictionary(e => e.QuestionId);
        Assert.Equal("a member of the public", events[anonymous].AskedBy);
        Assert.Equal("Sam Open", events[named].AskedBy);
        Assert.Equal(("public", "Police and Crime Panel", "Why are rural burglaries rising in the Dales?"),
            (events[anonymous].Kind, events[anonymous].Topic, events[anonymous].Text));
        var recipient = await questions.QueryAsync(db => Task.FromResult(db.Questions.Single(q => q.Id == anonymous).RecipientId));
        Assert.Equal(recipient, events[anonymous].RecipientId);
        Assert.DoesNotContain("Pat Private", JsonSerializer.Serialize(events[anonymous]), StringComparison.Ordinal);

        var twice = await questions.Client(Roles.Clerk).PostAsJsonAsync($"/api/questions/{named}/accept", new { });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("https://panel-platform.uk/problems/conflict/invalid-transition",
            (await twice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Two_moderators_deciding_the_same_question_at_once_cannot_both_win()
    {
        var meeting = await PanelMeeting();
        for (var round = 0; round < 3; round++)
        {
            var id = await questions.SubmitAndConfirmAsync(meeting, $"Race {round}: why was the Buxton front counter closed?");
            var before = await questions.QueryAsync(db => db.Transitions.CountAsync());

            // Both accept: whether the requests overlap (row version) or one lands after the other (no second accept
            // of an accepted question), exactly one wins and one gets a 409; a reject could legitimately follow an accept.
            var (first, second) = (questions.Client(Roles.Clerk).PostAsJsonAsync($"/api/questions/{id}/accept", new { }),
                questions.ClientAs("second-clerk", Roles.Clerk).PostAsJsonAsync($"/api/questions/{id}/accept", new { }));
            await Task.WhenAll(first, second);

            var codes = new[] { (await first).StatusCode, (await second).StatusCode };
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], codes.Order());
            var status = await questions.QueryAsync(db => db.Questions.Where(q => q.Id == id).Select(q => q.Status).SingleAsync());
            Assert.Equal(QuestionStatus.Accepted, status);
            Assert.Equal(before + 1, await questions.QueryAsync(db => db.Transitions.CountAsync()));

            // A resident who clicks the link twice at once: one confirms, the other is told, never a 500.
            var unconfirmed = await questions.SubmitPublicAsync(meeting, $"Race {round}: is the link safe to click twice?");
            var token = questions.TokenFor(unconfirmed);
            var clicks = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => questions.Client().PostAsJsonAsync("/api/questions/confirm", new { token })));
            Assert.All(clicks, c => Assert.True(c.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{c.StatusCode}"));
            Assert.Contains(clicks, c => c.StatusCode == HttpStatusCode.OK);
            Assert.Equal(QuestionStatus.Submitted, await questions.QueryAsync(db => db.Questions.Where(q => q.Id == unconfirmed).Select(q => q.Status).SingleAsync()));
        }
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_from_the_list_and_is_announced_by_its_code()
    {
        var meeting = await PanelMeeting();
        var id = await questions.SubmitAndConfirmAsync(meeting, "Can you look into my speeding fine?");
        await using var rejected = await EventCollector<QuestionRejected>.StartAsync(questions.Infrastructure, e => e.QuestionId == id);
        var clerk = questions.Client(Roles.Clerk);
        var before = await questions.CountsAsync();

        foreach (var (body, field) in new (object Body, string Field)[]
                 {
                     (new { }, "reason"),
                     (new { reason = "boring" }, "reason"),
                     (new { reason = "duplicate", note = "<script>x</script>" }, "note"),
                 })
        {
            var bad = await clerk.PostAsJsonAsync($"/api/questions/{id}/reject", body);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        }

        Assert.Equal(before, await questions.CountsAsync());
        var view = await questions.PostOkAsync(clerk, $"/api/questions/{id}/reject",
            new { reason = "individual-case-or-operational", note = "About one person's case: please contact the force." });

        Assert.Equal("rejected", view.GetProperty("status").GetString());
        Assert.Equal("individual-case-or-operational", view.GetProperty("rejection").GetProperty("reason").GetString());
        await rejected.WaitForAsync(1, TimeSpan.FromSeconds(15));
        Assert.Equal("individual-case-or-operational", rejected.Received[0].Message.Reason);
    }

    [Fact]
    public async Task Withdrawing_an_accepted_question_tells_Meetings_to_take_it_off_the_list()
    {
        var meeting = await PanelMeeting();
        var id = await questions.SubmitAndConfirmAsync(meeting, "Withdrawn later: what about e-scooters?");
        await questions.PostOkAsync(questions.Client(Roles.Clerk), $"/api/questions/{id}/accept", new { });
        await using var withdrawn = await EventCollector<QuestionWithdrawn>.StartAsync(questions.Infrastructure, e => e.QuestionId == id);

        var view = await questions.PostOkAsync(questions.Client(Roles.Clerk), $"/api/questions/{id}/withdraw", new { note = "The asker emailed to withdraw." });

        Assert.Equal("withdrawn", view.GetProperty("status").GetString());
        await withdrawn.WaitForAsync(1, TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task Similar_questions_are_shown_to_moderators_and_the_public_hears_of_one_only_once_it_is_accepted()
    {
        var meeting = await questions.ScheduleMeetingAsync(DateTimeOffset.UtcNow.AddDays(30));
        const string Text = "What is the force doing to stop drink spiking in Derby city centre bars and clubs?";
        var first = await questions.SubmitAndConfirmAsync(meeting, Text);
        var unrelated = await questions.SubmitAndConfirmAsync(meeting, "How many rural crime officers patrol the Peak District?");

        var second = await Submit(meeting, "What is the force doing to stop drink spiking in Derby city centre clubs?");
        Assert.False(second.GetProperty("similarQuestionAccepted").GetBoolean());
        var secondId = second.GetProperty("id").GetGuid();
        await questions.PostOkAsync(questions.Client(), "/api/questions/confirm", new { token = questions.TokenFor(secondId) });

        var view = await questions.Client(Roles.OpccStaff).GetFromJsonAsync<JsonElement>($"/api/questions/{secondId}");
        var similar = view.GetProperty("similar").EnumerateArray().ToList();
        Assert.Equal([first], similar.Select(s => s.GetProperty("id").GetGuid()));
        Assert.InRange(similar[0].GetProperty("similarity").GetDouble(), 0.5, 1.0);
        Assert.DoesNotContain(unrelated, similar.Select(s => s.GetProperty("id").GetGuid()));

        await questions.PostOkAsync(questions.Client(Roles.OpccStaff), $"/api/questions/{first}/accept", new { });
        var third = await Submit(meeting, "What is the force doing to stop drink spiking in Derby bars?");
        Assert.True(third.GetProperty("similarQuestionAccepted").GetBoolean());
        Assert.DoesNotContain("Derby city centre bars and clubs", third.ToString(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> Submit(Guid meeting, string text)
    {
        var response = await questions.Client().PostAsJsonAsync("/api/questions",
            QuestionsService.PublicQuestion(meeting, text, $"dup-{Guid.NewGuid():N}@example.org"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Scrutiny_meeting_questions_are_moderated_by_the_Commissioners_office_and_Panel_questions_by_the_clerk()
    {
        var scrutiny = await questions.SubmitAndConfirmAsync(await ScrutinyMeeting(), "Scrutiny: how quickly are rape cases charged?");
        var panel = await questions.SubmitAndConfirmAsync(await PanelMeeting(), "Panel: how is the Police and Crime Plan reviewed?");
        var clerk = questions.Client(Roles.Clerk);
        var opcc = questions.Client(Roles.OpccStaff);

        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsJsonAsync($"/api/questions/{scrutiny}/accept", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync($"/api/questions/{scrutiny}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await opcc.PostAsJsonAsync($"/api/questions/{panel}/accept", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await opcc.GetAsync($"/api/questions/{panel}")).StatusCode);

        var clerkList = await clerk.GetFromJsonAsync<JsonElement>("/api/questions?limit=200");
        Assert.Contains(panel, Ids(clerkList));
        Assert.DoesNotContain(scrutiny, Ids(clerkList));

        // Once accepted, the Commissioner's office sees the Panel question to answer it, without the asker's details.
        await questions.PostOkAsync(clerk, $"/api/questions/{panel}/accept", new { });
        var forAnswer = await opcc.GetFromJsonAsync<JsonElement>($"/api/questions/{panel}");
        Assert.Equal(JsonValueKind.Null, forAnswer.GetProperty("asker").ValueKind);
        Assert.Equal(JsonValueKind.Null, forAnswer.GetProperty("similar").ValueKind);
        var opccList = await opcc.GetFromJsonAsync<JsonElement>("/api/questions?status=accepted&limit=200");
        var listed = opccList.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == panel);
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("asker").ValueKind);
        // (Other tests' scrutiny questions in this list are the office's own to moderate, with their askers.)
        Assert.DoesNotContain("@example.org", listed.ToString(), StringComparison.Ordinal);
    }

    private static IEnumerable<Guid> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid());

    [Fact]
    public async Task The_clerk_puts_in_a_members_question_before_the_member_deadline_and_not_after()
    {
        var meeting = await PanelMeeting();
        var member = Guid.NewGuid();
        await using var submitted = await EventCollector<QuestionSubmitted>.StartAsync(questions.Infrastructure, e => e.MeetingId == meeting && e.Kind == "member");

        var response = await questions.Client(Roles.Clerk).PostAsJsonAsync("/api/questions/member", new
        {
            meetingId = meeting,
            memberId = member,
            memberName = "Cllr H Dhindsa",
            topic = "Drug strategy",
            text = "Can the PCC share how 'From Harm to Hope' fits with her Police and Crime Plan?",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("submitted", "Cllr H Dhindsa"), (view.GetProperty("status").GetString(), view.GetProperty("askedBy").GetString()));
        Assert.Equal(member, view.GetProperty("asker").GetProperty("memberId").GetGuid());
        Assert.True(view.GetProperty("arrivedOnTime").GetBoolean());
        await submitted.WaitForAsync(1, TimeSpan.FromSeconds(15));
        Assert.Equal("Drug strategy", submitted.Received[0].Message.Topic);

        var soon = await questions.SchedulePanelMeetingAsync(DateTimeOffset.UtcNow.AddDays(1));
        var before = await questions.CountsAsync();
        var late = await questions.Client(Roles.PanelMember).PostAsJsonAsync("/api/questions/member",
            new { meetingId = soon, memberId = member, memberName = "Cllr H Dhindsa", text = "Late question" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        var problem = await late.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("https://panel-platform.uk/problems/after-the-deadline", problem.GetProperty("type").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("meetingId", out _));
        Assert.Equal(before, await questions.CountsAsync());
    }

    [Fact]
    public async Task The_clerks_export_lists_the_meetings_questions_with_contacts_and_never_runs_a_formula()
    {
        var meeting = await questions.SchedulePanelMeetingAsync(DateTimeOffset.UtcNow.AddDays(30));
        var id = await questions.SubmitAndConfirmAsync(meeting, "=HYPERLINK(\"http://example.org\") is this safe, \"really\"?");
        var hidden = await questions.SubmitPublicAsync(meeting, "Never confirmed");

        var response = await questions.Client(Roles.Clerk).GetAsync($"/api/questions/meetings/{meeting}/export.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("question_id,kind,status,submitted_at,asked_by,asker_name,asker_email", lines[0], StringComparison.Ordinal);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"{id},public,submitted,", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://example.org\"\") is this safe, \"\"really\"\"?\"", lines[1], StringComparison.Ordinal);
        Assert.Contains("@example.org", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain(hidden.ToString(), csv, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, (await questions.Client(Roles.OpccStaff).GetAsync($"/api/questions/meetings/{meeting}/export.csv")).StatusCode);
    }
}
