using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using PanelPlatform.LocalInfrastructure;

namespace PanelPlatform.AppHost;

/// <summary>The broker and the databases (one per service, the identity service's, and the web site's key ring), whichever way they are provided.</summary>
internal sealed record PanelInfrastructure(
    InfrastructureMode Mode,
    string DataDirectory,
    IResourceBuilder<IResourceWithConnectionString> Messaging,
    IReadOnlyDictionary<string, IResourceBuilder<IResourceWithConnectionString>> Databases,
    IReadOnlyList<IResourceBuilder<IResource>> StartFirst,
    IResourceBuilder<IResourceWithEndpoints>? Mail)
{
    public static readonly IReadOnlyList<string> DatabaseNames = ["meetingsdb", "questionsdb", "grantsdb", "caseworkdb", "notificationsdb", "identitydb", "webdb"];
}

internal static class PanelInfrastructureExtensions
{
    /// <summary>
    /// <c>Panel:Infrastructure</c> = containers | local | external; unset, containers when a container engine answers,
    /// otherwise the local rabbitmq-server and postgres binaries. The services get the same connection strings either way.
    /// </summary>
    public static PanelInfrastructure AddPanelInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var dataDirectory = Path.GetFullPath(builder.Configuration["Panel:DataDirectory"]
            ?? Path.Combine(builder.AppHostDirectory, "..", ".data"));
        var mode = InfrastructureModeChooser.Choose(builder.Configuration["Panel:Infrastructure"]);
        Console.WriteLine($"==> Infrastructure: {mode.ToString().ToLowerInvariant()} (data in {dataDirectory})");
        return mode switch
        {
            InfrastructureMode.Containers => AddContainers(builder, dataDirectory),
            InfrastructureMode.Local => AddLocalProcesses(builder, dataDirectory),
            _ => AddExternal(builder, dataDirectory),
        };
    }

    private static PanelInfrastructure AddContainers(IDistributedApplicationBuilder builder, string dataDirectory)
    {
        var rabbit = builder.AddRabbitMQ("messaging").WithManagementPlugin().WithDataVolume();
        var postgres = builder.AddPostgres("postgres").WithDataVolume();
        var databases = PanelInfrastructure.DatabaseNames.ToDictionary(
            name => name, name => (IResourceBuilder<IResourceWithConnectionString>)postgres.AddDatabase(name));
        var mail = builder.AddContainer("mail", "rnwood/smtp4dev", "v3")
            .WithHttpEndpoint(targetPort: 80, name: "http")
            .WithEndpoint(targetPort: 25, name: "smtp", scheme: "tcp");
        return new PanelInfrastructure(InfrastructureMode.Containers, dataDirectory, rabbit, databases,
            [rabbit.AsResource(), .. databases.Values.Select(d => d.AsResource())], mail.AsEndpoints());
    }

    private static PanelInfrastructure AddExternal(IDistributedApplicationBuilder builder, string dataDirectory)
    {
        var messaging = builder.AddConnectionString("messaging");
        var databases = PanelInfrastructure.DatabaseNames.ToDictionary(
            name => name, name => (IResourceBuilder<IResourceWithConnectionString>)builder.AddConnectionString(name));
        // External: the services' own configuration says where mail goes (Notifications:Email).
        return new PanelInfrastructure(InfrastructureMode.External, dataDirectory, messaging, databases, [], null);
    }

    private static PanelInfrastructure AddLocalProcesses(IDistributedApplicationBuilder builder, string dataDirectory)
    {
        var durable = builder.Configuration.GetValue("Panel:DurableDatabase", true);
        var postgres = new LocalPostgres(dataDirectory, FreePort.Next(), durable);
        postgres.EnsureInitialised();
        var rabbit = new LocalRabbitMq(dataDirectory, FreePort.Next(), FreePort.Next(), FreePort.Next(), FreePort.Next());
        rabbit.PrepareFiles();

        builder.Services.AddHealthChecks()
            .AddAsyncCheck("epmd-listening", ct => Listening(rabbit.EpmdPort, ct))
            .AddAsyncCheck("rabbitmq-amqp", ct => Listening(rabbit.AmqpPort, ct))
            .AddAsyncCheck("postgres-databases", ct => EnsureDatabasesAsync(postgres, ct));

        var epmd = builder.AddProcess(rabbit.EpmdProcess()).WithHealthCheck("epmd-listening");
        var broker = builder.AddProcess(rabbit.ServerProcess())
            .WithHealthCheck("rabbitmq-amqp")
            .WithHttpEndpoint(port: rabbit.ManagementPort, targetPort: rabbit.ManagementPort, name: "management", isProxied: false)
            .WaitFor(epmd);
        var server = builder.AddProcess(postgres.ServerProcess())
            .WithHealthCheck("postgres-databases");

        var messaging = builder.AddConnectionString("messaging", ReferenceExpression.Create($"{rabbit.ConnectionString}"));
        var databases = PanelInfrastructure.DatabaseNames.ToDictionary(
            name => name,
            name => (IResourceBuilder<IResourceWithConnectionString>)builder.AddConnectionString(
                name, ReferenceExpression.Create($"{postgres.ConnectionString(name)}")));
        return new PanelInfrastructure(InfrastructureMode.Local, dataDirectory, messaging, databases,
            [broker.AsResource(), server.AsResource()], AddLocalMail(builder).AsEndpoints());
    }

    /// <summary>
    /// smtp4dev from the repository's tool manifest (<c>dotnet tool restore</c> in install-deps.sh): an SMTP server that
    /// keeps every message in memory and shows it in a web inbox (and over its HTTP API, which the tests read).
    /// </summary>
    private static IResourceBuilder<ExecutableResource> AddLocalMail(IDistributedApplicationBuilder builder)
    {
        var smtpPort = FreePort.Next();
        var webPort = FreePort.Next();
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        builder.Services.AddHealthChecks().AddAsyncCheck("mail-smtp", ct => Listening(smtpPort, ct));
        return builder.AddExecutable("mail", "dotnet", Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..")),
                "tool", "run", "smtp4dev", "--",
                $"--smtpport={smtpPort.ToString(invariant)}", $"--urls=http://127.0.0.1:{webPort.ToString(invariant)}",
                $"--imapport={FreePort.Next().ToString(invariant)}", $"--pop3port={FreePort.Next().ToString(invariant)}",
                "--db=", "--nousersettings", "--hostname=localhost", "--disableipv6")
            .WithHttpEndpoint(port: webPort, targetPort: webPort, name: "http", isProxied: false)
            .WithEndpoint(port: smtpPort, targetPort: smtpPort, name: "smtp", scheme: "tcp", isProxied: false)
            .WithHealthCheck("mail-smtp");
    }

    private static IResourceBuilder<ExecutableResource> AddProcess(this IDistributedApplicationBuilder builder, ProcessSpec spec)
    {
        var resource = builder.AddExecutable(spec.Name, spec.Command, spec.WorkingDirectory, [.. spec.Arguments]);
        foreach (var (key, value) in spec.Environment)
        {
            resource.WithEnvironment(key, value);
        }

        return resource;
    }

    private static IResourceBuilder<IResourceWithEndpoints> AsEndpoints<T>(this IResourceBuilder<T> builder) where T : IResourceWithEndpoints =>
        (IResourceBuilder<IResourceWithEndpoints>)builder;

    private static IResourceBuilder<IResource> AsResource<T>(this IResourceBuilder<T> builder) where T : IResource =>
        (IResourceBuilder<IResource>)builder;

    private static async Task<HealthCheckResult> Listening(int port, CancellationToken cancellationToken) =>
        await FreePort.IsListeningAsync(port, cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"Nothing listens on 127.0.0.1:{port} yet.");

    /// <summary>Healthy once the server takes connections and every service's database exists (it creates them).</summary>
    private static async Task<HealthCheckResult> EnsureDatabasesAsync(LocalPostgres postgres, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(postgres.ConnectionString("postgres"));
            await connection.OpenAsync(cancellationToken);
            foreach (var name in PanelInfrastructure.DatabaseNames)
            {
                await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
                exists.Parameters.AddWithValue(name);
                if (await exists.ExecuteScalarAsync(cancellationToken) is null)
                {
                    await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                    await create.ExecuteNonQueryAsync(cancellationToken);
                }
            }

            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL is not taking connections yet.", e);
        }
    }
}
