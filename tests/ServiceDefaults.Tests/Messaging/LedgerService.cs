using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PanelPlatform.ServiceDefaults.Data;
using PanelPlatform.ServiceDefaults.Messaging;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.ServiceDefaults.Tests.Messaging;

/// <summary>
/// A minimal service built exactly as the real ones are (AddServiceDatabase + AddMessaging), on the real database
/// and broker: producers write entries with events; consumers write effects through the inbox.
/// </summary>
public sealed class LedgerService : IAsyncDisposable
{
    private LedgerService(IHost host) => Host = host;

    public IHost Host { get; }

    public static async Task<LedgerService> StartAsync(
        PlatformInfrastructure infrastructure, string databaseConnectionString, string serviceName,
        bool consumes = false, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(Enum.Parse<LogLevel>(Environment.GetEnvironmentVariable("PANEL_TEST_LOG_LEVEL") ?? "Warning"));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:ledgerdb"] = databaseConnectionString,
            ["ConnectionStrings:messaging"] = infrastructure.RabbitMqConnectionString,
            ["Messaging:Outbox:PollInterval"] = "00:00:00.200",
            ["Messaging:Outbox:MaxBackoff"] = "00:00:01",
            ["Messaging:Outbox:PublishTimeout"] = "00:00:03",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddServiceDatabase<LedgerDbContext>("ledgerdb");
        builder.AddMessaging<LedgerDbContext>(serviceName, consumes ? bus => bus.AddConsumer<EntryRecordedConsumer>() : null);
        if (builder.Configuration.GetValue<bool>("Ledger:AnnounceJob"))
        {
            builder.Services.AddHostedService<AnnounceEntriesJob>();
        }

        var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            // A throwaway test model: created directly rather than migrated.
            await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().Database.EnsureCreatedAsync();
        }

        await host.StartAsync();
        if (!(settings?.TryGetValue("ConnectionStrings:messaging", out _) ?? false))
        {
            await host.Services.WaitForBusAsync();
        }

        return new LedgerService(host);
    }

    public async Task<T> QueryAsync<T>(Func<LedgerDbContext, Task<T>> query)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<LedgerDbContext>());
    }

    /// <summary>Records entries and their events in one SaveChanges, as an endpoint does.</summary>
    public Task RecordAsync(string scope, IEnumerable<long> numbers, bool failFirstAttempt = false, bool announce = true) =>
        QueryAsync(async db =>
        {
            foreach (var number in numbers)
            {
                var entry = new Entry { Id = Guid.NewGuid(), Scope = scope, Number = number };
                db.Entries.Add(entry);
                if (announce)
                {
                    entry.AnnouncedAt = DateTimeOffset.UtcNow;
                    db.AddIntegrationEvent(new Events.EntryRecorded(scope, entry.Id, number, failFirstAttempt, DateTimeOffset.UtcNow));
                }
            }

            return await db.SaveChangesAsync();
        });

    public Task<int> PendingAsync() =>
        QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null && m.DeadAt == null));

    public IBus Bus => Host.Services.GetRequiredService<IBus>();

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}
