using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PanelPlatform.ServiceDefaults.Data;
using PanelPlatform.ServiceDefaults.Http;
using PanelPlatform.ServiceDefaults.Messaging;

namespace Microsoft.Extensions.Hosting;

/// <summary>The start and the middle of every service's Program.cs, written once.</summary>
public static class ServiceApplication
{
    /// <summary>Defaults, the service's database (<c>{service}db</c>), messaging with its consumers, and OpenAPI.</summary>
    public static WebApplicationBuilder AddPanelService<TDbContext>(
        this WebApplicationBuilder builder,
        string serviceName,
        Action<IBusRegistrationConfigurator>? consumers = null)
        where TDbContext : DbContext
    {
        builder.AddServiceDefaults();
        builder.AddServiceDatabase<TDbContext>($"{serviceName}db");
        builder.AddMessaging<TDbContext>(serviceName, consumers);
        builder.Services.AddOpenApi();
        return builder;
    }

    /// <summary>
    /// Request ids, problem responses, authentication, health, and the OpenAPI document at
    /// <c>/api/{service}/openapi/v1.json</c> (under the service's prefix so the gateway serves it too).
    /// </summary>
    public static WebApplication UsePanelService(this WebApplication app, string serviceName)
    {
        app.UseRequestIds();
        app.UseProblemResponses();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapDefaultEndpoints();
        app.MapOpenApi($"/api/{serviceName}/openapi/{{documentName}}.json").AllowAnonymous();
        return app;
    }

    /// <summary>Migrates the database, then serves until shut down.</summary>
    public static async Task RunPanelServiceAsync<TDbContext>(this WebApplication app) where TDbContext : DbContext
    {
        await app.MigrateDatabaseAsync<TDbContext>();
        await app.RunAsync();
    }
}
