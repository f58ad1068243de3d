using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Platform.Tests.Browser;

/// <summary>A resident complains through the contact form, sees the case's OPCC reference and what happens next; the case is open for caseworkers.</summary>
public sealed class ContactJourneyTests(PlatformApp platform, SiteBrowser browser)
{
    [Fact]
    public async Task A_resident_sends_a_complaint_sees_its_OPCC_reference_and_the_case_is_open()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        await using var resident = await browser.OpenAsync(platform.Gateway, nameof(ContactJourneyTests));
        var page = resident.Page;

        await resident.GoToAsync("/contact");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Contact the Commissioner's office or make a complaint");
        await resident.AssertAccessibleAsync();
        await resident.ScreenshotAsync("contact");

        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        foreach (var message in new[] { "Select what your message is about", "Enter a subject", "Enter your message", "Enter your full name", "Enter your email address" })
        {
            await Assertions.Expect(summary).ToContainTextAsync(message);
        }

        await resident.AssertAccessibleAsync();
        await resident.ScreenshotAsync("contact-errors");

        await page.GetByLabel("A complaint about the Chief Constable").CheckAsync();
        await page.GetByLabel("Subject", new() { Exact = true }).FillAsync($"Response to a burglary in Matlock {tag}");
        await page.GetByLabel("Your message").FillAsync("Nobody came to see us for four days after our house was broken into on Smedley Street.");
        await page.GetByLabel("Full name").FillAsync($"Philippa Marchbanks {tag}");
        await page.GetByLabel("Email address").FillAsync($"philippa.{tag}@example.org");
        await page.GetByLabel("Postal address (optional)").FillAsync("1 Smedley Street, Matlock DE4 3AG");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        // Not WaitForLoadStateAsync: it can miss a load that has already happened and wait out its 30 s (seen in CI).
        await Assertions.Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync("Complaint received", new() { Timeout = 30_000 });
        var reference = await page.Locator("#case-reference").InnerTextAsync();
        Assert.Matches(@"^OPCC-\d{4}-\d{6}$", reference);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("We aim to reply in full within 20 working days, by ");
        await resident.AssertAccessibleAsync();
        await resident.ScreenshotAsync("complaint-received");
        resident.AssertOnlyTheGatewayWasAsked();

        var found = await platform.Client(Roles.Caseworker).GetAsync($"/api/casework/cases?reference={reference}");
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var cases = JsonDocument.Parse(await found.Content.ReadAsStringAsync()).RootElement.GetProperty("items");
        var opened = Assert.Single(cases.EnumerateArray());
        Assert.Equal(("complaint-chief-constable", "web-form"), (opened.GetProperty("type").GetString(), opened.GetProperty("channel").GetString()));
    }
}
