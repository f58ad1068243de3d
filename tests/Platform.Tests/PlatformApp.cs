using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using PanelPlatform.LocalInfrastructure;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Platform.Tests;

/// <summary>
/// The whole platform as the AppHost describes it (broker, PostgreSQL, five services, gateway), started once for
/// this test assembly through Aspire.Hosting.Testing, with its data in a temp directory. Tests reach it only
/// through the gateway.
/// </summary>
public class PlatformApp : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"panel-platform-{Guid.NewGuid():N}"[..24]);

    public DistributedApplication App { get; private set; } = null!;
    public string SigningKey { get; } = DevelopmentTokens.NewSigningKey();
    public Uri Gateway { get; private set; } = null!;
    public InfrastructureMode Mode { get; private set; }

    /// <summary>Instances of every service and of the gateway (the AppHost's <c>Panel:Replicas</c>).</summary>
    /// <remarks><c>PANEL_TEST_REPLICAS=2</c> runs every platform test against two of each.</remarks>
    public virtual int Replicas =>
        int.TryParse(Environment.GetEnvironmentVariable("PANEL_TEST_REPLICAS"), System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 1 ? n : 1;

    /// <summary>The broker's resource: the local rabbitmq-server process, or the RabbitMQ container.</summary>
    public string BrokerResource => Mode == InfrastructureMode.Containers ? "messaging" : "rabbitmq";

    public static string[] Arguments(string dataDirectory, string signingKey) =>
    [
        $"--Panel:DataDirectory={dataDirectory}",
        "--Panel:DurableDatabase=false",
        $"--Auth:SigningKey={signingKey}",
    ];

    public async ValueTask InitializeAsync()
    {
        var started = DateTimeOffset.UtcNow;
        Mode = InfrastructureModeChooser.Choose(Environment.GetEnvironmentVariable("PANEL_TEST_INFRASTRUCTURE"));
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [.. Arguments(_dataDirectory, SigningKey), $"--Panel:Infrastructure={Mode.ToString().ToLowerInvariant()}", $"--Panel:Replicas={Replicas}"],
            (options, _) => options.DisableDashboard = true);
        // Every resident of the browser tests comes from the one loopback address: the gateway's per-resident limits
        // (20 anonymous writes a minute, 30 sign-ins; GatewayRateLimitTests checks them) are for real residents.
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "gateway"))
            .WithEnvironment("Gateway__AnonymousWrites__PermitsPerWindow", "600")
            .WithEnvironment("Gateway__SignIn__PermitsPerWindow", "600");
        // No dashboard here, so nothing listens on the OTLP endpoint Aspire still hands every process: without this each
        // would collect and try to send its telemetry every second for the whole run.
        foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
        {
            builder.CreateResourceBuilder(project).WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", "");
        }

        App = await builder.BuildAsync();
        var patience = TimeSpan.FromMinutes(5 + 2.5 * Replicas);
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await App.StartAsync(timeout.Token);
            await App.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);
            // The gateway does not wait for the web site (the site calls the gateway): the browser tests do.
            await App.ResourceNotifications.WaitForResourceHealthyAsync("web", timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            var description = await DescribeResourcesAsync();
            // Every platform test fails with this message, and CI shows the start of each: the test log shows it whole.
            TestLog.Write($"Platform not healthy in {patience.TotalMinutes} minutes:{Environment.NewLine}{description}");
            throw new TimeoutException($"The platform was not healthy in {patience.TotalMinutes} minutes.{Environment.NewLine}{description}");
        }
        finally
        {
            // deploy/local/test.sh starts the other test projects once the platform is up (or has failed to come up).
            if (Environment.GetEnvironmentVariable("PANEL_TEST_PLATFORM_STARTED") is { Length: > 0 } signal)
            {
                await File.WriteAllTextAsync(signal, DateTimeOffset.UtcNow.ToString("O"));
            }
        }

        Gateway = App.GetEndpoint("gateway", "http");
        TestLog.Write($"Platform (AppHost, {Mode.ToString().ToLowerInvariant()} infrastructure, {Replicas} of each) healthy through the gateway in {(DateTimeOffset.UtcNow - started).TotalSeconds:0.0}s");
    }

    /// <summary>
    /// Each resource instance's state, and the last log lines of any that is not running and healthy: what CI shows when
    /// start-up fails. The broker, the database server and the mail server come first, with more of their log.
    /// </summary>
    private async Task<string> DescribeResourcesAsync()
    {
        var states = new Dictionary<string, (string State, bool IsProject)>(StringComparer.Ordinal);
        using (var replay = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try
            {
                await foreach (var update in App.ResourceNotifications.WatchAsync(replay.Token))
                {
                    var exit = update.Snapshot.ExitCode is { } code ? $" (exit code {code})" : "";
                    states[update.ResourceId] = ($"{update.Snapshot.State?.Text} {update.Snapshot.HealthStatus}{exit}", update.Resource is ProjectResource);
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        var report = new System.Text.StringBuilder();
        var logs = App.Services.GetRequiredService<ResourceLoggerService>();
        foreach (var (id, (state, isProject)) in states.OrderBy(s => s.Value.IsProject).ThenBy(s => s.Key, StringComparer.Ordinal))
        {
            report.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{id}: {state}");
            if (state.StartsWith(KnownResourceStates.Running, StringComparison.Ordinal) && state.EndsWith(" Healthy", StringComparison.Ordinal))
            {
                continue;
            }

            var lines = new List<string>();
            using var read = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            try
            {
                await foreach (var batch in logs.WatchAsync(id).WithCancellation(read.Token))
                {
                    lines.AddRange(batch.Select(l => l.Content));
                }
            }
            catch (OperationCanceledException)
            {
            }

            foreach (var line in lines.TakeLast(isProject ? 4 : 25))
            {
                report.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"    {line}");
            }
        }

        return report.ToString();
    }

    public HttpClient Client(params string[] roles)
    {
        var client = new HttpClient { BaseAddress = Gateway, Timeout = TimeSpan.FromSeconds(30) };
        if (roles.Length > 0)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", DevelopmentTokens.Mint(SigningKey, roles, subject: $"test-{string.Join('-', roles)}"));
        }

        return client;
    }

    /// <summary>The instances of a resource (one per replica), by the names resource commands take.</summary>
    public async Task<IReadOnlyList<string>> InstancesOfAsync(string resource)
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        using var enough = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            // The watch replays the current state of every resource instance first.
            await foreach (var update in App.ResourceNotifications.WatchAsync(enough.Token))
            {
                if (update.Resource.Name == resource && ids.Add(update.ResourceId) && ids.Count == Replicas)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        return [.. ids];
    }

    /// <summary>Kills one instance's process outright (SIGKILL), as a crash or an evicted pod would end it.</summary>
    public async Task KillAsync(string instance)
    {
        int? pid = null;
        using var replay = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await foreach (var update in App.ResourceNotifications.WatchAsync(replay.Token))
        {
            if (update.ResourceId == instance &&
                update.Snapshot.Properties.FirstOrDefault(p => p.Name is "executable.pid" or "project.pid")?.Value is { } value &&
                int.TryParse(value.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var found))
            {
                pid = found;
                break;
            }
        }

        Assert.True(pid is not null, $"No process id for {instance}.");
        using var process = System.Diagnostics.Process.GetProcessById(pid!.Value);
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public Task StopAsync(string resource) => CommandAsync(resource, KnownResourceCommands.StopCommand);

    public Task StartAsync(string resource) => CommandAsync(resource, KnownResourceCommands.StartCommand);

    private async Task CommandAsync(string resource, string command)
    {
        var result = await App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, command);
        Assert.True(result.Success, $"{command} {resource}: {result.Message}");
    }

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
