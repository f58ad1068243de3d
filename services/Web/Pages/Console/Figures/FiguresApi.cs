namespace PanelPlatform.Web.Pages.Console.Figures;

/// <summary>Casework's figures (<c>/api/casework/figures</c>): one row per type per month, and totals per type.</summary>
public sealed record CaseFigureRow(
    string Month, string Type, int Received, int Closed, int Responded, decimal? MedianWorkingDaysToRespond, decimal? P90WorkingDaysToRespond,
    int RespondedWithinTimeLimit, decimal? PercentWithinTimeLimit);

public sealed record CaseFigures(string From, string To, DateTimeOffset GeneratedAt, IReadOnlyList<CaseFigureRow> Months, IReadOnlyList<CaseFigureRow> Totals);

/// <summary>Questions' figures (<c>/api/questions/figures</c>): each meeting's questions by kind and status.</summary>
public sealed record QuestionCounts(int Received, int Accepted, int Rejected, int Withdrawn, int Answered, int Published);

public sealed record MeetingQuestionFigures(
    Guid MeetingId, string BodySlug, string BodyName, string Title, DateTimeOffset StartsAt, bool Cancelled, QuestionCounts All, QuestionCounts Member,
    QuestionCounts Public);

public sealed record QuestionFigures(string From, string To, IReadOnlyList<MeetingQuestionFigures> Meetings);

/// <summary>The public register of awards, read for its totals.</summary>
public sealed record RegisteredAward(Guid Id, decimal AmountAwarded, DateOnly AwardDate, IReadOnlyList<string> Areas);

public sealed record RegisterPage(IReadOnlyList<RegisteredAward> Items, string? NextCursor);

/// <summary>Notifications' monthly report (<c>/api/notifications/reports/monthly</c>): null is a month with no data.</summary>
public sealed record AlertMonth(string Month, int? Members, int? Messages, int? Deliveries);
