using PanelPlatform.Casework.Domain;

namespace PanelPlatform.Casework.Tests;

/// <summary>Every move a case can and cannot make, and the rules that guard them.</summary>
public sealed class CaseTransitionTests
{
    private static readonly ClockPolicy Policy = new();

    // Tuesday 3 March 2026, 10.00 am.
    private static readonly DateTimeOffset Received = new(2026, 3, 3, 10, 0, 0, TimeSpan.Zero);

    private static Case Open(CaseType type = CaseType.Correspondence, DateOnly? told = null) =>
        Case.Open("OPCC-2026-000001", type, CaseChannel.Email, Received,
            new Subject("Philippa Marchbanks", "philippa@example.org", null, "Smedley Street, Matlock"),
            "Speeding on Bakewell Road", "Cars race past the school.", told, Policy, "caseworker-1", Received.AddHours(1));

    private static Case InState(CaseStatus status, CaseType type = CaseType.Correspondence, DateOnly? told = null)
    {
        var c = Open(type, told);
        var at = Received.AddDays(1);
        if (status == CaseStatus.Received)
        {
            return c;
        }

        c.Acknowledge(at);
        if (status == CaseStatus.Acknowledged)
        {
            return c;
        }

        c.Start();
        if (status == CaseStatus.InProgress)
        {
            return c;
        }

        if (status == CaseStatus.AwaitingInformation)
        {
            c.AwaitInformation("Asked for the date of the incident", at.AddDays(1));
            return c;
        }

        if (type == CaseType.ComplaintReview)
        {
            c.RecordReviewOutcome(ReviewResult.NotUpheld, null, at.AddDays(2));
        }

        c.Respond(at.AddDays(3));
        if (status == CaseStatus.Responded)
        {
            return c;
        }

        c.Close(type == CaseType.ComplaintReview ? CaseOutcome.NotUpheld : CaseOutcome.Resolved, at.AddDays(4));
        return c;
    }

    private static readonly HashSet<(CaseStatus, CaseStatus)> Allowed =
    [
        (CaseStatus.Received, CaseStatus.Acknowledged),
        (CaseStatus.Acknowledged, CaseStatus.InProgress),
        (CaseStatus.InProgress, CaseStatus.AwaitingInformation),
        (CaseStatus.AwaitingInformation, CaseStatus.InProgress),
        (CaseStatus.InProgress, CaseStatus.Responded),
        (CaseStatus.Responded, CaseStatus.Closed),
    ];

    public static TheoryData<CaseStatus, CaseStatus, bool> EveryPair()
    {
        var data = new TheoryData<CaseStatus, CaseStatus, bool>();
        foreach (var from in Enum.GetValues<CaseStatus>())
        {
            foreach (var to in Enum.GetValues<CaseStatus>())
            {
                data.Add(from, to, Allowed.Contains((from, to)));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Each_status_moves_only_to_the_next_in_the_chain(CaseStatus from, CaseStatus to, bool allowed)
    {
        var c = InState(from);
        var move = () => c.MoveTo(to, to == CaseStatus.Closed ? CaseOutcome.Resolved : null, null, Received.AddDays(10));

        if (allowed)
        {
            move();
            Assert.Equal(to, c.Status);
        }
        else
        {
            var refused = Assert.Throws<CaseRuleException>(move);
            Assert.Equal(from, c.Status);
            Assert.True(refused.IsConflict, $"{from} → {to} should be a conflict (409): {refused.Code}");
        }
    }

    [Theory]
    [InlineData(CaseStatus.Received)]
    [InlineData(CaseStatus.Acknowledged)]
    [InlineData(CaseStatus.InProgress)]
    [InlineData(CaseStatus.AwaitingInformation)]
    [InlineData(CaseStatus.Responded)]
    public void Any_open_case_can_be_closed_as_withdrawn(CaseStatus from)
    {
        var c = InState(from);

        c.Close(CaseOutcome.Withdrawn, Received.AddDays(10));

        Assert.Equal(CaseStatus.Closed, c.Status);
        Assert.Equal(CaseOutcome.Withdrawn, c.Outcome);
        Assert.DoesNotContain(c.Pauses, p => p.Until is null);
    }

    [Fact]
    public void A_closed_case_stays_closed()
    {
        var c = InState(CaseStatus.Closed);

        Assert.True(Assert.Throws<CaseRuleException>(() => c.Close(CaseOutcome.Withdrawn, Received.AddDays(20))).IsConflict);
        Assert.True(Assert.Throws<CaseRuleException>(() => c.Assign(Guid.NewGuid())).IsConflict);
    }

    [Fact]
    public void Closing_needs_an_outcome()
    {
        var c = InState(CaseStatus.Responded);

        Assert.Equal("outcome-required", Assert.Throws<CaseRuleException>(() => c.MoveTo(CaseStatus.Closed, null, null, Received.AddDays(9))).Code);
    }

    [Fact]
    public void Acknowledging_and_responding_stop_their_clocks()
    {
        var c = InState(CaseStatus.Responded);

        Assert.Equal(new DateOnly(2026, 3, 4), c.AcknowledgeStoppedOn);
        Assert.Equal(new DateOnly(2026, 3, 7), c.RespondStoppedOn);
        Assert.Null(c.NextDueOn);
        Assert.True(c.WithinTimeLimit);
    }

    [Fact]
    public void Awaiting_information_pauses_the_respond_clock_and_resuming_moves_the_deadline()
    {
        var c = InState(CaseStatus.InProgress);
        Assert.Equal(new DateOnly(2026, 3, 31), c.RespondDueOn); // 20 working days from Tuesday 3 March

        c.AwaitInformation("Asked for the registration number", new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero)); // Monday
        Assert.Null(c.RespondDueOn);
        Assert.Null(c.NextDueOn);

        c.InformationReceived(new DateTimeOffset(2026, 3, 11, 15, 0, 0, TimeSpan.Zero)); // Wednesday: two working days lost
        Assert.Equal(new DateOnly(2026, 4, 2), c.RespondDueOn);
        Assert.Equal(c.RespondDueOn, c.NextDueOn);
        var pause = Assert.Single(c.Pauses);
        Assert.Equal((new DateOnly(2026, 3, 9), (DateOnly?)new DateOnly(2026, 3, 11)), (pause.From, pause.Until));
    }

    [Fact]
    public void The_running_clock_is_the_acknowledgment_until_acknowledged_then_the_response()
    {
        var c = Open();
        Assert.Equal(new DateOnly(2026, 3, 10), c.AcknowledgeDueOn);
        Assert.Equal(c.AcknowledgeDueOn, c.NextDueOn);

        c.Acknowledge(Received.AddDays(1));

        Assert.Equal(c.RespondDueOn, c.NextDueOn);
    }

    [Fact]
    public void A_complaint_about_the_Commissioner_is_referred_to_the_Panel_when_recorded()
    {
        Assert.NotNull(Open(CaseType.ComplaintAboutPcc).ReferredToPanelAt);
        Assert.Null(Open(CaseType.ComplaintChiefConstable).ReferredToPanelAt);
    }

    [Fact]
    public void A_review_applied_for_within_28_days_proceeds()
    {
        var c = InState(CaseStatus.InProgress, CaseType.ComplaintReview, told: new DateOnly(2026, 2, 3)); // applied 3 March: 28 days

        Assert.False(c.LateApplication);
        Assert.Equal(CaseStatus.InProgress, c.Status);
    }

    [Fact]
    public void A_late_review_application_is_recorded_but_needs_a_reason_to_proceed()
    {
        var c = InState(CaseStatus.Acknowledged, CaseType.ComplaintReview, told: new DateOnly(2026, 2, 2)); // 29 days
        Assert.True(c.LateApplication);

        Assert.Equal("late-review-not-accepted", Assert.Throws<CaseRuleException>(c.Start).Code);
        c.AcceptLateApplication("The complainant was in hospital for three weeks after the force's letter.", Received.AddDays(2));
        c.Start();

        Assert.Equal(CaseStatus.InProgress, c.Status);
        Assert.True(Assert.Throws<CaseRuleException>(() => c.AcceptLateApplication("again", Received.AddDays(3))).IsConflict);
    }

    [Fact]
    public void A_late_review_that_is_not_accepted_closes_out_of_time()
    {
        var late = InState(CaseStatus.Acknowledged, CaseType.ComplaintReview, told: new DateOnly(2026, 1, 5));
        late.Close(CaseOutcome.OutOfTime, Received.AddDays(3));
        Assert.Equal(CaseOutcome.OutOfTime, late.Outcome);

        var inTime = InState(CaseStatus.Acknowledged, CaseType.ComplaintReview, told: new DateOnly(2026, 2, 20));
        Assert.Equal("not-out-of-time", Assert.Throws<CaseRuleException>(() => inTime.Close(CaseOutcome.OutOfTime, Received.AddDays(3))).Code);
    }

    [Fact]
    public void Only_late_reviews_are_accepted_late()
    {
        Assert.Equal("not-a-late-review", Assert.Throws<CaseRuleException>(() => Open().AcceptLateApplication("why", Received)).Code);
        Assert.Equal("not-a-late-review", Assert.Throws<CaseRuleException>(
            () => Open(CaseType.ComplaintReview, new DateOnly(2026, 2, 20)).AcceptLateApplication("why", Received)).Code);
    }

    [Fact]
    public void A_review_is_not_responded_to_before_its_outcome_is_recorded_and_closes_with_that_outcome()
    {
        var c = InState(CaseStatus.InProgress, CaseType.ComplaintReview, told: new DateOnly(2026, 2, 20));
        Assert.Equal("review-outcome-missing", Assert.Throws<CaseRuleException>(() => c.Respond(Received.AddDays(5))).Code);

        c.RecordReviewOutcome(ReviewResult.Upheld, "The force should re-investigate and apologise.", Received.AddDays(5));
        Assert.True(Assert.Throws<CaseRuleException>(() => c.RecordReviewOutcome(ReviewResult.NotUpheld, null, Received.AddDays(6))).IsConflict);
        c.Respond(Received.AddDays(6));

        Assert.Equal("outcome-does-not-match-review", Assert.Throws<CaseRuleException>(() => c.Close(CaseOutcome.NotUpheld, Received.AddDays(7))).Code);
        c.Close(CaseOutcome.Upheld, Received.AddDays(7));
        Assert.Equal((ReviewResult?)ReviewResult.Upheld, c.ReviewResult);
        Assert.Equal("The force should re-investigate and apologise.", c.ReviewRecommendations);
    }

    [Fact]
    public void Review_outcomes_belong_to_reviews_in_progress()
    {
        Assert.Equal("not-a-review", Assert.Throws<CaseRuleException>(() => InState(CaseStatus.InProgress).RecordReviewOutcome(ReviewResult.Upheld, null, Received)).Code);
        Assert.True(Assert.Throws<CaseRuleException>(() => InState(CaseStatus.Acknowledged, CaseType.ComplaintReview, new DateOnly(2026, 2, 20))
            .RecordReviewOutcome(ReviewResult.Upheld, null, Received)).IsConflict);
    }

    [Fact]
    public void A_review_needs_the_date_the_force_told_the_complainant_and_only_reviews_have_one()
    {
        Assert.Throws<ArgumentException>(() => Open(CaseType.ComplaintReview));
        Assert.Throws<ArgumentException>(() => Open(CaseType.ComplaintReview, new DateOnly(2026, 3, 4)));
        Assert.Throws<ArgumentException>(() => Open(CaseType.Correspondence, new DateOnly(2026, 2, 1)));
    }

    [Fact]
    public void An_FOI_request_extends_once_by_up_to_twenty_working_days_with_a_reason()
    {
        var c = InState(CaseStatus.InProgress, CaseType.FoiRequest);
        Assert.Equal(new DateOnly(2026, 3, 31), c.RespondDueOn);

        Assert.Equal("extension-out-of-range", Assert.Throws<CaseRuleException>(() => c.Extend("public interest test", 21, Policy, Received)).Code);
        Assert.Equal("extension-out-of-range", Assert.Throws<CaseRuleException>(() => c.Extend("public interest test", null, Policy, Received)).Code);
        c.Extend("Public interest test under s.31 (law enforcement)", 20, Policy, Received.AddDays(5));

        // 31 March + 20: 1, 2 Apr, [Easter], 7-10 (6), 13-17 (11), 20-24 (16), 27-30 (20).
        Assert.Equal(new DateOnly(2026, 4, 30), c.RespondDueOn);
        Assert.True(Assert.Throws<CaseRuleException>(() => c.Extend("again", 5, Policy, Received.AddDays(6))).IsConflict);
    }

    [Fact]
    public void A_complex_subject_access_request_extends_by_two_months()
    {
        var c = Case.Open("OPCC-2025-000001", CaseType.SubjectAccessRequest, CaseChannel.Letter, new DateTimeOffset(2025, 1, 31, 12, 0, 0, TimeSpan.Zero),
            new Subject("Philippa Marchbanks", null, null, null), "Subject access request", null, null, Policy, "caseworker-1",
            new DateTimeOffset(2025, 1, 31, 13, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2025, 2, 28), c.RespondDueOn);

        Assert.Equal("extension-out-of-range", Assert.Throws<CaseRuleException>(() => c.Extend("complex", 10, Policy, c.CreatedAt)).Code);
        c.Extend("Complex: records held across three systems", null, Policy, c.CreatedAt);

        Assert.Equal(new DateOnly(2025, 4, 30), c.RespondDueOn);
    }

    [Theory]
    [InlineData(CaseType.Correspondence)]
    [InlineData(CaseType.MpEnquiry)]
    [InlineData(CaseType.ComplaintChiefConstable)]
    [InlineData(CaseType.ComplaintAboutPcc)]
    public void Other_cases_cannot_be_extended(CaseType type)
    {
        Assert.Equal("extension-not-available", Assert.Throws<CaseRuleException>(() => Open(type).Extend("why", 5, Policy, Received)).Code);
    }

    [Fact]
    public void A_responded_case_cannot_be_extended()
    {
        Assert.True(Assert.Throws<CaseRuleException>(() => InState(CaseStatus.Responded, CaseType.FoiRequest).Extend("late", 5, Policy, Received)).IsConflict);
    }

    [Theory]
    [InlineData(CaseType.Correspondence, 20, ClockUnit.WorkingDays)]
    [InlineData(CaseType.FoiRequest, 20, ClockUnit.WorkingDays)]
    [InlineData(CaseType.SubjectAccessRequest, 1, ClockUnit.CalendarMonths)]
    public void Each_type_opens_with_its_own_target(CaseType type, int amount, ClockUnit unit)
    {
        Assert.Equal(new ClockTarget(unit, amount), Open(type).RespondTarget);
    }

    [Fact]
    public void The_complaint_review_target_is_the_office_s_own()
    {
        var policy = new ClockPolicy { ComplaintReviewWorkingDays = 40 };

        var c = Case.Open("OPCC-2026-000002", CaseType.ComplaintReview, CaseChannel.Email, Received, new Subject("A", null, null, null), "Review", null,
            new DateOnly(2026, 2, 20), policy, "caseworker-1", Received);

        Assert.Equal(ClockTarget.WorkingDays(40), c.RespondTarget);
    }

    [Fact]
    public void Anonymising_removes_the_person_and_the_free_text_but_keeps_the_facts()
    {
        var c = InState(CaseStatus.Closed);
        c.RegisterSubject(Guid.NewGuid(), "fingerprint", null);
        Assert.Equal("case-open", Assert.Throws<CaseRuleException>(() => InState(CaseStatus.Responded).Anonymise(Received)).Code);

        var recipient = c.Anonymise(Received.AddYears(6));

        Assert.NotNull(recipient);
        Assert.All(new[] { c.SubjectName, c.SubjectEmail, c.SubjectPhone, c.SubjectAddress, c.Summary, c.Description, c.SubjectEmailFingerprint }, Assert.Null);
        Assert.Null(c.SubjectRecipientId);
        Assert.Equal((CaseStatus.Closed, (CaseOutcome?)CaseOutcome.Resolved, "OPCC-2026-000001"), (c.Status, c.Outcome, c.Reference));
        Assert.True(Assert.Throws<CaseRuleException>(() => c.Anonymise(Received.AddYears(7))).IsConflict);
        Assert.True(Assert.Throws<CaseRuleException>(() => CaseNote.Write(c, "note", "sub", "name", Received)).IsConflict);
    }
}
