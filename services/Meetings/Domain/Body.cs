using PanelPlatform.ServiceDefaults.Http;

namespace PanelPlatform.Meetings.Domain;

public enum BodyKind
{
    Panel,
    ScrutinyMeeting,
    Committee,
    WorkingGroup,
}

/// <summary>A body that meets: the Police and Crime Panel, the Commissioner's Performance Scrutiny Meeting.</summary>
public sealed class Body
{
    /// <summary>Five clear working days: the Local Government Act 1972 s.100B notice for a Panel agenda.</summary>
    public const int DefaultNoticeClearWorkingDays = 5;

    public Guid Id { get; set; }
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public string? ShortName { get; set; }
    public BodyKind Kind { get; set; }
    public string? Description { get; set; }
    public string? Website { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public int NoticeClearWorkingDays { get; set; } = DefaultNoticeClearWorkingDays;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public static Body Create(string name, string? slug, BodyKind kind, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Name = name.Trim(),
        Slug = string.IsNullOrWhiteSpace(slug) ? Slugs.From(name) : slug.Trim(),
        Kind = kind,
        CreatedAt = now,
        UpdatedAt = now,
    };
}
