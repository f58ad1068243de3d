using System.Collections.Concurrent;
using MassTransit;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Notifications.Tests;

/// <summary>
/// Every message one service instance's receive endpoints have finished with (consumed, or skipped by the inbox as a
/// repeat), by message id: a test that sends a message again waits here until the service has dealt with the copy,
/// instead of sleeping and hoping.
/// </summary>
public sealed class ReceiveLog : IReceiveObserver
{
    private readonly ConcurrentQueue<(Guid MessageId, Uri Queue)> _done = new();

    public int Count(Guid messageId) => _done.Count(d => d.MessageId == messageId);

    public Task WaitForAsync(Guid messageId, int count, TimeSpan timeout) =>
        Eventually.Until(() => Task.FromResult(Count(messageId) >= count), timeout,
            $"the service to have received message {messageId} {count} time(s) (has {Count(messageId)})");

    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostReceive(ReceiveContext context)
    {
        if (context.GetMessageId() is { } id)
        {
            _done.Enqueue((id, context.InputAddress));
        }

        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception) where T : class =>
        Task.CompletedTask;

    public Task ReceiveFault(ReceiveContext context, Exception exception) => Task.CompletedTask;
}
