using Npgsql;
using PanelPlatform.LocalInfrastructure;

namespace PanelPlatform.TestInfrastructure;

/// <summary>PostgreSQL and RabbitMQ from the local binaries, in <c>/tmp/panel-tests-*</c>.</summary>
internal sealed class LocalProcessBackend : IInfrastructureBackend
{
    private readonly string _root = StaleRuns.NewRunDirectory();
    private LocalPostgres _postgres = null!;
    private LocalRabbitMq _rabbit = null!;
    private ManagedProcess? _postgresProcess;
    private ManagedProcess? _epmdProcess;
    private ManagedProcess? _brokerProcess;

    public string RabbitMqConnectionString => _rabbit.ConnectionString;

    public string PostgresConnectionString(string database) => _postgres.ConnectionString(database);

    public string Describe() =>
        $"postgres {Path.GetFileName(Path.GetDirectoryName(_postgres.BinDirectory))} on 127.0.0.1:{_postgres.Port}, " +
        $"rabbitmq on 127.0.0.1:{_rabbit.AmqpPort}, data in {_root}";

    public async Task StartAsync()
    {
        _postgres = new LocalPostgres(_root, FreePort.Next(), durable: false);
        _postgres.EnsureInitialised();
        _postgresProcess = Track(ManagedProcess.Start(_postgres.ServerProcess(), Path.Combine(_root, "postgres.log")));

        _rabbit = new LocalRabbitMq(_root, FreePort.Next(), FreePort.Next(), FreePort.Next(), FreePort.Next());
        _rabbit.PrepareFiles();
        _epmdProcess = Track(ManagedProcess.Start(_rabbit.EpmdProcess(), Path.Combine(_root, "epmd.log")));
        await WaitUntilAsync(() => FreePort.IsListeningAsync(_rabbit.EpmdPort), TimeSpan.FromSeconds(30), "epmd", _epmdProcess);
        await StartBrokerAsync();
        await WaitUntilAsync(PostgresAcceptsAsync, TimeSpan.FromSeconds(90), "postgres", _postgresProcess);
    }

    public async Task StopBrokerAsync()
    {
        if (_brokerProcess is not null)
        {
            // A clean stop (SIGTERM), as an operator's restart would be.
            await _brokerProcess.StopAsync(Signals.Terminate, TimeSpan.FromSeconds(20));
            _brokerProcess.Dispose();
            _brokerProcess = null;
        }
    }

    public async Task StartBrokerAsync()
    {
        _brokerProcess = Track(ManagedProcess.Start(_rabbit.ServerProcess(), Path.Combine(_root, "rabbitmq.log")));
        await WaitUntilAsync(() => FreePort.IsListeningAsync(_rabbit.AmqpPort), TimeSpan.FromSeconds(180), "rabbitmq", _brokerProcess);
    }

    public async ValueTask DisposeAsync()
    {
        if (_brokerProcess is not null)
        {
            // The run is over: no need to wait for a clean shutdown.
            await _brokerProcess.StopAsync(Signals.Kill, TimeSpan.FromSeconds(5));
            _brokerProcess.Dispose();
        }

        if (_epmdProcess is not null)
        {
            await _epmdProcess.StopAsync(Signals.Terminate, TimeSpan.FromSeconds(2));
            _epmdProcess.Dispose();
        }

        if (_postgresProcess is not null)
        {
            // SIGINT is PostgreSQL's fast shutdown: no waiting for clients, nothing left in shared memory.
            await _postgresProcess.StopAsync(Signals.Interrupt, TimeSpan.FromSeconds(10));
            _postgresProcess.Dispose();
        }

        StaleRuns.Remove(_root);
    }

    private ManagedProcess Track(ManagedProcess process)
    {
        StaleRuns.RecordChild(_root, process.Id);
        return process;
    }

    private async Task<bool> PostgresAcceptsAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(_postgres.ConnectionString("postgres"));
            await connection.OpenAsync();
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return false;
        }
    }

    private async Task WaitUntilAsync(Func<Task<bool>> ready, TimeSpan timeout, string what, ManagedProcess process)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!await ready())
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{what} exited during start-up; see {_root}/{what}.log:\n{Tail(what)}");
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} was not ready after {timeout.TotalSeconds}s; see {_root}/{what}.log:\n{Tail(what)}");
            }

            await Task.Delay(100);
        }
    }

    public string BrokerLog(int lines) => Tail("rabbitmq", lines);

    public Task<string> BrokerStateAsync(string? queue) => BrokerState.DescribeAsync(new Uri(_rabbit.ManagementUrl), "guest", "guest", queue);

    private string Tail(string what, int lines = 20)
    {
        var log = Path.Combine(_root, $"{what}.log");
        if (!File.Exists(log))
        {
            return "(no log)";
        }

        // The broker is still writing it.
        using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var all = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            all.Add(line);
        }

        return string.Join('\n', all.TakeLast(lines));
    }
}
