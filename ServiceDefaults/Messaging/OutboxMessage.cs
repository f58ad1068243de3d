namespace PanelPlatform.ServiceDefaults.Messaging;

/// <summary>
/// An integration event waiting to be published, written by the same SaveChanges as the state change that raised it.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>Becomes the MassTransit MessageId, which consumers' inboxes key on.</summary>
    public Guid Id { get; set; }

    /// <summary>Assigned by the database; the dispatcher publishes in this order.</summary>
    public long Sequence { get; set; }

    public required string MessageType { get; set; }

    /// <summary>Null: published to every subscriber (an event). Set: sent to that one queue (a command, e.g. <c>queue:notifications-register-recipient</c>).</summary>
    public string? Destination { get; set; }
    public required string Body { get; set; }
    public string? TraceParent { get; set; }
    public string? TraceState { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Set when the row can never be published (its type or body no longer reads); kept, logged and counted.</summary>
    public DateTimeOffset? DeadAt { get; set; }

    public int Attempts { get; set; }
    public string? LastError { get; set; }
}

/// <summary>A message a consumer has already handled: (message id, consumer) is unique.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }
    public required string Consumer { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}
