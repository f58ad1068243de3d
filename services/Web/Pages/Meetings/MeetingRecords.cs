namespace PanelPlatform.Web.Pages.Meetings;

// The Meetings and Questions APIs' JSON as the public meeting pages read it (members the pages do not show are left out).

/// <summary>A meeting in the Meetings API's list.</summary>
public sealed record MeetingListing(
    Guid Id, string BodySlug, string BodyName, string Title, DateTimeOffset StartsAt, DateTimeOffset? EndsAt, string? Location,
    bool IsVirtual, string Status, string? StatusReason, bool AgendaPublished, bool MinutesPublished, int ItemCount);

public sealed record BodyListing(string Slug, string Name, string? ShortName, string? ContactName, string? ContactEmail, string? ContactPhone);

public sealed record MeetingDetail(
    Guid Id, string BodySlug, string BodyName, string Title, DateTimeOffset StartsAt, DateTimeOffset? EndsAt, string? Location,
    bool IsVirtual, string Status, string? StatusReason, bool AgendaPublished, DateTimeOffset? AgendaPublishedAt,
    bool AgendaPublishedLate, string? AgendaUrgencyReason, bool MinutesPublished, DateTimeOffset? MinutesPublishedAt,
    MinutesConfirmedBy? MinutesConfirmedBy, IReadOnlyList<AgendaItemDetail> Items, IReadOnlyList<MinuteDetail> Minutes,
    NextMeetingLink? NextMeeting);

public sealed record MinutesConfirmedBy(Guid MeetingId, string MinuteNumber);

public sealed record NextMeetingLink(Guid Id, string Title, DateTimeOffset StartsAt);

public sealed record AgendaItemDetail(
    Guid Id, int Order, string Number, string Title, string? Description, string Kind, string Part, string? ExemptionReason,
    int? PageFrom, int? PageTo, string? MinuteNumber, ReportDetail? Report, IReadOnlyList<DocumentDetail> Documents)
{
    public bool IsExempt => Part == "part-ii";

    public bool IsQuestions => Kind is "public-questions" or "member-questions";
}

public sealed record ReportDetail(
    Guid Id, string Title, string ReportBy, DateOnly Date, string Purpose, string? Recommendations, string? ContactName,
    string? ContactPhone, string? ContactEmail, IReadOnlyList<string> Attachments);

public sealed record DocumentDetail(
    Guid Id, Guid? AgendaItemId, string Title, string Kind, string ContentType, string FileName, long SizeBytes, int? PageCount,
    bool IsExempt, string DownloadUrl);

public sealed record MinuteDetail(Guid Id, string Number, Guid? AgendaItemId, string Title, string Text, bool IsExempt, IReadOnlyList<ResolutionDetail> Resolutions);

public sealed record ResolutionDetail(Guid Id, int Order, string Text);

/// <summary>What the Questions API says of a meeting's questions: its deadlines, and whether it takes them now.</summary>
public sealed record MeetingQuestions(
    Guid MeetingId, string BodySlug, string BodyName, string Title, DateTimeOffset StartsAt, bool Cancelled,
    DateTimeOffset PublicDeadline, DateTimeOffset MemberDeadline, bool OpenForPublicQuestions, bool OpenForMemberQuestions);

public sealed record PublishedQuestions(Guid MeetingId, IReadOnlyList<PublishedQuestion> Questions);

public sealed record PublishedQuestion(
    Guid Id, string Kind, Guid? AgendaItemId, string AskedBy, string Topic, string Text, string Answer, string AnsweredBy, DateTimeOffset PublishedAt);
