using Microsoft.Playwright;

namespace PanelPlatform.Platform.Tests.Browser;

/// <summary>The public site in a real browser, through the gateway only.</summary>
public sealed class PublicSiteTests(PlatformApp platform, SiteBrowser browser)
{
    [Fact]
    public async Task The_home_page_comes_through_the_gateway_styled_by_GOV_UK_Frontend_and_passes_axe()
    {
        await using var visitor = await browser.OpenAsync(platform.Gateway, nameof(The_home_page_comes_through_the_gateway_styled_by_GOV_UK_Frontend_and_passes_axe));

        var response = await visitor.GoToAsync("/");

        Assert.Equal(200, response.Status);
        Assert.Equal("Derbyshire Police and Crime Panel", await visitor.Page.Locator("h1").InnerTextAsync());
        // GOV.UK Frontend's styles applied with the site's own typeface (GDS Transport is for GOV.UK only), and its
        // script initialised the components (it marks each one it starts).
        Assert.Equal("arial, sans-serif", await visitor.Page.Locator("h1").EvaluateAsync<string>("e => getComputedStyle(e).fontFamily"));
        Assert.Equal("700", await visitor.Page.Locator("h1").EvaluateAsync<string>("e => getComputedStyle(e).fontWeight"));
        await Assertions.Expect(visitor.Page.Locator(".govuk-skip-link")).ToHaveAttributeAsync("data-govuk-skip-link-init", "");
        await visitor.AssertAccessibleAsync();
        await visitor.ScreenshotAsync("home");
        visitor.AssertOnlyTheGatewayWasAsked();
    }

    [Fact]
    public async Task A_form_whose_antiforgery_token_was_altered_is_refused_in_plain_words_and_nothing_is_sent()
    {
        await using var visitor = await browser.OpenAsync(platform.Gateway, nameof(A_form_whose_antiforgery_token_was_altered_is_refused_in_plain_words_and_nothing_is_sent));
        var page = visitor.Page;
        await visitor.GoToAsync("/contact");
        await page.Locator("input[name=__RequestVerificationToken]").EvaluateAsync("e => e.value = e.value.slice(0, -8) + 'AAAAAAAA'");

        var refused = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync(), r => r.Request.Method == "POST");

        Assert.Equal(400, refused.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sorry, your form could not be sent");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("What you entered has not been sent.");
        await visitor.AssertAccessibleAsync();
        visitor.AssertOnlyTheGatewayWasAsked();
    }
}
