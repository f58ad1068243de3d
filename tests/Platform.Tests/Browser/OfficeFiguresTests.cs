using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Platform.Tests.Browser;

/// <summary>The figures dashboard: charts (inline SVG images with accessible names) with their numbers in tables.</summary>
public sealed class OfficeFiguresTests(PlatformApp platform, SiteBrowser browser)
{
    private static readonly string[] Charts =
    [
        "Cases responded to within the time limit, by month",
        "Cases responded to within the time limit, by type",
        "Questions put to each meeting",
        "Grants awarded by area",
        "Derbyshire Alert members at the end of each month",
        "Derbyshire Alert messages sent each month",
    ];

    [Fact]
    public async Task The_figures_page_draws_each_chart_as_a_named_image_with_its_table_and_passes_axe()
    {
        await ResourceLogs.OnFailureAsync(platform, async () =>
        {
            // A meeting of this test's own, so that the questions chart has one to draw (with no questions, 0 is a real 0).
            var title = $"Police and Crime Panel {OfficeSetUp.Tag()}";
            await ExpectAsync(await platform.Client(Roles.Clerk).PostAsJsonAsync("/api/meetings/meetings", new
            {
                bodyName = "Derbyshire Police and Crime Panel",
                title,
                startsAt = DateTimeOffset.UtcNow.AddDays(-1),
                location = "Council Chamber, County Hall, Matlock",
            }), HttpStatusCode.Created);
            await TestInfrastructure.Eventually.Until(async () =>
                (await platform.Client(Roles.Clerk).GetStringAsync("/api/questions/figures")).Contains(title, StringComparison.Ordinal),
                OfficeSetUp.Patience, "Questions to learn of the meeting");
            await using var admin = await browser.OpenAsync(platform.Gateway, nameof(The_figures_page_draws_each_chart_as_a_named_image_with_its_table_and_passes_axe));

            await admin.SignInAsync(Roles.Admin);
            await admin.GoToAsync("/console/figures");
            var page = admin.Page;
            await Assertions.Expect(page.Locator("#table-questions")).ToContainTextAsync(title);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Figures");
            foreach (var chart in Charts)
            {
                var image = page.GetByRole(AriaRole.Img, new() { Name = chart, Exact = true });
                await Assertions.Expect(image).ToHaveCountAsync(1);
                Assert.Equal("svg", await image.EvaluateAsync<string>("e => e.tagName.toLowerCase()"));
                Assert.False(string.IsNullOrWhiteSpace(await image.Locator("desc").TextContentAsync()), $"{chart} has no description");
            }

            // The county's nine areas, each a bar or a "no data" mark, and the same areas in the table.
            await Assertions.Expect(page.Locator("#table-grants tbody tr")).ToHaveCountAsync(9);
            // Months before the platform's first member have no figure: shown as missing, not as 0.
            await page.GetByText("Members and messages by month, as a table").ClickAsync();
            await Assertions.Expect(page.Locator("#table-alerts")).ToContainTextAsync("No data");
            await Assertions.Expect(page.Locator("#chart-alert-messages")).ToContainTextAsync("no data");
            await admin.AssertAccessibleAsync();
            await admin.ScreenshotAsync("figures");

            // A calendar year: twelve months of it.
            await page.GetByLabel("Period").SelectOptionAsync(DateTimeOffset.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByRole(AriaRole.Button, new() { Name = "Show figures" }).ClickAsync();
            await Assertions.Expect(page.Locator("#table-alerts tbody tr")).ToHaveCountAsync(12);
            admin.AssertOnlyTheGatewayWasAsked();
        }, "web", "questions", "grants", "casework", "notifications");
    }

    [Fact]
    public async Task Any_member_of_staff_sees_the_figures_and_is_told_which_their_role_may_not_read()
    {
        await ResourceLogs.OnFailureAsync(platform, async () =>
        {
            await using var clerk = await browser.OpenAsync(platform.Gateway, nameof(Any_member_of_staff_sees_the_figures_and_is_told_which_their_role_may_not_read));

            await clerk.SignInAsync(Roles.Clerk);
            await clerk.GoToAsync("/console/figures");
            var page = clerk.Page;
            await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Questions put to each meeting", Exact = true }).Or(page.GetByText("No meetings in this period."))).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Grants awarded by area", Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Cases responded to within the time limit, by month", Exact = true })).ToBeVisibleAsync();
            // Derbyshire Alert's monthly report is the alerts coordinators' (the Notifications API says so).
            await Assertions.Expect(page.Locator("#alerts + .govuk-inset-text")).ToHaveTextAsync("The Derbyshire Alert figures are not shown to your role.");
            await clerk.AssertAccessibleAsync();
            clerk.AssertOnlyTheGatewayWasAsked();
        }, "web");
    }
}
