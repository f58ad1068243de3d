using System.Net;
using System.Text.Json;
using CodeHollow.FeedReader;
using Ical.Net;
using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Meetings.Tests;

/// <summary>The calendar and RSS read by third-party parsers, and full-text search.</summary>
public sealed class FeedAndSearchTests(MeetingsService meetings) : IClassFixture<MeetingsService>
{
    private readonly Api _api = new(meetings);

    [Fact]
    public async Task A_reschedule_keeps_the_UID_and_bumps_SEQUENCE_and_a_cancellation_is_STATUS_CANCELLED()
    {
        var body = await _api.Body("Commissioner's Performance Scrutiny Meeting " + Guid.NewGuid().ToString("N")[..6], "scrutiny-meeting");
        var moving = await _api.Meeting(body, new DateTimeOffset(2031, 3, 21, 13, 30, 0, TimeSpan.Zero), "Neighbourhood Crime, ASB; and 101");
        var cancelled = await _api.Meeting(body, new DateTimeOffset(2031, 7, 4, 9, 30, 0, TimeSpan.Zero), "Violence Against Women and Girls");
        var before = Calendar.Load(await meetings.Client().GetStringAsync($"/api/meetings/bodies/{body}/calendar.ics"))!;

        await _api.Post($"/api/meetings/meetings/{moving}/reschedule", new { startsAt = "2031-03-28T13:30:00Z", isVirtual = true, reason = "Chief Constable unavailable" });
        await _api.Post($"/api/meetings/meetings/{cancelled}/cancel", new { reason = "Purdah before the PCC election" });
        var text = await meetings.Client().GetStringAsync($"/api/meetings/bodies/{body}/calendar.ics");
        var after = Calendar.Load(text)!;

        Assert.Equal("2.0", after.Version);
        Assert.Equal("PUBLISH", after.Method);
        var movedBefore = before.Events.Single(e => e.Uid == $"{moving}@meetings.panel-platform.uk");
        var movedAfter = after.Events.Single(e => e.Uid == movedBefore.Uid);
        Assert.Equal(0, movedBefore.Sequence);
        Assert.Equal(1, movedAfter.Sequence);
        Assert.Equal(new DateTime(2031, 3, 28, 13, 30, 0, DateTimeKind.Utc), movedAfter.DtStart!.AsUtc);
        Assert.Equal("Neighbourhood Crime, ASB; and 101", movedAfter.Summary); // escaped commas and semicolons survive
        var gone = after.Events.Single(e => e.Uid == $"{cancelled}@meetings.panel-platform.uk");
        Assert.Equal("CANCELLED", gone.Status);
        Assert.Equal(1, gone.Sequence);
        Assert.Equal("CONFIRMED", movedAfter.Status);
        // July is British Summer Time: 09:30 UTC is 10:30 on the London clock in the file.
        Assert.Contains("DTSTART;TZID=Europe/London:20310704T103000", text, StringComparison.Ordinal);
        Assert.All(text.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
    }

    [Fact]
    public async Task An_unknown_body_has_no_calendar_or_feed()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await meetings.Client().GetAsync("/api/meetings/bodies/no-such-body/calendar.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await meetings.Client().GetAsync("/api/meetings/bodies/no-such-body/feed.rss")).StatusCode);
    }

    [Fact]
    public async Task The_RSS_feed_lists_published_agendas_and_minutes_and_a_feed_reader_reads_it()
    {
        var body = await _api.Body();
        var meeting = await _api.Meeting(body, new DateTimeOffset(2022, 11, 17, 10, 0, 0, TimeSpan.Zero));
        var item = await _api.Item(meeting, "4", "Review of the Police and Crime Plan 2021-2025");
        var unpublished = await _api.Meeting(body, new DateTimeOffset(2031, 1, 26, 10, 0, 0, TimeSpan.Zero), "Not yet on the agenda list");
        await _api.Hold(meeting);
        await _api.Draft(meeting, new { itemId = item, text = "RESOLVED to note the changes." });
        await _api.Post($"/api/meetings/meetings/{meeting}/minutes/publish", new { });

        var response = await meetings.Client().GetAsync($"/api/meetings/bodies/{body}/feed.rss");
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = FeedReader.ReadFromString(await response.Content.ReadAsStringAsync());

        Assert.Equal(FeedType.Rss_2_0, feed.Type);
        Assert.Equal(2, feed.Items.Count);
        Assert.StartsWith("Minutes published: ", feed.Items[0].Title, StringComparison.Ordinal);
        Assert.StartsWith("Agenda published: ", feed.Items[1].Title, StringComparison.Ordinal);
        Assert.Contains("01/22 Review of the Police and Crime Plan 2021-2025", feed.Items[0].Description, StringComparison.Ordinal);
        Assert.Contains("4. Review of the Police and Crime Plan 2021-2025", feed.Items[1].Description, StringComparison.Ordinal);
        Assert.EndsWith($"/api/meetings/meetings/{meeting}", feed.Items[1].Link, StringComparison.Ordinal);
        Assert.NotNull(feed.Items[1].PublishingDate);
        Assert.DoesNotContain(feed.Items, i => i.Link.Contains(unpublished.ToString(), StringComparison.Ordinal));
        Assert.NotEqual(feed.Items[0].Id, feed.Items[1].Id);
    }

    [Fact]
    public async Task Search_is_ranked_and_paged_over_meetings_items_reports_and_minutes()
    {
        var body = await _api.Body();
        var word = "Quorndon" + Guid.NewGuid().ToString("N")[..6];
        var meeting = await _api.Meeting(body, new DateTimeOffset(2022, 11, 17, 10, 0, 0, TimeSpan.Zero), $"Panel on {word} burglary");
        var strong = await _api.Item(meeting, "6", $"Tackling burglary in {word}: burglary and {word} burglary");
        var weak = await _api.Item(meeting, "7", "Violence against Women and Girls");
        await _api.Put($"/api/meetings/items/{weak}/report", new { title = "Violence Against Women and Girls", reportBy = "Police and Crime Commissioner", date = "2022-11-17", purpose = "A general update.", text = $"Mentions {word} once among much else about safeguarding, partnership and the VAWG strategy." });
        await _api.Hold(meeting);
        await _api.Draft(meeting, new { itemId = strong, title = "Tackling burglary", text = $"Members asked about burglary attendance in {word}." });
        await _api.Post($"/api/meetings/meetings/{meeting}/minutes/publish", new { });

        var first = await Api.Read(await meetings.Client().GetAsync($"/api/meetings/search?q={word}&limit=2"), HttpStatusCode.OK);
        Assert.Equal(4, first.GetProperty("total").GetInt64());
        var hits = first.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, hits.Count);
        Assert.Equal(strong, hits[0].GetProperty("id").GetGuid()); // the item that says it three times ranks first
        Assert.Contains("<b>", hits[0].GetProperty("snippet").GetString(), StringComparison.Ordinal);
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await Api.Read(await meetings.Client().GetAsync($"/api/meetings/search?q={word}&limit=2&cursor={cursor}"), HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
        var kinds = hits.Concat(second.GetProperty("items").EnumerateArray()).Select(h => h.GetProperty("kind").GetString()).Order();
        Assert.Equal(["agenda-item", "meeting", "minute", "report"], kinds);
        var ranks = hits.Concat(second.GetProperty("items").EnumerateArray()).Select(h => h.GetProperty("rank").GetDouble()).ToList();
        Assert.Equal(ranks.OrderDescending(), ranks);

        var stemmed = await Api.Read(await meetings.Client().GetAsync($"/api/meetings/search?q=burglaries {word}"), HttpStatusCode.OK);
        Assert.True(stemmed.GetProperty("total").GetInt64() >= 2, "English stemming: 'burglaries' finds 'burglary'");
        var excluded = await Api.Read(await meetings.Client().GetAsync($"/api/meetings/search?q={word} -burglary"), HttpStatusCode.OK);
        Assert.Equal(["report"], excluded.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("kind").GetString()));
    }

    [Theory]
    [InlineData("/api/meetings/search", "q")]
    [InlineData("/api/meetings/search?q=%3Cscript%3E", "q")]
    [InlineData("/api/meetings/search?q=burglary&limit=0", "limit")]
    [InlineData("/api/meetings/search?q=burglary&cursor=forged", "cursor")]
    [InlineData("/api/meetings/oparl/v1/bodies?page=0", "page")]
    [InlineData("/api/meetings/meetings?status=adjourned", "status")]
    public async Task Bad_queries_are_400_problems_naming_the_field(string path, string field)
    {
        var problem = await Api.Read(await meetings.Client(Roles.Clerk).GetAsync(path), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}
