using PanelPlatform.Grants.Domain;

namespace PanelPlatform.Grants.Tests.Rules;

public sealed class AssessmentRulesTests
{
    private static readonly DateTimeOffset Now = Fixtures.During;

    private static List<CriterionScore> Scores(int need, int deliverability, int community, int value, int sustainability) =>
    [
        new("need", need), new("deliverability", deliverability), new("community", community),
        new("value-for-money", value), new("sustainability", sustainability),
    ];

    [Fact]
    public void The_weighted_score_weights_each_criterion_by_its_share()
    {
        var sheet = Scoresheet.Record(Guid.NewGuid(), Guid.NewGuid(), "a1", "Assessor One", Fixtures.Criteria, Scores(4, 4, 3, 5, 2), null, Now);

        // (30×4 + 25×4 + 20×3 + 15×5 + 10×2) / 100 = 375 / 100
        Assert.Equal(3.75m, sheet.WeightedScore(Fixtures.Criteria));
    }

    public static TheoryData<string, List<CriterionScore>> BadSheets => new()
    {
        { "a criterion missing", [new("need", 4), new("deliverability", 4), new("community", 3), new("value-for-money", 5)] },
        { "an unknown criterion", [.. Scores(4, 4, 3, 5, 2), new("glamour", 5)] },
        { "a criterion twice", [.. Scores(4, 4, 3, 5, 2), new("need", 1)] },
        { "a score above 5", Scores(6, 4, 3, 5, 2) },
        { "a score below 0", Scores(4, -1, 3, 5, 2) },
    };

    [Theory]
    [MemberData(nameof(BadSheets))]
    public void Scores_must_cover_each_criterion_once_from_0_to_5(string why, List<CriterionScore> scores)
    {
        var rule = Assert.Throws<GrantRuleException>(() =>
            Scoresheet.Record(Guid.NewGuid(), Guid.NewGuid(), "a1", "Assessor One", Fixtures.Criteria, scores, null, Now));
        Assert.True(rule.Code == "invalid-scores", why);
    }

    [Fact]
    public void The_overall_score_is_the_mean_of_the_assessors_and_a_declared_conflict_excludes_one()
    {
        var application = Guid.NewGuid();
        var one = Scoresheet.Record(Guid.NewGuid(), application, "a1", "Assessor One", Fixtures.Criteria, Scores(5, 5, 5, 5, 5), null, Now);
        var two = Scoresheet.Record(Guid.NewGuid(), application, "a2", "Assessor Two", Fixtures.Criteria, Scores(3, 3, 3, 3, 3), null, Now.AddMinutes(1));
        var three = Scoresheet.Record(Guid.NewGuid(), application, "a3", "Assessor Three", Fixtures.Criteria, Scores(0, 0, 0, 0, 0), null, Now.AddMinutes(2));
        var conflict = ConflictOfInterest.Declare(Guid.NewGuid(), application, "a3", "Assessor Three", "Trustee of the applicant", Now.AddMinutes(3));

        var all = AssessmentSummary.Of(Fixtures.Criteria, [one, two, three], []);
        var counted = AssessmentSummary.Of(Fixtures.Criteria, [one, two, three], [conflict]);

        Assert.Equal(2.67m, all.OverallScore);
        Assert.Equal(4m, counted.OverallScore);
        Assert.Equal(80m, counted.OverallPercent);
        Assert.Equal(["a1", "a2"], counted.Assessors.Select(a => a.AssessorId));
        Assert.Equal(["a3"], counted.ExcludedAssessors);
    }

    [Fact]
    public void With_nobody_counted_there_is_no_score()
    {
        var summary = AssessmentSummary.Of(Fixtures.Criteria, [], []);

        Assert.Null(summary.OverallScore);
        Assert.Empty(summary.Assessors);
    }
}
