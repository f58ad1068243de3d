using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Time;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Platform.Tests.Browser;

/// <summary>
/// A public question through the console in a real browser: the clerk moderates it (a similar one rejected as a
/// duplicate), the Commissioner's office writes the answer, someone else approves it, the clerk publishes, and the
/// public meeting page shows it.
/// </summary>
public sealed partial class ClerkQuestionTests(PlatformApp platform, SiteBrowser browser)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>A Panel meeting of its own, with a public questions item, its agenda published; Questions knows it.</summary>
    private async Task<(Guid Id, string Title)> PanelMeetingAsync()
    {
        await ClerkData.EnsurePanelAsync(platform);
        var clerk = platform.Client(Roles.Clerk);
        var title = $"Police and Crime Panel {Guid.NewGuid().ToString("N")[..8]}";
        var created = await ExpectAsync(await clerk.PostAsJsonAsync("/api/meetings/meetings", new
        {
            bodySlug = ClerkData.PanelSlug,
            title,
            startsAt = UkTime.FromLondon(ClerkData.OwnDate(), new TimeOnly(10, 0)),
            location = "Council Chamber, County Hall, Matlock",
        }), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        await ExpectAsync(await clerk.PostAsJsonAsync($"/api/meetings/meetings/{id}/items",
            new { number = "1", title = "Public questions", kind = "public-questions", part = "part-i" }), HttpStatusCode.Created);
        await ExpectAsync(await clerk.PostAsJsonAsync($"/api/meetings/meetings/{id}/items",
            new { number = "2", title = "Police and Crime Commissioner's Update Report", kind = "report", part = "part-i" }), HttpStatusCode.Created);
        await ExpectAsync(await clerk.PostAsJsonAsync($"/api/meetings/meetings/{id}/agenda/publish", new { }), HttpStatusCode.OK);
        await Eventually.Until(async () => (await platform.Client().GetAsync($"/api/questions/meetings/{id}")).StatusCode == HttpStatusCode.OK,
            Patience, "Questions to know the meeting");
        return (id, title);
    }

    /// <summary>A resident's question, confirmed by the link in the email it sends (as the question form's page would).</summary>
    private async Task<Guid> AskAsync(MailInbox inbox, Guid meetingId, string name, string text)
    {
        var email = $"resident-{Guid.NewGuid():N}@example.org";
        var receipt = await ExpectAsync(await platform.Client().PostAsJsonAsync("/api/questions", new
        {
            meetingId, name, email, postcode = "DE4 3AG", area = "Matlock", consentToPublishName = true, topic = "Rural crime", text,
        }), HttpStatusCode.Accepted);
        var mail = await inbox.WaitForAsync(email, m => m.Subject.StartsWith("Confirm your email", StringComparison.Ordinal), Patience);
        var link = new Uri(Link().Match(mail.Text).Value);
        var token = Uri.UnescapeDataString(link.Query.TrimStart('?').Split('&').Single(p => p.StartsWith("token=", StringComparison.Ordinal))["token=".Length..]);
        await ExpectAsync(await platform.Client().PostAsJsonAsync("/api/questions/confirm", new { token }), HttpStatusCode.OK);
        return receipt.GetProperty("id").GetGuid();
    }

    [GeneratedRegex(@"https?://\S+/questions/confirm\?token=\S+")]
    private static partial Regex Link();

    [Fact]
    public async Task A_clerk_moderates_a_public_question_the_office_answers_and_approves_it_and_the_public_page_shows_it()
    {
        var inbox = MailInbox.Of(platform);
        var (meetingId, meetingTitle) = await PanelMeetingAsync();
        var name = $"Philippa Marchbanks {Guid.NewGuid().ToString("N")[..6]}";
        const string text = "What is the Commissioner doing about the theft of farm machinery and quad bikes in the Derbyshire Dales?";
        var questionId = await AskAsync(inbox, meetingId, name, text);
        var duplicateId = await AskAsync(inbox, meetingId, $"Hugh Blackwell {Guid.NewGuid().ToString("N")[..6]}",
            "What is the Commissioner doing about the theft of farm machinery and quad bikes in the Dales?");
        const string answer = "The Commissioner funds the Rural Crime Team, which marks farm machinery and works with Farm Watch's 500 members.";

        // The clerk moderates the Panel's questions.
        await using var clerk = await browser.OpenAsync(platform.Gateway, nameof(A_clerk_moderates_a_public_question_the_office_answers_and_approves_it_and_the_public_page_shows_it));
        await clerk.SignInAsync(Roles.Clerk, "/console/questions");
        await clerk.GoToAsync($"/console/questions?meetingId={meetingId}&status=submitted");
        await Assertions.Expect(clerk.Page.Locator("h1")).ToHaveTextAsync("Questions");
        await Assertions.Expect(clerk.Page.Locator("tbody tr")).ToHaveCountAsync(2);
        await clerk.AssertAccessibleAsync();
        await clerk.ScreenshotAsync("queue");

        // The duplicate first: its page shows the question it repeats.
        await clerk.GoToAsync($"/console/questions/{duplicateId}");
        var similar = clerk.Page.Locator("#similar-questions");
        await Assertions.Expect(similar.GetByRole(AriaRole.Link, new() { Name = text })).ToBeVisibleAsync();
        await clerk.AssertAccessibleAsync();
        await clerk.Page.GetByRole(AriaRole.Button, new() { Name = "Reject the question" }).ClickAsync();
        await Assertions.Expect(clerk.Page.Locator(".govuk-error-summary")).ToContainTextAsync("Select why the question is rejected");
        await clerk.AssertAccessibleAsync();
        await clerk.Page.GetByLabel("A duplicate").CheckAsync();
        await clerk.Page.GetByLabel("Anything to add (optional)").FillAsync("An earlier question asks the same; it will be answered at the meeting.");
        await clerk.Page.GetByRole(AriaRole.Button, new() { Name = "Reject the question" }).ClickAsync();
        await ClerkData.BannerAsync(clerk.Page, "Question rejected");
        await Assertions.Expect(clerk.Page.Locator(".govuk-summary-list").First).ToContainTextAsync("A duplicate");
        await clerk.ScreenshotAsync("rejected");

        await clerk.GoToAsync($"/console/questions/{questionId}");
        await Assertions.Expect(clerk.Page.Locator("#question-text")).ToHaveTextAsync(text);
        await Assertions.Expect(clerk.Page.GetByText("Only the meeting's moderators see these details")).ToBeVisibleAsync();
        await clerk.AssertAccessibleAsync();
        await clerk.ScreenshotAsync("question");
        await clerk.Page.GetByLabel("Agenda item").SelectOptionAsync(new SelectOptionValue { Label = "1. Public questions" });
        await clerk.Page.GetByRole(AriaRole.Button, new() { Name = "Accept the question" }).ClickAsync();
        await ClerkData.BannerAsync(clerk.Page, "Question accepted");
        await Assertions.Expect(clerk.Page.Locator(".govuk-summary-list").First).ToContainTextAsync("Accepted");
        // The clerk does not write the Commissioner's answers.
        await Assertions.Expect(clerk.Page.GetByLabel("Answer", new() { Exact = true })).ToHaveCountAsync(0);
        await clerk.AssertAccessibleAsync();
        await clerk.ScreenshotAsync("accepted");

        // The Commissioner's office writes the answer; its author may not approve it.
        await using var office = await browser.OpenAsync(platform.Gateway, nameof(A_clerk_moderates_a_public_question_the_office_answers_and_approves_it_and_the_public_page_shows_it) + "-office");
        await office.SignInAsync(Roles.OpccStaff, "/console/questions");
        await office.GoToAsync($"/console/questions/{questionId}");
        await Assertions.Expect(office.Page.GetByText("Only the meeting's moderators see these details")).ToHaveCountAsync(0);
        await office.Page.GetByLabel("Answer", new() { Exact = true }).FillAsync(answer);
        await office.AssertAccessibleAsync();
        await office.Page.GetByRole(AriaRole.Button, new() { Name = "Save the answer" }).ClickAsync();
        await ClerkData.BannerAsync(office.Page, "Answer saved");
        await Assertions.Expect(office.Page.Locator("#answer-text")).ToHaveTextAsync(answer);
        await office.ScreenshotAsync("answered");
        await office.Page.GetByRole(AriaRole.Button, new() { Name = "Approve the answer" }).ClickAsync();
        await Assertions.Expect(office.Page.Locator(".govuk-error-summary")).ToContainTextAsync("You cannot do this");
        await office.AssertAccessibleAsync();
        await office.ScreenshotAsync("approval-refused");
        office.AssertOnlyTheGatewayWasAsked();

        // Someone else approves it (no approvers are named in development: admin), to go out before the meeting.
        await using var approver = await browser.OpenAsync(platform.Gateway, nameof(A_clerk_moderates_a_public_question_the_office_answers_and_approves_it_and_the_public_page_shows_it) + "-approver");
        await approver.SignInAsync(Roles.Admin, "/console/questions");
        await approver.GoToAsync($"/console/questions/{questionId}");
        await approver.Page.GetByLabel("Publish it before the meeting starts").CheckAsync();
        await approver.Page.GetByRole(AriaRole.Button, new() { Name = "Approve the answer" }).ClickAsync();
        await ClerkData.BannerAsync(approver.Page, "Answer approved, and may be published before the meeting");
        await approver.AssertAccessibleAsync();
        await approver.ScreenshotAsync("approved");
        approver.AssertOnlyTheGatewayWasAsked();

        // The clerk publishes the meeting's answers.
        await clerk.GoToAsync($"/console/questions?meetingId={meetingId}");
        await clerk.Page.GetByRole(AriaRole.Button, new() { Name = "Publish this meeting's approved answers" }).ClickAsync();
        await ClerkData.BannerAsync(clerk.Page, "1 answer published");
        await clerk.AssertAccessibleAsync();
        await clerk.ScreenshotAsync("published");

        // The public meeting page shows it once Meetings has heard (QuestionsPublished).
        await Eventually.Until(async () =>
        {
            await clerk.GoToAsync($"/meetings/{meetingId}");
            return await clerk.Page.GetByText(answer).CountAsync() > 0;
        }, Patience, "the public meeting page to show the answer");
        await Assertions.Expect(clerk.Page.Locator("h1")).ToHaveTextAsync(meetingTitle);
        await Assertions.Expect(clerk.Page.GetByText(text).First).ToBeVisibleAsync();
        await clerk.AssertAccessibleAsync();
        await clerk.ScreenshotAsync("public-meeting");
        clerk.AssertOnlyTheGatewayWasAsked();

        var question = await ExpectAsync(await platform.Client(Roles.Clerk).GetAsync($"/api/questions/{questionId}"), HttpStatusCode.OK);
        Assert.Equal("published", question.GetProperty("status").GetString());
        var rejected = await ExpectAsync(await platform.Client(Roles.Clerk).GetAsync($"/api/questions/{duplicateId}"), HttpStatusCode.OK);
        Assert.Equal(("rejected", "duplicate"), (rejected.GetProperty("status").GetString(), rejected.GetProperty("rejection").GetProperty("reason").GetString()));
    }
}
