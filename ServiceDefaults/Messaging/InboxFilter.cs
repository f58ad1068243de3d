using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace PanelPlatform.ServiceDefaults.Messaging;

/// <summary>The DbContext of the message's scope, the one the consumer uses, for the inbox to share its transaction.</summary>
public sealed class InboxDbContext(DbContext dbContext)
{
    public DbContext DbContext { get; } = dbContext;
}

/// <summary>
/// Wraps every consumer in one database transaction that first records (message id, consumer) in
/// <c>inbox_message</c>. A redelivered message finds its row and is acknowledged with no second effect; a consumer
/// that fails rolls the row back with its own changes, so the retry runs it again.
/// </summary>
public sealed partial class InboxFilter<TMessage>(
    InboxDbContext inbox,
    AfterCommit afterCommit,
    MessagingTelemetry telemetry,
    ILogger<InboxFilter<TMessage>> logger) : IFilter<ConsumeContext<TMessage>>
    where TMessage : class
{
    public async Task Send(ConsumeContext<TMessage> context, IPipe<ConsumeContext<TMessage>> next)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a MessageId; it cannot be consumed exactly once.");
        var consumer = ConsumerName(context.ReceiveContext.InputAddress);
        var db = inbox.DbContext;

        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        var inserted = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO inbox_message (message_id, consumer, received_at) VALUES ({messageId}, {consumer}, now()) ON CONFLICT DO NOTHING",
            context.CancellationToken);
        if (inserted == 0)
        {
            telemetry.Duplicates.Add(1, new KeyValuePair<string, object?>("consumer", consumer));
            LogDuplicate(logger, typeof(TMessage).Name, messageId, consumer);
            return;
        }

        try
        {
            await next.Send(context);
            await db.SaveChangesAsync(context.CancellationToken);
            await transaction.CommitAsync(CancellationToken.None);
            afterCommit.Run();
            telemetry.Consumed.Add(1, new KeyValuePair<string, object?>("consumer", consumer));
        }
        catch
        {
            // The retry may reuse this scope's DbContext: it must not carry this attempt's changes.
            db.ChangeTracker.Clear();
            afterCommit.Discard();
            throw;
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("inbox");

    /// <summary>The receive endpoint's queue name: one consumer per endpoint, so it names the consumer.</summary>
    internal static string ConsumerName(Uri inputAddress)
    {
        var path = inputAddress.AbsolutePath.TrimEnd('/');
        return path[(path.LastIndexOf('/') + 1)..];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped {MessageType} {MessageId}: {Consumer} has already consumed it")]
    private static partial void LogDuplicate(ILogger logger, string messageType, Guid messageId, string consumer);
}
