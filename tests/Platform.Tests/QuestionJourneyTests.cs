using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Platform.Tests;

/// <summary>
/// Issue 5's journey through the gateway: a resident's public question to a Performance Scrutiny Meeting, from the form
/// to the published answer on the Meetings page and the resident's emails.
/// </summary>
public sealed class QuestionJourneyTests(PlatformApp platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>A Performance Scrutiny Meeting with a public questions item, far enough ahead for the question deadline to be open.</summary>
    private async Task<(Guid Id, string Title)> ScheduleScrutinyMeetingAsync()
    {
        var clerk = platform.Client(Roles.Clerk);
        var day = DateTime.UtcNow.Date.AddDays(Random.Shared.Next(60, 700));
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        var title = $"Violence Against Women and Girls {Guid.NewGuid():N}";
        var created = await ExpectAsync(await clerk.PostAsJsonAsync("/api/meetings/meetings", new
        {
            bodyName = "Performance Scrutiny Meeting",
            title,
            startsAt = new DateTimeOffset(day.AddHours(10), TimeSpan.Zero),
            location = "Joint Headquarters, Butterley Hall, Ripley",
            isVirtual = false,
        }), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        await ExpectAsync(await clerk.PostAsJsonAsync($"/api/meetings/meetings/{id}/items",
            new { number = "3", title = "Public questions", kind = "public-questions", part = "part-i" }), HttpStatusCode.Created);
        await ExpectAsync(await clerk.PostAsJsonAsync($"/api/meetings/meetings/{id}/items",
            new { number = "4", title = "Violence Against Women and Girls", part = "part-i", kind = "business" }), HttpStatusCode.Created);
        var published = await clerk.PostAsJsonAsync($"/api/meetings/meetings/{id}/agenda/publish", new { });
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        return (id, title);
    }

    [Fact]
    public async Task A_resident_asks_confirms_by_email_is_accepted_answered_published_on_the_meeting_page_and_told()
    {
        var inbox = MailInbox.Of(platform);
        var email = $"resident-{Guid.NewGuid():N}@example.org";
        var name = $"Philippa Marchbanks {Guid.NewGuid().ToString("N")[..8]}";
        var (meetingId, meetingTitle) = await ScheduleScrutinyMeetingAsync();

        // Questions learns meetings only from Meetings' events.
        var info = await Eventually.Until(async () =>
        {
            var response = await platform.Client().GetAsync($"/api/questions/meetings/{meetingId}");
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
        }, i => i.ValueKind == JsonValueKind.Object, Patience, "Questions to know the meeting");
        Assert.True(info.GetProperty("openForPublicQuestions").GetBoolean());
        Assert.Equal("performance-scrutiny-meeting", info.GetProperty("bodySlug").GetString());

        const string text = "What is the Commissioner doing to make the Chesterfield town centre night-time economy safer for women and girls?";
        var receipt = await ExpectAsync(await platform.Client().PostAsJsonAsync("/api/questions", new
        {
            meetingId,
            name,
            email,
            postcode = "S40 1LP",
            area = "Chesterfield",
            consentToPublishName = true,
            topic = "Violence Against Women and Girls",
            text,
        }), HttpStatusCode.Accepted);
        var questionId = receipt.GetProperty("id").GetGuid();
        Assert.DoesNotContain(email, receipt.ToString(), StringComparison.OrdinalIgnoreCase);

        // The resident follows the link in the email; the page behind it posts the link's token to the API.
        var confirmation = await inbox.WaitForAsync(email, m => m.Subject.StartsWith("Confirm your email", StringComparison.Ordinal), Patience);
        var link = new Uri(Regex.Match(confirmation.Text, @"https?://\S+/questions/confirm\?token=\S+").Value);
        var token = Uri.UnescapeDataString(link.Query.TrimStart('?').Split('&').Single(p => p.StartsWith("token=", StringComparison.Ordinal))["token=".Length..]);
        var confirmed = await ExpectAsync(await platform.Client().PostAsJsonAsync("/api/questions/confirm", new { token }), HttpStatusCode.OK);
        Assert.Equal(questionId, confirmed.GetProperty("id").GetGuid());

        // Performance Scrutiny Meetings are the Commissioner's: their questions are moderated by opcc-staff (Questions:Bodies).
        var moderator = platform.Client(Roles.OpccStaff);
        var accepted = await ExpectAsync(await moderator.PostAsJsonAsync($"/api/questions/{questionId}/accept", new { }), HttpStatusCode.OK);
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());

        // A member's question to the same meeting, approved without early publication: it waits for the meeting.
        var member = await ExpectAsync(await platform.Client(Roles.Clerk).PostAsJsonAsync("/api/questions/member", new
        {
            meetingId,
            memberId = Guid.NewGuid(),
            memberName = "Councillor Paul Moffatt",
            topic = "Violence Against Women and Girls",
            text = "How many officers have completed the Domestic Abuse Matters training this year?",
        }), HttpStatusCode.Created);
        var memberQuestionId = member.GetProperty("id").GetGuid();
        await ExpectAsync(await moderator.PostAsJsonAsync($"/api/questions/{memberQuestionId}/accept", new { }), HttpStatusCode.OK);

        const string answer = "The Commissioner has funded additional street marshals and Safe Space venues in Chesterfield town centre.";
        await ExpectAsync(await moderator.PutAsJsonAsync($"/api/questions/{questionId}/answer", new { text = answer }), HttpStatusCode.OK);
        await ExpectAsync(await moderator.PutAsJsonAsync($"/api/questions/{memberQuestionId}/answer",
            new { text = "All frontline officers had completed it by the end of March." }), HttpStatusCode.OK);

        // Approved by someone other than the author (no named approvers are configured in development: admin).
        var approver = platform.Client(Roles.Admin);
        await ExpectAsync(await approver.PostAsJsonAsync($"/api/questions/{memberQuestionId}/answer/approve", new { publishEarly = false }), HttpStatusCode.OK);
        var early = await approver.PostAsJsonAsync($"/api/questions/meetings/{meetingId}/publish", new { });
        var notYet = await ExpectAsync(early, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("meeting-not-started", notYet.ToString(), StringComparison.Ordinal);

        var approved = await ExpectAsync(await approver.PostAsJsonAsync($"/api/questions/{questionId}/answer/approve", new { publishEarly = true }), HttpStatusCode.OK);
        Assert.Equal("answered", approved.GetProperty("status").GetString());
        var publish = await ExpectAsync(await moderator.PostAsJsonAsync($"/api/questions/meetings/{meetingId}/publish", new { }), HttpStatusCode.OK);
        Assert.Equal(1, publish.GetProperty("published").GetInt32());
        Assert.Equal([questionId], publish.GetProperty("questionIds").EnumerateArray().Select(q => q.GetGuid()));
        Assert.Equal(1, publish.GetProperty("waitingForMeeting").GetInt32());

        var publicList = await platform.Client().GetFromJsonAsync<JsonElement>($"/api/questions/meetings/{meetingId}/published");
        var listed = Assert.Single(publicList.GetProperty("questions").EnumerateArray());
        Assert.Equal((questionId, name, answer), (listed.GetProperty("id").GetGuid(), listed.GetProperty("askedBy").GetString(), listed.GetProperty("answer").GetString()));

        // Meetings hears QuestionAccepted and QuestionsPublished: the public meeting page lists the question and its answer.
        var shown = await Eventually.Until(async () =>
        {
            var page = await platform.Client().GetFromJsonAsync<JsonElement>($"/api/meetings/meetings/{meetingId}");
            return page.GetProperty("items").EnumerateArray()
                .Where(i => i.GetProperty("kind").GetString() == "public-questions")
                .SelectMany(i => i.GetProperty("questions").EnumerateArray())
                .FirstOrDefault(q => q.GetProperty("questionId").GetGuid() == questionId && q.GetProperty("published").GetBoolean());
        }, q => q.ValueKind == JsonValueKind.Object, Patience, "the meeting page to list the published question");
        Assert.Equal((text, name, answer), (shown.GetProperty("text").GetString(), shown.GetProperty("askedBy").GetString(), shown.GetProperty("answer").GetString()));
        var meetingPage = await platform.Client().GetStringAsync($"/api/meetings/meetings/{meetingId}");
        Assert.Contains(meetingTitle, meetingPage, StringComparison.Ordinal);
        Assert.DoesNotContain(email, meetingPage, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("S40 1LP", meetingPage, StringComparison.Ordinal);

        // Notifications tells the resident, by email, that the question was accepted and then answered.
        var acceptedMail = await inbox.WaitForAsync(email, m => m.Subject == "Your question has been accepted", Patience);
        Assert.Contains(text, acceptedMail.Text, StringComparison.Ordinal);
        await inbox.WaitForAsync(email, m => m.Subject == "Your question has been answered", Patience);
    }
}
