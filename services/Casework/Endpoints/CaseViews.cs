using System.Text.Json.Serialization;
using PanelPlatform.Casework.Domain;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Casework.Endpoints;

/// <summary>One clock as it stands today: computed on every read.</summary>
public sealed record ClockView(string Target, DateOnly? DueOn, ClockState State, int? WorkingDaysLeft, DateOnly? StoppedOn);

public sealed record CaseClocks(ClockView Acknowledge, ClockView Respond, bool Paused, bool Extended);

/// <summary>
/// A case as staff see it. Everyone with a staff role sees the reference, type, channel, dates, status and clocks;
/// <see cref="Restricted"/> (the subject and the free text) is there only for caseworkers, and absent otherwise.
/// </summary>
public sealed record CaseView(
    Guid Id,
    string Reference,
    CaseType Type,
    CaseChannel Channel,
    DateTimeOffset ReceivedAt,
    CaseStatus Status,
    CaseOutcome? Outcome,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? RespondedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset? ReferredToPanelAt,
    DateTimeOffset? AnonymisedAt,
    CaseClocks Clocks,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CaseFile? Restricted);

public sealed record SubjectView(string? Name, string? Email, string? Phone, string? Address);

public sealed record AssigneeView(Guid Id, string Name);

public sealed record ReviewView(
    DateOnly? ForceOutcomeNotifiedOn,
    bool LateApplication,
    string? LateAcceptanceReason,
    DateTimeOffset? LateAcceptedAt,
    ReviewResult? Result,
    string? Recommendations,
    DateTimeOffset? RecordedAt);

public sealed record ExtensionView(string AddedTime, string? Reason, DateTimeOffset? ExtendedAt);

public sealed record PauseView(DateOnly From, DateOnly? Until, string? Reason);

public sealed record NoteView(Guid Id, string? Text, string AuthorName, DateTimeOffset CreatedAt);

public sealed record DocumentView(Guid Id, string? FileName, string ContentType, long Length, string UploadedBy, DateTimeOffset UploadedAt);

public sealed record LinkView(Guid Id, string Reference, CaseType Type, CaseStatus Status);

/// <summary>What only caseworkers see: every field here is personal data or free text, and reading it is audited.</summary>
public sealed record CaseFile(
    SubjectView Subject,
    string? Summary,
    string? Description,
    AssigneeView? Assignee,
    ReviewView? Review,
    ExtensionView? Extension,
    IReadOnlyList<PauseView> Pauses,
    IReadOnlyList<NoteView> Notes,
    IReadOnlyList<DocumentView> Documents,
    IReadOnlyList<LinkView> Links)
{
    /// <summary>The personal fields this file actually carries, for the audit row.</summary>
    public IReadOnlyList<string> PersonalFields()
    {
        var fields = new List<string>();
        Add(fields, "subject.name", Subject.Name);
        Add(fields, "subject.email", Subject.Email);
        Add(fields, "subject.phone", Subject.Phone);
        Add(fields, "subject.address", Subject.Address);
        Add(fields, "summary", Summary);
        Add(fields, "description", Description);
        Add(fields, "review.lateAcceptanceReason", Review?.LateAcceptanceReason);
        Add(fields, "review.recommendations", Review?.Recommendations);
        Add(fields, "extension.reason", Extension?.Reason);
        if (Pauses.Any(p => p.Reason is not null))
        {
            fields.Add("pauses.reason");
        }

        if (Notes.Any(n => n.Text is not null))
        {
            fields.Add("notes");
        }

        if (Documents.Any(d => d.FileName is not null))
        {
            fields.Add("documents.fileName");
        }

        if (Links.Count > 0)
        {
            fields.Add("links");
        }

        return fields;
    }

    private static void Add(List<string> fields, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            fields.Add(name);
        }
    }
}

/// <summary>A row of a search: the sealed facts for everyone, the subject's name and the summary for caseworkers.</summary>
public sealed record CaseListItem(
    Guid Id,
    string Reference,
    CaseType Type,
    CaseChannel Channel,
    DateTimeOffset ReceivedAt,
    CaseStatus Status,
    CaseOutcome? Outcome,
    DateOnly? NextDueOn,
    CaseClocks Clocks,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CaseListRestricted? Restricted);

public sealed record CaseListRestricted(string? SubjectName, string? Summary, AssigneeView? Assignee)
{
    public IReadOnlyList<string> PersonalFields() =>
        new[] { ("subject.name", SubjectName), ("summary", Summary) }.Where(f => !string.IsNullOrEmpty(f.Item2)).Select(f => f.Item1).ToList();
}

public static class CaseViews
{
    public static CaseClocks Clocks(Case c, ClockPolicy policy, DateOnly today)
    {
        var acknowledge = Clock(policy.Acknowledge.ToString(), c.AcknowledgeDueOn, c.AcknowledgeStoppedOn, today, policy);
        var respond = Clock(c.EffectiveRespondTarget.ToString(), c.RespondDueOn, c.RespondStoppedOn, today, policy);
        return new CaseClocks(acknowledge, respond, c.Status == CaseStatus.AwaitingInformation, c.ExtensionAmount > 0);
    }

    private static ClockView Clock(string target, DateOnly? dueOn, DateOnly? stoppedOn, DateOnly today, ClockPolicy policy)
    {
        var state = CaseClock.StateOn(today, dueOn, stoppedOn, policy.DueSoonWorkingDays);
        int? left = stoppedOn is null && dueOn is { } due ? CaseClock.WorkingDaysLeft(today, due) : null;
        return new ClockView(target, dueOn, state, left, stoppedOn);
    }

    public static CaseView Sealed(Case c, ClockPolicy policy, DateOnly today) => new(
        c.Id, c.Reference, c.Type, c.Channel, UkTime.ToLondon(c.ReceivedAt), c.Status, c.Outcome,
        London(c.AcknowledgedAt), London(c.RespondedAt), London(c.ClosedAt), London(c.ReferredToPanelAt), London(c.AnonymisedAt),
        Clocks(c, policy, today), null);

    public static CaseView WithFile(CaseView view, CaseFile file) => view with { Restricted = file };

    public static CaseFile File(
        Case c,
        Caseworker? assignee,
        IReadOnlyList<NoteView> notes,
        IReadOnlyList<DocumentView> documents,
        IReadOnlyList<LinkView> links) => new(
        new SubjectView(c.SubjectName, c.SubjectEmail, c.SubjectPhone, c.SubjectAddress),
        c.Summary,
        c.Description,
        assignee is null ? null : new AssigneeView(assignee.Id, assignee.Name),
        c.Type == CaseType.ComplaintReview
            ? new ReviewView(c.ForceOutcomeNotifiedOn, c.LateApplication, c.LateAcceptanceReason, London(c.LateAcceptedAt),
                c.ReviewResult, c.ReviewRecommendations, London(c.ReviewRecordedAt))
            : null,
        c.ExtensionAmount > 0
            ? new ExtensionView(c.RespondUnit == ClockUnit.WorkingDays ? ClockTarget.WorkingDays(c.ExtensionAmount).ToString() : ClockTarget.CalendarMonths(c.ExtensionAmount).ToString(),
                c.ExtensionReason, London(c.ExtendedAt))
            : null,
        c.Pauses.OrderBy(p => p.StartedAt).Select(p => new PauseView(p.From, p.Until, p.Reason)).ToList(),
        notes,
        documents,
        links);

    public static CaseListItem ListItem(Case c, ClockPolicy policy, DateOnly today, CaseListRestricted? restricted) => new(
        c.Id, c.Reference, c.Type, c.Channel, UkTime.ToLondon(c.ReceivedAt), c.Status, c.Outcome, c.NextDueOn,
        Clocks(c, policy, today), restricted);

    public static DateTimeOffset? London(DateTimeOffset? instant) => instant is { } i ? UkTime.ToLondon(i) : null;
}
