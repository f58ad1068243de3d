namespace PanelPlatform.Web.Pages.Console.Meetings;

// The Meetings API's answers as the clerk's console reads them (enums stay kebab-case strings, as the API writes them).

public sealed record BodyRecord(Guid Id, string Slug, string Name, string? ShortName, string Kind, int NoticeClearWorkingDays);

public sealed record MinutesConfirmationRecord(Guid MeetingId, string MinuteNumber);

public sealed record ReportRecord(
    Guid Id, string Title, string ReportBy, DateOnly Date, string Purpose, string? Recommendations, string? ContactName,
    string? ContactPhone, string? ContactEmail, IReadOnlyList<string> Attachments);

public sealed record DocumentRecord(
    Guid Id, Guid? AgendaItemId, string Title, string Kind, string ContentType, string FileName, long SizeBytes, int? PageCount,
    bool IsExempt, string DownloadUrl);

public sealed record ItemRecord(
    Guid Id, int Order, string Number, string Title, string? Description, string Kind, string Part, string? ExemptionReason,
    int? PageFrom, int? PageTo, string? MinuteNumber, ReportRecord? Report, IReadOnlyList<DocumentRecord> Documents)
{
    public bool IsExempt => Part == "part-ii";
}

public sealed record AttendanceRecord(Guid PersonId, string Name, string Kind, string? Capacity);

public sealed record ResolutionRecord(Guid Id, int Order, string Text);

public sealed record MinuteRecord(Guid Id, string Number, Guid? AgendaItemId, string Title, string Text, bool IsExempt, IReadOnlyList<ResolutionRecord> Resolutions);

public sealed record DeclarationRecord(Guid Id, Guid PersonId, string PersonName, Guid? AgendaItemId, string Kind, string Detail);

/// <summary>GET /api/meetings/meetings/{id}: the meeting and everything on its page, as the clerk (Part II included) sees it.</summary>
public sealed record MeetingRecord(
    Guid Id, string BodySlug, string BodyName, string Title, DateTimeOffset StartsAt, DateTimeOffset? EndsAt, string? Location,
    bool IsVirtual, string Status, string? StatusReason, int Sequence, bool AgendaPublished, DateTimeOffset? AgendaPublishedAt,
    bool AgendaPublishedLate, string? AgendaUrgencyReason, bool MinutesPublished, DateTimeOffset? MinutesPublishedAt,
    MinutesConfirmationRecord? MinutesConfirmedBy, IReadOnlyList<ItemRecord> Items, IReadOnlyList<AttendanceRecord> Attendance,
    IReadOnlyList<MinuteRecord> Minutes, IReadOnlyList<DeclarationRecord> Declarations)
{
    /// <summary>Not yet held, not cancelled: may still be moved or called off.</summary>
    public bool IsOpen => Status is "scheduled" or "rescheduled" or "agenda-published";

    public bool AwaitsAgenda => Status is "scheduled" or "rescheduled";

    public bool IsHeld => Status is "held" or "minutes-drafted" or "minutes-confirmed";

    public bool AgendaEditable => Status is not ("cancelled" or "minutes-confirmed");
}

public sealed record MembershipRecord(
    Guid Id, Guid PersonId, string PersonName, string BodySlug, string Role, string? Council, string? Party, DateOnly StartsOn, DateOnly? EndsOn);

/// <summary>GET /api/meetings/meetings/{id}/agenda/notice and the notice part of the publish answer.</summary>
public sealed record NoticeRecord(DateOnly PublishedOn, DateOnly MeetingOn, int ClearWorkingDays, int Required, bool Late, DateOnly Deadline);

public sealed record PublishedAgendaRecord(NoticeRecord Notice);
