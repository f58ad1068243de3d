using PanelPlatform.Grants.Domain;

namespace PanelPlatform.Grants.Tests.Rules;

public sealed class RoundRulesTests
{
    [Fact]
    public void A_round_must_close_after_it_opens()
    {
        var rule = Assert.Throws<GrantRuleException>(() => Fixtures.Round(opens: Fixtures.Closes, closes: Fixtures.Opens));
        Assert.Equal("round-window", rule.Code);
    }

    [Theory]
    [InlineData(100_000, 0, 5_000)]
    [InlineData(100_000, 6_000, 5_000)]
    [InlineData(4_000, 500, 5_000)]
    public void Award_limits_must_fit_inside_each_other_and_the_budget(int budget, int min, int max)
    {
        var rule = Assert.Throws<GrantRuleException>(() => Fixtures.Round(budget, min, max));
        Assert.Equal("round-limits", rule.Code);
    }

    [Fact]
    public void Criteria_need_positive_weights_and_unique_keys()
    {
        Assert.Throws<GrantRuleException>(() => GrantRound.Create(Guid.NewGuid(), "s", "r", Fixtures.Opens, Fixtures.Closes, 1000, 10, 100, [], true,
            [new AssessmentCriterion("need", "Need", 0)], [], Fixtures.Opens));
        Assert.Throws<GrantRuleException>(() => GrantRound.Create(Guid.NewGuid(), "s", "r", Fixtures.Opens, Fixtures.Closes, 1000, 10, 100, [], true,
            [new AssessmentCriterion("need", "Need", 1), new AssessmentCriterion("need", "Need again", 1)], [], Fixtures.Opens));
        Assert.Throws<GrantRuleException>(() => GrantRound.Create(Guid.NewGuid(), "s", "r", Fixtures.Opens, Fixtures.Closes, 1000, 10, 100, [], true,
            [], [], Fixtures.Opens));
    }

    [Fact]
    public void No_areas_means_the_whole_county_and_areas_are_kept_canonical()
    {
        var county = Fixtures.Round();
        var two = Fixtures.Round(areas: ["derby city", "amber-valley", "Amber Valley"]);

        Assert.Equal(Districts.Names, county.Areas);
        Assert.True(county.IsWholeCounty);
        Assert.Equal(["Amber Valley", "Derby City"], two.Areas);
        Assert.False(two.IsWholeCounty);
    }

    [Fact]
    public void The_round_is_upcoming_then_open_then_closed_at_the_close_instant()
    {
        var round = Fixtures.Round();

        Assert.Equal(RoundStatus.Upcoming, round.StatusAt(Fixtures.Opens.AddSeconds(-1)));
        Assert.Equal(RoundStatus.Open, round.StatusAt(Fixtures.Opens));
        Assert.Equal(RoundStatus.Open, round.StatusAt(Fixtures.Closes.AddSeconds(-1)));
        Assert.Equal(RoundStatus.Closed, round.StatusAt(Fixtures.Closes));
    }

    public static TheoryData<DateTimeOffset, DateTimeOffset> ClosingSoon => new()
    {
        // Road Safety Grant closing Friday 16 December 2022 at 23:59: notice Tuesday 13 December, 09:00 GMT.
        { new(2022, 12, 16, 23, 59, 0, TimeSpan.Zero), new(2022, 12, 13, 9, 0, 0, TimeSpan.Zero) },
        // Closing Tuesday 3 January 2023: 2 January, 27 and 26 December are bank holidays, so Wednesday 28 December.
        { new(2023, 1, 3, 17, 0, 0, TimeSpan.Zero), new(2022, 12, 28, 9, 0, 0, TimeSpan.Zero) },
        // Closing Monday 3 July 2023 in BST: the weekend does not count, so Wednesday 28 June, 09:00 BST.
        { new(2023, 7, 3, 11, 0, 0, TimeSpan.FromHours(1)), new(2023, 6, 28, 9, 0, 0, TimeSpan.FromHours(1)) },
        // Closing at 00:30 BST on Friday 1 September 2023 (23:30 UTC on the Thursday): the London date counts.
        { new(2023, 8, 31, 23, 30, 0, TimeSpan.Zero), new(2023, 8, 29, 9, 0, 0, TimeSpan.FromHours(1)) },
    };

    [Theory]
    [MemberData(nameof(ClosingSoon))]
    public void Closing_soon_is_due_at_nine_in_London_three_working_days_before_the_closing_date(DateTimeOffset closes, DateTimeOffset expected) =>
        Assert.Equal(expected, GrantRound.ClosingSoonDue(closes));

    [Fact]
    public void Each_announcement_is_due_once_in_order()
    {
        var round = Fixtures.Round();

        Assert.Empty(round.TakeDueAnnouncements(Fixtures.Opens.AddMinutes(-1)));
        Assert.Equal([RoundAnnouncement.Opened], round.TakeDueAnnouncements(Fixtures.Opens));
        Assert.Empty(round.TakeDueAnnouncements(Fixtures.Opens.AddMinutes(1)));
        Assert.Empty(round.TakeDueAnnouncements(round.ClosingSoonDueAt.AddSeconds(-1)));
        Assert.Equal([RoundAnnouncement.ClosingSoon], round.TakeDueAnnouncements(round.ClosingSoonDueAt));
        Assert.Empty(round.TakeDueAnnouncements(Fixtures.Closes.AddSeconds(-1)));
        Assert.Equal([RoundAnnouncement.Closed], round.TakeDueAnnouncements(Fixtures.Closes));
        Assert.Empty(round.TakeDueAnnouncements(Fixtures.Closes.AddDays(1)));
    }

    [Fact]
    public void A_round_shorter_than_three_working_days_is_closing_soon_as_it_opens()
    {
        var opens = new DateTimeOffset(2022, 12, 14, 9, 0, 0, TimeSpan.Zero);
        var round = Fixtures.Round(opens: opens, closes: opens.AddDays(1));

        Assert.Equal([RoundAnnouncement.Opened, RoundAnnouncement.ClosingSoon], round.TakeDueAnnouncements(opens.AddMinutes(1)));
    }

    [Fact]
    public void A_close_noticed_late_is_announced_without_a_stale_closing_soon()
    {
        var round = Fixtures.Round();
        round.TakeDueAnnouncements(Fixtures.During);

        Assert.Equal([RoundAnnouncement.Closed], round.TakeDueAnnouncements(Fixtures.Closes.AddHours(1)));
        Assert.NotNull(round.ClosingSoonAnnouncedAt);
    }

    [Fact]
    public void Rounds_loaded_as_history_announce_nothing()
    {
        var round = Fixtures.Round();
        round.MarkPastAsAnnounced(Fixtures.Closes.AddDays(30));

        Assert.Empty(round.TakeDueAnnouncements(Fixtures.Closes.AddDays(31)));
    }

    [Fact]
    public void The_budget_rule_counts_what_is_already_awarded()
    {
        var round = Fixtures.Round(budget: 10_000m, min: 100m, max: 5_000m);

        Assert.True(round.CanAfford(10_000m));
        Assert.False(round.CanAfford(10_000.01m));
    }
}
