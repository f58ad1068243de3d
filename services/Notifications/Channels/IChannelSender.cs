using PanelPlatform.Notifications.Domain;

namespace PanelPlatform.Notifications.Channels;

/// <summary>One outgoing message, composed for its channel.</summary>
/// <param name="DeliveryId">The ledger row: the idempotency key every provider is given (webhook-id, Message-ID, reference).</param>
/// <param name="Address">Email address, mobile number or webhook URL.</param>
/// <param name="Secret">The webhook signing secret.</param>
/// <param name="Body">Plain text (email and SMS) or the JSON payload (webhook).</param>
/// <param name="Unsubscribe">The one-click unsubscribe URL (email).</param>
public sealed record OutgoingMessage(
    Guid DeliveryId,
    string Address,
    string? Secret,
    string Subject,
    string Body,
    string? Html,
    Uri? Unsubscribe);

/// <summary>A way of reaching people. The worker needs no more than this to send on any channel.</summary>
public interface IChannelSender
{
    Channel Channel { get; }

    Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken);
}
