using PanelPlatform.Grants.Domain;

namespace PanelPlatform.Grants.Tests.Rules;

public sealed class ApplicationRulesTests
{
    [Fact]
    public void Drafts_can_be_saved_before_the_round_opens_but_not_after_it_closes()
    {
        var round = Fixtures.Round();

        var early = GrantApplication.StartDraft(Guid.NewGuid(), round, Fixtures.Details(), Fixtures.Opens.AddDays(-5));
        var late = Assert.Throws<GrantRuleException>(() => GrantApplication.StartDraft(Guid.NewGuid(), round, Fixtures.Details(), Fixtures.Closes));

        Assert.Equal(ApplicationStatus.Draft, early.Status);
        Assert.Equal("round-closed", late.Code);
        Assert.Equal(RuleKind.Conflict, late.Kind);
    }

    [Fact]
    public void Submission_happens_only_while_the_round_is_open()
    {
        var round = Fixtures.Round();
        var draft = GrantApplication.StartDraft(Guid.NewGuid(), round, Fixtures.Details(), Fixtures.Opens.AddDays(-5));

        var before = Assert.Throws<GrantRuleException>(() => draft.Submit(round, Fixtures.Scheme(), Fixtures.Opens.AddSeconds(-1)));
        var after = Assert.Throws<GrantRuleException>(() => draft.Submit(round, Fixtures.Scheme(), Fixtures.Closes));
        draft.Submit(round, Fixtures.Scheme(), Fixtures.Opens);

        Assert.Equal("round-not-open", before.Code);
        Assert.Equal("round-not-open", after.Code);
        Assert.Equal(ApplicationStatus.Submitted, draft.Status);
        Assert.NotNull(draft.RecipientId);
    }

    [Fact]
    public void An_incomplete_draft_names_every_missing_answer()
    {
        var round = Fixtures.Round();
        var draft = Fixtures.Draft(round, Fixtures.Details(amount: null, areas: [], priorities: [], title: null) with { StartDate = null, EndDate = null });

        var problems = draft.SubmissionProblems(round, Fixtures.Scheme());

        Assert.Equal(["amountRequested", "areas", "endDate", "priorities", "projectTitle", "startDate"], problems.Keys.Order().ToArray());
        Assert.Equal("application-incomplete", Assert.Throws<GrantRuleException>(() => draft.Submit(round, Fixtures.Scheme(), Fixtures.During)).Code);
        Assert.Equal(ApplicationStatus.Draft, draft.Status);
    }

    [Theory]
    [InlineData(499.99, true)]
    [InlineData(500, false)]
    [InlineData(5_000, false)]
    [InlineData(5_000.01, true)]
    public void The_amount_requested_must_lie_within_the_rounds_limits(double amount, bool refused)
    {
        var round = Fixtures.Round();
        var draft = Fixtures.Draft(round, Fixtures.Details(amount: (decimal)amount));

        Assert.Equal(refused, draft.SubmissionProblems(round, Fixtures.Scheme()).ContainsKey("amountRequested"));
    }

    [Fact]
    public void The_organisation_type_must_be_eligible_for_the_scheme()
    {
        var round = Fixtures.Round();
        var school = Fixtures.Draft(round, Fixtures.Details(type: OrganisationType.School));

        Assert.Contains("organisation.type", school.SubmissionProblems(round, Fixtures.Scheme()).Keys);
        Assert.Empty(school.SubmissionProblems(round, Fixtures.Scheme(OrganisationType.School)));
    }

    [Fact]
    public void Areas_must_be_ones_the_round_is_open_to()
    {
        var round = Fixtures.Round(areas: ["Amber Valley", "Erewash"]);

        var outside = Fixtures.Draft(round, Fixtures.Details(areas: ["Erewash", "High Peak"]));
        var inside = Fixtures.Draft(round, Fixtures.Details(areas: ["erewash"]));

        Assert.Contains("High Peak", outside.SubmissionProblems(round, Fixtures.Scheme())["areas"].Single(), StringComparison.Ordinal);
        Assert.Empty(inside.SubmissionProblems(round, Fixtures.Scheme()));
    }

    [Fact]
    public void Priorities_must_be_ones_the_scheme_serves()
    {
        var round = Fixtures.Round();
        var draft = Fixtures.Draft(round, Fixtures.Details(priorities: ["neighbourhood-crime-and-asb", "rural-crime"]));

        Assert.Contains("rural-crime", draft.SubmissionProblems(round, Fixtures.Scheme())["priorities"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_project_may_not_end_before_it_starts()
    {
        var round = Fixtures.Round();
        var draft = Fixtures.Draft(round, Fixtures.Details(start: new DateOnly(2023, 1, 1), end: new DateOnly(2022, 12, 31)));

        Assert.Contains("endDate", draft.SubmissionProblems(round, Fixtures.Scheme()).Keys);
    }

    [Fact]
    public void A_community_interest_company_must_give_its_company_number()
    {
        var round = Fixtures.Round();
        var without = Fixtures.Draft(round, Fixtures.Details(type: OrganisationType.Cic));
        var with = Fixtures.Draft(round, Fixtures.Details(type: OrganisationType.Cic, companyNumber: "01234567"));

        Assert.Contains("organisation.companyNumber", without.SubmissionProblems(round, Fixtures.Scheme()).Keys);
        Assert.Empty(with.SubmissionProblems(round, Fixtures.Scheme()));
    }

    [Fact]
    public void Only_drafts_change_and_a_submitted_application_is_not_submitted_twice()
    {
        var round = Fixtures.Round();
        var application = Fixtures.Draft(round);
        application.Submit(round, Fixtures.Scheme(), Fixtures.During);

        Assert.Equal("not-a-draft", Assert.Throws<GrantRuleException>(() => application.UpdateDraft(round, Fixtures.Details(), Fixtures.During)).Code);
        Assert.Equal("not-a-draft", Assert.Throws<GrantRuleException>(() => application.Submit(round, Fixtures.Scheme(), Fixtures.During)).Code);
    }

    [Fact]
    public void The_lifecycle_runs_submitted_then_under_assessment_then_decided()
    {
        var round = Fixtures.Round();
        var draft = Fixtures.Draft(round);

        Assert.Equal("not-submitted", Assert.Throws<GrantRuleException>(() => draft.StartAssessment(Fixtures.During)).Code);
        Assert.Equal("not-under-assessment", Assert.Throws<GrantRuleException>(() => draft.Award(Fixtures.During)).Code);
        Assert.Equal("not-decidable", Assert.Throws<GrantRuleException>(() => draft.Decline("No", Fixtures.During)).Code);

        var assessed = Fixtures.UnderAssessment(round);
        assessed.Decline("The project is outside the scheme's purpose.", Fixtures.During);
        Assert.Equal(ApplicationStatus.Declined, assessed.Status);
        Assert.Equal("The project is outside the scheme's purpose.", assessed.DeclineReason);
        Assert.Equal("already-decided", Assert.Throws<GrantRuleException>(() => assessed.Withdraw(Fixtures.During)).Code);
    }

    [Fact]
    public void An_applicant_may_withdraw_until_the_decision()
    {
        var round = Fixtures.Round();
        var application = Fixtures.UnderAssessment(round);

        application.Withdraw(Fixtures.During.AddDays(2));

        Assert.Equal(ApplicationStatus.Withdrawn, application.Status);
        Assert.Equal("not-under-assessment", Assert.Throws<GrantRuleException>(() => application.AssertUnderAssessment()).Code);
    }
}
