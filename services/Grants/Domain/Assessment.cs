namespace PanelPlatform.Grants.Domain;

public sealed record CriterionScore(string Criterion, int Score);

/// <summary>One assessor's scores for one application (one sheet per assessor; scoring again replaces it).</summary>
public sealed class Scoresheet
{
    public const int MinScore = 0;
    public const int MaxScore = 5;

    private Scoresheet()
    {
    }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }

    /// <summary>The assessor's <c>sub</c>.</summary>
    public string AssessorId { get; private set; } = "";

    public string AssessorName { get; private set; } = "";
    public List<CriterionScore> Scores { get; private set; } = [];
    public string? Comment { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Checks the scores against the round's criteria: each scored once, 0–5, none unknown.</summary>
    public static Scoresheet Record(
        Guid id, Guid applicationId, string assessorId, string assessorName, IReadOnlyList<AssessmentCriterion> criteria,
        IReadOnlyList<CriterionScore> scores, string? comment, DateTimeOffset now)
    {
        var sheet = new Scoresheet { Id = id, ApplicationId = applicationId, AssessorId = assessorId, AssessorName = assessorName };
        sheet.Replace(criteria, scores, comment, now);
        return sheet;
    }

    public void Replace(IReadOnlyList<AssessmentCriterion> criteria, IReadOnlyList<CriterionScore> scores, string? comment, DateTimeOffset now)
    {
        var problem = Problems(criteria, scores);
        if (problem is not null)
        {
            throw GrantRuleException.Rule("invalid-scores", "The scores do not match the round's criteria", problem);
        }

        Scores = criteria.Select(c => scores.Single(s => s.Criterion == c.Key)).ToList();
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        RecordedAt = now;
    }

    public static string? Problems(IReadOnlyList<AssessmentCriterion> criteria, IReadOnlyList<CriterionScore> scores)
    {
        var keys = criteria.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var unknown = scores.Where(s => !keys.Contains(s.Criterion)).Select(s => s.Criterion).ToList();
        if (unknown.Count > 0)
        {
            return $"Unknown criteria: {string.Join(", ", unknown)}.";
        }

        var repeated = scores.GroupBy(s => s.Criterion).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0)
        {
            return $"Scored more than once: {string.Join(", ", repeated)}.";
        }

        var missing = keys.Where(k => scores.All(s => s.Criterion != k)).ToList();
        if (missing.Count > 0)
        {
            return $"Not scored: {string.Join(", ", missing)}.";
        }

        var outOfRange = scores.Where(s => s.Score is < MinScore or > MaxScore).Select(s => s.Criterion).ToList();
        return outOfRange.Count > 0 ? $"Scores are {MinScore} to {MaxScore}; out of range: {string.Join(", ", outOfRange)}." : null;
    }

    /// <summary>The weighted mean of the scores, on the same 0–5 scale.</summary>
    public decimal WeightedScore(IReadOnlyList<AssessmentCriterion> criteria)
    {
        var totalWeight = criteria.Sum(c => c.Weight);
        var weighted = criteria.Sum(c => c.Weight * (decimal)Scores.Single(s => s.Criterion == c.Key).Score);
        return decimal.Round(weighted / totalWeight, 2);
    }
}

/// <summary>An assessor declared an interest in an application: they are excluded from assessing it.</summary>
public sealed class ConflictOfInterest
{
    private ConflictOfInterest()
    {
    }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public string AssessorId { get; private set; } = "";
    public string AssessorName { get; private set; } = "";
    public string Interest { get; private set; } = "";
    public DateTimeOffset DeclaredAt { get; private set; }

    public static ConflictOfInterest Declare(Guid id, Guid applicationId, string assessorId, string assessorName, string interest, DateTimeOffset now) =>
        new() { Id = id, ApplicationId = applicationId, AssessorId = assessorId, AssessorName = assessorName, Interest = interest.Trim(), DeclaredAt = now };
}

public sealed record AssessorResult(string AssessorId, string AssessorName, decimal WeightedScore, IReadOnlyList<CriterionScore> Scores, string? Comment, DateTimeOffset RecordedAt);

/// <summary>The application's assessment: each counted assessor's weighted score and their mean.</summary>
public sealed record AssessmentSummary(IReadOnlyList<AssessorResult> Assessors, IReadOnlyList<string> ExcludedAssessors, decimal? OverallScore, decimal? OverallPercent)
{
    /// <summary>Sheets by assessors who declared a conflict are left out, whenever the sheet was made.</summary>
    public static AssessmentSummary Of(
        IReadOnlyList<AssessmentCriterion> criteria, IEnumerable<Scoresheet> sheets, IEnumerable<ConflictOfInterest> conflicts)
    {
        var excluded = conflicts.Select(c => c.AssessorId).ToHashSet(StringComparer.Ordinal);
        var counted = sheets.Where(s => !excluded.Contains(s.AssessorId))
            .OrderBy(s => s.RecordedAt)
            .Select(s => new AssessorResult(s.AssessorId, s.AssessorName, s.WeightedScore(criteria), s.Scores, s.Comment, s.RecordedAt))
            .ToList();
        decimal? overall = counted.Count == 0 ? null : decimal.Round(counted.Average(a => a.WeightedScore), 2);
        return new AssessmentSummary(
            counted, excluded.Order(StringComparer.Ordinal).ToList(), overall,
            overall is { } o ? decimal.Round(o / Scoresheet.MaxScore * 100, 1) : null);
    }
}
