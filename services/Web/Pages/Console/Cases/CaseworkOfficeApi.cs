namespace PanelPlatform.Web.Pages.Console.Cases;

/// <summary>The Casework API as the caseworker's pages read it (enums as the API spells them, kebab-case).</summary>
public sealed record ClockView(string Target, DateOnly? DueOn, string State, int? WorkingDaysLeft, DateOnly? StoppedOn);

public sealed record CaseClocks(ClockView Acknowledge, ClockView Respond, bool Paused, bool Extended);

public sealed record AssigneeView(Guid Id, string Name);

public sealed record CaseListRestricted(string? SubjectName, string? Summary, AssigneeView? Assignee);

public sealed record CaseListItem(
    Guid Id, string Reference, string Type, string Channel, DateTimeOffset ReceivedAt, string Status, string? Outcome, DateOnly? NextDueOn,
    CaseClocks Clocks, CaseListRestricted? Restricted);

public sealed record SubjectView(string? Name, string? Email, string? Phone, string? Address);

public sealed record ReviewView(
    DateOnly? ForceOutcomeNotifiedOn, bool LateApplication, string? LateAcceptanceReason, DateTimeOffset? LateAcceptedAt, string? Result,
    string? Recommendations, DateTimeOffset? RecordedAt);

public sealed record ExtensionView(string AddedTime, string? Reason, DateTimeOffset? ExtendedAt);

public sealed record PauseView(DateOnly From, DateOnly? Until, string? Reason);

public sealed record NoteView(Guid Id, string? Text, string AuthorName, DateTimeOffset CreatedAt);

public sealed record DocumentView(Guid Id, string? FileName, string ContentType, long Length, string UploadedBy, DateTimeOffset UploadedAt);

public sealed record LinkView(Guid Id, string Reference, string Type, string Status);

public sealed record CaseFile(
    SubjectView Subject, string? Summary, string? Description, AssigneeView? Assignee, ReviewView? Review, ExtensionView? Extension,
    IReadOnlyList<PauseView> Pauses, IReadOnlyList<NoteView> Notes, IReadOnlyList<DocumentView> Documents, IReadOnlyList<LinkView> Links);

public sealed record CaseView(
    Guid Id, string Reference, string Type, string Channel, DateTimeOffset ReceivedAt, string Status, string? Outcome, DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? RespondedAt, DateTimeOffset? ClosedAt, DateTimeOffset? ReferredToPanelAt, DateTimeOffset? AnonymisedAt, CaseClocks Clocks,
    CaseFile? Restricted);

public sealed record CaseworkerView(Guid Id, string Name);

/// <summary>The office's words for the API's codes, and the GOV.UK tags of statuses and clocks.</summary>
public static class CaseWords
{
    public static readonly IReadOnlyList<(string Value, string Text)> Types =
    [
        ("correspondence", "Correspondence"), ("mp-enquiry", "MP enquiry"), ("complaint-chief-constable", "Complaint about the Chief Constable"),
        ("complaint-review", "Complaint review"), ("complaint-about-pcc", "Complaint about the Commissioner"), ("foi-request", "Freedom of information request"),
        ("subject-access-request", "Subject access request"),
    ];

    public static readonly IReadOnlyList<(string Value, string Text)> Statuses =
    [
        ("received", "Received"), ("acknowledged", "Acknowledged"), ("in-progress", "In progress"), ("awaiting-information", "Awaiting information"),
        ("responded", "Responded"), ("closed", "Closed"),
    ];

    public static readonly IReadOnlyList<(string Value, string Text)> Outcomes =
    [
        ("resolved", "Resolved"), ("upheld", "Upheld"), ("partly-upheld", "Partly upheld"), ("not-upheld", "Not upheld"),
        ("information-provided", "Information provided"), ("information-withheld", "Information withheld"), ("referred", "Referred elsewhere"),
        ("no-further-action", "No further action"), ("withdrawn", "Withdrawn"), ("out-of-time", "Out of time"),
    ];

    public static string Type(string type) => Types.FirstOrDefault(t => t.Value == type).Text ?? Govuk.Display.Words(type);

    public static string Status(string status) => Statuses.FirstOrDefault(s => s.Value == status).Text ?? Govuk.Display.Words(status);

    public static string Outcome(string? outcome) => outcome is null ? "" : Outcomes.FirstOrDefault(o => o.Value == outcome).Text ?? Govuk.Display.Words(outcome);

    public static string Channel(string channel) => channel switch
    {
        "web-form" => "Web form",
        "in-person" => "In person",
        "social-media" => "Social media",
        _ => Govuk.Display.Words(channel),
    };

    public static string StatusTag(string status) => status switch
    {
        "received" => "govuk-tag--blue",
        "acknowledged" => "govuk-tag--light-blue",
        "in-progress" => "govuk-tag--turquoise",
        "awaiting-information" => "govuk-tag--purple",
        "responded" => "govuk-tag--green",
        _ => "govuk-tag--grey",
    };

    /// <summary>A clock's state as the API computed it, as the tag the queue and the case show.</summary>
    public static (string Text, string Class) ClockTag(string state) => state switch
    {
        "due-soon" => ("Due soon", "govuk-tag--yellow"),
        "breached" => ("Breached", "govuk-tag--red"),
        "paused" => ("Paused", "govuk-tag--grey"),
        "met" => ("Met", "govuk-tag--green"),
        "missed" => ("Missed", "govuk-tag--red"),
        _ => ("On track", "govuk-tag--blue"),
    };

    /// <summary>The clock running now: the acknowledgment's until the case is acknowledged, then the response's.</summary>
    public static (string Name, ClockView Clock) Running(CaseClocks clocks) =>
        clocks.Acknowledge.StoppedOn is null && clocks.Acknowledge.State is not ("met" or "missed")
            ? ("Acknowledge", clocks.Acknowledge)
            : ("Respond", clocks.Respond);
}
