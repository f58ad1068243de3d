using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PanelPlatform.TestInfrastructure;

/// <summary>
/// Hosts one service in the test process against the shared real PostgreSQL and RabbitMQ, with its own fresh
/// database. <typeparamref name="TEntryPoint"/> is the service's marker type (every service has a Program class).
/// </summary>
public sealed class ServiceFactory<TEntryPoint>(
    PlatformInfrastructure infrastructure,
    string serviceName,
    string databaseConnectionString,
    IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    public PlatformInfrastructure Infrastructure => infrastructure;
    public string DatabaseConnectionString => databaseConnectionString;

    public static async Task<ServiceFactory<TEntryPoint>> StartAsync(
        PlatformInfrastructure infrastructure, string serviceName, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = await infrastructure.CreateDatabaseAsync(serviceName);
        var factory = new ServiceFactory<TEntryPoint>(infrastructure, serviceName, database, settings);
        factory.StartServer();
        await factory.Services.WaitForBusAsync();
        return factory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting($"ConnectionStrings:{serviceName}db", databaseConnectionString);
        builder.UseSetting("ConnectionStrings:messaging", infrastructure.RabbitMqConnectionString);
        builder.UseSetting("Auth:SigningKey", infrastructure.SigningKey);
        builder.UseSetting("Messaging:EndpointPrefix", $"{serviceName}-{Guid.NewGuid().ToString("N")[..8]}");
        builder.UseSetting("Messaging:Outbox:PollInterval", "00:00:00.200");
        builder.UseSetting("Messaging:Outbox:MaxBackoff", "00:00:01");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client whose requests carry a development token for <paramref name="roles"/> (none: the public).</summary>
    public HttpClient ClientFor(params string[] roles)
    {
        var client = CreateClient();
        if (roles.Length > 0)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", infrastructure.Token(roles));
        }

        return client;
    }
}
