using System.Text.Json;
using Microsoft.Playwright;

namespace PanelPlatform.Platform.Tests.Browser;

/// <summary>
/// A resident joins Derbyshire Alert in the browser, confirms from the email, changes their choices through the
/// emailed manage link, downloads their data, and unsubscribes by the email's own link: every page through the gateway.
/// </summary>
public sealed class AlertsJourneyTests(PlatformApp platform, SiteBrowser browser)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_resident_subscribes_confirms_from_the_email_manages_their_alerts_and_unsubscribes_by_the_emails_link()
    {
        var inbox = MailInbox.Of(platform);
        var gateway = platform.Gateway.ToString().TrimEnd('/');
        var email = $"farmer-{Guid.NewGuid():N}@example.org";
        await using var resident = await browser.OpenAsync(platform.Gateway, nameof(AlertsJourneyTests));
        var page = resident.Page;

        // Sign up: an area, a group, an address, but no topic yet.
        await resident.GoToAsync("/alerts");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign up to Derbyshire Alert");
        await resident.AssertAccessibleAsync();
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByRole(AriaRole.Group, new() { Name = "Which areas do you want alerts about?" }).GetByLabel("Derbyshire Dales").CheckAsync();
        await page.GetByLabel("Farm Watch").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();

        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Select at least one topic, and how you want to hear about it");
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
        // What was typed and ticked is kept.
        await Assertions.Expect(page.GetByLabel("Email address")).ToHaveValueAsync(email);
        await Assertions.Expect(page.GetByLabel("Farm Watch")).ToBeCheckedAsync();
        await resident.AssertAccessibleAsync();
        await resident.ScreenshotAsync("sign-up-missing-topic");

        // The summary's link takes the resident to the first topic's first choice.
        await summary.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator("#Input_Topics")).ToBeFocusedAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Rural crime" }).GetByLabel("Email").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Police and Crime Panel meetings" }).GetByLabel("Email").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check your email");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(email);
        await resident.AssertAccessibleAsync();
        await resident.ScreenshotAsync("check-your-email");

        // The confirmation email's link opens the site's page; opening it confirms nothing until the button is pressed.
        var confirmation = await inbox.WaitForAsync(email, m => m.Subject.StartsWith("Confirm", StringComparison.Ordinal), Patience);
        var confirmLink = confirmation.Link($"{gateway}/alerts/confirm?token=");
        await resident.GoToAsync(new Uri(confirmLink).PathAndQuery);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Confirm your subscription");
        await resident.AssertAccessibleAsync();
        await resident.ScreenshotAsync("confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm subscription" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync("Subscription confirmed");
        await Assertions.Expect(page.Locator(".govuk-panel__body")).ToContainTextAsync("by email");
        await resident.AssertAccessibleAsync();
        await resident.ScreenshotAsync("confirmed");

        // A link to manage the alerts, by email: the page gives the same answer whoever asks.
        await resident.GoToAsync("/alerts/manage-link");
        await resident.AssertAccessibleAsync();
        await page.GetByLabel("What is your email address?").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send me a link" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check your email");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"If {email} is signed up to Derbyshire Alert");
        await resident.AssertAccessibleAsync();

        var manageEmail = await inbox.WaitForAsync(email, m => m.Text.Contains($"{gateway}/alerts/manage?token=", StringComparison.Ordinal) &&
                                                                  m.Subject == "Your Derbyshire Alert subscription", Patience);
        await resident.GoToAsync(new Uri(manageEmail.Link($"{gateway}/alerts/manage?token=")).PathAndQuery);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Manage your alerts");
        await Assertions.Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync(email);
        await Assertions.Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync("Confirmed");
        var rural = page.GetByRole(AriaRole.Group, new() { Name = "Rural crime" }).GetByLabel("Email");
        await Assertions.Expect(rural).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Farm Watch")).ToBeCheckedAsync();
        // No mobile was given, so texts cannot be chosen.
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Rural crime" }).GetByLabel("Text message")).ToHaveCountAsync(0);
        await resident.AssertAccessibleAsync();
        await resident.ScreenshotAsync("manage");

        // Change: road safety too, High Peak too, and one email a day.
        await page.GetByRole(AriaRole.Group, new() { Name = "Road safety" }).GetByLabel("Email").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Which areas do you want alerts about?" }).GetByLabel("High Peak").CheckAsync();
        await page.GetByLabel("Once a day").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Your alert choices have been saved");
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Road safety" }).GetByLabel("Email")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("High Peak")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Once a day")).ToBeCheckedAsync();
        await resident.AssertAccessibleAsync();
        await resident.ScreenshotAsync("manage-saved");

        // Download my data: a JSON file of what the service holds.
        var exportHref = await page.GetByRole(AriaRole.Link, new() { Name = "Download your data (JSON)" }).GetAttributeAsync("href");
        var export = await page.Context.APIRequest.GetAsync(exportHref!);
        Assert.Equal(200, export.Status);
        Assert.StartsWith("attachment", export.Headers["content-disposition"], StringComparison.Ordinal);
        var data = JsonDocument.Parse(await export.TextAsync()).RootElement;
        Assert.Equal(email, data.GetProperty("subscriber").GetProperty("email").GetString());
        Assert.Equal("daily-digest", data.GetProperty("subscriber").GetProperty("frequency").GetString());
        Assert.Contains("Derbyshire Dales", data.GetProperty("subscriber").GetProperty("areas").EnumerateArray().Select(a => a.GetString()));

        // "Delete my data" asks first; cancelling keeps everything.
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete your data" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Are you sure you want to delete your data?");
        await resident.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Manage your alerts");

        // Unsubscribe by the link in the email's words (not the one-click header, which mail clients use).
        var unsubscribeLink = manageEmail.Link($"{gateway}/alerts/unsubscribe?token=");
        await resident.GoToAsync(new Uri(unsubscribeLink).PathAndQuery);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Unsubscribe");
        await resident.AssertAccessibleAsync();
        await resident.ScreenshotAsync("unsubscribe");
        await page.GetByRole(AriaRole.Button, new() { Name = "Unsubscribe" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync("You have unsubscribed");
        await resident.AssertAccessibleAsync();
        await resident.ScreenshotAsync("unsubscribed");

        // The manage page now shows the email address unsubscribed.
        await resident.GoToAsync(new Uri(manageEmail.Link($"{gateway}/alerts/manage?token=")).PathAndQuery);
        await Assertions.Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync("Unsubscribed");

        // A link that was altered is refused in the site's words.
        await resident.GoToAsync("/alerts/manage?token=not-a-token");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("This link is not valid");
        await resident.AssertAccessibleAsync();
        resident.AssertOnlyTheGatewayWasAsked();
    }
}
