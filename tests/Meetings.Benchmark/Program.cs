using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PanelPlatform.LocalInfrastructure;
using PanelPlatform.Meetings.Benchmark;
using PanelPlatform.Meetings.Data;
using PanelPlatform.Meetings.Domain;
using PanelPlatform.Meetings.Queries;
using PanelPlatform.Meetings.Seed;
using PanelPlatform.ServiceDefaults.Data;

// Meeting page read latency with ten years of committee record loaded: ~1,000 meetings and ~15,000 agenda items
// (each item minuted with a resolution, half with a report, one Part II item per meeting), through the same query the
// GET /api/meetings/meetings/{id} endpoint runs, serialised to JSON as the endpoint does. Usage:
//   dotnet run -c Release --project tests/Meetings.Benchmark [-- --meetings 1000 --items 15 --reads 3000]
var meetings = Option("--meetings", 1000);
var itemsPerMeeting = Option("--items", 15);
var reads = Option("--reads", 3000);
var invariant = CultureInfo.InvariantCulture;
Console.WriteLine($"Meetings page benchmark: {meetings:N0} meetings x {itemsPerMeeting} items; {Environment.ProcessorCount} cores; load average {LoadAverage()}");

await using var servers = await LocalServers.StartAsync(withBroker: false);
var database = await servers.CreateDatabaseAsync($"meetings_bench_{Guid.NewGuid():N}"[..32]);
await using var dataSource = NpgsqlDataSource.Create(database);
var builder = new DbContextOptionsBuilder<MeetingsDbContext>();
builder.UseServiceConventions(dataSource);
var options = builder.Options;
await using (var db = new MeetingsDbContext(options))
{
    await db.Database.MigrateAsync();
}

var loading = Stopwatch.StartNew();
var fixture = SyntheticRecord.Build(SeedLoader.Read(), meetings, itemsPerMeeting);
await using (var db = new MeetingsDbContext(options))
{
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    await SeedLoader.LoadAsync(db, fixture, TimeProvider.System, announce: false);
}

List<Guid> ids;
int itemCount;
await using (var db = new MeetingsDbContext(options))
{
    ids = await db.Meetings.Select(m => m.Id).ToListAsync();
    itemCount = await db.AgendaItems.CountAsync();
    await db.Database.ExecuteSqlRawAsync("ANALYZE");
}

Console.WriteLine($"Loaded {ids.Count:N0} meetings, {itemCount:N0} agenda items in {loading.Elapsed.TotalSeconds:0.0}s");

var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
json.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
var random = new Random(20221117);
foreach (var (label, viewer) in new[] { ("public", Viewer.Public), ("clerk", new Viewer(SeesExempt: true)) })
{
    // Warm-up: JIT, EF query cache, connection pool.
    for (var i = 0; i < 50; i++)
    {
        await ReadAsync(ids[random.Next(ids.Count)], viewer);
    }

    var samples = new double[reads];
    var bytes = 0L;
    var all = Stopwatch.StartNew();
    for (var i = 0; i < reads; i++)
    {
        var started = Stopwatch.GetTimestamp();
        bytes += await ReadAsync(ids[random.Next(ids.Count)], viewer);
        samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    Array.Sort(samples);
    Console.WriteLine(string.Create(invariant,
        $"Meeting page ({label}): {reads:N0} reads, p50 {Percentile(samples, 0.50):0.00} ms, p95 {Percentile(samples, 0.95):0.00} ms, " +
        $"p99 {Percentile(samples, 0.99):0.00} ms, max {samples[^1]:0.00} ms; {reads / all.Elapsed.TotalSeconds:0} pages/s; mean body {bytes / reads:N0} bytes"));
}

return;

async Task<int> ReadAsync(Guid id, Viewer viewer)
{
    // A fresh context per request, as the endpoint gets one per scope.
    await using var db = new MeetingsDbContext(options);
    var page = await MeetingPageQuery.LoadAsync(db, id, viewer, CancellationToken.None) ?? throw new InvalidOperationException($"Meeting {id} is missing.");
    return JsonSerializer.SerializeToUtf8Bytes(page, json).Length;
}

static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
