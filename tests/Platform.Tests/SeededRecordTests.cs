using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Platform.Tests;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SeededRecord
{
    /// <summary>Seeding adds meetings: runs alone, so that no other test counts rows while it does.</summary>
    public const string Name = "platform seeded record";
}

/// <summary>The Derbyshire record loaded into the running platform and read back only through the gateway.</summary>
[Collection(SeededRecord.Name)]
public sealed class SeededRecordTests(PlatformApp platform) : IAsyncLifetime
{
    private const string Panel = "derbyshire-police-and-crime-panel";

    public async ValueTask InitializeAsync()
    {
        var seeded = await platform.Client(Roles.Clerk).PostAsync("/api/meetings/dev/seed", null);
        Assert.Equal(HttpStatusCode.OK, seeded.StatusCode);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<JsonElement> MeetingOnAsync(string date)
    {
        var list = await platform.Client().GetFromJsonAsync<JsonElement>($"/api/meetings/meetings?body={Panel}&limit=200");
        var id = list.GetProperty("items").EnumerateArray()
            .Single(m => m.GetProperty("startsAt").GetString()!.StartsWith(date, StringComparison.Ordinal)).GetProperty("id").GetGuid();
        return await platform.Client().GetFromJsonAsync<JsonElement>($"/api/meetings/meetings/{id}");
    }

    [Fact]
    public async Task The_17_November_2022_meeting_shows_its_agenda_in_order_and_41_22_is_the_Plan_review()
    {
        var page = await MeetingOnAsync("2022-11-17");

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, 12).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), items.Select(i => i.GetProperty("number").GetString()));
        Assert.Equal("Apologies for Absence", items[0].GetProperty("title").GetString());
        Assert.Equal("Date of Next Meeting - 26 January 2023", items[^1].GetProperty("title").GetString());
        var review = items.Single(i => i.GetProperty("minuteNumber").GetString() == "41/22");
        Assert.Equal("Review of the Police and Crime Plan 2021-2025", review.GetProperty("title").GetString());

        var minute = await platform.Client().GetFromJsonAsync<JsonElement>($"/api/meetings/bodies/{Panel}/minutes?number=41/22");
        Assert.Equal("Review of the Police and Crime Plan 2021-2025", minute.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_minutes_of_8_September_2022_are_confirmed_by_40_22()
    {
        var september = await MeetingOnAsync("2022-09-08");
        var november = await MeetingOnAsync("2022-11-17");

        Assert.Equal("minutes-confirmed", september.GetProperty("status").GetString());
        Assert.Equal("40/22", september.GetProperty("minutesConfirmedBy").GetProperty("minuteNumber").GetString());
        Assert.Equal(november.GetProperty("id").GetGuid(), september.GetProperty("minutesConfirmedBy").GetProperty("meetingId").GetGuid());
    }

    [Fact]
    public async Task The_calendar_lists_the_next_meeting_of_26_January_2023()
    {
        var response = await platform.Client().GetAsync($"/api/meetings/bodies/{Panel}/calendar.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;
        // Other tests schedule meetings that day too: the seeded one carries the Panel's own name.
        var january = Assert.Single(calendar.Events, e => e.DtStart!.Date == new DateOnly(2023, 1, 26) && e.Summary == "Derbyshire Police and Crime Panel");
        Assert.Equal(new DateTime(2023, 1, 26, 10, 0, 0, DateTimeKind.Utc), january.DtStart!.AsUtc);
    }
}
