using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using PanelPlatform.Notifications.Data;
using PanelPlatform.Notifications.Domain;
using PanelPlatform.Notifications.Links;

namespace PanelPlatform.Notifications.Channels;

/// <summary>
/// Sends queued deliveries on every channel. Each lane claims a batch with a lease (<c>FOR UPDATE SKIP LOCKED</c>, so
/// lanes and replicas share the work without overlap), sends it concurrently outside any transaction through the
/// channel's <see cref="IChannelSender"/>, and writes every outcome back in one statement. Paused channels are not
/// claimed; rows claimed when a pause arrives are released untouched.
/// </summary>
public sealed partial class DeliveryWorker(
    NpgsqlDataSource dataSource,
    IServiceScopeFactory scopes,
    IEnumerable<IChannelSender> senders,
    MessageComposer composer,
    DeliverySignal signal,
    SendingSwitch sendingSwitch,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<DeliveryWorker> logger) : BackgroundService
{
    private static readonly ActivitySource ActivitySource = new("PanelPlatform.Notifications");
    private readonly DeliveryOptions _options = options.Value;
    private readonly Dictionary<Channel, IChannelSender> _senders = senders.ToDictionary(s => s.Channel);
    private readonly ConcurrentDictionary<Guid, NoticeContent> _notices = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, _options.Lanes)).Select(_ => Task.Run(() => LaneAsync(stoppingToken), stoppingToken)));

    private async Task LaneAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await DeliverBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogBatchFailed(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            if (claimed < _options.BatchSize)
            {
                try
                {
                    await signal.WaitAsync(_options.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private sealed record Claimed(Guid Id, Guid NoticeId, Channel Channel, Guid? SubscriberId, Guid? RecipientId, int Attempts, string? TraceParent);

    private sealed record Failure(LinkSubject Subject, Guid Id, Channel Channel, SendResult Result);

    /// <summary>Claims, sends and records one batch; returns how many rows it claimed.</summary>
    public async Task<int> DeliverBatchAsync(CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var notices = await NoticesAsync(claimed.Select(c => c.NoticeId).Distinct().ToArray(), cancellationToken);
        var destinations = await DestinationsAsync(claimed, notices, cancellationToken);

        var results = new ConcurrentDictionary<Guid, SendResult>();
        try
        {
            await Parallel.ForEachAsync(claimed, new ParallelOptions
            {
                MaxDegreeOfParallelism = _options.MaxConcurrentSends,
                CancellationToken = cancellationToken,
            }, async (delivery, ct) =>
            {
                if (sendingSwitch.IsPaused(delivery.Channel))
                {
                    return; // released below, untouched: it goes out on resume
                }

                var notice = notices.GetValueOrDefault(delivery.NoticeId);
                var to = destinations[delivery.Id];
                if (notice is null || !to.MayReceive)
                {
                    results[delivery.Id] = SendResult.Failure(null, notice is null ? "The notice was erased." : to.WhyNot!, permanent: true);
                    return;
                }

                results[delivery.Id] = await SendAsync(delivery, notice, to, ct);
            });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: what was sent is recorded below, the rest released for the next worker.
        }

        await RecordAsync(claimed, results, destinations, CancellationToken.None);
        return claimed.Count;
    }

    private async Task<SendResult> SendAsync(Claimed delivery, NoticeContent notice, Destination to, CancellationToken cancellationToken)
    {
        ActivityContext.TryParse(delivery.TraceParent, null, out var parent);
        using var activity = ActivitySource.StartActivity($"{delivery.Channel.Token()} deliver", ActivityKind.Producer, parent);
        activity?.SetTag("panel.delivery.id", delivery.Id);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.SendTimeout);
        SendResult result;
        try
        {
            result = await _senders[delivery.Channel].SendAsync(composer.Compose(delivery.Id, delivery.Channel, notice, to), timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            result = SendResult.Failure(null, $"Timed out after {_options.SendTimeout.TotalSeconds:0.#}s", permanent: false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSendThrew(logger, e, delivery.Id);
            result = SendResult.Failure(null, e.Message, permanent: false);
        }

        if (!result.Accepted)
        {
            activity?.SetStatus(ActivityStatusCode.Error, result.Error);
        }

        return result;
    }

    private async Task<List<Claimed>> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var read = new NpgsqlCommand("SELECT paused_channels FROM sending_control WHERE id = 1", connection))
        {
            var paused = await read.ExecuteScalarAsync(cancellationToken) as string[] ?? [];
            sendingSwitch.Set(paused.Select(Enum.Parse<Channel>));
        }

        var now = time.GetUtcNow();
        await using var claim = new NpgsqlCommand($"""
            WITH due AS (
                SELECT id FROM {NotificationsDbContext.DeliveryTable}
                WHERE status = 'Queued' AND NOT held_for_digest AND next_attempt_at <= @now
                  AND (lease_until IS NULL OR lease_until < @now)
                  AND channel <> ALL (@paused)
                ORDER BY next_attempt_at
                LIMIT @batch
                FOR UPDATE SKIP LOCKED)
            UPDATE {NotificationsDbContext.DeliveryTable} d SET lease_until = @lease
            FROM due WHERE d.id = due.id
            RETURNING d.id, d.notice_id, d.channel, d.subscriber_id, d.recipient_id, d.attempts, d.trace_parent
            """, connection);
        claim.Parameters.Add(new("now", NpgsqlDbType.TimestampTz) { Value = now });
        claim.Parameters.Add(new("lease", NpgsqlDbType.TimestampTz) { Value = now + _options.Lease });
        claim.Parameters.Add(new("batch", NpgsqlDbType.Integer) { Value = _options.BatchSize });
        claim.Parameters.Add(new("paused", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = sendingSwitch.Paused.Select(c => c.ToString()).ToArray() });
        var claimed = new List<Claimed>();
        await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new Claimed(
                reader.GetGuid(0), reader.GetGuid(1), Enum.Parse<Channel>(reader.GetString(2)),
                reader.IsDBNull(3) ? null : reader.GetGuid(3), reader.IsDBNull(4) ? null : reader.GetGuid(4),
                reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return claimed;
    }

    private async Task<Dictionary<Guid, NoticeContent>> NoticesAsync(Guid[] ids, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, NoticeContent>();
        var missing = new List<Guid>();
        foreach (var id in ids)
        {
            if (_notices.TryGetValue(id, out var cached))
            {
                found[id] = cached;
            }
            else
            {
                missing.Add(id);
            }
        }

        if (missing.Count == 0)
        {
            return found;
        }

        await using var command = dataSource.CreateCommand(
            "SELECT id, kind, type, topic, title, text, html, payload FROM notices WHERE id = ANY(@ids)");
        command.Parameters.Add(new("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = missing.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (_notices.Count > 5000)
        {
            _notices.Clear();
        }

        while (await reader.ReadAsync(cancellationToken))
        {
            var notice = new NoticeContent(
                reader.GetGuid(0), Enum.Parse<NoticeKind>(reader.GetString(1)), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetString(7));
            found[notice.Id] = notice;
            // Personal notices are erased with their person: never kept beyond this batch.
            if (notice.Kind == NoticeKind.Broadcast)
            {
                _notices[notice.Id] = notice;
            }
        }

        return found;
    }

    private sealed record SubscriberRow(string? Email, string? EmailState, string? Mobile, string? MobileState, string? WebhookUrl, string? WebhookSecret, string? WebhookState);

    private sealed record RecipientRow(string? Email, string? Mobile, bool EmailStopped, bool MobileStopped);

    private async Task<Dictionary<Guid, Destination>> DestinationsAsync(
        List<Claimed> claimed, Dictionary<Guid, NoticeContent> notices, CancellationToken cancellationToken)
    {
        var subscribers = new Dictionary<Guid, SubscriberRow>();
        var subscriberIds = claimed.Where(c => c.SubscriberId is not null).Select(c => c.SubscriberId!.Value).Distinct().ToArray();
        if (subscriberIds.Length > 0)
        {
            await using var command = dataSource.CreateCommand("""
                SELECT id, email, email_state, mobile, mobile_state, webhook_url, webhook_secret, webhook_state
                FROM subscribers WHERE id = ANY(@ids)
                """);
            command.Parameters.Add(new("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = subscriberIds });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                subscribers[reader.GetGuid(0)] = new SubscriberRow(
                    Text(reader, 1), Text(reader, 2), Text(reader, 3), Text(reader, 4), Text(reader, 5), Text(reader, 6), Text(reader, 7));
            }
        }

        var recipients = new Dictionary<Guid, RecipientRow>();
        var recipientIds = claimed.Where(c => c.RecipientId is not null).Select(c => c.RecipientId!.Value).Distinct().ToArray();
        if (recipientIds.Length > 0)
        {
            await using var command = dataSource.CreateCommand(
                "SELECT id, email, mobile, email_stopped, mobile_stopped FROM recipients WHERE id = ANY(@ids)");
            command.Parameters.Add(new("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = recipientIds });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                recipients[reader.GetGuid(0)] = new RecipientRow(Text(reader, 1), Text(reader, 2), reader.GetBoolean(3), reader.GetBoolean(4));
            }
        }

        var destinations = new Dictionary<Guid, Destination>(claimed.Count);
        foreach (var delivery in claimed)
        {
            var kind = notices.GetValueOrDefault(delivery.NoticeId)?.Kind ?? NoticeKind.Broadcast;
            destinations[delivery.Id] = delivery.SubscriberId is { } subscriberId
                ? ForSubscriber(subscriberId, subscribers.GetValueOrDefault(subscriberId), delivery.Channel, kind)
                : ForRecipient(delivery.RecipientId!.Value, recipients.GetValueOrDefault(delivery.RecipientId!.Value), delivery.Channel);
        }

        return destinations;
    }

    private static Destination ForSubscriber(Guid id, SubscriberRow? row, Channel channel, NoticeKind kind)
    {
        if (row is null)
        {
            return new Destination(LinkSubject.Subscriber, id, null, null, false, "The subscriber was erased before it was sent.");
        }

        var (address, state) = channel switch
        {
            Channel.Email => (row.Email, row.EmailState),
            Channel.Sms => (row.Mobile, row.MobileState),
            _ => (row.WebhookUrl, row.WebhookState),
        };
        // Only the confirmation itself may go to an address not yet confirmed.
        var allowed = address is not null &&
                      (state == nameof(ChannelState.Active) || (kind == NoticeKind.Account && state == nameof(ChannelState.Pending)));
        return new Destination(LinkSubject.Subscriber, id, address, row.WebhookSecret, allowed,
            allowed ? null : $"The subscriber's {channel.Token()} is {state?.ToLowerInvariant() ?? "gone"}: not sent.");
    }

    private static Destination ForRecipient(Guid id, RecipientRow? row, Channel channel)
    {
        var address = row is null ? null : channel switch
        {
            Channel.Email when !row.EmailStopped => row.Email,
            Channel.Sms when !row.MobileStopped => row.Mobile,
            _ => null,
        };
        return new Destination(LinkSubject.Recipient, id, address, null, address is not null,
            row is null ? "The recipient was forgotten before it was sent." : $"The recipient cannot be reached by {channel.Token()} now.");
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private async Task RecordAsync(
        List<Claimed> claimed, IReadOnlyDictionary<Guid, SendResult> results, Dictionary<Guid, Destination> destinations, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var policy = _options.RetryPolicy;
        var done = claimed.Where(c => results.ContainsKey(c.Id)).ToList();
        var released = claimed.Where(c => !results.ContainsKey(c.Id)).Select(c => c.Id).ToArray();
        var failures = new List<Failure>();

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (done.Count > 0)
        {
            var next = done.Select(c => (c, r: results[c.Id], n: DeliveryRules.After(c.Attempts, results[c.Id], policy, now))).ToList();
            await using var update = new NpgsqlCommand($"""
                UPDATE {NotificationsDbContext.DeliveryTable} d SET
                    status = u.status, attempts = u.attempts, last_status_code = u.code, last_error = u.error,
                    provider_id = COALESCE(u.provider, d.provider_id), next_attempt_at = COALESCE(u.next_at, d.next_attempt_at),
                    sent_at = COALESCE(u.sent_at, d.sent_at), completed_at = u.completed_at, lease_until = NULL
                FROM unnest(@ids, @statuses, @attempts, @codes, @errors, @providers, @next_at, @sent_at, @completed_at)
                    AS u(id, status, attempts, code, error, provider, next_at, sent_at, completed_at)
                WHERE d.id = u.id
                """, connection);
            update.Parameters.Add(new("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = next.Select(x => x.c.Id).ToArray() });
            update.Parameters.Add(new("statuses", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = next.Select(x => x.n.Status.ToString()).ToArray() });
            update.Parameters.Add(new("attempts", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = next.Select(x => x.n.Attempts).ToArray() });
            update.Parameters.Add(new("codes", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = next.Select(x => x.r.StatusCode).ToArray() });
            update.Parameters.Add(new("errors", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = next.Select(x => x.n.Error).ToArray() });
            update.Parameters.Add(new("providers", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = next.Select(x => x.r.ProviderId).ToArray() });
            update.Parameters.Add(new("next_at", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = next.Select(x => Utc(x.n.NextAttemptAt)).ToArray() });
            update.Parameters.Add(new("sent_at", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = next.Select(x => Utc(x.n.SentAt)).ToArray() });
            update.Parameters.Add(new("completed_at", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = next.Select(x => Utc(x.n.CompletedAt)).ToArray() });
            await update.ExecuteNonQueryAsync(cancellationToken);

            foreach (var (delivery, result, outcome) in next)
            {
                if (outcome.Status is DeliveryStatus.Queued or DeliveryStatus.Failed && result.Error is not null)
                {
                    LogAttemptFailed(logger, delivery.Id, delivery.Channel, outcome.Attempts, result.Error, outcome.Status);
                }

                var to = destinations[delivery.Id];
                if (outcome.Status == DeliveryStatus.Failed && to.MayReceive && (result.AddressGone || result.Permanent))
                {
                    failures.Add(new Failure(to.Subject, to.Id, delivery.Channel, result));
                }
            }
        }

        if (released.Length > 0)
        {
            await using var release = new NpgsqlCommand(
                $"UPDATE {NotificationsDbContext.DeliveryTable} SET lease_until = NULL WHERE id = ANY(@ids)", connection);
            release.Parameters.Add(new("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = released });
            await release.ExecuteNonQueryAsync(cancellationToken);
        }

        if (failures.Count > 0)
        {
            await MarkAsync(failures, now, cancellationToken);
        }
    }

    /// <summary>Permanent failures mark the subscription: a bad address suspends that channel, any other refusal is noted on it.</summary>
    private async Task MarkAsync(List<Failure> failures, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var subscriberIds = failures.Where(f => f.Subject == LinkSubject.Subscriber).Select(f => f.Id).Distinct().ToList();
        var recipientIds = failures.Where(f => f.Subject == LinkSubject.Recipient).Select(f => f.Id).Distinct().ToList();
        var subscribers = await db.Subscribers.Where(s => subscriberIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var recipients = await db.Recipients.Where(r => recipientIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        foreach (var failure in failures)
        {
            var reason = $"{failure.Channel.Token()}: {failure.Result.Error}";
            if (failure.Subject == LinkSubject.Subscriber && subscribers.TryGetValue(failure.Id, out var subscriber))
            {
                if (failure.Result.AddressGone)
                {
                    db.ChangeMembership(subscriber, s => s.Suspend(failure.Channel, reason, now), now);
                }
                else
                {
                    subscriber.MarkFailure(reason, now);
                }
            }
            else if (failure.Subject == LinkSubject.Recipient && failure.Result.AddressGone && recipients.TryGetValue(failure.Id, out var recipient))
            {
                recipient.Stop(failure.Channel);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static DateTime? Utc(DateTimeOffset? value) => value?.UtcDateTime;

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery batch failed")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending delivery {DeliveryId} threw")]
    private static partial void LogSendThrew(ILogger logger, Exception exception, Guid deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} ({Channel}) attempt {Attempt} failed: {Error}; now {Status}")]
    private static partial void LogAttemptFailed(ILogger logger, Guid deliveryId, Channel channel, int attempt, string? error, DeliveryStatus status);
}
