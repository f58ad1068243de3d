namespace PanelPlatform.Notifications.Domain;

public enum NoticeKind
{
    /// <summary>To every matching subscriber (an alert, or an event's template).</summary>
    Broadcast,

    /// <summary>To the one person an event or command concerns; erased with them.</summary>
    Personal,

    /// <summary>About the subscription itself (confirm your address); may go to an address not yet confirmed.</summary>
    Account,
}

/// <summary>What is said, once, however many people it goes to: the deliveries refer to it.</summary>
public sealed class Notice
{
    private Notice()
    {
    }

    public Guid Id { get; private set; }
    public NoticeKind Kind { get; private set; }

    /// <summary>e.g. <c>meeting.scheduled</c>, <c>alert</c>; the <c>type</c> of the webhook payload.</summary>
    public string Type { get; private set; } = "";

    public string? Topic { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>Plain text (an alert's may carry safe markdown, shown as HTML in email).</summary>
    public string Text { get; private set; } = "";

    /// <summary>Rendered from <see cref="Text"/> when it is markdown; null for plain text.</summary>
    public string? Html { get; private set; }

    /// <summary>The webhook body (JSON): type, id, timestamp and the event's data.</summary>
    public string Payload { get; private set; } = "";

    public string[] Areas { get; private set; } = [];
    public string[] Groups { get; private set; } = [];
    public Guid? AlertId { get; private set; }

    /// <summary>Set on personal and account notices: whose data this is, for export and erasure.</summary>
    public Guid? PersonId { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int AudienceSize { get; private set; }

    public static Notice Create(
        Guid id, NoticeKind kind, string type, string? topic, string title, string text, string? html, string payload,
        IEnumerable<string> areas, IEnumerable<string> groups, Guid? alertId, Guid? personId, DateTimeOffset occurredAt, DateTimeOffset now) => new()
    {
        Id = id,
        Kind = kind,
        Type = type,
        Topic = topic,
        Title = title,
        Text = text,
        Html = html,
        Payload = payload,
        Areas = areas.ToArray(),
        Groups = groups.ToArray(),
        AlertId = alertId,
        PersonId = personId,
        OccurredAt = occurredAt,
        CreatedAt = now,
    };

    public void Reached(int audienceSize) => AudienceSize = audienceSize;
}
