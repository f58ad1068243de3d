namespace PanelPlatform.Contracts.Casework;

// Casework events carry no personal data: a reference, a type, dates and an opaque recipient id at most.

/// <param name="RecipientId">The person who wrote in, as registered with Notifications (for the acknowledgment).</param>
public sealed record CaseOpened(
    Guid CaseId, string Reference, string CaseType, string Channel, DateTimeOffset ReceivedAt, Guid? RecipientId, DateTimeOffset OccurredAt);

public sealed record CaseAcknowledged(Guid CaseId, string Reference, string CaseType, Guid? RecipientId, DateTimeOffset OccurredAt);

public sealed record CaseClosed(Guid CaseId, string Reference, string CaseType, string Outcome, bool WithinTimeLimit, DateTimeOffset OccurredAt);

/// <param name="Deadline">Which clock: <c>acknowledge</c> or <c>respond</c>.</param>
/// <param name="AssigneeRecipientId">The caseworker to tell, as registered with Notifications.</param>
public sealed record CaseDeadlineApproaching(
    Guid CaseId, string Reference, string CaseType, string Deadline, DateOnly DueOn, Guid? AssigneeRecipientId, DateTimeOffset OccurredAt);

public sealed record CaseDeadlineBreached(
    Guid CaseId, string Reference, string CaseType, string Deadline, DateOnly DueOn, Guid? AssigneeRecipientId, DateTimeOffset OccurredAt);

/// <summary>A complaint about the Commissioner was recorded and referred to the Police and Crime Panel.</summary>
public sealed record CaseReferredToPanel(Guid CaseId, string Reference, DateTimeOffset ReferredAt, DateTimeOffset OccurredAt);
