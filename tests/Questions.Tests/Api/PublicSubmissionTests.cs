using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Contracts.Notifications;
using PanelPlatform.Contracts.Questions;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Questions.Tests.Api;

/// <summary>A resident submits, gets the email (through Notifications' queues), follows the link; and every way to get it wrong.</summary>
public sealed class PublicSubmissionTests(QuestionsService questions) : IClassFixture<QuestionsService>
{
    [Fact]
    public async Task The_asker_is_registered_with_Notifications_sent_the_link_and_confirming_puts_the_question_before_moderators()
    {
        var meeting = await questions.ScheduleMeetingAsync(DateTimeOffset.UtcNow.AddDays(30), title: "Violence Against Women and Girls");
        var email = $"resident-{Guid.NewGuid():N}@example.org";
        // The only test class that reads Notifications' queues (a second reader would take messages from it).
        await using var registered = await EventCollector<RegisterRecipient>.StartAsync(questions.Infrastructure, r => r.Email == email,
            quorum: true, queueName: NotificationQueues.RegisterRecipient, subscribe: false);
        await using var notices = await EventCollector<SendNotice>.StartAsync(questions.Infrastructure, n => n.Template == "question.confirm-email",
            quorum: true, queueName: NotificationQueues.SendNotice, subscribe: false);
        await using var submitted = await EventCollector<QuestionSubmitted>.StartAsync(questions.Infrastructure, e => e.MeetingId == meeting);

        var response = await questions.Client().PostAsJsonAsync("/api/questions",
            QuestionsService.PublicQuestion(meeting, "How many officers have had training on stalking since 2022?", email));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = receipt.GetProperty("id").GetGuid();
        Assert.Equal("awaiting-confirmation", receipt.GetProperty("status").GetString());
        Assert.False(receipt.GetProperty("similarQuestionAccepted").GetBoolean());

        await registered.WaitForAsync(1, TimeSpan.FromSeconds(15));
        var recipient = registered.Received.Single().Message;
        Assert.Equal(("Jo Bloggs", null), (recipient.Name, recipient.MobileNumber));
        await Eventually.Until(() => Task.FromResult(notices.Received.Any(n => n.Message.RecipientId == recipient.RecipientId)),
            TimeSpan.FromSeconds(15), "the confirmation notice");
        var notice = notices.Received.Single(n => n.Message.RecipientId == recipient.RecipientId).Message;
        Assert.Equal("Violence Against Women and Girls", notice.Values["meetingTitle"]);
        Assert.StartsWith("midnight at the end of ", notice.Values["deadline"], StringComparison.Ordinal);
        Assert.DoesNotContain(email, JsonSerializer.Serialize(notice), StringComparison.OrdinalIgnoreCase);

        // Until the link is followed, no moderator sees the question and nothing is announced.
        var moderator = questions.Client(Roles.OpccStaff);
        Assert.Equal(HttpStatusCode.NotFound, (await moderator.GetAsync($"/api/questions/{id}")).StatusCode);
        Assert.Empty((await moderator.GetFromJsonAsync<JsonElement>($"/api/questions?meetingId={meeting}")).GetProperty("items").EnumerateArray());
        Assert.False(await submitted.MoreThanAsync(0, TimeSpan.FromSeconds(1)));

        var token = new Uri(notice.Values["confirmUrl"]).Query.Split("token=")[1];
        var confirmed = await questions.PostOkAsync(questions.Client(), "/api/questions/confirm", new { token });
        Assert.Equal("submitted", confirmed.GetProperty("status").GetString());
        var again = await questions.PostOkAsync(questions.Client(), "/api/questions/confirm", new { token });
        Assert.Equal("submitted", again.GetProperty("status").GetString());

        await submitted.WaitForAsync(1, TimeSpan.FromSeconds(15));
        Assert.False(await submitted.MoreThanAsync(1, TimeSpan.FromSeconds(1)));
        Assert.Equal((id, "public", "Violence Against Women and Girls"),
            (submitted.Received[0].Message.QuestionId, submitted.Received[0].Message.Kind, submitted.Received[0].Message.Topic));
        var view = await moderator.GetFromJsonAsync<JsonElement>($"/api/questions/{id}");
        Assert.Equal(email, view.GetProperty("asker").GetProperty("email").GetString());
        Assert.Equal(["submitted", "email-confirmed"], view.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task A_link_that_was_not_sent_is_refused_naming_the_token_and_an_old_one_has_expired()
    {
        var meeting = await questions.ScheduleMeetingAsync(DateTimeOffset.UtcNow.AddDays(30));
        var id = await questions.SubmitPublicAsync(meeting, "Is there a women's safety app for Derbyshire?");

        var forged = await questions.Client().PostAsJsonAsync("/api/questions/confirm", new { token = "AQ" + new string('x', 60) });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.True((await forged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("token", out _));

        var token = questions.TokenFor(id);
        questions.Time.Offset = TimeSpan.FromHours(49);
        try
        {
            var expired = await questions.Client().PostAsJsonAsync("/api/questions/confirm", new { token });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, expired.StatusCode);
            var problem = await expired.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("https://panel-platform.uk/problems/confirmation-expired", problem.GetProperty("type").GetString());
            Assert.True(problem.GetProperty("errors").TryGetProperty("token", out _));
        }
        finally
        {
            questions.Time.Offset = TimeSpan.Zero;
        }

        Assert.Equal("AwaitingConfirmation", await questions.QueryAsync(db => Task.FromResult(db.Questions.Single(q => q.Id == id).Status.ToString())));
    }

    [Fact]
    public async Task Submissions_are_limited_per_email_address_and_per_client_address_and_a_refused_one_stores_nothing()
    {
        var meeting = await questions.ScheduleMeetingAsync(DateTimeOffset.UtcNow.AddDays(30));
        var email = $"busy-{Guid.NewGuid():N}@example.org";
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await Submit(meeting, email, $"203.0.113.{i + 1}", i)).StatusCode);
        }

        var before = await questions.CountsAsync();
        var sixth = await Submit(meeting, email.ToUpperInvariant(), "203.0.113.99", 6);
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.True((await sixth.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("email", out _));
        Assert.NotNull(sixth.Headers.RetryAfter);
        Assert.Equal(before, await questions.CountsAsync());

        var client = $"198.51.100.{Random.Shared.Next(1, 250)}";
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await Submit(meeting, $"n{i}-{Guid.NewGuid():N}@example.org", client, i)).StatusCode);
        }

        before = await questions.CountsAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Submit(meeting, $"other-{Guid.NewGuid():N}@example.org", client, 11)).StatusCode);
        Assert.Equal(before, await questions.CountsAsync());
    }

    [Fact]
    public async Task Submissions_from_one_email_address_at_the_same_moment_cannot_all_slip_under_the_limit()
    {
        var meeting = await questions.ScheduleMeetingAsync(DateTimeOffset.UtcNow.AddDays(30));
        var email = $"racer-{Guid.NewGuid():N}@example.org";

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Submit(meeting, email, $"203.0.113.{100 + i}", i)));

        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Accepted));
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.Equal(5, await questions.QueryAsync(db => db.Questions.CountAsync(q => q.MeetingId == meeting)));
    }

    private Task<HttpResponseMessage> Submit(Guid meeting, string email, string clientAddress, int n)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/questions")
        {
            Content = JsonContent.Create(QuestionsService.PublicQuestion(meeting, $"Question number {n} about lighting in parks", email)),
        };
        // The gateway appends the address it saw; earlier entries are whatever the client claimed.
        request.Headers.Add("X-Forwarded-For", $"10.9.9.{n}, {clientAddress}");
        return questions.Client().SendAsync(request);
    }

    public static TheoryData<string, string, string> BadSubmissions => new()
    {
        { "empty body", "{}", "text" },
        { "empty text", """{"meetingId":"{open}","name":"Jo","email":"jo@example.org","consentToPublishName":false,"text":"  "}""", "text" },
        { "text over 1,500 characters", $$"""{"meetingId":"{open}","name":"Jo","email":"jo@example.org","consentToPublishName":false,"text":"{{new string('a', 1501)}}"}""", "text" },
        { "script in the text", """{"meetingId":"{open}","name":"Jo","email":"jo@example.org","consentToPublishName":false,"text":"Hello <script>alert(1)</script>"}""", "text" },
        { "markup in the name", """{"meetingId":"{open}","name":"<b>Jo</b>","email":"jo@example.org","consentToPublishName":false,"text":"A question"}""", "name" },
        { "no such meeting", $$"""{"meetingId":"{{Guid.NewGuid()}}","name":"Jo","email":"jo@example.org","consentToPublishName":false,"text":"A question"}""", "meetingId" },
        { "not an email", """{"meetingId":"{open}","name":"Jo","email":"jo at example","consentToPublishName":false,"text":"A question"}""", "email" },
        { "not a postcode", """{"meetingId":"{open}","name":"Jo","email":"jo@example.org","postcode":"Matlock","consentToPublishName":false,"text":"A question"}""", "postcode" },
        { "no answer on consent", """{"meetingId":"{open}","name":"Jo","email":"jo@example.org","text":"A question"}""", "consentToPublishName" },
        { "unknown field", """{"meetingId":"{open}","name":"Jo","email":"jo@example.org","consentToPublishName":false,"text":"A question","isAdmin":true}""", "isAdmin" },
        { "meeting id of the wrong type", """{"meetingId":42,"name":"Jo","email":"jo@example.org","consentToPublishName":false,"text":"A question"}""", "meetingId" },
        { "after the deadline", """{"meetingId":"{soon}","name":"Jo","email":"jo@example.org","consentToPublishName":false,"text":"A question"}""", "meetingId" },
        { "cancelled meeting", """{"meetingId":"{cancelled}","name":"Jo","email":"jo@example.org","consentToPublishName":false,"text":"A question"}""", "meetingId" },
    };

    [Theory]
    [MemberData(nameof(BadSubmissions))]
    public async Task Bad_input_is_a_problem_naming_the_field_and_stores_nothing(string why, string body, string field)
    {
        var open = await questions.SharedAsync("open", () => questions.ScheduleMeetingAsync(DateTimeOffset.UtcNow.AddDays(30)));
        var soon = await questions.SharedAsync("soon", () => questions.ScheduleMeetingAsync(DateTimeOffset.UtcNow.AddDays(2)));
        var cancelled = await questions.SharedAsync("cancelled", async () =>
        {
            var id = await questions.ScheduleMeetingAsync(DateTimeOffset.UtcNow.AddDays(30));
            await questions.PublishAsync(new Contracts.Meetings.MeetingCancelled(id, "performance-scrutiny-meeting", "Performance Scrutiny Meeting",
                "VAWG", DateTimeOffset.UtcNow.AddDays(30), "Illness", DateTimeOffset.UtcNow));
            await Eventually.Until(() => questions.QueryAsync(db => Task.FromResult(db.Meetings.Single(m => m.Id == id).IsCancelled)),
                TimeSpan.FromSeconds(15), "the cancellation");
            return id;
        });
        var before = await questions.CountsAsync();

        var json = body.Replace("{open}", open.ToString(), StringComparison.Ordinal).Replace("{soon}", soon.ToString(), StringComparison.Ordinal)
            .Replace("{cancelled}", cancelled.ToString(), StringComparison.Ordinal);
        var response = await questions.Client().PostAsync("/api/questions", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"{why}: {response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{why}: {problem}");
        Assert.Equal(before, await questions.CountsAsync());
    }

    [Fact]
    public async Task A_10_MB_body_is_refused_before_it_is_read_naming_the_body_and_stores_nothing()
    {
        var meeting = await questions.ScheduleMeetingAsync(DateTimeOffset.UtcNow.AddDays(30));
        var before = await questions.CountsAsync();
        var huge = JsonSerializer.Serialize(QuestionsService.PublicQuestion(meeting, new string('a', 10 * 1024 * 1024)));

        var response = await questions.Client().PostAsync("/api/questions", new StringContent(huge, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("https://panel-platform.uk/problems/request-too-large", problem.GetProperty("type").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("body", out _));
        Assert.Equal(before, await questions.CountsAsync());
    }
}
