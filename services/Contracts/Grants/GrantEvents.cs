namespace PanelPlatform.Contracts.Grants;

/// <summary>A grant round opened for applications. Amounts are pounds, to 2 places.</summary>
/// <param name="Areas">The districts (and Derby City) it is open to; empty for the whole county.</param>
public sealed record GrantRoundOpened(
    Guid RoundId,
    string SchemeSlug,
    string SchemeName,
    string RoundName,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    decimal Budget,
    decimal MinimumAward,
    decimal MaximumAward,
    IReadOnlyList<string> Areas,
    IReadOnlyList<string> EligibleOrganisationTypes,
    DateTimeOffset OccurredAt);

/// <summary>Three working days before a round closes; raised once per round, whatever the number of instances.</summary>
public sealed record GrantRoundClosingSoon(
    Guid RoundId, string SchemeName, string RoundName, DateTimeOffset ClosesAt, IReadOnlyList<string> Areas, DateTimeOffset OccurredAt);

public sealed record GrantRoundClosed(
    Guid RoundId, string SchemeName, string RoundName, DateTimeOffset ClosedAt, int ApplicationsReceived, DateTimeOffset OccurredAt);

/// <summary>An application was submitted. No personal data: the contact is private to Grants.</summary>
/// <param name="RecipientId">The applicant's contact, as registered with Notifications.</param>
public sealed record GrantApplicationSubmitted(
    Guid ApplicationId,
    Guid RoundId,
    string OrganisationType,
    decimal AmountRequested,
    IReadOnlyList<string> Areas,
    Guid? RecipientId,
    DateTimeOffset OccurredAt);

/// <summary>A grant was awarded: public, as every award is published.</summary>
public sealed record GrantAwarded(
    Guid AwardId,
    Guid ApplicationId,
    Guid RoundId,
    string SchemeName,
    string RoundName,
    string RecipientOrganisation,
    decimal Amount,
    IReadOnlyList<string> Areas,
    DateOnly AwardDate,
    Guid? RecipientId,
    DateTimeOffset OccurredAt);

public sealed record GrantApplicationDeclined(
    Guid ApplicationId, Guid RoundId, string SchemeName, string RoundName, string Reason, Guid? RecipientId, DateTimeOffset OccurredAt);
