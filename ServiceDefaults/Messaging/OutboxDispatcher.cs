using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PanelPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Publishes committed outbox rows in commit order. Each batch is claimed with <c>FOR UPDATE SKIP LOCKED</c> inside a
/// transaction that also marks the rows sent, so two replicas never publish the same row; a crash before that commit
/// publishes the batch again, which the consumers' inboxes absorb (at-least-once, effect-once).
/// </summary>
public sealed partial class OutboxDispatcher<TDbContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    MessagingTelemetry telemetry,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    private readonly OutboxOptions _options = options.Value;
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;
    private DateTimeOffset _nextMetrics = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = _options.MinBackoff;
        while (!stoppingToken.IsCancellationRequested)
        {
            BatchResult result;
            try
            {
                await HousekeepAsync(stoppingToken);
                result = await DispatchBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Database unreachable, or the broker failed mid-batch: nothing is lost, the rows stay pending.
                LogDispatchFailed(logger, e, backoff);
                result = BatchResult.Failed;
            }

            try
            {
                if (result.Failure)
                {
                    await Task.Delay(WithJitter(backoff), time, stoppingToken);
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.MaxBackoff.Ticks));
                    continue;
                }

                backoff = _options.MinBackoff;
                if (result.Published < _options.BatchSize)
                {
                    await signal.WaitAsync(_options.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Claims and publishes one batch; public so tests can drive a dispatcher step by step.</summary>
    public async Task<BatchResult> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var rows = await db.Set<OutboxMessage>()
            .FromSqlRaw(
                $"SELECT * FROM {OutboxModel.OutboxTable} WHERE sent_at IS NULL AND dead_at IS NULL " +
                "ORDER BY sequence LIMIT {0} FOR UPDATE SKIP LOCKED",
                _options.BatchSize)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return new BatchResult(0, false);
        }

        var sent = new List<Guid>(rows.Count);
        var dead = new List<(Guid Id, string Error)>();
        (Guid Id, string Error)? failed = null;
        foreach (var row in rows)
        {
            var outcome = await PublishAsync(row, cancellationToken);
            if (outcome.Published)
            {
                sent.Add(row.Id);
            }
            else if (outcome.Permanent)
            {
                dead.Add((row.Id, outcome.Error!));
            }
            else
            {
                failed = (row.Id, outcome.Error!);
                break;
            }
        }

        var now = time.GetUtcNow();
        var set = db.Set<OutboxMessage>();
        if (sent.Count > 0)
        {
            await set.Where(m => sent.Contains(m.Id)).ExecuteUpdateAsync(
                s => s.SetProperty(m => m.SentAt, now).SetProperty(m => m.Attempts, m => m.Attempts + 1), CancellationToken.None);
        }

        foreach (var (id, error) in dead)
        {
            await set.Where(m => m.Id == id).ExecuteUpdateAsync(
                s => s.SetProperty(m => m.DeadAt, now).SetProperty(m => m.LastError, error), CancellationToken.None);
        }

        if (failed is { } failure)
        {
            await set.Where(m => m.Id == failure.Id).ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, Truncate(failure.Error)),
                CancellationToken.None);
        }

        // Commit even when cancelled: what was published must be marked, or it goes out again.
        await transaction.CommitAsync(CancellationToken.None);
        telemetry.Published.Add(sent.Count);
        return new BatchResult(sent.Count, failed is not null);
    }

    private async Task<PublishOutcome> PublishAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        var type = IntegrationEvents.Resolve(row.MessageType);
        if (type is null)
        {
            LogDead(logger, row.Id, row.MessageType, "unknown message type");
            return PublishOutcome.Dead($"Unknown message type {row.MessageType}");
        }

        object message;
        try
        {
            message = JsonSerializer.Deserialize(row.Body, type, IntegrationEvents.Json)
                ?? throw new JsonException("The body is null.");
        }
        catch (JsonException e)
        {
            LogDead(logger, row.Id, row.MessageType, e.Message);
            return PublishOutcome.Dead($"Unreadable body: {e.Message}");
        }

        ActivityContext.TryParse(row.TraceParent, row.TraceState, out var parent);
        using var activity = MessagingTelemetry.ActivitySource.StartActivity(
            $"outbox publish {type.Name}", ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.id", row.Id);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        try
        {
            if (row.Destination is null)
            {
                await bus.Publish(message, type, Pipe.Execute<PublishContext>(context => context.MessageId = row.Id), timeout.Token);
            }
            else
            {
                var endpoint = await bus.GetSendEndpoint(new Uri(row.Destination));
                await endpoint.Send(message, type, Pipe.Execute<SendContext>(context =>
                {
                    context.MessageId = row.Id;
                    if (context.TryGetPayload<RabbitMqSendContext>(out var rabbit))
                    {
                        rabbit.Mandatory = true;
                    }
                }), timeout.Token);
            }
            return PublishOutcome.Ok;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            telemetry.PublishFailures.Add(1);
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            return PublishOutcome.Retry(e is OperationCanceledException ? $"Publish timed out after {_options.PublishTimeout}" : e.Message);
        }
    }

    private async Task HousekeepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now >= _nextMetrics)
        {
            _nextMetrics = now + _options.MetricsInterval;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
            var backlog = await db.Database.SqlQueryRaw<Backlog>(
                    // Column names in snake_case: the naming convention maps query types too.
                    $"SELECT count(*) FILTER (WHERE dead_at IS NULL) AS pending, count(*) FILTER (WHERE dead_at IS NOT NULL) AS dead, " +
                    $"min(created_at) FILTER (WHERE dead_at IS NULL) AS oldest FROM {OutboxModel.OutboxTable} WHERE sent_at IS NULL")
                .SingleAsync(cancellationToken);
            telemetry.ReportBacklog(backlog.Pending, backlog.Oldest is { } oldest ? now - oldest : TimeSpan.Zero, backlog.Dead);
        }

        if (now >= _nextSweep)
        {
            _nextSweep = now + _options.SweepInterval;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
            var sentBefore = now - _options.SentRetention;
            var receivedBefore = now - _options.InboxRetention;
            var swept = await db.Set<OutboxMessage>().Where(m => m.SentAt < sentBefore).ExecuteDeleteAsync(cancellationToken);
            swept += await db.Set<InboxMessage>().Where(m => m.ReceivedAt < receivedBefore).ExecuteDeleteAsync(cancellationToken);
            if (swept > 0)
            {
                LogSwept(logger, swept);
            }
        }
    }

    private static TimeSpan WithJitter(TimeSpan delay) =>
        delay + TimeSpan.FromMilliseconds(Random.Shared.Next(0, (int)Math.Max(1, delay.TotalMilliseconds / 5)));

    private static string Truncate(string error) => error.Length <= 2000 ? error : error[..2000];

    private sealed record Backlog(long Pending, long Dead, DateTimeOffset? Oldest);

    public readonly record struct BatchResult(int Published, bool Failure)
    {
        public static BatchResult Failed => new(0, true);
    }

    private readonly record struct PublishOutcome(bool Published, bool Permanent, string? Error)
    {
        public static PublishOutcome Ok => new(true, false, null);
        public static PublishOutcome Dead(string error) => new(false, true, error);
        public static PublishOutcome Retry(string error) => new(false, false, error);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox dispatch failed; retrying in {Backoff}")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {MessageId} ({MessageType}) can never be published: {Reason}. It is kept with dead_at set.")]
    private static partial void LogDead(ILogger logger, Guid messageId, string messageType, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Swept {Count} old outbox and inbox rows")]
    private static partial void LogSwept(ILogger logger, int count);
}
