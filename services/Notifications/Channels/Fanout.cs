using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using PanelPlatform.Notifications.Data;
using PanelPlatform.Notifications.Domain;

namespace PanelPlatform.Notifications.Channels;

/// <summary>
/// Turns a notice into ledger rows inside the caller's transaction: for a broadcast, ONE <c>INSERT … SELECT</c> over the
/// subscribers (no row-by-row round trips, however large the audience); for a person, one row. The unique keys make a
/// repeat a no-op. Sending happens later, in <see cref="DeliveryWorker"/>, woken once the rows have committed.
/// </summary>
public sealed class Fanout(NotificationsDbContext db, DeliverySignal signal, TimeProvider time)
{
    /// <summary>Stores <paramref name="notice"/> (unless already stored) and queues it for every matching subscriber. Returns the rows queued.</summary>
    public async Task<int> BroadcastAsync(Notice notice, AudienceRule rule, CancellationToken cancellationToken)
    {
        if (!await StoreAsync(notice, cancellationToken))
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var parameters = Audience.Parameters(rule).ToList();
        parameters.Add(new NpgsqlParameter("notice_id", NpgsqlDbType.Uuid) { Value = notice.Id });
        parameters.Add(new NpgsqlParameter("notice_type", NpgsqlDbType.Varchar) { Value = notice.Type });
        parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now });
        parameters.Add(new NpgsqlParameter("trace_parent", NpgsqlDbType.Varchar) { Value = (object?)Activity.Current?.Id ?? DBNull.Value });
        // Email to a daily-digest subscriber waits for the digest; texts and webhooks go at once.
        var queued = await db.Database.ExecuteSqlRawAsync($"""
            INSERT INTO {NotificationsDbContext.DeliveryTable}
                (id, notice_id, notice_type, channel, subscriber_id, status, attempts, held_for_digest, created_at, next_attempt_at, trace_parent)
            SELECT gen_random_uuid(), @notice_id, @notice_type, ch.name, s.id, 'Queued', 0,
                   ch.name = 'Email' AND s.frequency = 'DailyDigest', @now, @now, @trace_parent
            FROM {NotificationsDbContext.SubscriberTable} s CROSS JOIN {Audience.Channels}
            WHERE {Audience.Where}
            ON CONFLICT DO NOTHING
            """, parameters, cancellationToken);
        notice.Reached(queued);
        await db.SaveChangesAsync(cancellationToken);
        return queued;
    }

    /// <summary>Queues a notice for one subscriber or recipient on one channel (a confirmation, a personal notice).</summary>
    public async Task QueueAsync(Notice notice, Channel channel, Guid? subscriberId, Guid? recipientId, CancellationToken cancellationToken)
    {
        if (!await StoreAsync(notice, cancellationToken))
        {
            return;
        }

        db.Deliveries.Add(Delivery.Queue(notice.Id, notice.Type, channel, subscriberId, recipientId, time.GetUtcNow(), Activity.Current?.Id));
        notice.Reached(1);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Wakes the worker; call once the transaction has committed.</summary>
    public void Wake() => signal.Notify();

    private async Task<bool> StoreAsync(Notice notice, CancellationToken cancellationToken)
    {
        if (await db.Notices.AnyAsync(n => n.Id == notice.Id, cancellationToken))
        {
            return false; // already made from this event or alert: its deliveries exist
        }

        db.Notices.Add(notice);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
