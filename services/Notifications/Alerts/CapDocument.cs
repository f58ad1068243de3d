using System.Globalization;
using System.Xml.Linq;
using PanelPlatform.Notifications.Domain;

namespace PanelPlatform.Notifications.Alerts;

/// <summary>An issued alert as an OASIS Common Alerting Protocol 1.2 message, for other alerting systems.</summary>
public static class CapDocument
{
    public static readonly XNamespace Cap = "urn:oasis:names:tc:emergency:cap:1.2";

    public static XDocument From(Alert alert, string sender, Uri web)
    {
        var areas = alert.Areas.Concat(alert.Wards).ToList();
        return new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(Cap + "alert",
                new XElement(Cap + "identifier", alert.Id.ToString()),
                new XElement(Cap + "sender", sender),
                new XElement(Cap + "sent", CapTime(alert.IssuedAt!.Value)),
                new XElement(Cap + "status", "Actual"),
                new XElement(Cap + "msgType", "Alert"),
                new XElement(Cap + "scope", "Public"),
                new XElement(Cap + "info",
                    new XElement(Cap + "language", "en-GB"),
                    new XElement(Cap + "category", Category(alert.Topic)),
                    new XElement(Cap + "event", alert.Topic),
                    new XElement(Cap + "urgency", "Unknown"),
                    new XElement(Cap + "severity", "Unknown"),
                    new XElement(Cap + "certainty", "Unknown"),
                    new XElement(Cap + "senderName", "Derbyshire Alert"),
                    new XElement(Cap + "headline", alert.Title),
                    new XElement(Cap + "description", SafeMarkdown.ToPlainText(alert.Body)),
                    new XElement(Cap + "web", web.ToString()),
                    alert.Groups.Select(g => new XElement(Cap + "parameter",
                        new XElement(Cap + "valueName", "group"), new XElement(Cap + "value", g))),
                    new XElement(Cap + "area",
                        new XElement(Cap + "areaDesc", areas.Count == 0 ? "Derbyshire and Derby City" : string.Join("; ", areas))))));
    }

    /// <summary>CAP's dateTime: no fractional seconds, an explicit offset, and "-00:00" for UTC.</summary>
    public static string CapTime(DateTimeOffset instant)
    {
        var text = instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        return instant.Offset == TimeSpan.Zero ? text[..^6] + "-00:00" : text;
    }

    private static string Category(string topic) => topic switch
    {
        Topics.RoadSafety => "Transport",
        Topics.CrimePrevention or Topics.Appeals or Topics.Rural => "Security",
        _ => "Other",
    };
}
