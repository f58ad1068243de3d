using PanelPlatform.Grants.Domain;

namespace PanelPlatform.Grants.Tests.Rules;

public sealed class AwardRulesTests
{
    private static readonly DateTimeOffset Now = Fixtures.During.AddDays(30);
    private static readonly DateOnly AwardDay = new(2022, 10, 14);

    private static Award Make(GrantRound round, GrantApplication application, decimal amount, params (string, string?)[] extra) =>
        Award.Make(Guid.NewGuid(), application, round, Fixtures.Scheme(), amount, AwardDay, "Police and Crime Commissioner", "officer-1",
            new AgreementDocument("Grant agreement", "https://example.org/agreement.pdf"), extra, Now);

    [Theory]
    [InlineData(0, "award-amount")]
    [InlineData(-5, "award-amount")]
    [InlineData(100.001, "award-amount")]
    [InlineData(4_600, "award-above-request")]
    [InlineData(5_000.01, "award-above-maximum")]
    public void The_award_is_more_than_nothing_no_more_than_asked_and_no_more_than_the_maximum(double amount, string code)
    {
        var round = Fixtures.Round();
        var application = Fixtures.UnderAssessment(round, Fixtures.Details(amount: 4_500m));

        var rule = Assert.Throws<GrantRuleException>(() => Make(round, application, (decimal)amount));

        Assert.Equal(code, rule.Code);
        Assert.Equal(RuleKind.Rule, rule.Kind);
        Assert.Equal(ApplicationStatus.UnderAssessment, application.Status);
    }

    [Fact]
    public void The_maximum_binds_even_when_more_was_requested_and_less_than_asked_may_be_given()
    {
        var round = Fixtures.Round(max: 3_500m);
        var application = Fixtures.UnderAssessment(round, Fixtures.Details(amount: 3_500m));

        var award = Make(round, application, 3_000m);

        Assert.Equal(3_000m, award.Amount);
        Assert.Equal(3_500m, award.AmountRequested);
        Assert.Equal(ApplicationStatus.Awarded, application.Status);
    }

    [Fact]
    public void An_award_is_made_only_from_assessment()
    {
        var round = Fixtures.Round();
        var submitted = Fixtures.Draft(round);
        submitted.Submit(round, Fixtures.Scheme(), Fixtures.During);

        Assert.Equal("not-under-assessment", Assert.Throws<GrantRuleException>(() => Make(round, submitted, 1_000m)).Code);
    }

    [Fact]
    public void The_award_carries_the_rounds_standard_conditions_and_its_own()
    {
        var round = Fixtures.Round(conditions: [new StandardCondition("Sign locations approved", "Derbyshire County Council (highway authority)")]);
        var award = Make(round, Fixtures.UnderAssessment(round), 2_000m, ("Logo on publicity", null));

        Assert.Equal(["Sign locations approved", "Logo on publicity"], award.Conditions.Select(c => c.Text));
        Assert.Equal("Derbyshire County Council (highway authority)", award.Conditions[0].RequiresApprovalBy);
        Assert.True(award.Conditions[0].BlocksPayment);
        Assert.False(award.Conditions[1].BlocksPayment);
    }

    [Fact]
    public void Payment_is_blocked_until_the_third_party_approval_is_recorded_with_who_and_when()
    {
        var round = Fixtures.Round(conditions: [new StandardCondition("Sign locations approved", "Derbyshire County Council (highway authority)")]);
        var award = Make(round, Fixtures.UnderAssessment(round), 2_000m);
        var condition = award.Conditions.Single();

        var blocked = Assert.Throws<GrantRuleException>(() => award.CheckPayment(500m));
        var approvedAt = Now.AddDays(-1);
        var approved = award.RecordApproval(condition.Id, "Highways Development Control, Derbyshire County Council", approvedAt, "Grants Officer", Now);

        Assert.Equal("payment-blocked", blocked.Code);
        Assert.Contains("Derbyshire County Council (highway authority)", blocked.Message, StringComparison.Ordinal);
        Assert.Equal("Highways Development Control, Derbyshire County Council", approved.ApprovedBy);
        Assert.Equal(approvedAt, approved.ApprovedAt);
        Assert.Equal("Grants Officer", approved.ApprovalRecordedBy);
        award.CheckPayment(500m);
    }

    [Fact]
    public void An_approval_is_recorded_once_for_a_condition_that_needs_one_and_not_dated_ahead()
    {
        var round = Fixtures.Round(conditions: [new StandardCondition("Sign locations approved", "Derbyshire County Council"), new StandardCondition("Report", null)]);
        var award = Make(round, Fixtures.UnderAssessment(round), 2_000m);

        Assert.Equal("approval-in-future", Assert.Throws<GrantRuleException>(() =>
            award.RecordApproval(award.Conditions[0].Id, "DCC", Now.AddHours(1), "Officer", Now)).Code);
        Assert.Equal("approval-not-required", Assert.Throws<GrantRuleException>(() =>
            award.RecordApproval(award.Conditions[1].Id, "DCC", Now, "Officer", Now)).Code);
        award.RecordApproval(award.Conditions[0].Id, "DCC", Now, "Officer", Now);
        Assert.Equal("already-approved", Assert.Throws<GrantRuleException>(() =>
            award.RecordApproval(award.Conditions[0].Id, "DCC", Now, "Officer", Now)).Code);
        Assert.Equal("no-such-condition", Assert.Throws<GrantRuleException>(() =>
            award.RecordApproval(Guid.NewGuid(), "DCC", Now, "Officer", Now)).Code);
    }

    [Theory]
    [InlineData(0, "payment-amount")]
    [InlineData(2_000.01, "overpayment")]
    public void Payments_are_positive_and_never_exceed_the_award(double amount, string code)
    {
        var round = Fixtures.Round();
        var award = Make(round, Fixtures.UnderAssessment(round), 2_000m);

        Assert.Equal(code, Assert.Throws<GrantRuleException>(() => award.CheckPayment((decimal)amount)).Code);
        award.CheckPayment(2_000m);
    }

    [Fact]
    public void The_monitoring_report_is_submitted_once_and_cannot_claim_more_than_the_award()
    {
        var round = Fixtures.Round();
        var award = Make(round, Fixtures.UnderAssessment(round), 2_000m);

        Assert.Equal("report-amount", Assert.Throws<GrantRuleException>(() =>
            award.SubmitMonitoringReport(new MonitoringReport("Done", null, 2_000.01m, null, Now, "grantee"))).Code);
        award.SubmitMonitoringReport(new MonitoringReport("Twelve sessions held; 140 young people attended.", null, 1_950m, null, Now, "grantee"));
        Assert.Equal("report-exists", Assert.Throws<GrantRuleException>(() =>
            award.SubmitMonitoringReport(new MonitoringReport("Again", null, 10m, null, Now, "grantee"))).Code);
    }

    [Fact]
    public void The_decision_may_not_predate_the_submission()
    {
        var round = Fixtures.Round();
        var application = Fixtures.UnderAssessment(round);

        var rule = Assert.Throws<GrantRuleException>(() => Award.Make(Guid.NewGuid(), application, round, Fixtures.Scheme(), 1_000m,
            new DateOnly(2022, 7, 1), "PCC", "officer", null, [], Now));

        Assert.Equal("award-date", rule.Code);
    }
}
