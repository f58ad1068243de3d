namespace PanelPlatform.Web.Pages.Console.Grants;

/// <summary>The Grants API as the grants officer's pages read it (statuses as the API spells them, kebab-case).</summary>
public sealed record Criterion(string Key, string Name, int Weight);

public sealed record StandardCondition(string Text, string? RequiresApprovalBy);

public sealed record RoundView(
    Guid Id, string SchemeSlug, string SchemeName, string FunderName, string Name, string Status, DateTimeOffset OpensAt, DateTimeOffset ClosesAt,
    decimal Budget, decimal AwardedTotal, decimal Remaining, decimal MinimumAward, decimal MaximumAward, IReadOnlyList<string> Areas,
    IReadOnlyList<Criterion> Criteria, IReadOnlyList<StandardCondition> StandardConditions);

public sealed record ApplicationRow(
    Guid Id, string Status, string OrganisationName, string OrganisationType, string? ProjectTitle, decimal? AmountRequested,
    IReadOnlyList<string> Areas, DateTimeOffset? SubmittedAt, decimal? OverallScore, int Assessors);

public sealed record Organisation(string Name, string Type, string? CharityNumber, string? CompanyNumber);

public sealed record ApplicantContact(string Name, string Email, string? Phone);

public sealed record SupportingDocument(string Title, string Url, string? DocumentType);

public sealed record ApplicationView(
    Guid Id, Guid RoundId, string Status, Organisation Organisation, ApplicantContact Contact, string? ProjectTitle, string? ProjectDescription,
    decimal? AmountRequested, IReadOnlyList<string> Areas, IReadOnlyList<string> Priorities, DateOnly? StartDate, DateOnly? EndDate,
    IReadOnlyList<SupportingDocument> Documents, DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, DateTimeOffset? DecidedAt,
    string? DeclineReason, Guid? AwardId);

public sealed record CriterionScore(string Criterion, int Score);

public sealed record AssessorResult(string AssessorId, string AssessorName, decimal WeightedScore, IReadOnlyList<CriterionScore> Scores, string? Comment, DateTimeOffset RecordedAt);

public sealed record AssessmentSummary(IReadOnlyList<AssessorResult> Assessors, IReadOnlyList<string> ExcludedAssessors, decimal? OverallScore, decimal? OverallPercent);

public sealed record ConflictView(string AssessorId, string AssessorName, string Interest, DateTimeOffset DeclaredAt);

public sealed record AssessmentView(Guid ApplicationId, string Status, IReadOnlyList<Criterion> Criteria, AssessmentSummary Summary, IReadOnlyList<ConflictView> Conflicts);

public sealed record PublicCondition(string Text, string? RequiresApprovalBy, bool Approved);

public sealed record AwardView(
    Guid Id, string SchemeName, Guid RoundId, string RoundName, string RecipientName, string ProjectTitle, decimal AmountAwarded, DateOnly AwardDate,
    string DecisionMaker, IReadOnlyList<string> Areas, IReadOnlyList<PublicCondition> Conditions);

public static class GrantStatus
{
    /// <summary>The GOV.UK tag colour of an application's or round's status.</summary>
    public static string TagClass(string status) => status switch
    {
        "open" or "awarded" => "govuk-tag--green",
        "upcoming" or "submitted" => "govuk-tag--blue",
        "under-assessment" => "govuk-tag--yellow",
        "declined" => "govuk-tag--red",
        "closed" or "withdrawn" or "draft" => "govuk-tag--grey",
        _ => "govuk-tag--grey",
    };

    /// <summary>A 0–5 score as "4.25 out of 5".</summary>
    public static string Score(decimal? score) =>
        score is { } s ? $"{s.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} out of 5" : "Not scored";
}
