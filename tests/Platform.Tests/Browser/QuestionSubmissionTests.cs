using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Platform.Tests.Browser;

/// <summary>
/// A resident asks the Commissioner a question for an upcoming Performance Scrutiny Meeting in a real browser: the
/// form shows the deadline and the Design System's error summary, then "check your email"; the link in the email
/// (read from smtp4dev) opens the site's confirmation page, whose button confirms the question.
/// </summary>
public sealed class QuestionSubmissionTests(PlatformApp platform, SiteBrowser browser)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>A meeting of its own, on a weekday a year or more ahead, that Questions has heard of.</summary>
    private async Task<(Guid Id, string Title, DateTimeOffset Deadline)> ScheduleMeetingAsync()
    {
        var day = DateTime.UtcNow.Date.AddDays(Random.Shared.Next(400, 1800));
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        var title = $"Rural and wildlife crime {Guid.NewGuid().ToString("N")[..8]}";
        var created = await platform.Client(Roles.Clerk).PostAsJsonAsync("/api/meetings/meetings", new
        {
            bodyName = "Performance Scrutiny Meeting",
            title,
            startsAt = new DateTimeOffset(day.AddHours(14), TimeSpan.Zero),
            isVirtual = true,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // Its agenda, with a report's paper, published well ahead of the meeting.
        var clerk = platform.Client(Roles.Clerk);
        var item = await clerk.PostAsJsonAsync($"/api/meetings/meetings/{id}/items", new { number = "4", title = "Public questions", kind = "public-questions", part = "part-i" });
        Assert.True(item.StatusCode == HttpStatusCode.Created, await item.Content.ReadAsStringAsync());
        using var paper = new ByteArrayContent(PaperBytes);
        paper.Headers.ContentType = new("application/pdf");
        var uploaded = await clerk.PostAsync($"/api/meetings/meetings/{id}/documents?title=Agenda%20pack&kind=agenda&fileName=agenda-pack.pdf&pageCount=12", paper);
        Assert.True(uploaded.StatusCode == HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());
        var agenda = await clerk.PostAsJsonAsync($"/api/meetings/meetings/{id}/agenda/publish", new { });
        Assert.True(agenda.IsSuccessStatusCode, await agenda.Content.ReadAsStringAsync());

        var info = await Eventually.Until(async () =>
        {
            var response = await platform.Client().GetAsync($"/api/questions/meetings/{id}");
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
        }, i => i.ValueKind == JsonValueKind.Object, Patience, "Questions to hear of the meeting");
        Assert.True(info.GetProperty("openForPublicQuestions").GetBoolean());
        return (id, title, info.GetProperty("publicDeadline").GetDateTimeOffset());
    }

    /// <summary>A paper of 3,000 bytes: what the site shows of it is its type, size and page count.</summary>
    private static readonly byte[] PaperBytes = [.. "%PDF-1.4\n"u8, .. Enumerable.Repeat((byte)' ', 3000 - 9)];

    /// <summary>The deadline as the site words it: the last minute in time, in London.</summary>
    private static string Worded(DateTimeOffset firstTooLate)
    {
        var last = TimeZoneInfo.ConvertTime(firstTooLate.AddMinutes(-1), London);
        return $"11:59pm on {last.ToString("dddd d MMMM yyyy", English)}";
    }

    [Fact]
    public async Task A_resident_asks_a_question_sees_the_deadline_and_the_error_summary_then_confirms_it_from_the_email()
    {
        // The site, the APIs it calls and the mail sender: their last log lines go with any failure.
        await ResourceLogs.OnFailureAsync(platform, async () =>
        {
            var (meetingId, title, deadline) = await ScheduleMeetingAsync();
            var email = $"resident-{Guid.NewGuid():N}@example.org";
            var text = $"How many rural crime officers will patrol the Peak District at weekends? ({Guid.NewGuid():N})";
            await using var visitor = await browser.OpenAsync(platform.Gateway, nameof(A_resident_asks_a_question_sees_the_deadline_and_the_error_summary_then_confirms_it_from_the_email));
            var page = visitor.Page;

            // How to ask, then the meeting's own page, which offers the form while the deadline is open.
            Assert.Equal(200, (await visitor.GoToAsync("/questions")).Status);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Ask the Police and Crime Commissioner a question");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Meetings taking questions" })).ToBeVisibleAsync();
            await visitor.AssertAccessibleAsync();

            Assert.Equal(200, (await visitor.GoToAsync($"/meetings/{meetingId}")).Status);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
            await Assertions.Expect(page.Locator(".site-aside")).ToContainTextAsync(Worded(deadline));
            await Assertions.Expect(page.Locator(".site-agenda__item h3")).ToHaveTextAsync(["4. Public questions"]);
            var paper = page.GetByRole(AriaRole.Link, new() { Name = "Agenda pack", Exact = true });
            await Assertions.Expect(page.Locator(".site-documents li").Filter(new() { Has = paper })).ToContainTextAsync("Agenda, PDF, 3 KB, 12 pages");
            var download = await page.APIRequest.GetAsync((await paper.GetAttributeAsync("href"))!);
            Assert.Equal(200, download.Status);
            Assert.StartsWith("application/pdf", download.Headers["content-type"], StringComparison.Ordinal);
            Assert.Equal(PaperBytes, await download.BodyAsync());
            await visitor.AssertAccessibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Ask a question" }).ClickAsync();

            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Ask a question");
            await Assertions.Expect(page.Locator("#deadline")).ToHaveTextAsync(Worded(deadline));
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"Your question must be about the topic of the meeting: {title}");
            await visitor.AssertAccessibleAsync();
            await visitor.ScreenshotAsync("question-form");

            // Everything but the name: the error summary names the missing field and links to it; what was typed stays.
            await page.GetByLabel("Email address").FillAsync(email);
            await page.GetByLabel("Postcode (optional)").FillAsync("DE45 1AA");
            await page.GetByRole(AriaRole.Radio, new() { Name = "Yes" }).CheckAsync();
            await page.GetByLabel("Your question").FillAsync(text);
            await page.GetByRole(AriaRole.Button, new() { Name = "Send question" }).ClickAsync();

            var summary = page.Locator(".govuk-error-summary");
            await Assertions.Expect(summary).ToContainTextAsync("There is a problem");
            await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Enter your name" })).ToHaveAttributeAsync("href", "#Input_Name");
            await Assertions.Expect(page.Locator("#Input_Name-error")).ToContainTextAsync("Enter your name");
            await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
            await Assertions.Expect(page.GetByLabel("Email address")).ToHaveValueAsync(email);
            await Assertions.Expect(page.GetByLabel("Your question")).ToHaveValueAsync(text);
            await Assertions.Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Yes" })).ToBeCheckedAsync();
            await visitor.AssertAccessibleAsync();
            await visitor.ScreenshotAsync("question-error-summary");

            await summary.GetByRole(AriaRole.Link, new() { Name = "Enter your name" }).ClickAsync();
            await page.GetByLabel("Full name").FillAsync("Hannah Bagshaw");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send question" }).ClickAsync();

            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check your email");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"We have sent an email to {email}");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(Worded(deadline));
            await visitor.AssertAccessibleAsync();
            await visitor.ScreenshotAsync("check-your-email");

            // The email's link is the site's confirmation page behind the gateway.
            var confirmation = await MailInbox.Of(platform).WaitForAsync(email, m => m.Subject.StartsWith("Confirm your email", StringComparison.Ordinal), Patience);
            var link = confirmation.Link($"{platform.Gateway.GetLeftPart(UriPartial.Authority)}/questions/confirm?token=");
            Assert.Equal(200, (await visitor.GoToAsync(link)).Status);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Confirm your question");
            await visitor.AssertAccessibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Confirm my question" }).ClickAsync();

            await Assertions.Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync("Question confirmed");
            await Assertions.Expect(page.Locator(".govuk-panel__body")).ToHaveTextAsync($"For {title}");
            await visitor.AssertAccessibleAsync();
            await visitor.ScreenshotAsync("question-confirmed");
            visitor.AssertOnlyTheGatewayWasAsked();

            // The office sees it, confirmed and waiting for a moderator, with the asker's details.
            var listed = await platform.Client(Roles.OpccStaff).GetFromJsonAsync<JsonElement>($"/api/questions?meetingId={meetingId}");
            var question = Assert.Single(listed.GetProperty("items").EnumerateArray(), q => q.GetProperty("text").GetString() == text);
            Assert.Equal("submitted", question.GetProperty("status").GetString());
            Assert.Equal("Hannah Bagshaw", question.GetProperty("askedBy").GetString());
            Assert.Equal(email, question.GetProperty("asker").GetProperty("email").GetString());
            Assert.Equal("DE45 1AA", question.GetProperty("asker").GetProperty("postcode").GetString());
        }, "web", "questions", "notifications");
    }

    [Fact]
    public async Task A_link_that_is_not_one_we_sent_is_explained()
    {
        await using var visitor = await browser.OpenAsync(platform.Gateway, nameof(A_link_that_is_not_one_we_sent_is_explained));
        var page = visitor.Page;

        Assert.Equal(200, (await visitor.GoToAsync("/questions/confirm?token=not-a-token-we-sent")).Status);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm my question" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("The link is not valid");
        await visitor.AssertAccessibleAsync();
        Assert.Equal(200, (await visitor.GoToAsync("/questions/confirm")).Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("The link is not valid");
        visitor.AssertOnlyTheGatewayWasAsked();
    }
}
