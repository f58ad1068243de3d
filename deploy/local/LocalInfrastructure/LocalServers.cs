using System.Diagnostics;

namespace PanelPlatform.LocalInfrastructure;

/// <summary>
/// Throwaway PostgreSQL (and, when asked, RabbitMQ) from the local binaries in a temp directory, for the benchmark
/// programs; or the servers named by <c>PANEL_BENCH_POSTGRES</c> / <c>PANEL_BENCH_RABBITMQ</c> (then the broker cannot
/// be restarted here).
/// </summary>
public sealed class LocalServers : IAsyncDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"panel-bench-{Guid.NewGuid():N}"[..24]);
    private LocalPostgres? _postgres;
    private LocalRabbitMq? _rabbit;
    private Process? _postgresProcess;
    private Process? _epmd;
    private Process? _broker;

    /// <summary>A connection string to the server's <c>postgres</c> database.</summary>
    public string PostgresServer { get; private set; } = "";
    public string RabbitMq { get; private set; } = "";
    public bool CanRestartBroker => _rabbit is not null;

    public static async Task<LocalServers> StartAsync(bool withBroker = true)
    {
        var servers = new LocalServers();
        var postgres = Environment.GetEnvironmentVariable("PANEL_BENCH_POSTGRES");
        var rabbit = Environment.GetEnvironmentVariable("PANEL_BENCH_RABBITMQ");
        if (!string.IsNullOrEmpty(postgres) && (!withBroker || !string.IsNullOrEmpty(rabbit)))
        {
            servers.PostgresServer = postgres;
            servers.RabbitMq = rabbit ?? "";
            return servers;
        }

        Directory.CreateDirectory(servers._root);
        servers._postgres = new LocalPostgres(servers._root, FreePort.Next(), durable: false);
        servers._postgres.EnsureInitialised();
        servers._postgresProcess = Start(servers._postgres.ServerProcess(), servers._root);
        servers.PostgresServer = servers._postgres.ConnectionString("postgres");
        if (withBroker)
        {
            servers._rabbit = new LocalRabbitMq(servers._root, FreePort.Next(), FreePort.Next(), FreePort.Next(), FreePort.Next());
            servers._rabbit.PrepareFiles();
            servers._epmd = Start(servers._rabbit.EpmdProcess(), servers._root);
            await WaitAsync(() => FreePort.IsListeningAsync(servers._rabbit.EpmdPort), "epmd");
            await servers.StartBrokerAsync();
            servers.RabbitMq = servers._rabbit.ConnectionString;
        }

        await WaitAsync(async () =>
        {
            try
            {
                await using var connection = new Npgsql.NpgsqlConnection(servers.PostgresServer);
                await connection.OpenAsync();
                return true;
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or System.Net.Sockets.SocketException)
            {
                return false;
            }
        }, "postgres");
        return servers;
    }

    /// <summary>Creates a database on the server and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new Npgsql.NpgsqlConnection(PostgresServer);
        await connection.OpenAsync();
        await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new Npgsql.NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ConnectionString;
    }

    public async Task StopBrokerAsync()
    {
        if (_broker is { HasExited: false } broker)
        {
            Signals.Send(broker.Id, Signals.Terminate);
            if (!broker.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                broker.Kill(entireProcessTree: true);
            }

            await broker.WaitForExitAsync();
        }
    }

    public async Task StartBrokerAsync()
    {
        _broker = Start(_rabbit!.ServerProcess(), _root);
        await WaitAsync(() => FreePort.IsListeningAsync(_rabbit.AmqpPort), "rabbitmq", TimeSpan.FromSeconds(90));
    }

    private static Process Start(ProcessSpec spec, string root)
    {
        var info = new ProcessStartInfo(spec.Command)
        {
            WorkingDirectory = spec.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in spec.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in spec.Environment)
        {
            info.Environment[key] = value;
        }

        var log = new StreamWriter(Path.Combine(root, $"{spec.Name}.log"), append: true) { AutoFlush = true };
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    private static async Task WaitAsync(Func<Task<bool>> ready, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (!await ready())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} did not start.");
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (process, signal) in new[] { (_broker, Signals.Kill), (_epmd, Signals.Terminate), (_postgresProcess, Signals.Interrupt) })
        {
            if (process is { HasExited: false })
            {
                Signals.Send(process.Id, signal);
                if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
                {
                    process.Kill(entireProcessTree: true);
                }

                await process.WaitForExitAsync();
            }

            process?.Dispose();
        }

        if (_postgres is not null)
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
