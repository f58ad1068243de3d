using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Platform.Tests.Browser;

/// <summary>
/// An organisation applies for a grant in the browser: finds the round, saves a draft, comes back to it by its return
/// link on another browser, is told what stops it being submitted, submits; the award then shows in the register
/// with its totals and the 360Giving files.
/// </summary>
public sealed class GrantApplicationJourneyTests(PlatformApp platform, SiteBrowser browser)
{
    /// <summary>The Derbyshire seed (the schemes of the Panel's pack; idempotent), and a round of its ASB Prevention Grant open now.</summary>
    private async Task<(Guid RoundId, string RoundName)> OpenRoundAsync(string tag)
    {
        await ExpectAsync(await platform.Client(Roles.Admin).PostAsync("/api/grants/admin/seed", null), HttpStatusCode.OK);
        var name = $"Browser round {tag}";
        var round = await ExpectAsync(await platform.Client(Roles.GrantsOfficer).PostAsJsonAsync("/api/grants/schemes/asb-prevention-grant/rounds", new
        {
            name,
            opensAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            closesAt = DateTimeOffset.UtcNow.AddDays(30),
            budget = 100_000m,
            minimumAward = 500m,
            maximumAward = 5_000m,
            areas = Array.Empty<string>(),
            criteria = new object[]
            {
                new { key = "need", name = "Evidence of need", weight = 50 },
                new { key = "deliverability", name = "Project plan and deliverability", weight = 50 },
            },
            standardConditions = new object[] { new { text = "Acknowledge the Commissioner's funding in publicity." } },
        }), HttpStatusCode.Created);
        return (round.GetProperty("id").GetGuid(), name);
    }

    [Fact]
    public async Task An_organisation_saves_a_draft_returns_to_it_submits_and_its_award_shows_in_the_register()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var organisation = $"Shirebrook Community Watch {tag}";
        var (roundId, roundName) = await OpenRoundAsync(tag);

        await using var applicant = await browser.OpenAsync(platform.Gateway, $"{nameof(GrantApplicationJourneyTests)}-1");
        var page = applicant.Page;

        // The open round, and the seeded 2022 rounds marked closed.
        await applicant.GoToAsync("/grants");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Grants for community safety");
        await Assertions.Expect(page.Locator(".govuk-summary-card", new() { HasText = "ASB Prevention Grant: 2022 summer round" })).ToContainTextAsync("Closed");
        await applicant.AssertAccessibleAsync();
        await applicant.ScreenshotAsync("grants");
        await page.GetByRole(AriaRole.Link, new() { Name = $"ASB Prevention Grant: {roundName}" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("ASB Prevention Grant");
        var main = page.Locator("main");
        await Assertions.Expect(main).ToContainTextAsync("Registered charity");
        await Assertions.Expect(main).ToContainTextAsync("Parish or town council");
        await Assertions.Expect(main).ToContainTextAsync("any part of Derbyshire or Derby City");
        await Assertions.Expect(main).ToContainTextAsync("Grants of £500 to £5,000");
        await Assertions.Expect(main).ToContainTextAsync("Neighbourhood Crime and Anti-Social Behaviour");
        await applicant.AssertAccessibleAsync();
        await applicant.ScreenshotAsync("round");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();

        // Saving nothing: the page's own words for what a draft needs.
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Apply for a grant");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        foreach (var message in new[] { "Enter the name of your organisation", "Select the type of organisation", "Enter the name of the person we should contact", "Enter an email address" })
        {
            await Assertions.Expect(summary).ToContainTextAsync(message);
        }

        await applicant.AssertAccessibleAsync();
        await applicant.ScreenshotAsync("apply-errors");

        // A draft asking for more than the round gives: a draft may, a submission may not.
        await page.GetByLabel("Name of your organisation").FillAsync(organisation);
        await page.GetByLabel("Registered charity", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Registered charity number (if it has one)").FillAsync("1012345");
        await page.GetByLabel("Full name").FillAsync("Jo Bloggs");
        await page.GetByLabel("Email address").FillAsync($"secretary-{tag}@shirebrook-watch.example");
        await page.GetByLabel("Project title").FillAsync("Youth diversion evenings in Shirebrook");
        await page.GetByLabel("Describe your project").FillAsync("Friday evening sports sessions with detached youth workers near the market place.");
        await page.GetByLabel("How much are you applying for?").FillAsync("6,000");
        await page.GetByLabel("Bolsover").CheckAsync();
        await page.GetByLabel("Neighbourhood Crime and Anti-Social Behaviour").CheckAsync();
        var start = DateTime.UtcNow.AddMonths(2);
        var end = start.AddMonths(12);
        foreach (var (question, date) in new[] { ("When will the project start?", start), ("When will it end?", end) })
        {
            var group = page.GetByRole(AriaRole.Group, new() { Name = question });
            await group.GetByLabel("Day").FillAsync(date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await group.GetByLabel("Month").FillAsync(date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await group.GetByLabel("Year").FillAsync(date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your application has been saved");
        var returnLink = await page.Locator("#return-link").GetAttributeAsync("href");
        Assert.StartsWith($"{platform.Gateway.ToString().TrimEnd('/')}/grants/applications/resume?token=", returnLink, StringComparison.Ordinal);
        await applicant.AssertAccessibleAsync();
        await applicant.ScreenshotAsync("saved");

        // This browser remembers the draft (an HTTP-only cookie script cannot read).
        var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name.StartsWith("grant-application-", StringComparison.Ordinal));
        Assert.True(cookie.HttpOnly);
        Assert.DoesNotContain(new Uri(returnLink!).Query[7..], cookie.Value, StringComparison.Ordinal);
        await applicant.GoToAsync($"/grants/rounds/{roundId}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Your applications to this round");
        applicant.AssertOnlyTheGatewayWasAsked();

        // Another browser, by the return link.
        await using var colleague = await browser.OpenAsync(platform.Gateway, $"{nameof(GrantApplicationJourneyTests)}-2");
        page = colleague.Page;
        await colleague.GoToAsync(new Uri(returnLink!).PathAndQuery);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check your answers before submitting your application");
        Assert.DoesNotContain("token=", page.Url, StringComparison.Ordinal);
        main = page.Locator("main");
        await Assertions.Expect(main).ToContainTextAsync(organisation);
        await Assertions.Expect(main).ToContainTextAsync("£6,000");
        await colleague.AssertAccessibleAsync();
        await colleague.ScreenshotAsync("check-answers");

        // Submitting: the Grants API's reason appears beside the answer to change.
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit application" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your application is not ready to submit");
        await Assertions.Expect(page.Locator("#Input_AmountRequested-error")).ToContainTextAsync("This round awards between £500.00 and £5,000.00");
        await Assertions.Expect(page.Locator(".govuk-error-summary a[href='#Input_AmountRequested']")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Name of your organisation")).ToHaveValueAsync(organisation);
        await colleague.AssertAccessibleAsync();
        await colleague.ScreenshotAsync("not-ready");
        await page.GetByLabel("How much are you applying for?").FillAsync("4500");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("£4,500");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit application" }).ClickAsync();

        await Assertions.Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync("Application submitted");
        await colleague.AssertAccessibleAsync();
        await colleague.ScreenshotAsync("submitted");

        // The grants officer sees it submitted, and awards it.
        var officer = platform.Client(Roles.GrantsOfficer);
        var submitted = await ExpectAsync(await officer.GetAsync($"/api/grants/rounds/{roundId}/applications?status=Submitted"), HttpStatusCode.OK);
        var application = Assert.Single(submitted.GetProperty("items").EnumerateArray());
        Assert.Equal((organisation, 4_500m), (application.GetProperty("organisationName").GetString(), application.GetProperty("amountRequested").GetDecimal()));
        var applicationId = application.GetProperty("id").GetGuid();
        await ExpectAsync(await officer.PostAsync($"/api/grants/applications/{applicationId}/start-assessment", null), HttpStatusCode.OK);
        await ExpectAsync(await officer.PutAsJsonAsync($"/api/grants/applications/{applicationId}/scores", new
        {
            scores = new object[] { new { criterion = "need", score = 4 }, new { criterion = "deliverability", score = 5 } },
            comment = "Clear evidence from the Safer Neighbourhood Team.",
        }), HttpStatusCode.OK);
        await ExpectAsync(await officer.PostAsJsonAsync($"/api/grants/applications/{applicationId}/award", new
        {
            amount = 4_000m,
            decisionMaker = "Police and Crime Commissioner",
            agreement = new { title = "Grant agreement", url = $"https://www.derbyshire-pcc.gov.uk/grants/agreements/{applicationId}.pdf" },
            conditions = Array.Empty<object>(),
        }), HttpStatusCode.Created);

        // The register: the award, the totals overall, by area and by scheme, and the 360Giving files.
        await colleague.GoToAsync("/grants/awards");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Register of grants awarded");
        await Assertions.Expect(page.Locator("#register")).ToContainTextAsync(organisation);
        await Assertions.Expect(page.Locator("#overall-total")).ToContainTextAsync("awarded in");
        await Assertions.Expect(page.Locator("#totals-by-area")).ToContainTextAsync("Bolsover");
        await Assertions.Expect(page.Locator("#totals-by-scheme")).ToContainTextAsync("ASB Prevention Grant");
        await colleague.AssertAccessibleAsync();
        await colleague.ScreenshotAsync("awards");
        foreach (var (link, kind) in new[] { ("360Giving data (JSON)", "json"), ("360Giving data (CSV, for spreadsheets)", "csv") })
        {
            var href = await page.GetByRole(AriaRole.Link, new() { Name = link }).GetAttributeAsync("href");
            Assert.Equal($"/api/grants/360giving.{kind}", href);
            var file = await page.Context.APIRequest.GetAsync(href!);
            Assert.Equal(200, file.Status);
            Assert.Contains(organisation, await file.TextAsync(), StringComparison.Ordinal);
        }

        await page.GetByLabel("Organisation name").FillAsync(organisation);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show grants" }).ClickAsync();
        await Assertions.Expect(page.Locator("#register-count")).ToHaveTextAsync("Matching your filters: 1 grant totalling £4,000");
        await Assertions.Expect(page.Locator("#register tbody tr")).ToHaveCountAsync(1);
        await colleague.AssertAccessibleAsync();
        colleague.AssertOnlyTheGatewayWasAsked();
    }
}
