namespace PanelPlatform.Contracts.Meetings;

/// <summary>A meeting of a body (the Police and Crime Panel, a Performance Scrutiny Meeting) was put in the diary.</summary>
/// <param name="StartsAt">The start, with the Europe/London offset in force on the day.</param>
/// <param name="Areas">Districts the meeting concerns; empty for county-wide business (the usual case).</param>
public sealed record MeetingScheduled(
    Guid MeetingId,
    string BodySlug,
    string BodyName,
    string Title,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    string? Location,
    bool IsVirtual,
    IReadOnlyList<string> Areas,
    DateTimeOffset OccurredAt);
