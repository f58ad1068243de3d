using System.Net;
using Microsoft.Playwright;
using PanelPlatform.ServiceDefaults.Auth;
using static PanelPlatform.Platform.Tests.Browser.OfficeSetUp;

namespace PanelPlatform.Platform.Tests.Browser;

/// <summary>A caseworker finds a resident's case in the queue and works it through to closed; a clerk may not.</summary>
public sealed class OfficeCasesTests(PlatformApp platform, SiteBrowser browser)
{
    [Fact]
    public async Task A_caseworker_finds_a_case_in_the_queue_by_deadline_assigns_it_and_works_it_to_closed_with_an_outcome()
    {
        await ResourceLogs.OnFailureAsync(platform, async () =>
        {
            var tag = Tag();
            var subject = $"Philippa Marchbanks {tag}";
            var summary = $"Speeding on Bakewell Road {tag}";
            var reference = await PublicCaseAsync(platform, "correspondence", subject, summary);
            await using var caseworker = await browser.OpenAsync(platform.Gateway, nameof(A_caseworker_finds_a_case_in_the_queue_by_deadline_assigns_it_and_works_it_to_closed_with_an_outcome));

            await caseworker.SignInAsync(Roles.Caseworker, "/console/cases");
            var page = caseworker.Page;
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Case queue");
            await page.GetByLabel("Type").SelectOptionAsync("correspondence");
            await page.GetByLabel("Assigned to").SelectOptionAsync("unassigned");
            await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
            await page.WaitForURLAsync(url => url.Contains("type=correspondence", StringComparison.Ordinal));
            var row = await FindInQueueAsync(page, reference);
            await Assertions.Expect(row).ToContainTextAsync(subject);
            await Assertions.Expect(row).ToContainTextAsync(summary);
            await caseworker.AssertAccessibleAsync();
            await caseworker.ScreenshotAsync("queue");

            await row.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Case {reference}");
            // The web form acknowledges at once; the subject's details are the caseworker's to see.
            await Assertions.Expect(page.Locator("#case-status")).ToHaveTextAsync("Acknowledged");
            await Assertions.Expect(page.Locator("#case-subject")).ToContainTextAsync(subject);
            await Assertions.Expect(page.Locator("#case-clocks")).ToContainTextAsync("20 working days");
            await caseworker.AssertAccessibleAsync();
            await caseworker.ScreenshotAsync("case");

            await page.GetByRole(AriaRole.Button, new() { Name = "Assign to me" }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Case assigned to you");
            await Assertions.Expect(page.Locator("#case-assignee")).ToHaveTextAsync("You");

            await page.GetByRole(AriaRole.Button, new() { Name = "Start work" }).ClickAsync();
            await Assertions.Expect(page.Locator("#case-status")).ToHaveTextAsync("In progress");

            // Awaiting information needs what was asked for: without it, the error says so and nothing changes.
            await page.GetByText("Ask for information (pauses the clock)").ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Mark as awaiting information" }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter what information you have asked for");
            await Assertions.Expect(page.Locator("#case-status")).ToHaveTextAsync("In progress");
            await caseworker.AssertAccessibleAsync();
            await page.GetByLabel("What information have you asked for?").FillAsync("The date and time of the near miss, and the car's registration if known.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Mark as awaiting information" }).ClickAsync();
            await Assertions.Expect(page.Locator("#case-status")).ToHaveTextAsync("Awaiting information");
            await Assertions.Expect(page.Locator("#case-clocks")).ToContainTextAsync("Paused");
            await Assertions.Expect(page.Locator("#case-timeline")).ToContainTextAsync("Information asked for: clock paused");
            await caseworker.ScreenshotAsync("awaiting-information");

            await page.GetByRole(AriaRole.Button, new() { Name = "Information received: resume" }).ClickAsync();
            await Assertions.Expect(page.Locator("#case-status")).ToHaveTextAsync("In progress");
            await page.GetByLabel("Add a note").FillAsync($"Spoke to the Safer Neighbourhood Team about Bakewell Road {tag}.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
            await Assertions.Expect(page.Locator("#case-notes")).ToContainTextAsync($"Bakewell Road {tag}");

            await page.GetByRole(AriaRole.Button, new() { Name = "Mark as responded" }).ClickAsync();
            await Assertions.Expect(page.Locator("#case-status")).ToHaveTextAsync("Responded");
            await page.GetByRole(AriaRole.Group, new() { Name = "Outcome" }).GetByLabel("Resolved").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Close case" }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Case closed: resolved");
            await Assertions.Expect(page.Locator("#case-status")).ToHaveTextAsync("Closed");
            await Assertions.Expect(page.Locator("#case-outcome")).ToContainTextAsync("Resolved");
            await Assertions.Expect(page.Locator("#case-timeline")).ToContainTextAsync("Closed: resolved");
            await caseworker.AssertAccessibleAsync();
            await caseworker.ScreenshotAsync("closed");
            caseworker.AssertOnlyTheGatewayWasAsked();

            var api = platform.Client(Roles.Caseworker);
            var found = await ExpectAsync(await api.GetAsync($"/api/casework/cases?reference={Uri.EscapeDataString(reference)}"), HttpStatusCode.OK);
            var id = Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid();
            var closed = await ExpectAsync(await api.GetAsync($"/api/casework/cases/{id}"), HttpStatusCode.OK);
            Assert.Equal(("closed", "resolved"), (closed.GetProperty("status").GetString(), closed.GetProperty("outcome").GetString()));
            Assert.Equal(System.Text.Json.JsonValueKind.Object, closed.GetProperty("restricted").GetProperty("assignee").ValueKind);
        }, "web", "casework");
    }

    [Fact]
    public async Task A_clerk_opening_the_case_queue_or_a_case_gets_the_access_denied_page()
    {
        await ResourceLogs.OnFailureAsync(platform, async () =>
        {
            await using var clerk = await browser.OpenAsync(platform.Gateway, nameof(A_clerk_opening_the_case_queue_or_a_case_gets_the_access_denied_page));
            await clerk.SignInAsync(Roles.Clerk);

            var queue = await clerk.GoToAsync("/console/cases");
            Assert.Equal(403, queue.Status);
            await Assertions.Expect(clerk.Page.Locator("h1")).ToHaveTextAsync("You do not have access to this page");
            await clerk.AssertAccessibleAsync();
            await clerk.ScreenshotAsync("access-denied");
            var one = await clerk.GoToAsync($"/console/cases/{Guid.NewGuid()}");
            Assert.Equal(403, one.Status);
            clerk.AssertOnlyTheGatewayWasAsked();
        }, "web", "casework");
    }

    /// <summary>The case's row, reading the queue page by page; each page checked to be in deadline order.</summary>
    private static async Task<ILocator> FindInQueueAsync(IPage page, string reference)
    {
        for (var pages = 0; pages < 20; pages++)
        {
            var deadlines = await page.Locator("#case-queue tbody tr td:nth-child(4) time").EvaluateAllAsync<string[]>("times => times.map(t => t.getAttribute('datetime'))");
            Assert.Equal(deadlines.Order(StringComparer.Ordinal), deadlines);
            var row = page.Locator($"#case-queue tbody tr[data-reference='{reference}']");
            if (await row.CountAsync() == 1)
            {
                return row;
            }

            var next = page.GetByRole(AriaRole.Link, new() { Name = "Next page" });
            Assert.True(await next.CountAsync() == 1, $"{reference} is not in the queue");
            // The next page's own address, not a load state: the current page's load has already fired.
            var from = page.Url;
            await next.ClickAsync();
            await page.WaitForURLAsync(url => url != from);
        }

        throw new InvalidOperationException($"{reference} was not found in 20 pages of the queue");
    }
}
