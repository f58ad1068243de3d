namespace PanelPlatform.Notifications.Domain;

public enum AlertStatus
{
    Draft,

    /// <summary>Waiting for <see cref="Alert.ScheduledFor"/>; goes out at that time unless sent back to draft.</summary>
    Scheduled,
    Issued,
}

/// <summary>A message an alerts coordinator writes to the members of some areas, groups and a topic.</summary>
public sealed class Alert
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 5000;

    private Alert()
    {
    }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>Plain text that may use safe markdown (emphasis, lists, links); no HTML.</summary>
    public string Body { get; private set; } = "";

    public string Topic { get; private set; } = "";
    public string[] Areas { get; private set; } = [];
    public string[] Wards { get; private set; } = [];
    public string[] Groups { get; private set; } = [];
    public AlertStatus Status { get; private set; }
    public DateTimeOffset? ScheduledFor { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? IssuedAt { get; private set; }
    public string? IssuedBy { get; private set; }

    /// <summary>Subscribers the alert was addressed to when it was issued.</summary>
    public int? AudienceSize { get; private set; }

    public static Alert Draft(AlertContent content, string createdBy, DateTimeOffset now)
    {
        var alert = new Alert { Id = Guid.CreateVersion7(now), CreatedBy = createdBy, CreatedAt = now, Status = AlertStatus.Draft };
        alert.Apply(content, now);
        return alert;
    }

    public bool IsEditable => Status is AlertStatus.Draft or AlertStatus.Scheduled;

    public void Edit(AlertContent content, DateTimeOffset now)
    {
        EnsureEditable();
        Apply(content, now);
        if (Status == AlertStatus.Scheduled && ScheduledFor is null)
        {
            Status = AlertStatus.Draft;
        }
    }

    /// <summary>
    /// The coordinator pressed send: with a schedule still ahead it waits for it, otherwise it goes now. Returns true
    /// when it is issued now (and the caller raises <c>AlertIssued</c> in the same transaction).
    /// </summary>
    public bool Send(string by, int audienceSize, DateTimeOffset now)
    {
        EnsureEditable();
        if (ScheduledFor is { } at && at > now)
        {
            Status = AlertStatus.Scheduled;
            IssuedBy = by;
            return false;
        }

        Issue(by, audienceSize, now);
        return true;
    }

    /// <summary>Its scheduled time came (the scheduler issues it, once).</summary>
    public void Issue(string by, int audienceSize, DateTimeOffset now)
    {
        Status = AlertStatus.Issued;
        IssuedAt = now;
        IssuedBy = by;
        AudienceSize = audienceSize;
    }

    public void Unschedule(DateTimeOffset now)
    {
        EnsureEditable();
        Status = AlertStatus.Draft;
        UpdatedAt = now;
    }

    public AudienceRule Audience => new(Topic, Areas, Wards, Groups);

    private void Apply(AlertContent content, DateTimeOffset now)
    {
        Title = content.Title;
        Body = content.Body;
        Topic = content.Topic;
        Areas = content.Areas.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        Wards = content.Wards.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        Groups = content.Groups.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        ScheduledFor = content.ScheduledFor;
        UpdatedAt = now;
    }

    private void EnsureEditable()
    {
        if (!IsEditable)
        {
            throw new InvalidOperationException("An issued alert cannot be changed.");
        }
    }
}

public sealed record AlertContent(
    string Title, string Body, string Topic, IReadOnlyList<string> Areas, IReadOnlyList<string> Wards, IReadOnlyList<string> Groups,
    DateTimeOffset? ScheduledFor);

/// <summary>
/// Who a broadcast notice goes to: subscribers of <see cref="Topic"/> (on the channels they chose for it) whose places
/// meet the notice's — a county-wide notice or subscriber meets every place; a district meets its wards — and, when
/// groups are named, who belong to one of them.
/// </summary>
public sealed record AudienceRule(string Topic, IReadOnlyList<string> Areas, IReadOnlyList<string> Wards, IReadOnlyList<string> Groups)
{
    public bool CountyWide => Areas.Count == 0 && Wards.Count == 0;

    /// <summary>The same rule as the SQL in <c>Audience</c>, for unit tests and single checks.</summary>
    public bool Matches(Subscriber subscriber, Channel channel)
    {
        if (!subscriber.ActiveChannels.Contains(channel.Token()) || !subscriber.TopicChannels.Contains($"{Topic}:{channel.Token()}"))
        {
            return false;
        }

        if (Groups.Count > 0 && !subscriber.Groups.Intersect(Groups).Any())
        {
            return false;
        }

        if (CountyWide || (subscriber.Areas.Length == 0 && subscriber.Wards.Length == 0))
        {
            return true;
        }

        var districts = Areas.Concat(Wards.Select(Domain.Wards.AreaOf)).ToHashSet(StringComparer.Ordinal);
        return subscriber.Areas.Any(districts.Contains) ||
               subscriber.WardAreas.Any(Areas.Contains) ||
               subscriber.Wards.Intersect(Wards).Any();
    }
}
