using System.Collections.Concurrent;
using PanelPlatform.Contracts.Notifications;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Grants.Tests.Support;

/// <summary>
/// Stands in for Notifications' RegisterRecipient queue on the test broker. The outbox sends commands mandatory, so
/// without a queue bound the command (and every event behind it) would wait; each service fixture binds one, and what
/// any of them receives is kept here for the tests to read. Durable (a quorum queue), as Notifications declares it: the
/// outbox declares the exchange durable when it sends, and a mismatch would refuse the send.
/// </summary>
public static class RecipientCommands
{
    private static readonly ConcurrentDictionary<Guid, RegisterRecipient> Received = new();

    public static async Task<IAsyncDisposable> BindAsync(PlatformInfrastructure infrastructure)
    {
        var collector = await EventCollector<RegisterRecipient>.StartAsync(
            infrastructure, accept: command => Received.TryAdd(command.RecipientId, command) || true, quorum: true,
            queueName: NotificationQueues.RegisterRecipient);
        return collector;
    }

    public static async Task<RegisterRecipient> WaitForAsync(Guid recipientId, TimeSpan timeout)
    {
        await Eventually.Until(() => Task.FromResult(Received.ContainsKey(recipientId)), timeout, $"RegisterRecipient {recipientId}");
        return Received[recipientId];
    }
}
