using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using PanelPlatform.Gateway;
using Microsoft.Extensions.Configuration;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Http;

namespace PanelPlatform.Platform.Tests;

/// <summary>The gateway alone (no services behind it): anonymous writes are limited per client, nothing else is.</summary>
public sealed class GatewayRateLimitTests : IAsyncLifetime
{
    private readonly string _signingKey = DevelopmentTokens.NewSigningKey();
    private WebApplicationFactory<GatewayApi> _gateway = null!;

    public ValueTask InitializeAsync()
    {
        _gateway = new WebApplicationFactory<GatewayApi>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting("Auth:SigningKey", _signingKey);
            web.UseSetting("Gateway:AnonymousWrites:PermitsPerWindow", "3");
            web.UseSetting("Gateway:AnonymousWrites:Window", "00:10:00");
        });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Anonymous_writes_beyond_the_limit_get_a_429_problem_with_retry_after()
    {
        var client = _gateway.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 5; i++)
        {
            last = await client.PostAsJsonAsync("/api/questions/questions", new { text = "When will the Panel next meet?" });
            statuses.Add(last.StatusCode);
        }

        Assert.All(statuses.Take(3), s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.All(statuses.Skip(3), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        Assert.True(last.Headers.RetryAfter is not null || last.Headers.Contains("Retry-After"));
        var problem = await last.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("https://panel-platform.uk/problems/too-many-requests", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Reads_and_signed_in_staff_are_not_limited()
    {
        var anonymous = _gateway.CreateClient();
        var staff = _gateway.CreateClient();
        staff.DefaultRequestHeaders.Authorization = new("Bearer", DevelopmentTokens.Mint(_signingKey, [Roles.Clerk]));

        for (var i = 0; i < 6; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await anonymous.GetAsync("/api/meetings/meetings")).StatusCode);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await staff.PostAsJsonAsync("/api/meetings/meetings", new { })).StatusCode);
        }
    }

    private HttpClient ForResident(string? header)
    {
        var client = _gateway.CreateClient();
        if (header is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation(ForwardedClient.HeaderName, header);
        }

        return client;
    }

    private static async Task<List<HttpStatusCode>> WriteAsync(HttpClient client, int times)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < times; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/questions/questions", new { text = "When will the Panel next meet?" })).StatusCode);
        }

        return statuses;
    }

    [Fact]
    public async Task Writes_the_web_site_makes_for_residents_are_limited_per_resident_by_the_address_it_signed()
    {
        var key = ForwardedClient.KeyFrom(new ConfigurationBuilder().AddInMemoryCollection([new("Auth:SigningKey", _signingKey)]).Build())!;
        var now = DateTimeOffset.UtcNow;

        var first = await WriteAsync(ForResident(ForwardedClient.Sign(key, IPAddress.Parse("81.2.69.160"), now)), 4);
        var second = await WriteAsync(ForResident(ForwardedClient.Sign(key, IPAddress.Parse("2a00:23c7:1234::1"), now)), 3);

        Assert.Equal(HttpStatusCode.TooManyRequests, first[^1]);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, first.Take(3));
        // Another resident behind the same web site has a limit of their own.
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, second);
    }

    [Fact]
    public async Task A_claimed_address_that_is_unsigned_forged_or_stale_is_not_believed()
    {
        var key = ForwardedClient.KeyFrom(new ConfigurationBuilder().AddInMemoryCollection([new("Auth:SigningKey", _signingKey)]).Build())!;
        var otherKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var claims = new[]
        {
            "81.2.69.161",
            ForwardedClient.Sign(otherKey, IPAddress.Parse("81.2.69.162"), DateTimeOffset.UtcNow),
            ForwardedClient.Sign(key, IPAddress.Parse("81.2.69.163"), DateTimeOffset.UtcNow.AddMinutes(-10)),
        };

        var statuses = new List<HttpStatusCode>();
        foreach (var claim in claims)
        {
            statuses.AddRange(await WriteAsync(ForResident(claim), 2));
        }

        // Six writes that all count against the one connection's address: the fourth and later are refused.
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(3));
        Assert.All(statuses.Skip(3), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }
}
