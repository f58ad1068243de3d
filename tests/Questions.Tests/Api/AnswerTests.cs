using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PanelPlatform.Contracts.Questions;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Questions.Tests.Api;

/// <summary>Answers are drafted by the Commissioner's office, approved by a second person, and published with the meeting.</summary>
public sealed class AnswerTests(QuestionsService questions) : IClassFixture<QuestionsService>
{
    [Fact]
    public async Task A_drafted_answer_is_approved_by_a_designated_approver_and_published_only_once_the_meeting_has_started()
    {
        var startsAt = DateTimeOffset.UtcNow.AddDays(20);
        var meeting = await questions.ScheduleMeetingAsync(startsAt);
        var named = await questions.SubmitAndConfirmAsync(meeting, "How many domestic abuse officers are there?", consent: true, name: "Sam Open");
        var anonymous = await questions.SubmitAndConfirmAsync(meeting, "What is Operation Soteria Bluestone?", consent: false, name: "Pat Private");
        var opcc = questions.Client(Roles.OpccStaff);
        var approver = questions.ClientAs(QuestionsService.Approver, Roles.OpccStaff);
        await using var answered = await EventCollector<QuestionAnswered>.StartAsync(questions.Infrastructure, e => e.MeetingId == meeting);
        await using var published = await EventCollector<QuestionsPublished>.StartAsync(questions.Infrastructure, e => e.MeetingId == meeting);

        foreach (var (id, answer) in new[] { (named, "There are 40."), (anonymous, "The national model for rape investigations.") })
        {
            await questions.PostOkAsync(opcc, $"/api/questions/{id}/accept", new { });
            var draft = await opcc.PutAsJsonAsync($"/api/questions/{id}/answer", new { text = answer, answeredBy = "Chief Constable Rachel Swann" });
            Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        }

        // Another member of staff who is not a designated approver may not approve.
        Assert.Equal(HttpStatusCode.Forbidden,
            (await questions.ClientAs("opcc-officer-2", Roles.OpccStaff).PostAsJsonAsync($"/api/questions/{named}/answer/approve", new { })).StatusCode);
        // The approver may not approve an answer they wrote themselves.
        Assert.Equal(HttpStatusCode.OK, (await approver.PutAsJsonAsync($"/api/questions/{anonymous}/answer", new { text = "Rewritten by the approver." })).StatusCode);
        var own = await approver.PostAsJsonAsync($"/api/questions/{anonymous}/answer/approve", new { });
        Assert.Equal(HttpStatusCode.Conflict, own.StatusCode);
        Assert.Equal("https://panel-platform.uk/problems/conflict/approver-wrote-answer",
            (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.OK, (await opcc.PutAsJsonAsync($"/api/questions/{anonymous}/answer", new { text = "The national model for rape investigations." })).StatusCode);

        var approved = await questions.PostOkAsync(approver, $"/api/questions/{named}/answer/approve", new { });
        Assert.Equal("answered", approved.GetProperty("status").GetString());
        await questions.PostOkAsync(approver, $"/api/questions/{anonymous}/answer/approve", new { });
        await answered.WaitForAsync(2, TimeSpan.FromSeconds(15));
        Assert.Equal(new[] { anonymous, named }.Order(), answered.Received.Select(r => r.Message.QuestionId).Order());

        var tooEarly = await opcc.PostAsJsonAsync($"/api/questions/meetings/{meeting}/publish", new { });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooEarly.StatusCode);
        Assert.Equal("https://panel-platform.uk/problems/meeting-not-started",
            (await tooEarly.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
        Assert.Empty((await questions.Client().GetFromJsonAsync<JsonElement>($"/api/questions/meetings/{meeting}/published")).GetProperty("questions").EnumerateArray());

        questions.Time.Offset = startsAt - DateTimeOffset.UtcNow + TimeSpan.FromMinutes(1);
        try
        {
            var result = await questions.PostOkAsync(opcc, $"/api/questions/meetings/{meeting}/publish", new { });
            Assert.Equal(2, result.GetProperty("published").GetInt32());
        }
        finally
        {
            questions.Time.Offset = TimeSpan.Zero;
        }

        await published.WaitForAsync(1, TimeSpan.FromSeconds(15));
        // The meeting's facts as Questions knows them from Meetings, for the notice: body, title, London date and time.
        var publication = published.Received.Single().Message;
        Assert.Equal(("Performance Scrutiny Meeting", "Violence Against Women and Girls"), (publication.BodyName, publication.MeetingTitle));
        Assert.True(publication.MeetingStartsAt is { } meetingStartsAt && (meetingStartsAt - startsAt).Duration() < TimeSpan.FromMilliseconds(1),
            $"the meeting starts at {startsAt:O}, not {publication.MeetingStartsAt:O}");
        Assert.Equal(PanelPlatform.ServiceDefaults.Time.UkTime.ToLondon(startsAt).Offset, publication.MeetingStartsAt!.Value.Offset);
        var announced = publication.Questions.ToDictionary(q => q.QuestionId);
        Assert.Equal(("Sam Open", "There are 40.", "Chief Constable Rachel Swann"), (announced[named].AskedBy, announced[named].Answer, announced[named].AnsweredBy));
        Assert.Equal("a member of the public", announced[anonymous].AskedBy);

        var page = await questions.Client().GetFromJsonAsync<JsonElement>($"/api/questions/meetings/{meeting}/published");
        var shown = page.GetProperty("questions").EnumerateArray().ToDictionary(q => q.GetProperty("id").GetGuid());
        Assert.Equal("Sam Open", shown[named].GetProperty("askedBy").GetString());
        Assert.Equal("a member of the public", shown[anonymous].GetProperty("askedBy").GetString());
        Assert.Equal("The national model for rape investigations.", shown[anonymous].GetProperty("answer").GetString());
        Assert.DoesNotContain("Pat Private", page.ToString(), StringComparison.Ordinal);

        var nothing = await opcc.PostAsJsonAsync($"/api/questions/meetings/{meeting}/publish", new { });
        Assert.Equal("https://panel-platform.uk/problems/nothing-to-publish",
            (await nothing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task An_answer_marked_for_early_publication_goes_out_before_the_meeting_and_the_rest_wait()
    {
        var meeting = await questions.ScheduleMeetingAsync(DateTimeOffset.UtcNow.AddDays(20));
        var early = await questions.SubmitAndConfirmAsync(meeting, "Early: when is the next VAWG survey?");
        var waits = await questions.SubmitAndConfirmAsync(meeting, "Waits: how many Clare's Law disclosures were made?");
        var opcc = questions.Client(Roles.OpccStaff);
        var admin = questions.Client(Roles.Admin);
        foreach (var id in new[] { early, waits })
        {
            await questions.PostOkAsync(opcc, $"/api/questions/{id}/accept", new { });
            Assert.Equal(HttpStatusCode.OK, (await opcc.PutAsJsonAsync($"/api/questions/{id}/answer", new { text = "An answer." })).StatusCode);
        }

        await questions.PostOkAsync(admin, $"/api/questions/{early}/answer/approve", new { publishEarly = true });
        await questions.PostOkAsync(admin, $"/api/questions/{waits}/answer/approve", new { });

        var result = await questions.PostOkAsync(opcc, $"/api/questions/meetings/{meeting}/publish", new { });

        Assert.Equal([early], result.GetProperty("questionIds").EnumerateArray().Select(i => i.GetGuid()));
        Assert.Equal(1, result.GetProperty("waitingForMeeting").GetInt32());
        var page = await questions.Client().GetFromJsonAsync<JsonElement>($"/api/questions/meetings/{meeting}/published");
        var only = Assert.Single(page.GetProperty("questions").EnumerateArray());
        Assert.Equal(("The Police and Crime Commissioner", "An answer."), (only.GetProperty("answeredBy").GetString(), only.GetProperty("answer").GetString()));
    }
}
