using System.Text.RegularExpressions;

namespace PanelPlatform.Web.Pages.Console.Alerts;

/// <summary>The Notifications API as the alerts coordinator's pages read it.</summary>
public sealed record AudienceView(int Subscribers, int Deliveries, int Email, int Sms, int Webhook);

public sealed record AlertView(
    Guid Id, string Title, string Body, string Topic, string[] Areas, string[] Wards, string[] Groups, string Status, DateTimeOffset? ScheduledFor,
    DateTimeOffset CreatedAt, DateTimeOffset? IssuedAt, int? AudienceSize, AudienceView? Audience);

public sealed record DeliveryCounts(int Total, int Queued, int Sent, int Delivered, int Failed);

public sealed record ChannelDeliveries(string Channel, DeliveryCounts Counts);

public sealed record AlertDeliveries(Guid AlertId, string Status, int? AudienceSize, DeliveryCounts All, IReadOnlyList<ChannelDeliveries> Channels);

/// <summary>
/// What an alert can be sent to, as the service takes them (Notifications' Topics, Areas and Groups): the county's
/// areas, its county-wide watch schemes and any neighbourhood watch scheme (<c>neighbourhood-watch/&lt;scheme&gt;</c>).
/// </summary>
public static partial class AlertChoices
{
    public const string NeighbourhoodWatchPrefix = "neighbourhood-watch/";

    public static readonly IReadOnlyList<(string Value, string Text)> Topics =
    [
        ("crime-prevention", "Crime prevention"), ("appeals", "Appeals for information"), ("rural", "Rural crime"),
        ("road-safety", "Road safety"), ("meetings", "Panel meetings"), ("questions", "Questions to the Commissioner"), ("grants", "Grants"),
    ];

    public static readonly IReadOnlyList<string> Areas =
    [
        "Amber Valley", "Bolsover", "Chesterfield", "Derby City", "Derbyshire Dales", "Erewash", "High Peak", "North East Derbyshire", "South Derbyshire",
    ];

    public static readonly IReadOnlyList<(string Value, string Text)> Groups =
    [
        ("farm-watch", "Farm Watch"), ("allotment-watch", "Allotment Watch"), ("community-speedwatch", "Community Speedwatch"),
        ("horse-watch", "Horse Watch"), ("business-watch", "Business Watch"),
    ];

    public static string Topic(string topic) => Topics.FirstOrDefault(t => t.Value == topic).Text ?? Govuk.Display.Words(topic);

    public static string Group(string group) =>
        group.StartsWith(NeighbourhoodWatchPrefix, StringComparison.Ordinal)
            ? $"{Govuk.Display.Words(group[NeighbourhoodWatchPrefix.Length..])} Neighbourhood Watch"
            : Groups.FirstOrDefault(g => g.Value == group).Text ?? Govuk.Display.Words(group);

    /// <summary>"Long Eaton Central, Sawley" → the schemes' groups, as the service spells them.</summary>
    public static IReadOnlyList<string> NeighbourhoodWatchGroups(string? schemes) =>
        (schemes ?? "").Split([',', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(s => NotSlug().Replace(s.ToLowerInvariant(), "-").Trim('-'))
            .Where(s => s.Length > 0)
            .Select(s => NeighbourhoodWatchPrefix + s)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    public static string NeighbourhoodWatchText(IEnumerable<string> groups) =>
        string.Join(", ", groups.Where(g => g.StartsWith(NeighbourhoodWatchPrefix, StringComparison.Ordinal)).Select(g => g[NeighbourhoodWatchPrefix.Length..]));

    public static string StatusText(string status) => status == "issued" ? "Sent" : Govuk.Display.Words(status);

    public static string StatusTag(string status) => status switch
    {
        "issued" => "govuk-tag--green",
        "scheduled" => "govuk-tag--blue",
        _ => "govuk-tag--grey",
    };

    /// <summary>"3 subscribers: 3 by email, 1 by text message and 0 by webhook"</summary>
    public static string AudienceSentence(AudienceView audience) =>
        $"{audience.Subscribers:N0}{AudienceDetail(audience)}";

    /// <summary>What follows the number: " subscribers: 3 by email, 1 by text message and 0 by webhook"</summary>
    public static string AudienceDetail(AudienceView audience) =>
        $" {(audience.Subscribers == 1 ? "subscriber" : "subscribers")}: {audience.Email:N0} by email, {audience.Sms:N0} by text message and {audience.Webhook:N0} by webhook";

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();
}
