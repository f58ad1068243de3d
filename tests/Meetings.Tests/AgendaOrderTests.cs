using System.Net;
using System.Net.Http.Json;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Meetings.Tests;

/// <summary>
/// The staff console's agenda calls: the whole agenda put in order in one request, the notice an agenda published now
/// would give, and a report's cover sheet changed without losing the text and attachments the form does not show.
/// </summary>
public sealed class AgendaOrderTests(MeetingsService meetings) : IClassFixture<MeetingsService>
{
    private readonly Api _api = new(meetings);

    private async Task<(Guid Meeting, Guid Apologies, Guid Minutes, Guid Plan)> AgendaAsync()
    {
        var body = await _api.Body();
        var meeting = await _api.Meeting(body, new DateTimeOffset(2022, 11, 17, 10, 0, 0, TimeSpan.Zero));
        var apologies = await _api.Item(meeting, "1", "Apologies for Absence", kind: "apologies");
        var minutes = await _api.Item(meeting, "2", "Minutes of the meeting held on 8 September 2022", kind: "minutes");
        var plan = await _api.Item(meeting, "3", "Review of the Police and Crime Plan 2021-2025", kind: "report");
        return (meeting, apologies, minutes, plan);
    }

    private async Task<List<(Guid Id, int Order, string Number)>> ItemsAsync(Guid meeting) =>
        (await Api.Read(await _api.Clerk.GetAsync($"/api/meetings/meetings/{meeting}/items"), HttpStatusCode.OK)).EnumerateArray()
        .Select(i => (i.GetProperty("id").GetGuid(), i.GetProperty("order").GetInt32(), i.GetProperty("number").GetString()!)).ToList();

    [Fact]
    public async Task The_whole_agenda_is_put_in_a_new_order_in_one_call_keeping_the_printed_numbers()
    {
        var (meeting, apologies, minutes, plan) = await AgendaAsync();

        var answer = await _api.Put($"/api/meetings/meetings/{meeting}/items/order", new { itemIds = new[] { plan, apologies, minutes } });

        Assert.Equal([plan, apologies, minutes], answer.EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        Assert.Equal([(plan, 1, "3"), (apologies, 2, "1"), (minutes, 3, "2")], await ItemsAsync(meeting));
        var page = await _api.Page(meeting, Roles.Clerk);
        Assert.Equal([plan, apologies, minutes], page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task Renumbering_prints_the_items_one_two_three_in_their_new_order()
    {
        var (meeting, apologies, minutes, plan) = await AgendaAsync();

        await _api.Put($"/api/meetings/meetings/{meeting}/items/order", new { itemIds = new[] { minutes, plan, apologies }, renumber = true });

        Assert.Equal([(minutes, 1, "1"), (plan, 2, "2"), (apologies, 3, "3")], await ItemsAsync(meeting));
    }

    [Fact]
    public async Task An_order_made_on_an_agenda_that_has_changed_since_is_a_conflict_and_changes_nothing()
    {
        var (meeting, apologies, minutes, plan) = await AgendaAsync();
        var before = await ItemsAsync(meeting);

        // Someone else added an item after this order was made: it does not name the new one.
        await _api.Item(meeting, "4", "Police and Crime Commissioner's Announcements", kind: "announcements");
        var missing = await Api.Read(await _api.Clerk.PutAsJsonAsync($"/api/meetings/meetings/{meeting}/items/order",
            new { itemIds = new[] { plan, apologies, minutes } }), HttpStatusCode.Conflict);
        Assert.EndsWith("/agenda-changed", missing.GetProperty("type").GetString(), StringComparison.Ordinal);

        // …or names an item that is not (or no longer) on this agenda.
        var stranger = await Api.Read(await _api.Clerk.PutAsJsonAsync($"/api/meetings/meetings/{meeting}/items/order",
            new { itemIds = new[] { plan, apologies, minutes, Guid.NewGuid() } }), HttpStatusCode.Conflict);
        Assert.EndsWith("/agenda-changed", stranger.GetProperty("type").GetString(), StringComparison.Ordinal);

        Assert.Equal(before, (await ItemsAsync(meeting)).Take(3));
    }

    [Fact]
    public async Task An_order_naming_an_item_twice_or_none_is_refused()
    {
        var (meeting, apologies, minutes, _) = await AgendaAsync();

        var twice = await Api.Read(await _api.Clerk.PutAsJsonAsync($"/api/meetings/meetings/{meeting}/items/order",
            new { itemIds = new[] { apologies, minutes, apologies } }), HttpStatusCode.BadRequest);
        Assert.True(twice.GetProperty("errors").TryGetProperty("itemIds", out _));
        var none = await Api.Read(await _api.Clerk.PutAsJsonAsync($"/api/meetings/meetings/{meeting}/items/order",
            new { itemIds = Array.Empty<Guid>() }), HttpStatusCode.BadRequest);
        Assert.True(none.GetProperty("errors").TryGetProperty("itemIds", out _));
        await Api.Read(await _api.Clerk.PutAsJsonAsync($"/api/meetings/meetings/{Guid.NewGuid()}/items/order",
            new { itemIds = new[] { apologies } }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_cancelled_meetings_agenda_is_not_reordered()
    {
        var (meeting, apologies, minutes, plan) = await AgendaAsync();
        await _api.Post($"/api/meetings/meetings/{meeting}/cancel", new { reason = "Not quorate" });

        var refused = await Api.Read(await _api.Clerk.PutAsJsonAsync($"/api/meetings/meetings/{meeting}/items/order",
            new { itemIds = new[] { plan, apologies, minutes } }), HttpStatusCode.Conflict);

        Assert.Equal("meeting-cancelled", refused.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Only_the_clerk_reorders_an_agenda_or_asks_for_its_notice()
    {
        var (meeting, apologies, minutes, plan) = await AgendaAsync();
        var order = new { itemIds = new[] { plan, apologies, minutes } };

        Assert.Equal(HttpStatusCode.Unauthorized, (await meetings.Client().PutAsJsonAsync($"/api/meetings/meetings/{meeting}/items/order", order)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await meetings.Client(Roles.PanelMember).PutAsJsonAsync($"/api/meetings/meetings/{meeting}/items/order", order)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await meetings.Client().GetAsync($"/api/meetings/meetings/{meeting}/agenda/notice")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await meetings.Client(Roles.OpccStaff).GetAsync($"/api/meetings/meetings/{meeting}/agenda/notice")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await meetings.Client(Roles.Admin).GetAsync($"/api/meetings/meetings/{meeting}/agenda/notice")).StatusCode);
        Assert.Equal([(apologies, 1, "1"), (minutes, 2, "2"), (plan, 3, "3")], await ItemsAsync(meeting));
    }

    [Fact]
    public async Task The_notice_says_whether_publishing_today_would_be_on_time_and_changes_nothing()
    {
        var body = await _api.Body();
        var today = UkTime.LondonDate(DateTimeOffset.UtcNow);
        var farDay = today.AddDays(60);
        var far = await _api.Meeting(body, UkTime.FromLondon(farDay, new TimeOnly(10, 0)));
        var soonDay = WorkingDays.Add(today, 2);
        var soon = await _api.Meeting(body, UkTime.FromLondon(soonDay, new TimeOnly(10, 0)));

        var onTime = await Api.Read(await _api.Clerk.GetAsync($"/api/meetings/meetings/{far}/agenda/notice"), HttpStatusCode.OK);
        Assert.False(onTime.GetProperty("late").GetBoolean());
        Assert.Equal(5, onTime.GetProperty("required").GetInt32());
        Assert.Equal(WorkingDays.ClearDaysBetween(today, farDay), onTime.GetProperty("clearWorkingDays").GetInt32());
        Assert.Equal(farDay, DateOnly.Parse(onTime.GetProperty("meetingOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(WorkingDays.LatestWorkingDayWithClearDaysBefore(farDay, 5),
            DateOnly.Parse(onTime.GetProperty("deadline").GetString()!, System.Globalization.CultureInfo.InvariantCulture));

        var late = await Api.Read(await _api.Clerk.GetAsync($"/api/meetings/meetings/{soon}/agenda/notice"), HttpStatusCode.OK);
        Assert.True(late.GetProperty("late").GetBoolean());
        Assert.Equal(1, late.GetProperty("clearWorkingDays").GetInt32());

        // Asking publishes nothing; publishing late still needs the urgency reason.
        Assert.Equal("scheduled", (await _api.Page(soon, Roles.Clerk)).GetProperty("status").GetString());
        var refused = await Api.Read(await _api.Clerk.PostAsJsonAsync($"/api/meetings/meetings/{soon}/agenda/publish", new { }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("agenda-notice-too-short", refused.GetProperty("code").GetString());
        await Api.Read(await _api.Clerk.GetAsync($"/api/meetings/meetings/{Guid.NewGuid()}/agenda/notice"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_report_changed_without_its_text_or_attachments_keeps_them_and_an_empty_value_clears_them()
    {
        var (_, _, _, plan) = await AgendaAsync();
        var word = $"Quenneville{Guid.NewGuid():N}"[..20];
        await _api.Put($"/api/meetings/items/{plan}/report", new
        {
            title = "Review of the Police and Crime Plan 2021-2025", reportBy = "Police and Crime Commissioner for Derbyshire", date = "2022-11-17",
            purpose = "To inform the Panel of a proposed amendment.", attachments = new[] { "Appendix A - Police and Crime Plan" }, text = $"The plan's text {word}",
        });

        // The console's form: the cover sheet only.
        var changed = await _api.Put($"/api/meetings/items/{plan}/report", new
        {
            title = "Review of the Police and Crime Plan 2021-2025", reportBy = "Police and Crime Commissioner for Derbyshire", date = "2022-11-17",
            purpose = "To seek the Panel's views on a proposed amendment.", recommendations = "That the Panel notes the report.",
        });

        Assert.Equal("To seek the Panel's views on a proposed amendment.", changed.GetProperty("purpose").GetString());
        Assert.Equal(["Appendix A - Police and Crime Plan"], changed.GetProperty("attachments").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal($"The plan's text {word}", await meetings.QueryAsync(db => Task.FromResult(db.Reports.Single(r => r.AgendaItemId == plan).Text)));

        var cleared = await _api.Put($"/api/meetings/items/{plan}/report", new
        {
            title = "Review of the Police and Crime Plan 2021-2025", reportBy = "Police and Crime Commissioner for Derbyshire", date = "2022-11-17",
            purpose = "To seek the Panel's views on a proposed amendment.", attachments = Array.Empty<string>(), text = "",
        });
        Assert.Empty(cleared.GetProperty("attachments").EnumerateArray());
        Assert.Null(await meetings.QueryAsync(db => Task.FromResult(db.Reports.Single(r => r.AgendaItemId == plan).Text)));
    }
}
