using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Contracts.Meetings;
using PanelPlatform.Contracts.Questions;
using PanelPlatform.Questions.Domain;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Time;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Questions.Tests.Api;

/// <summary>Meeting dates come only from Meetings' events: scheduling, rescheduling (deadlines move), cancelling (reassignment).</summary>
public sealed class MeetingEventsTests(QuestionsService questions) : IClassFixture<QuestionsService>
{
    private const string Body = "performance-scrutiny-meeting";

    private static DateTimeOffset DaysAhead(int days) =>
        UkTime.FromLondon(UkTime.LondonDate(DateTimeOffset.UtcNow).AddDays(days), new TimeOnly(10, 30));

    [Fact]
    public async Task A_reschedule_moves_the_deadlines_and_reopens_a_meeting_that_had_closed_for_questions()
    {
        var startsAt = DaysAhead(3);
        var meeting = await questions.ScheduleMeetingAsync(startsAt);
        var info = await questions.Client().GetFromJsonAsync<JsonElement>($"/api/questions/meetings/{meeting}");
        Assert.False(info.GetProperty("openForPublicQuestions").GetBoolean());
        Assert.Equal(Deadlines.For(startsAt, 5), info.GetProperty("publicDeadline").GetDateTimeOffset());
        var late = await questions.Client().PostAsJsonAsync("/api/questions", QuestionsService.PublicQuestion(meeting, "Too late?"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);

        var movedTo = DaysAhead(40);
        await questions.PublishAsync(new MeetingRescheduled(meeting, Body, "Performance Scrutiny Meeting", "VAWG", startsAt, movedTo, null, null, true,
            "The Chief Constable is at a national meeting", DateTimeOffset.UtcNow));

        var moved = await Eventually.Until(
            () => questions.Client().GetFromJsonAsync<JsonElement>($"/api/questions/meetings/{meeting}"),
            i => i.GetProperty("openForPublicQuestions").GetBoolean(), TimeSpan.FromSeconds(15), "the reschedule");
        Assert.Equal(Deadlines.For(movedTo, 5), moved.GetProperty("publicDeadline").GetDateTimeOffset());
        Assert.Equal(Deadlines.For(movedTo, 3), moved.GetProperty("memberDeadline").GetDateTimeOffset());
        Assert.Equal(UkTime.ToLondon(movedTo), moved.GetProperty("startsAt").GetDateTimeOffset());
        await questions.SubmitPublicAsync(meeting, "Now in time?");
    }

    [Fact]
    public async Task Meetings_in_British_Summer_Time_announced_with_London_offsets_are_stored_moved_and_cancelled()
    {
        // Meetings sends instants with the London offset of the day (+01:00 in summer); PostgreSQL takes only UTC.
        var summer = TimeSpan.FromHours(1);
        var year = UkTime.LondonDate(DateTimeOffset.UtcNow).Year + 1;
        var startsAt = UkTime.FromLondon(new DateOnly(year, 6, 17), new TimeOnly(10, 0));
        Assert.Equal(summer, startsAt.Offset);
        var meeting = Guid.NewGuid();
        await questions.PublishAsync(new MeetingScheduled(meeting, Body, "Performance Scrutiny Meeting", "Rural crime", startsAt, startsAt.AddHours(2),
            null, true, [], DateTimeOffset.UtcNow.AddMinutes(-2).ToOffset(summer)));
        await Eventually.Until(() => questions.QueryAsync(db => db.Meetings.AnyAsync(m => m.Id == meeting)), TimeSpan.FromSeconds(15), "the summer meeting");
        var info = await questions.Client().GetFromJsonAsync<JsonElement>($"/api/questions/meetings/{meeting}");
        Assert.Equal(startsAt, info.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal(summer, info.GetProperty("startsAt").GetDateTimeOffset().Offset);
        Assert.Equal(Deadlines.For(startsAt, 5), info.GetProperty("publicDeadline").GetDateTimeOffset());
        var id = await questions.SubmitAndConfirmAsync(meeting, "How many rural crime officers are there in the Peak District?");

        var movedTo = UkTime.FromLondon(new DateOnly(year, 7, 1), new TimeOnly(14, 0));
        await questions.PublishAsync(new MeetingRescheduled(meeting, Body, "Performance Scrutiny Meeting", "Rural crime", startsAt, movedTo, null, null, true,
            "Room unavailable", DateTimeOffset.UtcNow.AddMinutes(-1).ToOffset(summer)));
        var moved = await Eventually.Until(
            () => questions.Client().GetFromJsonAsync<JsonElement>($"/api/questions/meetings/{meeting}"),
            i => i.GetProperty("startsAt").GetDateTimeOffset() == movedTo, TimeSpan.FromSeconds(15), "the summer reschedule");
        Assert.Equal(Deadlines.For(movedTo, 3), moved.GetProperty("memberDeadline").GetDateTimeOffset());

        await questions.PublishAsync(new MeetingCancelled(meeting, Body, "Performance Scrutiny Meeting", "Rural crime", movedTo, "Unwell",
            DateTimeOffset.UtcNow.ToOffset(summer)));
        await Eventually.Until(() => questions.QueryAsync(db => db.Questions.AnyAsync(q => q.Id == id && q.Status == QuestionStatus.NeedsReassignment)),
            TimeSpan.FromSeconds(15), "the summer cancellation");
    }

    [Fact]
    public async Task A_meeting_first_heard_of_through_two_events_at_once_is_kept_once_with_the_later_change_and_no_error()
    {
        // MeetingScheduled and MeetingRescheduled have their own queues, so both consumers can find the meeting unknown
        // at the same moment (two replicas, or a reschedule straight after scheduling) and both insert it.
        var occurred = DateTimeOffset.UtcNow;
        var meetings = Enumerable.Range(0, 30).Select(n => (Id: Guid.NewGuid(), StartsAt: DaysAhead(20 + n % 7), MovedTo: DaysAhead(45 + n % 7))).ToList();
        var ids = meetings.Select(m => m.Id).ToList();
        await Task.WhenAll(meetings.SelectMany(m => new[]
        {
            questions.PublishAsync(new MeetingScheduled(m.Id, Body, "Performance Scrutiny Meeting", "Both at once", m.StartsAt, null, null, true, [],
                occurred.AddSeconds(-1))),
            questions.PublishAsync(new MeetingRescheduled(m.Id, Body, "Performance Scrutiny Meeting", "Both at once", m.StartsAt, m.MovedTo, null, null,
                true, "Moved the same minute", occurred)),
        }));

        var expected = meetings.ToDictionary(m => m.Id, m => m.MovedTo.ToUniversalTime());
        await Eventually.Until(
            () => questions.QueryAsync<Dictionary<Guid, DateTimeOffset>?>(async db =>
                await db.Meetings.Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.StartsAt)),
            stored => stored is not null && stored.Count == ids.Count && stored.All(s => s.Value == expected[s.Key]),
            TimeSpan.FromSeconds(30), "every meeting at its rescheduled time");
        var conflicts = questions.Logs.Lines.Where(l => ids.Any(id => l.Contains(id.ToString(), StringComparison.Ordinal)) ||
                                                         l.Contains("pk_meetings", StringComparison.Ordinal)).Where(l => l.Contains(" Error:", StringComparison.Ordinal) ||
                                                         l.Contains(" Warning:", StringComparison.Ordinal)).ToList();
        Assert.True(conflicts.Count == 0, $"{conflicts.Count} errors or warnings, the first: {conflicts.FirstOrDefault()}");
    }

    [Fact]
    public async Task A_reschedule_that_happened_before_the_last_change_applied_is_ignored()
    {
        var startsAt = DaysAhead(30);
        var meeting = await questions.ScheduleMeetingAsync(startsAt);
        var latest = DaysAhead(35);
        await questions.PublishAsync(new MeetingRescheduled(meeting, Body, "PSM", "VAWG", startsAt, latest, null, null, true, "moved", DateTimeOffset.UtcNow));
        await Eventually.Until(() => questions.QueryAsync(db => db.Meetings.AnyAsync(m => m.Id == meeting && m.StartsAt == latest.ToUniversalTime())),
            TimeSpan.FromSeconds(15), "the reschedule");

        await questions.PublishAsync(new MeetingRescheduled(meeting, Body, "PSM", "VAWG", startsAt, DaysAhead(50), null, null, true, "stale",
            DateTimeOffset.UtcNow.AddHours(-1)));
        await questions.PublishAsync(new MeetingScheduled(Guid.NewGuid(), Body, "PSM", "marker", DaysAhead(60), null, null, true, [], DateTimeOffset.UtcNow));
        await Eventually.Until(() => questions.QueryAsync(db => db.Meetings.AnyAsync(m => m.Title == "marker")), TimeSpan.FromSeconds(15), "marker");
        await Task.Delay(500);

        Assert.Equal(latest, await questions.QueryAsync(db => db.Meetings.Where(m => m.Id == meeting).Select(m => m.StartsAt).SingleAsync()));
    }

    [Fact]
    public async Task A_cancellation_sends_open_questions_to_reassignment_tells_each_asker_once_and_they_can_move_to_another_meeting()
    {
        var startsAt = DaysAhead(30);
        var meeting = await questions.ScheduleMeetingAsync(startsAt);
        var opcc = questions.Client(Roles.OpccStaff);
        var submitted = await questions.SubmitAndConfirmAsync(meeting, "Submitted: what about street lighting?");
        var accepted = await questions.SubmitAndConfirmAsync(meeting, "Accepted: what about taxi marshals?");
        await questions.PostOkAsync(opcc, $"/api/questions/{accepted}/accept", new { });
        var rejected = await questions.SubmitAndConfirmAsync(meeting, "Rejected: my neighbour's case");
        await questions.PostOkAsync(opcc, $"/api/questions/{rejected}/reject", new { reason = "individual-case-or-operational" });
        var unconfirmed = await questions.SubmitPublicAsync(meeting, "Unconfirmed: will the link wait?");
        await using var told = await EventCollector<QuestionNeedsReassignment>.StartAsync(questions.Infrastructure, e => e.MeetingId == meeting);

        var cancelled = new MeetingCancelled(meeting, Body, "Performance Scrutiny Meeting", "VAWG", startsAt, "The Commissioner is unwell", DateTimeOffset.UtcNow);
        var messageId = Guid.NewGuid();
        await questions.PublishAsync(cancelled, messageId);
        await questions.PublishAsync(cancelled, messageId); // a redelivery has no second effect

        await told.WaitForAsync(2, TimeSpan.FromSeconds(15));
        Assert.False(await told.MoreThanAsync(2, TimeSpan.FromSeconds(2)));
        var recipients = await questions.QueryAsync(db => db.Questions.Where(q => q.Id == submitted || q.Id == accepted)
            .ToDictionaryAsync(q => q.Id, q => q.RecipientId));
        Assert.Equal(recipients.OrderBy(r => r.Key).Select(r => (r.Key, r.Value)),
            told.Received.Select(r => (r.Message.QuestionId, r.Message.RecipientId)).OrderBy(r => r.QuestionId));
        Assert.All(told.Received, r => Assert.NotNull(r.Message.RecipientId));
        var statuses = await questions.QueryAsync(db => db.Questions.Where(q => q.MeetingId == meeting).ToDictionaryAsync(q => q.Id, q => q.Status));
        Assert.Equal(QuestionStatus.NeedsReassignment, statuses[submitted]);
        Assert.Equal(QuestionStatus.NeedsReassignment, statuses[accepted]);
        Assert.Equal(QuestionStatus.Rejected, statuses[rejected]);
        Assert.Equal(QuestionStatus.AwaitingConfirmation, statuses[unconfirmed]);

        // The asker who confirms later is told too.
        var late = await questions.PostOkAsync(questions.Client(), "/api/questions/confirm", new { token = questions.TokenFor(unconfirmed) });
        Assert.Equal("needs-reassignment", late.GetProperty("status").GetString());
        await told.WaitForAsync(3, TimeSpan.FromSeconds(15));

        var newMeeting = await questions.ScheduleMeetingAsync(DaysAhead(60));
        var moved = await questions.PostOkAsync(opcc, $"/api/questions/{accepted}/reassign", new { meetingId = newMeeting });
        Assert.Equal(("submitted", newMeeting), (moved.GetProperty("status").GetString(), moved.GetProperty("meetingId").GetGuid()));
        var history = moved.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["needs-reassignment", "reassigned"], history.TakeLast(2).Select(h => h.GetProperty("action").GetString()));
        Assert.Equal("Panel Platform", history[^2].GetProperty("by").GetString());
        Assert.Equal("test-opcc-staff (name)", history[^1].GetProperty("by").GetString());

        var toCancelled = await opcc.PostAsJsonAsync($"/api/questions/{submitted}/reassign", new { meetingId = meeting });
        Assert.Equal(HttpStatusCode.BadRequest, toCancelled.StatusCode);
    }

    [Fact]
    public async Task An_accepted_question_goes_under_the_agenda_item_for_its_kind_of_question()
    {
        var meeting = await questions.ScheduleMeetingAsync(DaysAhead(30));
        var publicItem = Guid.NewGuid();
        await questions.PublishAsync(new AgendaPublished(meeting, Body, "Performance Scrutiny Meeting", "VAWG", DaysAhead(30),
        [
            new AgendaItemSummary(Guid.NewGuid(), "4", "The Commissioner's Police & Crime Plan 2021-2025 - VAWG"),
            new AgendaItemSummary(publicItem, "5", "Public questions on Violence Against Women & Girls (VAWG)"),
        ], false, DateTimeOffset.UtcNow));
        await Eventually.Until(() => questions.QueryAsync(db => Task.FromResult(db.Meetings.Single(m => m.Id == meeting).AgendaItems.Count == 2)),
            TimeSpan.FromSeconds(15), "the agenda");
        var id = await questions.SubmitAndConfirmAsync(meeting, "What support is there for victims of domestic abuse?");
        await using var accepted = await EventCollector<QuestionAccepted>.StartAsync(questions.Infrastructure, e => e.QuestionId == id);

        var wrongItem = await questions.Client(Roles.OpccStaff).PostAsJsonAsync($"/api/questions/{id}/accept", new { agendaItemId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.BadRequest, wrongItem.StatusCode);
        var view = await questions.PostOkAsync(questions.Client(Roles.OpccStaff), $"/api/questions/{id}/accept", new { });

        Assert.Equal(publicItem, view.GetProperty("agendaItemId").GetGuid());
        await accepted.WaitForAsync(1, TimeSpan.FromSeconds(15));
        Assert.Equal(publicItem, accepted.Received[0].Message.AgendaItemId);
    }
}
