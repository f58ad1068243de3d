using Npgsql;
using PanelPlatform.LocalInfrastructure;
using PanelPlatform.ServiceDefaults.Auth;
using Xunit;

namespace PanelPlatform.TestInfrastructure;

/// <summary>
/// A real PostgreSQL server and a real RabbitMQ broker for one test assembly. Containers where a container engine
/// answers (Testcontainers), otherwise the Debian binaries started as child processes on free loopback ports in a
/// temp directory; stopped and removed at the end, and swept on the next run if a test host died before that.
/// <c>PANEL_TEST_INFRASTRUCTURE=local|containers</c> overrides the probe.
/// </summary>
public sealed class PlatformInfrastructure : IAsyncLifetime
{
    private IInfrastructureBackend _backend = null!;
    private int _databaseCounter;

    public InfrastructureMode Mode { get; private set; }

    /// <summary>Signs the development tokens the services under test accept.</summary>
    public string SigningKey { get; } = DevelopmentTokens.NewSigningKey();

    public string RabbitMqConnectionString => _backend.RabbitMqConnectionString;

    public async ValueTask InitializeAsync()
    {
        var started = DateTimeOffset.UtcNow;
        var configured = Environment.GetEnvironmentVariable("PANEL_TEST_INFRASTRUCTURE");
        Mode = InfrastructureModeChooser.Choose(configured, TimeSpan.FromSeconds(5));
        _backend = Mode == InfrastructureMode.Containers ? new ContainerBackend() : new LocalProcessBackend();
        await _backend.StartAsync();
        TestLog.Write($"PlatformInfrastructure: {Mode.ToString().ToLowerInvariant()} mode ({_backend.Describe()}), ready in {(DateTimeOffset.UtcNow - started).TotalSeconds:0.0}s");
    }

    public async ValueTask DisposeAsync()
    {
        if (_backend is not null)
        {
            await _backend.DisposeAsync();
        }
    }

    /// <summary>A new, empty database on the shared server; each test class or factory gets its own.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Interlocked.Increment(ref _databaseCounter)}_{Guid.NewGuid():N}".ToLowerInvariant();
        name = name.Length > 60 ? name[..60] : name;
        await using var connection = new NpgsqlConnection(_backend.PostgresConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return _backend.PostgresConnectionString(name);
    }

    public string PostgresConnectionString(string database) => _backend.PostgresConnectionString(database);

    public string Token(params string[] roles) => DevelopmentTokens.Mint(SigningKey, roles, subject: $"test-{string.Join('-', roles)}");

    /// <summary>Stops the broker (cleanly); <see cref="StartBrokerAsync"/> brings it back on the same port with its data.</summary>
    public Task StopBrokerAsync() => _backend.StopBrokerAsync();

    public Task StartBrokerAsync() => _backend.StartBrokerAsync();

    /// <summary>
    /// The broker's last log lines (after start-up, warnings and worse: resource alarms, blocked publishers), for a
    /// failure's message.
    /// </summary>
    public string BrokerLog(int lines = 30) => _backend.BrokerLog(lines);

    /// <summary>The broker's alarms, queues holding messages (and <paramref name="queue"/>), and channels awaiting confirms or acks.</summary>
    public Task<string> BrokerStateAsync(string? queue = null) => _backend.BrokerStateAsync(queue);
}

internal interface IInfrastructureBackend : IAsyncDisposable
{
    string RabbitMqConnectionString { get; }
    string PostgresConnectionString(string database);
    Task StartAsync();
    Task StopBrokerAsync();
    Task StartBrokerAsync();
    string Describe();
    string BrokerLog(int lines);
    Task<string> BrokerStateAsync(string? queue);
}
