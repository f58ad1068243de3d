using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace PanelPlatform.ServiceDefaults.Messaging;

public static class IntegrationEvents
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly ConcurrentDictionary<string, Type?> Types = new(StringComparer.Ordinal);

    /// <summary>
    /// Queues <paramref name="message"/> in the outbox: it is stored by the next SaveChanges, in the same transaction
    /// as the state change, and published after commit. Returns the message id it will carry.
    /// </summary>
    public static Guid AddIntegrationEvent<T>(this DbContext db, T message) where T : class =>
        Enqueue(db, message, destination: null);

    /// <summary>
    /// Queues a command for one service's queue (<paramref name="queueName"/>), through the outbox like an event. Used
    /// where what is sent may not be broadcast: a person's contact details go to Notifications alone.
    /// </summary>
    public static Guid AddIntegrationCommand<T>(this DbContext db, T message, string queueName) where T : class =>
        Enqueue(db, message, CommandAddress(queueName));

    /// <summary>
    /// Commands go to the exchange a receive endpoint binds to its queue, not to the queue: the queue is the owner's
    /// to declare (a quorum queue), and a sender declaring it differently would be refused. The dispatcher sends them
    /// mandatory, so while the owner has never run (no queue bound) the send fails and the row waits in the outbox.
    /// </summary>
    private static string CommandAddress(string queueName) => $"exchange:{queueName}";

    private static Guid Enqueue<T>(DbContext db, T message, string? destination) where T : class
    {
        ArgumentNullException.ThrowIfNull(message);
        var type = message.GetType();
        if (string.IsNullOrEmpty(type.Namespace))
        {
            throw new ArgumentException("Integration events must live in a namespace.", nameof(message));
        }

        var activity = Activity.Current;
        var row = new OutboxMessage
        {
            Id = NewId.NextSequentialGuid(),
            MessageType = NameOf(type),
            Destination = destination,
            Body = JsonSerializer.Serialize(message, type, Json),
            TraceParent = activity?.Id,
            TraceState = activity?.TraceStateString,
        };
        db.Set<OutboxMessage>().Add(row);
        return row.Id;
    }

    public static string NameOf(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static Type? Resolve(string messageType) => Types.GetOrAdd(messageType, name => Type.GetType(name, throwOnError: false));
}
