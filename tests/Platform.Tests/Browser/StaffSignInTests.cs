using Microsoft.Playwright;
using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Platform.Tests.Browser;

/// <summary>Staff sign in to the console through the identity service, all through the gateway.</summary>
public sealed class StaffSignInTests(PlatformApp platform, SiteBrowser browser)
{
    [Fact]
    public async Task A_clerk_signs_in_with_the_authorization_code_flow_sees_their_console_and_signs_out()
    {
        await using var clerk = await browser.OpenAsync(platform.Gateway, nameof(A_clerk_signs_in_with_the_authorization_code_flow_sees_their_console_and_signs_out));

        await clerk.GoToAsync("/console");
        await clerk.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/identity/", StringComparison.Ordinal));
        // The console asked for a code with PKCE; the sign-in page is the identity service's, on the gateway's address.
        Assert.StartsWith(platform.Gateway.GetLeftPart(UriPartial.Authority), clerk.Page.Url, StringComparison.Ordinal);
        await clerk.AssertAccessibleAsync();
        await clerk.ScreenshotAsync("sign-in-page");

        await clerk.Page.GetByLabel("Email address").FillAsync(SitePage.AccountOf(Roles.Clerk));
        await clerk.Page.GetByLabel("Password").FillAsync("not the password");
        await clerk.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(clerk.Page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        Assert.StartsWith("/identity/", new Uri(clerk.Page.Url).AbsolutePath, StringComparison.Ordinal);

        await clerk.SignInAsync(Roles.Clerk);
        await Assertions.Expect(clerk.Page.Locator("h1")).ToHaveTextAsync("Staff console");
        await Assertions.Expect(clerk.Page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Meetings" })).ToBeVisibleAsync();
        // A clerk's console offers no caseworker's queue.
        await Assertions.Expect(clerk.Page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Cases" })).ToHaveCountAsync(0);
        await clerk.AssertAccessibleAsync();
        await clerk.ScreenshotAsync("console");

        await clerk.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        // The identity service asks before it ends its own session too.
        await clerk.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/identity/", StringComparison.Ordinal));
        await clerk.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await clerk.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/console/signed-out");
        await Assertions.Expect(clerk.Page.Locator("h1")).ToHaveTextAsync("You have signed out");
        await clerk.GoToAsync("/console");
        await clerk.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/identity/", StringComparison.Ordinal));
        clerk.AssertOnlyTheGatewayWasAsked();
    }
}
