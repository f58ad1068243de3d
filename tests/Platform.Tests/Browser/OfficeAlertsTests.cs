using Microsoft.Playwright;
using PanelPlatform.ServiceDefaults.Auth;
using static PanelPlatform.Platform.Tests.Browser.OfficeSetUp;

namespace PanelPlatform.Platform.Tests.Browser;

/// <summary>An alerts coordinator writes an alert, watches its audience follow the areas ticked, and sends it.</summary>
public sealed class OfficeAlertsTests(PlatformApp platform, SiteBrowser browser)
{
    [Fact]
    public async Task An_alerts_coordinator_sees_the_audience_count_change_as_an_area_is_added_then_sends_the_alert_and_sees_its_deliveries()
    {
        await ResourceLogs.OnFailureAsync(platform, async () =>
        {
            // Members of a neighbourhood watch scheme of this test's own, so nobody else's subscribers change the count.
            var tag = Tag();
            var scheme = $"office {tag}";
            var group = $"neighbourhood-watch/office-{tag}";
            var inbox = MailInbox.Of(platform);
            await Task.WhenAll(
                ConfirmedSubscriberAsync(platform, inbox, "rural", ["Erewash"], [group]),
                ConfirmedSubscriberAsync(platform, inbox, "rural", ["High Peak"], [group]),
                ConfirmedSubscriberAsync(platform, inbox, "road-safety", ["High Peak"], [group]));
            await using var coordinator = await browser.OpenAsync(platform.Gateway, nameof(An_alerts_coordinator_sees_the_audience_count_change_as_an_area_is_added_then_sends_the_alert_and_sees_its_deliveries));

            await coordinator.SignInAsync(Roles.AlertsCoordinator, "/console/alerts");
            var page = coordinator.Page;
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Derbyshire Alert messages");
            await coordinator.AssertAccessibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Write an alert" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Write an alert");
            await coordinator.AssertAccessibleAsync();

            var title = $"Diesel thefts from farms {tag}";
            await page.GetByLabel("Title").FillAsync(title);
            await page.GetByLabel("Message").FillAsync("Check your tanks and report anything suspicious on 101.");
            await page.GetByRole(AriaRole.Group, new() { Name = "Topic" }).GetByLabel("Rural crime").CheckAsync();
            await page.GetByLabel("Neighbourhood Watch schemes (optional)").FillAsync(scheme);
            var count = page.Locator("#audience-subscribers");
            // No area ticked is the whole county: both of the scheme's rural-crime members.
            await Assertions.Expect(count).ToHaveTextAsync("2");
            await page.GetByRole(AriaRole.Group, new() { Name = "Areas" }).GetByLabel("Erewash").CheckAsync();
            await Assertions.Expect(count).ToHaveTextAsync("1");
            await coordinator.ScreenshotAsync("audience-one-area");
            await page.GetByRole(AriaRole.Group, new() { Name = "Areas" }).GetByLabel("High Peak").CheckAsync();
            await Assertions.Expect(count).ToHaveTextAsync("2");
            await Assertions.Expect(page.Locator("#audience-count")).ToContainTextAsync("2 by email");
            await coordinator.AssertAccessibleAsync();
            await coordinator.ScreenshotAsync("audience-two-areas");

            // The button that does the same without JavaScript: a post that keeps everything typed.
            await page.GetByRole(AriaRole.Button, new() { Name = "Check audience" }).ClickAsync();
            await Assertions.Expect(count).ToHaveTextAsync("2");
            await Assertions.Expect(page.GetByLabel("Title")).ToHaveValueAsync(title);
            await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Areas" }).GetByLabel("High Peak")).ToBeCheckedAsync();

            // Scheduling in the past is refused beside the date, keeping the alert as typed.
            await page.GetByLabel("Day").FillAsync("1");
            await page.GetByLabel("Month").FillAsync("1");
            await page.GetByLabel("Year").FillAsync("2020");
            await page.GetByLabel("Time to send it").FillAsync("09:00");
            await page.GetByRole(AriaRole.Button, new() { Name = "Schedule alert" }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("must be in the future");
            await Assertions.Expect(page.GetByLabel("Title")).ToHaveValueAsync(title);
            await coordinator.AssertAccessibleAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Send now" }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Alert sent");
            await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("It is going to 2 subscribers");
            await Assertions.Expect(page.Locator("#alert-status")).ToHaveTextAsync("Sent");
            await Assertions.Expect(page.Locator("#cap-link")).ToBeVisibleAsync();
            // The deliveries are counted as the ledger fills: two emails.
            await Assertions.Expect(page.Locator("#alert-deliveries")).ToBeVisibleAsync();
            for (var attempt = 0; attempt < 30 && (await page.Locator("#deliveries-total").InnerTextAsync()).Trim() != "2"; attempt++)
            {
                await page.ReloadAsync();
            }

            await Assertions.Expect(page.Locator("#deliveries-total")).ToHaveTextAsync("2");
            await coordinator.AssertAccessibleAsync();
            await coordinator.ScreenshotAsync("sent");

            await page.GetByRole(AriaRole.Link, new() { Name = "Back to alerts" }).ClickAsync();
            var listed = page.Locator("#alerts tbody tr").Filter(new() { HasText = title });
            await Assertions.Expect(listed).ToContainTextAsync("Sent");
            coordinator.AssertOnlyTheGatewayWasAsked();
        }, "web", "notifications");
    }

    [Fact]
    public async Task An_alert_scheduled_for_later_can_be_unscheduled_back_to_a_draft()
    {
        await ResourceLogs.OnFailureAsync(platform, async () =>
        {
            var tag = Tag();
            await using var coordinator = await browser.OpenAsync(platform.Gateway, nameof(An_alert_scheduled_for_later_can_be_unscheduled_back_to_a_draft));
            await coordinator.SignInAsync(Roles.AlertsCoordinator, "/console/alerts/write");
            var page = coordinator.Page;
            var title = $"Speed checks on the A6 {tag}";
            await page.GetByLabel("Title").FillAsync(title);
            await page.GetByLabel("Message").FillAsync("Community Speedwatch volunteers will be out on the A6 near Bakewell.");
            await page.GetByRole(AriaRole.Group, new() { Name = "Topic" }).GetByLabel("Road safety").CheckAsync();
            await page.GetByLabel("Neighbourhood Watch schemes (optional)").FillAsync($"office {tag}");
            var at = DateTimeOffset.UtcNow.AddDays(7);
            await page.GetByLabel("Day").FillAsync(at.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByLabel("Month").FillAsync(at.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByLabel("Year").FillAsync(at.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByLabel("Time to send it").FillAsync("14:30");
            await page.GetByRole(AriaRole.Button, new() { Name = "Schedule alert" }).ClickAsync();

            await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Alert scheduled for");
            await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("at 2:30pm");
            await Assertions.Expect(page.Locator("#alert-status")).ToHaveTextAsync("Scheduled");
            await coordinator.AssertAccessibleAsync();
            await coordinator.ScreenshotAsync("scheduled");
            await page.GetByRole(AriaRole.Button, new() { Name = "Unschedule" }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Alert unscheduled");
            await Assertions.Expect(page.Locator("#alert-status")).ToHaveTextAsync("Draft");
            coordinator.AssertOnlyTheGatewayWasAsked();
        }, "web", "notifications");
    }
}
