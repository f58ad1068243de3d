using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PanelPlatform.LocalInfrastructure;
using PanelPlatform.Notifications.Benchmark;
using PanelPlatform.Notifications.Domain;
using PanelPlatform.ServiceDefaults.Auth;

// Fan-out benchmark: N synthetic subscribers in the table, one alert matching M of them, every delivery recorded in the
// ledger and POSTed to a loopback webhook sink. Run 1 undisturbed; run 2 with the broker restarted half-way; run 3 with
// the broker down when "send" is pressed. --instances N hosts N replicas of the service on the same database and broker
// (same queues, competing consumers); the alert is sent through the first, and the delivery workers of all share the ledger.
// Usage:
//   dotnet run -c Release --project tests/Notifications.Benchmark [-- --subscribers 1000000 --matching 100000 --runs 1,2,3 --instances 2]
var options = Arguments.Parse(args);
Seeder.Matching = options.Matching;
var invariant = CultureInfo.InvariantCulture;
Console.WriteLine($"Notifications fan-out benchmark: {options.Subscribers:N0} subscribers, {options.Matching:N0} matching; " +
                  $"{options.Instances} Notifications instance{(options.Instances == 1 ? "" : "s")}; " +
                  $"{Environment.ProcessorCount} cores; load average {LoadAverage()}");

await using var servers = await LocalServers.StartAsync();
var secret = Subscriber.NewWebhookSecret();
await using var sink = await Sink.StartAsync(secret);
var database = await servers.CreateDatabaseAsync($"notifications_bench_{Guid.NewGuid():N}"[..40]);
var signingKey = DevelopmentTokens.NewSigningKey();
// Replicas start one after another: the first migrates the database, and hosts of the same entry point are resolved one at a time.
var instances = new List<BenchmarkService>();
await using var stopInstances = new AsyncDisposables(instances);
for (var i = 1; i <= options.Instances; i++)
{
    var replica = new BenchmarkService(i, database, servers.RabbitMq, signingKey, options);
    instances.Add(replica);
    replica.StartServer();
    await replica.WaitForBusAsync();
}

var service = instances[0];
var dataSource = service.Services.GetRequiredService<NpgsqlDataSource>();

var seeding = Stopwatch.StartNew();
await Seeder.SeedAsync(dataSource, options.Subscribers, sink.BaseUrl, secret, n => Console.WriteLine($"  seeded {n:N0} subscribers ({seeding.Elapsed.TotalSeconds:0.0}s)"));
Console.WriteLine($"Seeded {options.Subscribers:N0} subscribers by COPY in {seeding.Elapsed.TotalSeconds:0.0}s");

var coordinator = service.CreateClient();
coordinator.DefaultRequestHeaders.Authorization = new("Bearer", DevelopmentTokens.Mint(signingKey, [Roles.AlertsCoordinator], "bench", "Benchmark coordinator"));
var failures = 0;
foreach (var run in options.Runs)
{
    sink.Reset();
    instances.ForEach(i => i.ResetCount());
    var scenario = run switch
    {
        2 => "broker restarted half-way",
        3 => "broker down when send is pressed, back 5 s later",
        _ => "undisturbed",
    };
    if (run > 1 && !servers.CanRestartBroker)
    {
        Console.WriteLine($"Run {run} ({scenario}): skipped, the broker is not ours to restart.");
        continue;
    }

    var created = await coordinator.PostAsJsonAsync("/api/notifications/alerts", new
    {
        title = $"Benchmark run {run}: vehicle crime in Erewash",
        body = "Please **lock your vehicles** overnight. Report anything suspicious on 101.",
        topic = Seeder.Topic,
        areas = new[] { Seeder.Area },
    });
    created.EnsureSuccessStatusCode();
    var alert = await created.Content.ReadFromJsonAsync<JsonElement>();
    var alertId = alert.GetProperty("id").GetGuid();
    var preview = alert.GetProperty("audience").GetProperty("subscribers").GetInt32();
    Console.WriteLine($"Run {run} ({scenario}, {options.Instances} instance{(options.Instances == 1 ? "" : "s")}): audience preview {preview:N0} subscribers");

    if (run == 3)
    {
        await servers.StopBrokerAsync();
    }

    var memoryBefore = PeakMemory.Reset();
    var click = Stopwatch.GetTimestamp();
    var sent = await coordinator.PostAsync($"/api/notifications/alerts/{alertId}/send", null);
    sent.EnsureSuccessStatusCode();
    var clickToAccepted = Stopwatch.GetElapsedTime(click);

    var restarted = false;
    var deadline = TimeSpan.FromSeconds(options.TimeoutSeconds);
    var brokerTask = Task.CompletedTask;
    while (sink.Distinct < options.Matching && Stopwatch.GetElapsedTime(click) < deadline)
    {
        if (run == 2 && !restarted && sink.Distinct >= options.Matching / 2)
        {
            restarted = true;
            var at = sink.Distinct;
            brokerTask = Task.Run(async () =>
            {
                var outage = Stopwatch.StartNew();
                await servers.StopBrokerAsync();
                await servers.StartBrokerAsync();
                Console.WriteLine($"  broker stopped at {at:N0} received and back after {outage.Elapsed.TotalSeconds:0.0}s");
            });
        }

        if (run == 3 && !restarted && Stopwatch.GetElapsedTime(click) > TimeSpan.FromSeconds(5))
        {
            restarted = true;
            Console.WriteLine($"  starting the broker again ({sink.Distinct:N0} received while it was down)");
            brokerTask = servers.StartBrokerAsync();
        }

        await Task.Delay(20);
    }

    var elapsed = Stopwatch.GetElapsedTime(click);
    await brokerTask;
    await Task.Delay(TimeSpan.FromSeconds(options.SettleSeconds)); // anything sent twice would show up now

    var arrivals = sink.Arrivals.Select(a => Stopwatch.GetElapsedTime(click, a).TotalMilliseconds).Order().ToArray();
    var ledger = await LedgerAsync(dataSource, alertId);
    var ledgerIds = await LedgerIdsAsync(dataSource, alertId);
    var missing = ledgerIds.Except(sink.Ids).Count();
    var unknown = sink.Ids.Except(ledgerIds).Count();
    var lastArrival = arrivals.Length == 0 ? 0 : arrivals[^1] / 1000;
    var rate = arrivals.Length / Math.Max(0.001, lastArrival);
    var ok = sink.Distinct == options.Matching && sink.Duplicates == 0 && missing == 0 && unknown == 0 && ledger.Delivered == options.Matching &&
             sink.SubscribersTwice == 0 && sink.BadSignatures == 0;
    failures += ok ? 0 : 1;
    Console.WriteLine(string.Create(invariant, $"""
          send click → 202:             {clickToAccepted.TotalMilliseconds:0} ms
          end to end (click → last):    {lastArrival:0.00} s   ({(elapsed.TotalSeconds >= deadline.TotalSeconds ? "TIMED OUT" : "complete")})
          deliveries/s:                 {rate:0}
          latency click → sink p50/p99: {Percentile(arrivals, 0.50) / 1000:0.00} s / {Percentile(arrivals, 0.99) / 1000:0.00} s (first {(arrivals.Length == 0 ? 0 : arrivals[0] / 1000):0.00} s)
          sink: {sink.Distinct:N0} distinct deliveries, {sink.Requests:N0} requests, {sink.Duplicates} duplicates, {sink.SubscribersReached:N0} subscribers ({sink.SubscribersTwice} twice), {sink.BadSignatures} bad signatures of {sink.Requests / 1000} checked
          ledger: {ledger.Rows:N0} rows, {ledger.Delivered:N0} delivered, {ledger.Other:N0} other; {missing} in ledger but not at sink, {unknown} at sink but not in ledger
          per instance (webhook POSTs answered 2xx): {string.Join(", ", instances.Select(i => "#" + i.Number.ToString(invariant) + " " + i.Accepted.ToString("N0", invariant)))}
          peak memory (process, VmHWM): {PeakMemory.Read() / 1024.0 / 1024:0} MiB (was {memoryBefore / 1024.0 / 1024:0} MiB before the click)
          {(ok ? "OK: every delivery exactly once" : "FAILED")} (run {run}, {options.Instances} instance{(options.Instances == 1 ? "" : "s")})
        """));
}

Console.WriteLine($"Load average at the end: {LoadAverage()}");
return failures == 0 ? 0 : 1;

static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static async Task<(int Rows, int Delivered, int Other)> LedgerAsync(NpgsqlDataSource dataSource, Guid noticeId)
{
    await using var command = dataSource.CreateCommand(
        "SELECT count(*)::int, count(*) FILTER (WHERE status = 'Delivered')::int, count(*) FILTER (WHERE status <> 'Delivered')::int FROM deliveries WHERE notice_id = @id");
    command.Parameters.AddWithValue("id", noticeId);
    await using var reader = await command.ExecuteReaderAsync();
    await reader.ReadAsync();
    return (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
}

static async Task<HashSet<string>> LedgerIdsAsync(NpgsqlDataSource dataSource, Guid noticeId)
{
    await using var command = dataSource.CreateCommand("SELECT id FROM deliveries WHERE notice_id = @id");
    command.Parameters.AddWithValue("id", noticeId);
    var ids = new HashSet<string>();
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        ids.Add(reader.GetGuid(0).ToString());
    }

    return ids;
}

internal sealed record Arguments(int Subscribers, int Matching, int[] Runs, int TimeoutSeconds, int SettleSeconds, int BatchSize, int Lanes, int Concurrency, int Instances)
{
    public static Arguments Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Int(string name, int fallback) => int.TryParse(Value(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : fallback;
        return new Arguments(
            Int("--subscribers", 1_000_000),
            Int("--matching", 100_000),
            (Value("--runs") ?? "1,2,3").Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToArray(),
            Int("--timeout", 180),
            Int("--settle", 5),
            Int("--batch", 1000),
            Int("--lanes", 3),
            Int("--concurrency", 64),
            Math.Max(1, Int("--instances", 1)));
    }
}

/// <summary>The peak resident memory of this process (service, sink and seeder), from /proc.</summary>
internal static class PeakMemory
{
    public static long Read() => Field("VmHWM:");

    /// <summary>Resets the kernel's high-water mark (where allowed) and returns the current resident size.</summary>
    public static long Reset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not allowed here: the figure is then the peak since the process started.
        }

        return Field("VmRSS:");
    }

    private static long Field(string name)
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }
}

/// <summary>Disposes the service replicas, last started first.</summary>
internal sealed class AsyncDisposables(List<BenchmarkService> items) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        for (var i = items.Count - 1; i >= 0; i--)
        {
            await items[i].DisposeAsync();
        }
    }
}
