using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Http;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Identity.Tests;

/// <summary>
/// A tiny service that authenticates exactly as every Panel Platform service does (AddPanelAuthentication), configured
/// with the Identity service as its authority (discovery fetched from the service's own address) and with the
/// development key, as development runs them.
/// </summary>
public sealed class TokenCheckingApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TokenCheckingApp(WebApplication app) => _app = app;

    public HttpClient Client { get; private init; } = null!;

    public static async Task<TokenCheckingApp> StartAsync(
        Func<HttpMessageHandler> identity, PlatformInfrastructure infrastructure, bool authority = true, bool developmentKey = true)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        if (authority)
        {
            builder.Configuration["Auth:Authority"] = IdentityHost.Issuer;
            builder.Configuration["Auth:MetadataAddress"] = IdentityHost.Issuer + ".well-known/openid-configuration";
            builder.Configuration["Auth:RequireHttpsMetadata"] = "false";
        }

        if (developmentKey)
        {
            builder.Configuration["Auth:SigningKey"] = infrastructure.SigningKey;
        }

        builder.AddProblemResponses();
        builder.AddPanelAuthentication();
        // The metadata client reaches the identity service in this process instead of over the network.
        builder.Services.AddHttpClient(AuthenticationExtensions.MetadataClientName).ConfigurePrimaryHttpMessageHandler(identity);

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/who", (HttpContext context) => new
        {
            name = context.User.Identity?.Name,
            subject = context.User.FindFirst("sub")?.Value,
            roles = context.User.FindAll(AuthOptions.RoleClaim).Select(c => c.Value).Order().ToArray(),
            issuer = context.User.FindFirst("iss")?.Value,
        }).RequireAuthorization();
        app.MapGet("/clerk", () => "clerk business").RequireAuthorization(Roles.Clerk);
        await app.StartAsync();
        return new TokenCheckingApp(app) { Client = app.GetTestClient() };
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
