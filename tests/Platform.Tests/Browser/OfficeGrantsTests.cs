using System.Net;
using Microsoft.Playwright;
using PanelPlatform.ServiceDefaults.Auth;
using static PanelPlatform.Platform.Tests.Browser.OfficeSetUp;

namespace PanelPlatform.Platform.Tests.Browser;

/// <summary>A grants officer assesses and awards in the console, with the round's remaining budget in view.</summary>
public sealed class OfficeGrantsTests(PlatformApp platform, SiteBrowser browser)
{
    [Fact]
    public async Task A_grants_officer_scores_and_awards_sees_the_remaining_budget_fall_and_is_refused_an_overspend_in_plain_words()
    {
        await ResourceLogs.OnFailureAsync(platform, async () =>
        {
            var tag = Tag();
            var round = await OpenRoundAsync(platform, tag, budget: 6_000m, maximumAward: 5_000m);
            var organisation = $"Shirebrook Youth Club {tag}";
            var application = await SubmittedApplicationAsync(platform, round.Id, organisation, 4_500m, "Bolsover");
            var second = await SubmittedApplicationAsync(platform, round.Id, $"Clowne Community Watch {tag}", 3_000m, "Bolsover");
            await ScoredAsync(platform, second);
            await using var officer = await browser.OpenAsync(platform.Gateway, nameof(A_grants_officer_scores_and_awards_sees_the_remaining_budget_fall_and_is_refused_an_overspend_in_plain_words));

            await officer.SignInAsync(Roles.GrantsOfficer, "/console/grants");
            var page = officer.Page;
            var row = page.Locator("#rounds tbody tr").Filter(new() { HasText = round.Name });
            await Assertions.Expect(row).ToContainTextAsync("£6,000");
            await officer.AssertAccessibleAsync();
            await officer.ScreenshotAsync("rounds");

            await row.GetByRole(AriaRole.Link, new() { Name = round.Name }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(round.Name);
            await Assertions.Expect(page.Locator("#round-budget-remaining")).ToHaveTextAsync("£6,000");
            await Assertions.Expect(page.Locator("#applications tbody tr")).ToHaveCountAsync(2);
            // Best score first: the one already scored (3 out of 5) above the one nobody has scored.
            await Assertions.Expect(page.Locator("#applications tbody tr").First).ToContainTextAsync("3 out of 5");
            await officer.AssertAccessibleAsync();
            await officer.ScreenshotAsync("round");

            await page.GetByRole(AriaRole.Link, new() { Name = organisation }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(organisation);
            await Assertions.Expect(page.Locator("#round-budget-remaining")).ToHaveTextAsync("£6,000");
            await Assertions.Expect(page.Locator("#application-status")).ToHaveTextAsync("Submitted");
            await officer.AssertAccessibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Start assessment" }).ClickAsync();
            await Assertions.Expect(page.Locator("#application-status")).ToHaveTextAsync("Under assessment");

            // Saving with a criterion unscored: the error summary links to it, and the score given stays chosen.
            await page.GetByRole(AriaRole.Group, new() { Name = "Evidence of need" }).GetByLabel("4", new() { Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save scores" }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select a score from 0 to 5 for Project plan and deliverability");
            await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Evidence of need" }).GetByLabel("4", new() { Exact = true })).ToBeCheckedAsync();
            await officer.AssertAccessibleAsync();
            await page.GetByRole(AriaRole.Group, new() { Name = "Project plan and deliverability" }).GetByLabel("5", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Comment (optional)").FillAsync("Clear evidence from the Safer Neighbourhood Team.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save scores" }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Scores saved");
            // (4 × 60 + 5 × 40) / 100 = 4.4
            await Assertions.Expect(page.Locator("#overall-score")).ToContainTextAsync("4.4 out of 5");
            await officer.AssertAccessibleAsync();
            await officer.ScreenshotAsync("scored");

            await page.GetByLabel("Amount to award").FillAsync("4000");
            await page.GetByLabel("Decision made by (optional)").FillAsync("Police and Crime Commissioner");
            await page.GetByRole(AriaRole.Button, new() { Name = "Award grant" }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync($"Grant of £4,000 awarded to {organisation}");
            await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("remaining budget is now £2,000 (it was £6,000)");
            await Assertions.Expect(page.Locator("#round-budget-remaining")).ToHaveTextAsync("£2,000");
            await Assertions.Expect(page.Locator("#round-budget-awarded")).ToHaveTextAsync("£4,000");
            await Assertions.Expect(page.Locator("#application-status")).ToHaveTextAsync("Awarded");
            await Assertions.Expect(page.Locator("#amount-awarded")).ToHaveTextAsync("£4,000");
            await officer.AssertAccessibleAsync();
            await officer.ScreenshotAsync("awarded");

            // The other application asks for £3,000, within its limits; only £2,000 is left, which only the API can know for sure.
            await officer.GoToAsync($"/console/grants/applications/{second}");
            await page.GetByLabel("Amount to award").FillAsync("2500");
            await page.GetByRole(AriaRole.Button, new() { Name = "Award grant" }).ClickAsync();
            var summary = page.Locator(".govuk-error-summary");
            await Assertions.Expect(summary).ToContainTextAsync("The round's budget cannot cover this award.");
            await Assertions.Expect(summary).ToContainTextAsync("£2,000.00 of the £6,000.00 budget remains; £2,500.00 was proposed.");
            await Assertions.Expect(page.Locator("#Awarding_Amount-error")).ToContainTextAsync("budget cannot cover");
            await Assertions.Expect(page.GetByLabel("Amount to award")).ToHaveValueAsync("2500");
            await Assertions.Expect(page.Locator("#round-budget-remaining")).ToHaveTextAsync("£2,000");
            await officer.AssertAccessibleAsync();
            await officer.ScreenshotAsync("overspend-refused");
            officer.AssertOnlyTheGatewayWasAsked();

            // In the public register, as everyone sees it.
            var register = await ExpectAsync(await platform.Client().GetAsync($"/api/grants/awards?round={round.Id}"), HttpStatusCode.OK);
            var award = Assert.Single(register.GetProperty("items").EnumerateArray());
            Assert.Equal((organisation, 4_000m), (award.GetProperty("recipientName").GetString(), award.GetProperty("amountAwarded").GetDecimal()));
            Assert.Contains(award.GetProperty("conditions").EnumerateArray(), c => c.GetProperty("text").GetString() == "Acknowledge the Commissioner's funding in all publicity.");
            var left = await ExpectAsync(await platform.Client().GetAsync($"/api/grants/rounds/{round.Id}"), HttpStatusCode.OK);
            Assert.Equal(2_000m, left.GetProperty("remaining").GetDecimal());
        }, "web", "grants");
    }
}
