using System.Net;
using System.Net.Http.Json;
using PanelPlatform.Contracts.Meetings;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Meetings.Tests;

/// <summary>The meeting lifecycle over HTTP on the real database, and every event it publishes through the outbox to the real broker.</summary>
public sealed class LifecycleAndEventTests(MeetingsService meetings) : IClassFixture<MeetingsService>
{
    private readonly Api _api = new(meetings);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task An_agenda_published_in_time_is_not_late_and_AgendaPublished_carries_only_the_public_items_in_order()
    {
        var body = await _api.Body();
        var startsAt = DateTimeOffset.UtcNow.AddDays(40);
        var meeting = await _api.Meeting(body, startsAt);
        await using var collector = await EventCollector<AgendaPublished>.StartAsync(meetings.Infrastructure, e => e.MeetingId == meeting);
        await _api.Item(meeting, "2", "Declarations of Interest", kind: "declarations");
        await _api.Item(meeting, "1", "Apologies for Absence", kind: "apologies");
        await _api.Item(meeting, "3", "Complaint about the Commissioner", "part-ii", "Paragraph 1 of Schedule 12A to the Local Government Act 1972");

        var published = await _api.Post($"/api/meetings/meetings/{meeting}/agenda/publish", new { });

        Assert.False(published.GetProperty("notice").GetProperty("late").GetBoolean());
        Assert.True(published.GetProperty("notice").GetProperty("clearWorkingDays").GetInt32() >= 5);
        Assert.Equal("agenda-published", published.GetProperty("meeting").GetProperty("status").GetString());
        await collector.WaitForAsync(1, Wait);
        Assert.False(await collector.MoreThanAsync(1, TimeSpan.FromSeconds(1)));
        var agenda = collector.Received.Single().Message;
        Assert.False(agenda.PublishedLate);
        Assert.Equal(body, agenda.BodySlug);
        // Added as 2 then 1: listed in agenda order (the order they were added), Part II left out.
        Assert.Equal(["Declarations of Interest", "Apologies for Absence"], agenda.Items.Select(i => i.Title));
        Assert.DoesNotContain(agenda.Items, i => i.Title.Contains("Complaint", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_late_agenda_without_a_reason_is_a_422_and_stores_nothing_and_with_a_reason_it_is_flagged()
    {
        var body = await _api.Body();
        var meeting = await _api.Meeting(body, DateTimeOffset.UtcNow.AddDays(2));
        await using var collector = await EventCollector<AgendaPublished>.StartAsync(meetings.Infrastructure, e => e.MeetingId == meeting);
        var before = await meetings.CountsAsync();

        var refused = await _api.Clerk.PostAsJsonAsync($"/api/meetings/meetings/{meeting}/agenda/publish", new { });
        var problem = await Api.Read(refused, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("https://panel-platform.uk/problems/agenda-notice-too-short", problem.GetProperty("type").GetString());
        Assert.Equal(before, await meetings.CountsAsync());
        Assert.Equal("scheduled", (await _api.Page(meeting, Roles.Clerk)).GetProperty("status").GetString());

        var published = await _api.Post($"/api/meetings/meetings/{meeting}/agenda/publish", new { urgencyReason = "The precept proposal arrived late" });

        Assert.True(published.GetProperty("notice").GetProperty("late").GetBoolean());
        var page = await _api.Page(meeting);
        Assert.True(page.GetProperty("agendaPublishedLate").GetBoolean());
        Assert.Equal("The precept proposal arrived late", page.GetProperty("agendaUrgencyReason").GetString());
        await collector.WaitForAsync(1, Wait);
        Assert.True(collector.Received.Single().Message.PublishedLate);
    }

    [Fact]
    public async Task Rescheduling_publishes_MeetingRescheduled_and_cancelling_MeetingCancelled()
    {
        var body = await _api.Body();
        var startsAt = new DateTimeOffset(2031, 1, 23, 10, 0, 0, TimeSpan.Zero);
        var meeting = await _api.Meeting(body, startsAt);
        await using var rescheduled = await EventCollector<MeetingRescheduled>.StartAsync(meetings.Infrastructure, e => e.MeetingId == meeting);
        await using var cancelled = await EventCollector<MeetingCancelled>.StartAsync(meetings.Infrastructure, e => e.MeetingId == meeting);

        var moved = await _api.Post($"/api/meetings/meetings/{meeting}/reschedule",
            new { startsAt = "2031-01-30T10:00:00Z", location = "Council Chamber, County Hall, Matlock", reason = "Chamber needed for the election count" });
        Assert.Equal("rescheduled", moved.GetProperty("status").GetString());
        Assert.Equal(1, moved.GetProperty("sequence").GetInt32());
        var refused = await _api.Clerk.PostAsJsonAsync($"/api/meetings/meetings/{meeting}/cancel", new { reason = "" });
        await Api.Read(refused, HttpStatusCode.BadRequest);
        var gone = await _api.Post($"/api/meetings/meetings/{meeting}/cancel", new { reason = "Not quorate" });

        Assert.Equal("cancelled", gone.GetProperty("status").GetString());
        await rescheduled.WaitForAsync(1, Wait);
        await cancelled.WaitForAsync(1, Wait);
        var move = rescheduled.Received.Single().Message;
        Assert.Equal(startsAt, move.PreviousStartsAt);
        Assert.Equal(new DateTimeOffset(2031, 1, 30, 10, 0, 0, TimeSpan.Zero), move.StartsAt);
        Assert.Equal("Chamber needed for the election count", move.Reason);
        Assert.Equal("Not quorate", cancelled.Received.Single().Message.Reason);
        var again = await _api.Clerk.PostAsJsonAsync($"/api/meetings/meetings/{meeting}/cancel", new { reason = "twice" });
        await Api.Read(again, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Minutes_are_numbered_per_body_per_year_published_confirmed_and_then_immutable_with_their_events()
    {
        var bodyName = $"Police and Crime Panel {Guid.NewGuid():N}";
        var body = await _api.Body(bodyName);
        var september = await _api.Meeting(body, new DateTimeOffset(2022, 9, 8, 9, 0, 0, TimeSpan.Zero));
        var november = await _api.Meeting(body, new DateTimeOffset(2022, 11, 17, 10, 0, 0, TimeSpan.Zero));
        var january = await _api.Meeting(body, new DateTimeOffset(2023, 1, 26, 10, 0, 0, TimeSpan.Zero));
        var otherBody = await _api.Body();
        var elsewhere = await _api.Meeting(otherBody, new DateTimeOffset(2022, 10, 6, 10, 0, 0, TimeSpan.Zero));
        await using var minutesPublished = await EventCollector<MinutesPublished>.StartAsync(meetings.Infrastructure, e => e.BodySlug == body);
        await using var resolutions = await EventCollector<ResolutionRecorded>.StartAsync(meetings.Infrastructure, e => e.BodySlug == body);
        await using var confirmed = await EventCollector<MinutesConfirmed>.StartAsync(meetings.Infrastructure, e => e.BodySlug == body);

        var declarations = await _api.Item(september, "2", "Declarations of Interest", kind: "declarations");
        var minutesItem = await _api.Item(september, "3", "Minutes", kind: "minutes");
        var exempt = await _api.Item(september, "4", "Exempt minutes", "part-ii", "Paragraph 1 of Schedule 12A to the Local Government Act 1972");
        await _api.Hold(september);
        var drafted = await _api.Draft(september,
            new { itemId = minutesItem, text = "The minutes of 23 June 2022 were considered.", resolutions = new[] { "RESOLVED to approve as a correct record the minutes of the meeting held on 23 June 2022." } },
            new { itemId = declarations, text = "There were no declarations of interest." },
            new { itemId = exempt, text = "Exempt.", resolutions = new[] { "RESOLVED (exempt)." } });
        // Numbered in agenda order whatever order they were sent in.
        Assert.Equal(["01/22", "02/22", "03/22"], drafted.EnumerateArray().Select(m => m.GetProperty("number").GetString()));
        Assert.Equal(["Declarations of Interest", "Minutes", "Exempt minutes"], drafted.EnumerateArray().Select(m => m.GetProperty("title").GetString()));

        // Another body's numbers are its own.
        var elsewhereItem = await _api.Item(elsewhere, "1", "Rural crime");
        await _api.Hold(elsewhere);
        Assert.Equal("01/22", (await _api.Draft(elsewhere, new { itemId = elsewhereItem, text = "Noted." }))[0].GetProperty("number").GetString());

        // November continues the Panel's 2022 sequence; a minute added later takes the next number, never a gap-filler.
        var nDeclarations = await _api.Item(november, "2", "Declarations of Interest", kind: "declarations");
        var nMinutes = await _api.Item(november, "3", "Minutes", kind: "minutes");
        await _api.Hold(november);
        var nDrafted = await _api.Draft(november, new { itemId = nDeclarations, text = "There were no declarations of interest." });
        Assert.Equal("04/22", nDrafted[0].GetProperty("number").GetString());
        var nSecond = await _api.Draft(november, new { itemId = nMinutes, text = "Minutes of 8 September.", resolutions = new[] { "RESOLVED to approve as a correct record the minutes of the meeting held on 8 September 2022" } });
        Assert.Equal("05/22", nSecond.EnumerateArray().Last().GetProperty("number").GetString());
        var twice = await _api.Clerk.PostAsJsonAsync($"/api/meetings/meetings/{november}/minutes/draft", new { entries = new[] { new { itemId = nMinutes, text = "again" } } });
        await Api.Read(twice, HttpStatusCode.Conflict);

        // January 2023 starts the 2023 sequence.
        var jItem = await _api.Item(january, "1", "Declarations of Interest");
        await _api.Hold(january);
        Assert.Equal("01/23", (await _api.Draft(january, new { itemId = jItem, text = "None." }))[0].GetProperty("number").GetString());

        // Publishing: MinutesPublished with the public minutes only, and ResolutionRecorded for each public resolution.
        await _api.Post($"/api/meetings/meetings/{september}/minutes/publish", new { });
        await minutesPublished.WaitForAsync(1, Wait);
        var published = minutesPublished.Received.Single().Message;
        Assert.Equal(september, published.MeetingId);
        Assert.Equal(["01/22 Declarations of Interest", "02/22 Minutes"], published.Minutes.Select(m => $"{m.Number} {m.Title}"));
        await resolutions.WaitForAsync(1, Wait);
        Assert.False(await resolutions.MoreThanAsync(1, TimeSpan.FromSeconds(1)));
        Assert.Equal("02/22", resolutions.Received.Single().Message.MinuteNumber);
        // What a notice of it needs to say which meeting it was: the body's name, the title, the London date and time.
        AssertMeetingFacts(resolutions.Received.Single().Message);

        // A resolution added after publication is announced at once.
        var minuteId = drafted[1].GetProperty("id").GetGuid();
        await _api.Post($"/api/meetings/minutes/{minuteId}/resolutions", new { text = "RESOLVED to note the correction." }, HttpStatusCode.Created);
        await resolutions.WaitForAsync(2, Wait);
        AssertMeetingFacts(resolutions.Received.Single(r => r.Message.Text == "RESOLVED to note the correction.").Message);

        // Confirmation: only by a later meeting of the same body, by a minute that meeting has.
        await Api.Read(await _api.Clerk.PostAsJsonAsync($"/api/meetings/meetings/{september}/minutes/confirm", new { confirmingMeetingId = elsewhere, minuteNumber = "01/22" }), HttpStatusCode.UnprocessableEntity);
        await Api.Read(await _api.Clerk.PostAsJsonAsync($"/api/meetings/meetings/{september}/minutes/confirm", new { confirmingMeetingId = november, minuteNumber = "09/22" }), HttpStatusCode.UnprocessableEntity);
        var done = await _api.Post($"/api/meetings/meetings/{september}/minutes/confirm", new { confirmingMeetingId = november, minuteNumber = "05/22" });
        Assert.Equal("minutes-confirmed", done.GetProperty("status").GetString());
        Assert.Equal("05/22", done.GetProperty("minutesConfirmedBy").GetProperty("minuteNumber").GetString());
        await confirmed.WaitForAsync(1, Wait);
        var confirmation = confirmed.Received.Single().Message;
        Assert.Equal((september, november, "05/22"), (confirmation.MeetingId, confirmation.ConfirmedAtMeetingId, confirmation.ConfirmingMinuteNumber));
        // Which meeting's minutes, and when the confirming meeting was: 8 September 2022 10am BST, 17 November 2022 10am GMT.
        Assert.Equal((bodyName, "Police and Crime Panel"), (confirmation.BodyName, confirmation.Title));
        Assert.Equal(new DateTimeOffset(2022, 9, 8, 10, 0, 0, TimeSpan.FromHours(1)), confirmation.StartsAt);
        Assert.Equal(TimeSpan.FromHours(1), confirmation.StartsAt!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2022, 11, 17, 10, 0, 0, TimeSpan.Zero), confirmation.ConfirmedAtStartsAt);
        Assert.Equal(TimeSpan.Zero, confirmation.ConfirmedAtStartsAt!.Value.Offset);

        // Confirmed minutes are immutable: no edits, no new resolutions, no new minutes, no declarations, no attendance.
        var before = await meetings.CountsAsync();
        await Api.Read(await _api.Clerk.PutAsJsonAsync($"/api/meetings/minutes/{minuteId}", new { title = "Minutes", text = "Rewritten" }), HttpStatusCode.Conflict);
        await Api.Read(await _api.Clerk.PostAsJsonAsync($"/api/meetings/minutes/{minuteId}/resolutions", new { text = "RESOLVED again." }), HttpStatusCode.Conflict);
        await Api.Read(await _api.Clerk.PostAsJsonAsync($"/api/meetings/meetings/{september}/minutes/draft", new { entries = new[] { new { title = "Late addition", text = "x" } } }), HttpStatusCode.Conflict);
        await Api.Read(await _api.Clerk.PutAsJsonAsync($"/api/meetings/meetings/{september}/attendance", new { entries = Array.Empty<object>() }), HttpStatusCode.Conflict);
        await Api.Read(await _api.Clerk.PostAsJsonAsync($"/api/meetings/meetings/{september}/items", new { number = "9", title = "Late item" }), HttpStatusCode.Conflict);
        Assert.Equal(before, await meetings.CountsAsync());
        var minute = await Api.Read(await meetings.Client().GetAsync($"/api/meetings/minutes/{minuteId}"), HttpStatusCode.OK);
        Assert.Equal("The minutes of 23 June 2022 were considered.", minute.GetProperty("text").GetString());

        void AssertMeetingFacts(ResolutionRecorded resolution)
        {
            Assert.Equal((september, bodyName, "Police and Crime Panel"), (resolution.MeetingId, resolution.BodyName, resolution.Title));
            Assert.Equal(new DateTimeOffset(2022, 9, 8, 10, 0, 0, TimeSpan.FromHours(1)), resolution.StartsAt);
            Assert.Equal(TimeSpan.FromHours(1), resolution.StartsAt!.Value.Offset);
        }
    }

    [Fact]
    public async Task Minute_numbers_stay_unique_when_two_meetings_of_a_body_are_drafted_at_once()
    {
        var body = await _api.Body();
        var first = await _api.Meeting(body, new DateTimeOffset(2024, 3, 7, 10, 0, 0, TimeSpan.Zero));
        var second = await _api.Meeting(body, new DateTimeOffset(2024, 6, 6, 10, 0, 0, TimeSpan.Zero));
        await _api.Hold(first);
        await _api.Hold(second);
        var entries = Enumerable.Range(1, 10).Select(i => new { title = $"Minute {i}", text = "Noted." }).ToArray();

        var results = await Task.WhenAll(
            _api.Clerk.PostAsJsonAsync($"/api/meetings/meetings/{first}/minutes/draft", new { entries }),
            meetings.Client(Roles.Clerk).PostAsJsonAsync($"/api/meetings/meetings/{second}/minutes/draft", new { entries }));

        var numbers = new List<string>();
        foreach (var result in results)
        {
            numbers.AddRange((await Api.Read(result, HttpStatusCode.OK)).EnumerateArray().Select(m => m.GetProperty("number").GetString()!));
        }

        Assert.Equal(20, numbers.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"{i:00}/24").Order(), numbers.Order());
    }

    [Fact]
    public async Task A_future_meeting_cannot_be_recorded_as_held()
    {
        var body = await _api.Body();
        var meeting = await _api.Meeting(body, DateTimeOffset.UtcNow.AddDays(30));
        await _api.Post($"/api/meetings/meetings/{meeting}/agenda/publish", new { });

        var problem = await Api.Read(await _api.Clerk.PostAsJsonAsync($"/api/meetings/meetings/{meeting}/held", new { }), HttpStatusCode.UnprocessableEntity);

        Assert.Equal("https://panel-platform.uk/problems/meeting-not-started", problem.GetProperty("type").GetString());
    }
}
