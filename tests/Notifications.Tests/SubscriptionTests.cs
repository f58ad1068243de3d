using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Notifications.Tests;

public sealed class SubscriptionTests(NotificationsService notifications) : IClassFixture<NotificationsService>
{
    [Fact]
    public async Task Registering_returns_the_signing_secret_once()
    {
        var response = await notifications.Client().PostAsJsonAsync("/api/notifications/subscriptions",
            new { url = "https://hooks.example.org/panel", topics = new[] { "meetings" }, areas = new[] { "erewash" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("whsec_", created.GetProperty("secret").GetString());
        Assert.Equal(["Erewash"], created.GetProperty("areas").EnumerateArray().Select(a => a.GetString()));

        var read = await notifications.Client(Roles.AlertsCoordinator)
            .GetFromJsonAsync<JsonElement>(response.Headers.Location!.OriginalString);
        Assert.False(read.TryGetProperty("secret", out _));
        Assert.Equal("https://hooks.example.org/panel", read.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Reading_a_subscription_needs_the_alerts_coordinator_role()
    {
        var response = await notifications.Client().PostAsJsonAsync("/api/notifications/subscriptions",
            new { url = "https://hooks.example.org/other", topics = new[] { "meetings" } });
        var location = response.Headers.Location!.OriginalString;

        Assert.Equal(HttpStatusCode.Unauthorized, (await notifications.Client().GetAsync(location)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await notifications.Client(Roles.Clerk).GetAsync(location)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await notifications.Client(Roles.AlertsCoordinator).GetAsync(location)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await notifications.Client(Roles.Admin).GetAsync($"{location}/deliveries")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await notifications.Client(Roles.Admin).GetAsync($"/api/notifications/subscriptions/{Guid.NewGuid()}")).StatusCode);
    }

    [Theory]
    [InlineData("""{"url":"http://hooks.example.org/panel","topics":["meetings"]}""", "url")]
    [InlineData("""{"url":"not a url","topics":["meetings"]}""", "url")]
    [InlineData("""{"url":"https://user:pw@hooks.example.org/","topics":["meetings"]}""", "url")]
    [InlineData("""{"url":"https://hooks.example.org/panel","topics":[]}""", "topics")]
    [InlineData("""{"url":"https://hooks.example.org/panel","topics":["parking"]}""", "topics")]
    [InlineData("""{"url":"https://hooks.example.org/panel","topics":["meetings"],"areas":["Gotham"]}""", "areas")]
    [InlineData("""{"url":"https://hooks.example.org/panel","topics":"meetings"}""", "topics")]
    public async Task Bad_subscriptions_are_a_400_problem_naming_the_field_and_store_nothing(string body, string field)
    {
        var before = await notifications.QueryAsync(db => db.Subscribers.CountAsync());

        var response = await notifications.Client().PostAsync("/api/notifications/subscriptions",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(before, await notifications.QueryAsync(db => db.Subscribers.CountAsync()));
    }
}
