using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Platform.Tests.Browser;

/// <summary>
/// A resident finds the Panel's meeting of 17 November 2022 among the past meetings and reads its agenda, minutes and
/// the Commissioner's answers, in a real browser through the gateway only. The Derbyshire seed is loaded through the
/// gateway first (idempotent); seeding adds meetings, so this runs beside no other test, as the seeded record tests do.
/// </summary>
[Collection(SeededRecord.Name)]
public sealed class MeetingJourneyTests(PlatformApp platform, SiteBrowser browser) : IAsyncLifetime
{
    /// <summary>The agenda of 17 November 2022, in order, as the public pack prints it.</summary>
    private static readonly string[] Agenda =
    [
        "1. Apologies for Absence", "2. Declarations of Interest", "3. Minutes", "4. Review of the Police and Crime Plan 2021-2025",
        "5. Interim update on delivery against Police and Crime Plan", "6. Tackling Burglary", "7. Violence against Women and Girls",
        "8. Member questions to the PCC", "9. Announcements from the PCC", "10. Forthcoming Events", "11. Work Programme",
        "12. Date of Next Meeting - 26 January 2023",
    ];

    public async ValueTask InitializeAsync() => await SeedAsync(platform);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    internal static async Task SeedAsync(PlatformApp platform)
    {
        var meetings = await platform.Client(Roles.Clerk).PostAsync("/api/meetings/dev/seed", null);
        Assert.True(meetings.StatusCode == HttpStatusCode.OK, await meetings.Content.ReadAsStringAsync());
        var questions = await platform.Client(Roles.Admin).PostAsync("/api/questions/admin/seed", null);
        Assert.True(questions.StatusCode == HttpStatusCode.OK, await questions.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_resident_finds_the_17_November_2022_Panel_among_past_meetings_and_reads_its_agenda_minutes_and_answers()
    {
        await using var visitor = await browser.OpenAsync(platform.Gateway, nameof(A_resident_finds_the_17_November_2022_Panel_among_past_meetings_and_reads_its_agenda_minutes_and_answers));
        var page = visitor.Page;

        Assert.Equal(200, (await visitor.GoToAsync("/meetings")).Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Meetings");
        await visitor.AssertAccessibleAsync();

        // The filter is an ordinary form: no script is needed to choose the Panel's past meetings.
        await page.GetByLabel("Committee or meeting").SelectOptionAsync(new SelectOptionValue { Label = "Derbyshire Police and Crime Panel" });
        await page.GetByLabel("Past meetings").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show meetings" }).ClickAsync();
        await Assertions.Expect(page.Locator("#results")).ToHaveTextAsync("Past meetings of the Derbyshire Police and Crime Panel");
        await visitor.AssertAccessibleAsync();
        await visitor.ScreenshotAsync("past-meetings");

        // Most recent first: other tests' Panel meetings since 2022 may come before it, a page or two on.
        var meeting = page.GetByRole(AriaRole.Link, new() { Name = "Derbyshire Police and Crime Panel on 17 November 2022", Exact = true });
        for (var pages = 1; await meeting.CountAsync() == 0; pages++)
        {
            Assert.True(pages < 25, "The 17 November 2022 meeting is not in the Panel's past meetings.");
            var next = page.GetByRole(AriaRole.Link, new() { Name = "Next page" });
            Assert.True(await next.CountAsync() == 1, "The 17 November 2022 meeting is not in the Panel's past meetings, and there is no next page.");
            var from = page.Url;
            await next.ClickAsync();
            await page.WaitForURLAsync(url => url != from);
        }

        await meeting.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Derbyshire Police and Crime Panel");
        await Assertions.Expect(page.Locator(".govuk-summary-list").First).ToContainTextAsync("Thursday 17 November 2022 at 10am");
        await Assertions.Expect(page.Locator(".govuk-summary-list").First).ToContainTextAsync("Council Chamber, County Hall, Matlock");
        await Assertions.Expect(page.Locator(".site-agenda__item h3")).ToHaveTextAsync(Agenda);

        // Item 4's report, and its minute 41/22 with the resolution, once the minutes are published.
        var review = page.Locator(".site-agenda__item").Nth(3);
        await Assertions.Expect(review).ToContainTextAsync("Police and Crime Commissioner for Derbyshire");
        await Assertions.Expect(review).ToContainTextAsync("To inform the Police and Crime Panel of a proposed amendment to the Police and Crime Plan");
        await Assertions.Expect(review.GetByRole(AriaRole.Link, new() { Name = "Minute 41/22" })).ToBeVisibleAsync();
        var minute = page.Locator(".site-minute").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "41/22 Review of the Police and Crime Plan 2021-2025" }) });
        await Assertions.Expect(minute).ToContainTextAsync("RESOLVED to note the changes as detailed in the PCC’s report.");

        // The member question on 'From Harm to Hope', published by Questions with the Commissioner's written answer.
        var harmToHope = page.Locator(".site-question").Filter(new() { HasText = "From Harm to Hope" });
        await Assertions.Expect(harmToHope.Locator("h3")).ToHaveTextAsync("Drug strategy: From Harm to Hope");
        await Assertions.Expect(harmToHope).ToContainTextAsync("Asked by Cllr H Dhindsa");
        await Assertions.Expect(harmToHope.Locator("h4")).ToHaveTextAsync("Answer from Angelique Foster, Police and Crime Commissioner");
        await Assertions.Expect(harmToHope).ToContainTextAsync("Derbyshire Constabulary has recently established a strategic Combating Drugs Partnership");

        // A past meeting takes no questions; the calendar and RSS links answer with their feeds, through the gateway.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Ask a question" })).ToHaveCountAsync(0);
        var calendarHref = await page.GetByRole(AriaRole.Link, new() { Name = "Add Derbyshire Police and Crime Panel meetings to your calendar" }).GetAttributeAsync("href");
        var feedHref = await page.GetByRole(AriaRole.Link, new() { Name = "Get agendas and minutes by RSS" }).GetAttributeAsync("href");
        Assert.Equal("/api/meetings/bodies/derbyshire-police-and-crime-panel/calendar.ics", calendarHref);
        Assert.Equal("/api/meetings/bodies/derbyshire-police-and-crime-panel/feed.rss", feedHref);
        var calendar = await page.APIRequest.GetAsync(calendarHref!);
        Assert.Equal(200, calendar.Status);
        Assert.StartsWith("text/calendar", calendar.Headers["content-type"], StringComparison.Ordinal);
        Assert.Contains("BEGIN:VCALENDAR", await calendar.TextAsync(), StringComparison.Ordinal);
        var feed = await page.APIRequest.GetAsync(feedHref!);
        Assert.Equal(200, feed.Status);
        Assert.StartsWith("application/rss+xml", feed.Headers["content-type"], StringComparison.Ordinal);
        Assert.Matches(new Regex("<rss[ >]"), await feed.TextAsync());

        await visitor.AssertAccessibleAsync();
        await visitor.ScreenshotAsync("meeting-2022-11-17");
        visitor.AssertOnlyTheGatewayWasAsked();
    }
}
