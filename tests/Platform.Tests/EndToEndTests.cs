using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Platform.Tests;

/// <summary>The running platform, exercised only through the gateway.</summary>
public sealed class EndToEndTests(PlatformApp platform)
{
    internal static object Meeting(string title, DateTimeOffset? startsAt = null) => new
    {
        bodyName = "Derbyshire Police and Crime Panel",
        title,
        startsAt = startsAt ?? new DateTimeOffset(2023, 1, 26, 10, 0, 0, TimeSpan.Zero),
        location = "Council Chamber, County Hall, Matlock",
        isVirtual = false,
    };

    internal static async Task<string> SubscribeAsync(HttpClient client, Uri url)
    {
        var subscribed = await client.PostAsJsonAsync("/api/notifications/subscriptions",
            new { url, topics = new[] { "meetings" }, areas = new[] { "Erewash" } });
        Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
        return (await subscribed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
    }

    [Fact]
    public async Task A_scheduled_meeting_reaches_a_webhook_subscriber_once_signed_within_ten_seconds_in_one_trace()
    {
        await using var listener = await WebhookListener.StartAsync();
        var secret = await SubscribeAsync(platform.Client(), listener.Url);
        var title = $"Police and Crime Panel {Guid.NewGuid():N}";
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/meetings/meetings") { Content = JsonContent.Create(Meeting(title)) };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        var clock = Stopwatch.StartNew();
        var response = await platform.Client(Roles.Clerk).SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var webhook = await WaitForTitleAsync(listener, title, TimeSpan.FromSeconds(10));
        clock.Stop();

        webhook.Verify(secret);
        // Time for a second copy to turn up. Other tests' meetings reach this subscriber too, so count this one's only.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(1, listener.All.Count(w => w.Body.Contains(title, StringComparison.Ordinal)));
        // gateway → Meetings → outbox → RabbitMQ → Notifications → webhook call: the caller's trace, end to end.
        Assert.Contains(traceId.ToString(), webhook.Headers["traceparent"].ToString(), StringComparison.Ordinal);
        TestLog.Write($"End to end: POST through the gateway to webhook receipt in {clock.Elapsed.TotalMilliseconds:0} ms");
    }

    internal static async Task<ReceivedWebhook> WaitForTitleAsync(WebhookListener listener, string title, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var webhook = await listener.NextAsync(deadline - DateTimeOffset.UtcNow);
            if (webhook.Body.Contains(title, StringComparison.Ordinal))
            {
                return webhook;
            }
        }
    }

    [Fact]
    public async Task Through_the_gateway_a_clerk_schedules_and_anyone_lists_and_reads()
    {
        var title = $"Performance Scrutiny {Guid.NewGuid():N}";
        var created = await platform.Client(Roles.Clerk).PostAsJsonAsync("/api/meetings/meetings", Meeting(title));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;

        var read = await platform.Client().GetFromJsonAsync<JsonElement>(location);
        Assert.Equal(title, read.GetProperty("title").GetString());
        var listed = await platform.Client().GetFromJsonAsync<JsonElement>("/api/meetings/meetings?body=derbyshire-police-and-crime-panel&limit=200");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), m => m.GetProperty("title").GetString() == title);
    }

    [Fact]
    public async Task Bad_input_through_the_gateway_is_a_problem_and_stores_nothing()
    {
        var before = await CountAsync();

        var response = await platform.Client(Roles.Clerk).PostAsync("/api/meetings/meetings",
            new StringContent("""{"bodyName":"Derbyshire Police and Crime Panel","startsAt":"2023-01-26T10:00:00Z","endsAt":"2023-01-26T09:00:00Z"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out _));
        Assert.True(errors.TryGetProperty("endsAt", out _));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_token_the_gateway_cannot_validate_stops_at_the_gateway()
    {
        var forged = platform.Client();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", DevelopmentTokens.Mint(DevelopmentTokens.NewSigningKey(), [Roles.Clerk]));

        var response = await forged.GetAsync("/api/meetings/meetings");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Request_ids_pass_through_and_come_back()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/meetings/meetings/{Guid.NewGuid()}");
        request.Headers.Add("X-Request-Id", "panel-e2e-request-1");

        var response = await platform.Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("panel-e2e-request-1", response.Headers.GetValues("X-Request-Id").Single());
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("panel-e2e-request-1", problem.GetProperty("requestId").GetString());
    }

    [Fact]
    public async Task The_gateway_reports_every_service_healthy()
    {
        var health = await platform.Client().GetFromJsonAsync<JsonElement>("/health");

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        var services = health.GetProperty("services").EnumerateObject().ToDictionary(s => s.Name, s => s.Value.GetProperty("status").GetString());
        Assert.Equal(["casework", "grants", "identity", "meetings", "notifications", "questions", "web"], services.Keys.Order());
        Assert.All(services.Values, status => Assert.Equal("Healthy", status));
    }

    [Theory]
    [InlineData("meetings")]
    [InlineData("questions")]
    [InlineData("grants")]
    [InlineData("casework")]
    [InlineData("notifications")]
    public async Task Each_service_publishes_its_OpenAPI_document_through_the_gateway(string service)
    {
        var document = await platform.Client().GetFromJsonAsync<JsonElement>($"/api/{service}/openapi/v1.json");

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
    }

    private async Task<int> CountAsync()
    {
        var count = 0;
        string? cursor = null;
        do
        {
            var page = await platform.Client().GetFromJsonAsync<JsonElement>("/api/meetings/meetings?limit=200" + (cursor is null ? "" : $"&cursor={cursor}"));
            count += page.GetProperty("items").GetArrayLength();
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        return count;
    }
}
