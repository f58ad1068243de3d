using Microsoft.Playwright;

namespace PanelPlatform.Platform.Tests.Browser;

/// <summary>The accessibility statement and the privacy notice, reached from every page's footer.</summary>
public sealed class FooterPagesTests(PlatformApp platform, SiteBrowser browser)
{
    [Fact]
    public async Task The_accessibility_statement_and_privacy_notice_are_linked_from_the_footer_and_pass_axe()
    {
        await using var visitor = await browser.OpenAsync(platform.Gateway, nameof(The_accessibility_statement_and_privacy_notice_are_linked_from_the_footer_and_pass_axe));
        var page = visitor.Page;
        Assert.Equal(200, (await visitor.GoToAsync("/meetings")).Status);

        await page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Accessibility statement" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Accessibility statement for the Derbyshire Police and Crime Panel website");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("partially compliant with the Web Content Accessibility Guidelines version 2.2");
        await visitor.AssertAccessibleAsync();
        await visitor.ScreenshotAsync("accessibility-statement");

        await page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Privacy" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Privacy notice");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "How long we keep it" })).ToBeVisibleAsync();
        await visitor.AssertAccessibleAsync();
        await visitor.ScreenshotAsync("privacy-notice");
        visitor.AssertOnlyTheGatewayWasAsked();
    }
}
