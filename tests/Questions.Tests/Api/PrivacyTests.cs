using System.Net.Http.Json;
using System.Text.Json;
using PanelPlatform.Contracts.Questions;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Questions.Tests.Api;

/// <summary>An asker's email and postcode, and their name without consent, appear in no public response, no event and no log line.</summary>
public sealed class PrivacyTests(QuestionsService questions) : IClassFixture<QuestionsService>
{
    [Fact]
    public async Task A_question_through_its_whole_life_leaves_no_contact_details_where_they_must_not_be()
    {
        var startsAt = DateTimeOffset.UtcNow.AddDays(20);
        var meeting = await questions.ScheduleMeetingAsync(startsAt);
        var email = $"very.private.{Guid.NewGuid():N}@example.org";
        const string Postcode = "DE45 1QZ";
        const string Name = "Withheld Nameperson";
        var events = new List<IAsyncDisposable>();
        var accepted = await EventCollector<QuestionAccepted>.StartAsync(questions.Infrastructure, e => e.MeetingId == meeting);
        var submitted = await EventCollector<QuestionSubmitted>.StartAsync(questions.Infrastructure, e => e.MeetingId == meeting);
        var answered = await EventCollector<QuestionAnswered>.StartAsync(questions.Infrastructure, e => e.MeetingId == meeting);
        var published = await EventCollector<QuestionsPublished>.StartAsync(questions.Infrastructure, e => e.MeetingId == meeting);
        events.AddRange([accepted, submitted, answered, published]);
        try
        {
            var publicResponses = new List<string>();
            var submit = await questions.Client().PostAsJsonAsync("/api/questions", new
            {
                meetingId = meeting, name = Name, email, postcode = Postcode, area = "Bakewell", consentToPublishName = false,
                text = "Are there enough officers in the Derbyshire Dales at night?",
            });
            publicResponses.Add(await submit.Content.ReadAsStringAsync());
            var id = JsonDocument.Parse(publicResponses[0]).RootElement.GetProperty("id").GetGuid();
            var confirm = await questions.Client().PostAsJsonAsync("/api/questions/confirm", new { token = questions.TokenFor(id) });
            publicResponses.Add(await confirm.Content.ReadAsStringAsync());

            await questions.PostOkAsync(questions.Client(Roles.OpccStaff), $"/api/questions/{id}/accept", new { });
            await questions.Client(Roles.OpccStaff).PutAsJsonAsync($"/api/questions/{id}/answer", new { text = "Yes: eight officers cover the Dales at night." });
            await questions.PostOkAsync(questions.Client(Roles.Admin), $"/api/questions/{id}/answer/approve", new { });
            questions.Time.Offset = startsAt - DateTimeOffset.UtcNow + TimeSpan.FromMinutes(5);
            try
            {
                await questions.PostOkAsync(questions.Client(Roles.OpccStaff), $"/api/questions/meetings/{meeting}/publish", new { });
            }
            finally
            {
                questions.Time.Offset = TimeSpan.Zero;
            }

            publicResponses.Add(await questions.Client().GetStringAsync($"/api/questions/meetings/{meeting}/published"));
            publicResponses.Add(await questions.Client().GetStringAsync($"/api/questions/meetings/{meeting}"));
            await Task.WhenAll(accepted.WaitForAsync(1, TimeSpan.FromSeconds(15)), submitted.WaitForAsync(1, TimeSpan.FromSeconds(15)),
                answered.WaitForAsync(1, TimeSpan.FromSeconds(15)), published.WaitForAsync(1, TimeSpan.FromSeconds(15)));

            var everyEvent = string.Join("\n",
                accepted.Received.Select(r => JsonSerializer.Serialize(r.Message)).Concat(submitted.Received.Select(r => JsonSerializer.Serialize(r.Message)))
                    .Concat(answered.Received.Select(r => JsonSerializer.Serialize(r.Message))).Concat(published.Received.Select(r => JsonSerializer.Serialize(r.Message))));
            Assert.Contains("a member of the public", everyEvent, StringComparison.Ordinal);
            Assert.Contains("a member of the public", publicResponses[2], StringComparison.Ordinal);
            foreach (var secret in new[] { email, Postcode, "DE45", Name, "Bakewell" })
            {
                Assert.DoesNotContain(secret, everyEvent, StringComparison.OrdinalIgnoreCase);
                Assert.All(publicResponses, r => Assert.DoesNotContain(secret, r, StringComparison.OrdinalIgnoreCase));
            }

            foreach (var secret in new[] { email, Postcode })
            {
                Assert.DoesNotContain(questions.Logs.Lines, line => line.Contains(secret, StringComparison.OrdinalIgnoreCase));
            }

            Assert.NotEmpty(questions.Logs.Lines);
        }
        finally
        {
            foreach (var collector in events)
            {
                await collector.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Bad_requests_are_logged_without_what_the_asker_typed()
    {
        var meeting = await questions.ScheduleMeetingAsync(DateTimeOffset.UtcNow.AddDays(20));
        var email = $"typo.{Guid.NewGuid():N}@example.org";

        await questions.Client().PostAsync("/api/questions", new StringContent(
            $$"""{"meetingId":"{{meeting}}","name":"X","email":"{{email}}","postcode":"DE4 3AG","consentToPublishName":"maybe","text":"x"}""",
            System.Text.Encoding.UTF8, "application/json"));

        Assert.DoesNotContain(questions.Logs.Lines, line => line.Contains(email, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(questions.Logs.Lines, line => line.Contains("Bad request POST /api/questions", StringComparison.Ordinal));
    }
}
