using PanelPlatform.Notifications.Consumers;
using PanelPlatform.Notifications.Domain;

namespace PanelPlatform.Notifications.Alerts;

public static class AlertNotice
{
    public const string Type = "alert.issued";

    /// <summary>The notice an issued alert sends: its id is the alert's, so issuing twice cannot send twice.</summary>
    public static Notice From(Alert alert, DateTimeOffset now)
    {
        var issuedAt = alert.IssuedAt ?? now;
        var payload = NoticePayload.Create(Type, alert.Id, issuedAt, new
        {
            alertId = alert.Id,
            alert.Title,
            alert.Body,
            alert.Topic,
            alert.Areas,
            alert.Wards,
            alert.Groups,
            issuedAt,
        });
        return Notice.Create(alert.Id, NoticeKind.Broadcast, Type, alert.Topic, alert.Title, SafeMarkdown.ToPlainText(alert.Body),
            SafeMarkdown.ToHtml(alert.Body), payload, alert.Areas.Concat(alert.Wards), alert.Groups, alert.Id, null, issuedAt, now);
    }
}
