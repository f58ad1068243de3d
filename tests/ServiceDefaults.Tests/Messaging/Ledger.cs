using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.ServiceDefaults.Messaging;
using PanelPlatform.ServiceDefaults.Tests.Events;

namespace PanelPlatform.ServiceDefaults.Tests.Events
{
    /// <summary>The test event. <paramref name="Scope"/> keeps concurrent tests apart on the shared broker.</summary>
    public sealed record EntryRecorded(string Scope, Guid EntryId, long Number, bool FailFirstAttempt, DateTimeOffset OccurredAt)
    {
        /// <summary>A poison message: the consumer fails on every attempt.</summary>
        public bool AlwaysFail { get; init; }
    }
}

namespace PanelPlatform.ServiceDefaults.Tests.Messaging
{
    public sealed class Entry
    {
        public Guid Id { get; set; }
        public string Scope { get; set; } = "";
        public long Number { get; set; }
        public DateTimeOffset? AnnouncedAt { get; set; }
    }

    /// <summary>What a consumer did: one row per message it handled, written in the inbox's transaction.</summary>
    public sealed class Effect
    {
        public Guid Id { get; set; }
        public string Scope { get; set; } = "";
        public Guid EntryId { get; set; }
        public long Number { get; set; }
    }

    /// <summary>A throwaway service model: entries (the state), effects (what consumers did), outbox and inbox.</summary>
    public sealed class LedgerDbContext(DbContextOptions<LedgerDbContext> options) : DbContext(options)
    {
        public DbSet<Entry> Entries => Set<Entry>();
        public DbSet<Effect> Effects => Set<Effect>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.AddOutboxAndInbox();
            modelBuilder.Entity<Entry>().HasKey(e => e.Id);
            modelBuilder.Entity<Effect>().HasKey(e => e.Id);
        }
    }

    /// <summary>Announces each entry once, by a scheduled job: the once-only pattern Grants and Casework use.</summary>
    public sealed class AnnounceEntriesJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<AnnounceEntriesJob> logger)
        : ScheduledJob<LedgerDbContext>(scopes, time, logger)
    {
        protected override string Name => "announce-entries";

        protected override TimeSpan Interval => TimeSpan.FromMilliseconds(50);

        protected override async Task RunAsync(LedgerDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
        {
            foreach (var entry in await db.Entries.Where(e => e.AnnouncedAt == null).OrderBy(e => e.Number).Take(10).ToListAsync(cancellationToken))
            {
                entry.AnnouncedAt = now;
                db.AddIntegrationEvent(new EntryRecorded(entry.Scope, entry.Id, entry.Number, false, now));
                // Widen the window in which a second instance could interfere, were the lock not there.
                await Task.Delay(2, cancellationToken);
            }
        }
    }

    public sealed class EntryRecordedConsumer(LedgerDbContext db) : IConsumer<EntryRecorded>
    {
        // Every consuming service of every test on the shared broker receives each event: count per queue, and how many
        // of those deliveries the broker marked redelivered (a lost channel, not a retry).
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Queue, Guid EntryId), (int Attempts, int Redeliveries)> Handed = new();

        /// <summary>How often the consumer of the service whose queues are named <c>{service}-…</c> was handed the entry.</summary>
        public static int Attempts(string service, Guid entryId) => Handed.GetValueOrDefault(($"{service}-entry-recorded", entryId)).Attempts;

        /// <summary>Of those, how many came from the broker marked redelivered.</summary>
        public static int Redeliveries(string service, Guid entryId) => Handed.GetValueOrDefault(($"{service}-entry-recorded", entryId)).Redeliveries;

        public async Task Consume(ConsumeContext<EntryRecorded> context)
        {
            var message = context.Message;
            db.Effects.Add(new Effect { Id = Guid.NewGuid(), Scope = message.Scope, EntryId = message.EntryId, Number = message.Number });
            await db.SaveChangesAsync();
            var queue = context.ReceiveContext.InputAddress.AbsolutePath.Split('/')[^1];
            var redelivered = context.ReceiveContext.Redelivered ? 1 : 0;
            var attempt = Handed.AddOrUpdate((queue, message.EntryId), (1, redelivered), (_, n) => (n.Attempts + 1, n.Redeliveries + redelivered)).Attempts;
            if (message.AlwaysFail)
            {
                throw new InvalidOperationException($"Entry {message.Number} can never be consumed.");
            }

            if (message.FailFirstAttempt && attempt == 1)
            {
                throw new InvalidOperationException("First attempt fails, after writing its effect: the inbox must roll it back.");
            }
        }
    }
}
