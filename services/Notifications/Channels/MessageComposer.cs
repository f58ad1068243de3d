using System.Net;
using PanelPlatform.Notifications.Domain;
using PanelPlatform.Notifications.Links;
using PanelPlatform.Notifications.Templates;

namespace PanelPlatform.Notifications.Channels;

/// <summary>A notice as the worker reads it (notices never change, so they are cached).</summary>
public sealed record NoticeContent(Guid Id, NoticeKind Kind, string Type, string? Topic, string Title, string Text, string? Html, string Payload);

/// <summary>Where one delivery goes, as read at send time (an address given up since fan-out is not written to).</summary>
public sealed record Destination(LinkSubject Subject, Guid Id, string? Address, string? Secret, bool MayReceive, string? WhyNot);

/// <summary>Puts a notice into the words and form of one channel, with the links that belong to its reader.</summary>
public sealed class MessageComposer(MessageLinks links)
{
    public OutgoingMessage Compose(Guid deliveryId, Channel channel, NoticeContent notice, Destination to)
    {
        switch (channel)
        {
            case Channel.Webhook:
                return new OutgoingMessage(deliveryId, to.Address!, to.Secret, notice.Title, notice.Payload, null, null);
            case Channel.Sms:
                var smsText = $"{notice.Title}: {notice.Text}";
                if (notice.Kind == NoticeKind.Account)
                {
                    return new OutgoingMessage(deliveryId, to.Address!, null, notice.Title, smsText, null, null);
                }

                var stop = $"\nStop texts: {links.Unsubscribe(to.Subject, to.Id, Channel.Sms).Page}";
                var room = Math.Max(40, SmsSender.MaxLength - stop.Length);
                return new OutgoingMessage(deliveryId, to.Address!, null, notice.Title,
                    (smsText.Length <= room ? smsText : smsText[..(room - 1)] + "…") + stop, null, null);
            default:
                var unsubscribe = links.Unsubscribe(to.Subject, to.Id, Channel.Email);
                var footer = Footer(notice, to, unsubscribe.Page);
                var html = notice.Html is null
                    ? null
                    : $"{notice.Html}<hr><p style=\"font-size:small\">{WebUtility.HtmlEncode(footer).Replace("\n", "<br>", StringComparison.Ordinal)}</p>";
                return new OutgoingMessage(deliveryId, to.Address!, null, notice.Title, $"{notice.Text}\n\n--\n{footer}", html, unsubscribe.OneClick);
        }
    }

    private string Footer(NoticeContent notice, Destination to, Uri unsubscribe) => (notice.Kind, to.Subject) switch
    {
        (NoticeKind.Account, _) =>
            $"If you did not ask to join Derbyshire Alert, ignore this email; nothing more will be sent. To stop even this: {unsubscribe}",
        (_, LinkSubject.Subscriber) =>
            $"You get this from Derbyshire Alert because you subscribed{(notice.Topic is null || Wording.Topics.Word(notice.Topic) is not { } topic ? "" : $" to messages about {topic}")}.\n" +
            $"See, export or delete your subscription: {links.Manage(to.Id)}\nUnsubscribe from these emails: {unsubscribe}",
        _ => $"Sent by the Office of the Police and Crime Commissioner for Derbyshire. Stop emails like this: {unsubscribe}",
    };
}
