using Microsoft.Playwright;

namespace PanelPlatform.Platform.Tests.Browser;

/// <summary>
/// Site search over the meetings record finds the seeded 17 November 2022 meeting (its words highlighted), says so when
/// nothing matches, and a meeting that does not exist is the site's own "Page not found".
/// </summary>
[Collection(SeededRecord.Name)]
public sealed class SearchAndNotFoundTests(PlatformApp platform, SiteBrowser browser) : IAsyncLifetime
{
    /// <summary>uuid5 of the Panel and the date, as both seeds name it.</summary>
    private const string November2022 = "c7da0146-c969-5674-b210-940ab4947123";

    public async ValueTask InitializeAsync() => await MeetingJourneyTests.SeedAsync(platform);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Search_finds_the_seeded_meeting_says_when_nothing_matches_and_an_unknown_meeting_is_page_not_found()
    {
        await using var visitor = await browser.OpenAsync(platform.Gateway, nameof(Search_finds_the_seeded_meeting_says_when_nothing_matches_and_an_unknown_meeting_is_page_not_found));
        var page = visitor.Page;

        // Empty: only the search box.
        Assert.Equal(200, (await visitor.GoToAsync("/search")).Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Search");
        await Assertions.Expect(page.Locator(".site-search-results")).ToHaveCountAsync(0);
        await visitor.AssertAccessibleAsync();

        await page.GetByLabel("Search meetings, agendas, reports and minutes").FillAsync("Harm to Hope");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/search\?Q=Harm(\+|%20)to(\+|%20)Hope$"));
        await Assertions.Expect(page.Locator("#results-title")).ToContainTextAsync("result");
        var hit = page.Locator(".site-search-results__item").Filter(new() { Has = page.Locator($"a[href^='/meetings/{November2022}']") }).First;
        await Assertions.Expect(hit).ToContainTextAsync("17 November 2022");
        await Assertions.Expect(hit.Locator("mark").First).ToBeVisibleAsync();
        await visitor.AssertAccessibleAsync();
        await visitor.ScreenshotAsync("search-results");

        await hit.Locator("a").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/meetings/{November2022}(#.*)?$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Derbyshire Police and Crime Panel");

        Assert.Equal(200, (await visitor.GoToAsync("/search?q=zyxwvutsrq+qponmlk")).Status);
        await Assertions.Expect(page.Locator("#results-title")).ToContainTextAsync("0 results");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("There are no matching results.");
        await visitor.AssertAccessibleAsync();
        await visitor.ScreenshotAsync("search-no-results");

        var missing = await visitor.GoToAsync($"/meetings/{Guid.NewGuid()}");
        Assert.Equal(404, missing.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Page not found");
        await visitor.AssertAccessibleAsync();
        await visitor.ScreenshotAsync("meeting-not-found");
        Assert.Equal(404, (await visitor.GoToAsync("/meetings/not-a-meeting")).Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Page not found");
        visitor.AssertOnlyTheGatewayWasAsked();
    }
}
