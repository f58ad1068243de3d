using Microsoft.Playwright;
using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Platform.Tests.Browser;

/// <summary>The clerk's pages are the clerk's: other staff signing in get the access-denied page (403), not an empty form.</summary>
public sealed class ClerkConsoleAccessTests(PlatformApp platform, SiteBrowser browser)
{
    [Theory]
    [InlineData(Roles.GrantsOfficer)]
    [InlineData(Roles.Caseworker)]
    public async Task Staff_without_the_clerks_role_get_the_access_denied_page_for_meetings_and_questions(string role)
    {
        await using var staff = await browser.OpenAsync(platform.Gateway, $"{nameof(Staff_without_the_clerks_role_get_the_access_denied_page_for_meetings_and_questions)}-{role}");
        await staff.SignInAsync(role);
        await Assertions.Expect(staff.Page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Meetings" })).ToHaveCountAsync(0);

        foreach (var path in new[] { "/console/meetings", "/console/meetings/schedule", $"/console/meetings/{Guid.NewGuid()}/agenda", "/console/questions" })
        {
            var response = await staff.GoToAsync(path);
            Assert.Equal(403, response.Status);
            Assert.Equal("/console/access-denied", new Uri(staff.Page.Url).AbsolutePath);
            await Assertions.Expect(staff.Page.Locator("h1")).ToHaveTextAsync("You do not have access to this page");
            await Assertions.Expect(staff.Page.Locator("form input.govuk-input")).ToHaveCountAsync(0);
        }

        await staff.AssertAccessibleAsync();
        await staff.ScreenshotAsync("access-denied");
        staff.AssertOnlyTheGatewayWasAsked();
    }
}
