namespace PanelPlatform.Contracts.Meetings;

/// <summary>A meeting moved to a new date or time (or place). Questions moves its deadlines; calendars bump SEQUENCE.</summary>
public sealed record MeetingRescheduled(
    Guid MeetingId,
    string BodySlug,
    string BodyName,
    string Title,
    DateTimeOffset PreviousStartsAt,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    string? Location,
    bool IsVirtual,
    string Reason,
    DateTimeOffset OccurredAt);

/// <summary>A meeting will not take place. Open questions for it need reassigning.</summary>
public sealed record MeetingCancelled(
    Guid MeetingId,
    string BodySlug,
    string BodyName,
    string Title,
    DateTimeOffset StartsAt,
    string Reason,
    DateTimeOffset OccurredAt);

/// <summary>One public (Part I) agenda item as announced; exempt (Part II) items are never in events.</summary>
public sealed record AgendaItemSummary(Guid ItemId, string Number, string Title);

/// <summary>The agenda of a meeting was published, with its public items in order.</summary>
/// <param name="PublishedLate">Published with fewer than five clear working days' notice (a recorded urgency reason).</param>
public sealed record AgendaPublished(
    Guid MeetingId,
    string BodySlug,
    string BodyName,
    string Title,
    DateTimeOffset StartsAt,
    IReadOnlyList<AgendaItemSummary> Items,
    bool PublishedLate,
    DateTimeOffset OccurredAt);

/// <summary>One public minute as announced: its number (e.g. <c>41/22</c>) and title.</summary>
public sealed record MinuteSummary(string Number, string Title);

/// <summary>Draft minutes of a meeting were published (public minutes only).</summary>
public sealed record MinutesPublished(
    Guid MeetingId,
    string BodySlug,
    string BodyName,
    string Title,
    DateTimeOffset StartsAt,
    IReadOnlyList<MinuteSummary> Minutes,
    DateTimeOffset OccurredAt);

/// <summary>The minutes of a meeting were confirmed as a correct record by a resolution at a later meeting of the body.</summary>
/// <remarks>
/// The members after <paramref name="OccurredAt"/> were added later (additive): a message published before them has
/// none, and reads with them null.
/// </remarks>
/// <param name="BodyName">The body's name as people write it (e.g. "Derbyshire Police and Crime Panel").</param>
/// <param name="Title">The title of the meeting whose minutes were confirmed.</param>
/// <param name="StartsAt">When that meeting started, with the Europe/London offset of the day.</param>
/// <param name="ConfirmedAtStartsAt">When the confirming meeting (<paramref name="ConfirmedAtMeetingId"/>) started.</param>
public sealed record MinutesConfirmed(
    Guid MeetingId,
    string BodySlug,
    Guid ConfirmedAtMeetingId,
    string ConfirmingMinuteNumber,
    DateTimeOffset OccurredAt,
    string? BodyName = null,
    string? Title = null,
    DateTimeOffset? StartsAt = null,
    DateTimeOffset? ConfirmedAtStartsAt = null);

/// <summary>A public resolution ("RESOLVED to …") was recorded against a minute.</summary>
/// <remarks>
/// The members after <paramref name="OccurredAt"/> were added later (additive): a message published before them has
/// none, and reads with them null.
/// </remarks>
/// <param name="BodyName">The name of the body whose meeting it was.</param>
/// <param name="Title">The meeting's title.</param>
/// <param name="StartsAt">When the meeting started, with the Europe/London offset of the day.</param>
public sealed record ResolutionRecorded(
    Guid ResolutionId,
    Guid MeetingId,
    string BodySlug,
    string MinuteNumber,
    string Text,
    DateTimeOffset OccurredAt,
    string? BodyName = null,
    string? Title = null,
    DateTimeOffset? StartsAt = null);
