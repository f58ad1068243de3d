using System.Security.Claims;
using PanelPlatform.Meetings.Domain;
using PanelPlatform.Meetings.Endpoints;
using PanelPlatform.Meetings.Feeds;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Meetings.Tests;

/// <summary>Every rule of the committee record as a plain unit test.</summary>
public sealed class DomainRulesTests
{
    private static readonly DateTimeOffset Now = new(2022, 9, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Body Panel = Body.Create("Derbyshire Police and Crime Panel", null, BodyKind.Panel, Now);

    private static DateTimeOffset London(int year, int month, int day, int hour = 10, int minute = 0) =>
        UkTime.FromLondon(new DateOnly(year, month, day), new TimeOnly(hour, minute));

    private static Meeting PanelMeeting(DateTimeOffset startsAt) =>
        Meeting.Schedule(Panel, "Police and Crime Panel", startsAt, null, "Council Chamber, County Hall, Matlock", false, Now);

    // --- Agenda publication: five clear working days, England and Wales -------------------------------------------

    [Fact]
    public void The_17_November_2022_agenda_published_on_9_November_gave_exactly_five_clear_working_days()
    {
        var notice = AgendaNotice.Of(London(2022, 11, 9, 9), London(2022, 11, 17), 5);

        Assert.Equal(5, notice.ClearWorkingDays); // 10, 11, 14, 15, 16 November
        Assert.False(notice.IsLate);
        Assert.Equal(new DateOnly(2022, 11, 9), notice.Deadline);
    }

    [Fact]
    public void One_day_later_the_same_agenda_is_late()
    {
        var notice = AgendaNotice.Of(London(2022, 11, 10, 9), London(2022, 11, 17), 5);

        Assert.Equal(4, notice.ClearWorkingDays);
        Assert.True(notice.IsLate);
    }

    [Fact]
    public void Bank_holidays_and_weekends_are_not_clear_working_days()
    {
        // Published Wednesday 28 December 2022 for Thursday 5 January 2023: 29, 30 December and 3, 4 January count;
        // the weekend and Monday 2 January (the New Year bank holiday in lieu) do not.
        var notice = AgendaNotice.Of(London(2022, 12, 28, 9), London(2023, 1, 5), 5);

        Assert.Equal(4, notice.ClearWorkingDays);
        Assert.True(notice.IsLate);
        Assert.Equal(new DateOnly(2022, 12, 23), notice.Deadline);
    }

    [Fact]
    public void The_day_of_publication_and_the_day_of_the_meeting_never_count()
    {
        var notice = AgendaNotice.Of(London(2022, 11, 16, 8), London(2022, 11, 17, 18), 5);

        Assert.Equal(0, notice.ClearWorkingDays);
    }

    [Fact]
    public void A_late_agenda_without_a_reason_is_refused_and_with_one_is_published_and_flagged()
    {
        var meeting = PanelMeeting(London(2022, 11, 17));

        var refused = Assert.Throws<RuleViolation>(() => meeting.PublishAgenda(London(2022, 11, 14, 9), "  ", 5));
        Assert.Equal("agenda-notice-too-short", refused.Code);
        Assert.Equal(MeetingStatus.Scheduled, meeting.Status);
        Assert.False(meeting.AgendaIsPublic);

        var notice = meeting.PublishAgenda(London(2022, 11, 14, 9), "The Commissioner's precept proposal arrived on 11 November", 5);
        Assert.True(notice.IsLate);
        Assert.True(meeting.AgendaPublishedLate);
        Assert.Equal("The Commissioner's precept proposal arrived on 11 November", meeting.AgendaUrgencyReason);
        Assert.Equal(MeetingStatus.AgendaPublished, meeting.Status);
    }

    [Fact]
    public void An_agenda_on_time_is_not_flagged_and_keeps_no_urgency_reason()
    {
        var meeting = PanelMeeting(London(2022, 11, 17));

        meeting.PublishAgenda(London(2022, 11, 9, 9), "not needed", 5);

        Assert.False(meeting.AgendaPublishedLate);
        Assert.Null(meeting.AgendaUrgencyReason);
    }

    // --- Meeting lifecycle --------------------------------------------------------------------------------------------

    [Fact]
    public void A_meeting_goes_scheduled_agenda_published_held_minutes_drafted_minutes_confirmed()
    {
        var september = PanelMeeting(London(2022, 9, 8));
        var november = PanelMeeting(London(2022, 11, 17));

        september.PublishAgenda(London(2022, 8, 25), null, 5);
        september.MarkHeld(London(2022, 9, 8, 12, 10));
        september.DraftMinutes(London(2022, 9, 20));
        september.PublishMinutes(London(2022, 9, 21));
        september.ConfirmMinutes(november, "40/22", London(2022, 11, 17, 11));

        Assert.Equal(MeetingStatus.MinutesConfirmed, september.Status);
        Assert.Equal(november.Id, september.ConfirmedAtMeetingId);
        Assert.Equal("40/22", september.ConfirmingMinuteNumber);
    }

    [Fact]
    public void Steps_cannot_be_skipped()
    {
        var meeting = PanelMeeting(London(2022, 9, 8));

        Assert.Equal("meeting-not-holdable", Assert.Throws<RuleViolation>(() => meeting.MarkHeld(London(2022, 9, 9))).Code);
        Assert.Equal("minutes-not-draftable", Assert.Throws<RuleViolation>(() => meeting.DraftMinutes(London(2022, 9, 9))).Code);
        Assert.Equal("minutes-not-drafted", Assert.Throws<RuleViolation>(() => meeting.PublishMinutes(London(2022, 9, 9))).Code);
    }

    [Fact]
    public void A_meeting_is_not_held_before_it_starts()
    {
        var meeting = PanelMeeting(London(2022, 9, 8));
        meeting.PublishAgenda(London(2022, 8, 25), null, 5);

        var refused = Assert.Throws<RuleViolation>(() => meeting.MarkHeld(London(2022, 9, 8, 9, 59)));

        Assert.Equal("meeting-not-started", refused.Code);
        Assert.Equal(MeetingStatus.AgendaPublished, meeting.Status);
    }

    [Fact]
    public void Minutes_are_confirmed_only_by_a_later_meeting_of_the_same_body()
    {
        var meeting = Held(PanelMeeting(London(2022, 9, 8)));
        meeting.DraftMinutes(London(2022, 9, 20));
        var scrutiny = Body.Create("Performance Scrutiny Meeting", null, BodyKind.ScrutinyMeeting, Now);
        var otherBody = Meeting.Schedule(scrutiny, "Rural Crime", London(2022, 10, 6), null, null, true, Now);
        var earlier = PanelMeeting(London(2022, 6, 23));

        Assert.Equal("confirming-meeting-other-body", Assert.Throws<RuleViolation>(() => meeting.ConfirmMinutes(otherBody, "40/22", Now)).Code);
        Assert.Equal("confirming-meeting-not-later", Assert.Throws<RuleViolation>(() => meeting.ConfirmMinutes(earlier, "40/22", Now)).Code);
        Assert.Equal(MeetingStatus.MinutesDrafted, meeting.Status);
    }

    [Fact]
    public void Confirmed_minutes_are_immutable()
    {
        var meeting = Held(PanelMeeting(London(2022, 9, 8)));
        meeting.DraftMinutes(London(2022, 9, 20));
        meeting.ConfirmMinutes(PanelMeeting(London(2022, 11, 17)), "40/22", London(2022, 11, 17, 11));

        Assert.Equal("minutes-confirmed", Assert.Throws<RuleViolation>(meeting.EnsureNotConfirmed).Code);
        Assert.True(Assert.Throws<RuleViolation>(meeting.EnsureNotConfirmed).IsConflict);
        Assert.Throws<RuleViolation>(() => meeting.DraftMinutes(Now));
        Assert.Throws<RuleViolation>(() => meeting.ConfirmMinutes(PanelMeeting(London(2023, 1, 26)), "03/23", Now));
        Assert.Throws<RuleViolation>(() => meeting.Rename("Something else", Now));
    }

    [Fact]
    public void Rescheduling_needs_a_reason_bumps_the_sequence_and_withdraws_the_agenda()
    {
        var meeting = PanelMeeting(London(2023, 1, 26));
        meeting.PublishAgenda(London(2023, 1, 10), null, 5);

        Assert.Equal("reason-required", Assert.Throws<RuleViolation>(() => meeting.Reschedule(London(2023, 2, 2), null, "County Hall", false, " ", Now)).Code);
        var previous = meeting.Reschedule(London(2023, 2, 2), null, "County Hall", false, "Council Chamber unavailable", Now);

        Assert.Equal(London(2023, 1, 26), previous);
        Assert.Equal(MeetingStatus.Rescheduled, meeting.Status);
        Assert.Equal(1, meeting.Sequence);
        Assert.False(meeting.AgendaIsPublic);
        Assert.Equal("Council Chamber unavailable", meeting.StatusReason);
        meeting.PublishAgenda(London(2023, 1, 20), null, 5);
        Assert.Equal(MeetingStatus.AgendaPublished, meeting.Status);
    }

    [Fact]
    public void Cancelling_needs_a_reason_and_a_meeting_not_yet_held()
    {
        var meeting = PanelMeeting(London(2023, 1, 26));
        Assert.Throws<RuleViolation>(() => meeting.Cancel("", Now));

        meeting.Cancel("Not quorate", Now);
        Assert.Equal(MeetingStatus.Cancelled, meeting.Status);
        Assert.Equal(1, meeting.Sequence);
        Assert.Equal("meeting-not-cancellable", Assert.Throws<RuleViolation>(() => meeting.Cancel("again", Now)).Code);
        Assert.Equal("agenda-not-publishable", Assert.Throws<RuleViolation>(() => meeting.PublishAgenda(Now, "x", 5)).Code);

        var held = Held(PanelMeeting(London(2022, 9, 8)));
        Assert.Throws<RuleViolation>(() => held.Cancel("too late", Now));
        Assert.Throws<RuleViolation>(() => held.Reschedule(London(2022, 9, 9), null, "x", false, "too late", Now));
    }

    private static Meeting Held(Meeting meeting)
    {
        meeting.PublishAgenda(meeting.StartsAt.AddDays(-14), null, 5);
        meeting.MarkHeld(meeting.StartsAt.AddHours(2));
        return meeting;
    }

    // --- Minute numbers ------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(41, 2022, "41/22")]
    [InlineData(5, 2023, "05/23")]
    [InlineData(120, 2022, "120/22")]
    public void Minute_numbers_are_NN_slash_YY(int sequence, int year, string number) => Assert.Equal(number, MinuteNumbering.Format(sequence, year));

    [Fact]
    public void Numbers_continue_the_body_s_sequence_for_the_year_and_are_never_reused()
    {
        var counter = new MinuteCounter { BodyId = Panel.Id, Year = 2022, Last = 0 };
        MinuteNumbering.Observe(counter, 38); // 8 September 2022 ended at 38/22

        var november = MinuteNumbering.Next(counter, 11);
        Assert.Equal("39/22", november[0].Number);
        Assert.Equal("41/22", november[2].Number);
        Assert.Equal("49/22", november[^1].Number);

        MinuteNumbering.Observe(counter, 12); // an older number seen again does not move the counter back
        Assert.Equal("50/22", MinuteNumbering.Next(counter, 1)[0].Number);
        Assert.Equal(50, counter.Last);
    }

    [Theory]
    [InlineData("41/22", true, 41, 22)]
    [InlineData("05/23", true, 5, 23)]
    [InlineData("41/2022", false, 0, 0)]
    [InlineData("0/22", false, 0, 22)]
    [InlineData("forty-one", false, 0, 0)]
    [InlineData(null, false, 0, 0)]
    public void Minute_numbers_parse_only_in_their_printed_form(string? text, bool ok, int sequence, int year)
    {
        Assert.Equal(ok, MinuteNumbering.TryParse(text, out var s, out var y));
        if (ok)
        {
            Assert.Equal((sequence, year), (s, y));
        }
    }

    // --- Declarations ---------------------------------------------------------------------------------------------------

    private static Membership Seat(MembershipRole role, DateOnly from, DateOnly? to = null) =>
        new() { Role = role, StartsOn = from, EndsOn = to, BodyId = Panel.Id, PersonId = Guid.NewGuid() };

    [Fact]
    public void A_member_on_the_meeting_date_may_declare()
    {
        Declaration.CheckDeclarant([Seat(MembershipRole.CoOptedMember, new DateOnly(2022, 9, 8))], new DateOnly(2022, 11, 17));
        Declaration.CheckDeclarant([Seat(MembershipRole.Member, new DateOnly(2022, 6, 23), new DateOnly(2022, 11, 17))], new DateOnly(2022, 11, 17));
    }

    [Theory]
    [InlineData(MembershipRole.Member, "2022-11-18", null)]       // not yet a member
    [InlineData(MembershipRole.Member, "2022-06-23", "2022-11-16")] // left the day before
    [InlineData(MembershipRole.Officer, "2022-06-23", null)]       // officers are not members
    [InlineData(MembershipRole.AlsoPresent, "2022-06-23", null)]
    public void Anyone_else_may_not(MembershipRole role, string from, string? to)
    {
        var seat = Seat(role, DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));

        var refused = Assert.Throws<RuleViolation>(() => Declaration.CheckDeclarant([seat], new DateOnly(2022, 11, 17)));
        Assert.Equal("declarant-not-a-member", refused.Code);
        Assert.Throws<RuleViolation>(() => Declaration.CheckDeclarant([], new DateOnly(2022, 11, 17)));
    }

    // --- Panel decisions: the two-thirds veto -------------------------------------------------------------------------

    private static (List<Guid> Members, List<(Guid, VoteCast)> Votes) Vote(int inOffice, int votesFor, int against = 0)
    {
        var members = Enumerable.Range(0, inOffice).Select(_ => Guid.NewGuid()).ToList();
        var votes = members.Take(votesFor).Select(m => (m, VoteCast.For))
            .Concat(members.Skip(votesFor).Take(against).Select(m => (m, VoteCast.Against))).ToList();
        return (members, votes);
    }

    [Theory]
    [InlineData(15, 10, true)]
    [InlineData(15, 9, false)]
    [InlineData(12, 8, true)]
    [InlineData(12, 7, false)]
    [InlineData(10, 7, true)]
    [InlineData(10, 6, false)]
    public void A_veto_needs_two_thirds_of_the_members_in_office(int inOffice, int votesFor, bool vetoed)
    {
        var (members, votes) = Vote(inOffice, votesFor);

        var (outcome, counted, _, _) = PanelDecisions.Decide(DecisionKind.PreceptReview, MotionKind.Veto, members, votes);

        Assert.Equal(votesFor, counted);
        Assert.Equal(vetoed ? DecisionOutcome.Vetoed : DecisionOutcome.VetoNotCarried, outcome);
        Assert.Equal(vetoed, 3 * votesFor >= 2 * inOffice);
    }

    [Fact]
    public void Two_thirds_of_those_present_is_not_enough()
    {
        // 15 in office, 9 attend and all 9 vote to veto: unanimous in the room, still short of 10.
        var (members, votes) = Vote(15, 9);

        Assert.Equal(DecisionOutcome.VetoNotCarried, PanelDecisions.Decide(DecisionKind.SeniorAppointment, MotionKind.Veto, members, votes).Outcome);
        Assert.Equal(10, PanelDecisions.VetoThreshold(15));
    }

    [Fact]
    public void A_plan_variation_cannot_be_vetoed()
    {
        var (members, votes) = Vote(15, 15);

        Assert.Equal("veto-not-available", Assert.Throws<RuleViolation>(() =>
            PanelDecisions.Decide(DecisionKind.PlanVariationReview, MotionKind.Veto, members, votes)).Code);
        Assert.Equal(DecisionOutcome.Carried, PanelDecisions.Decide(DecisionKind.PlanVariationReview, MotionKind.Recommendations, members, votes).Outcome);
    }

    [Fact]
    public void Only_members_in_office_vote_and_each_once()
    {
        var (members, votes) = Vote(15, 10);

        Assert.Equal("voter-not-a-member", Assert.Throws<RuleViolation>(() =>
            PanelDecisions.Decide(DecisionKind.PreceptReview, MotionKind.Veto, members, [.. votes, (Guid.NewGuid(), VoteCast.For)])).Code);
        Assert.Equal("duplicate-vote", Assert.Throws<RuleViolation>(() =>
            PanelDecisions.Decide(DecisionKind.PreceptReview, MotionKind.Veto, members, [.. votes, (members[0], VoteCast.Against)])).Code);
    }

    [Fact]
    public void Other_motions_pass_by_a_simple_majority_of_those_voting()
    {
        var (members, votes) = Vote(15, 4, against: 3);

        Assert.Equal(DecisionOutcome.Carried, PanelDecisions.Decide(DecisionKind.PreceptReview, MotionKind.Support, members, votes).Outcome);
        var (_, tied) = Vote(15, 0);
        Assert.Equal(DecisionOutcome.NotCarried, PanelDecisions.Decide(DecisionKind.PreceptReview, MotionKind.Support, members, tied).Outcome);
    }

    // --- Part II visibility ---------------------------------------------------------------------------------------------

    private static ClaimsPrincipal User(params string[] roles) =>
        new(new ClaimsIdentity(roles.Select(r => new Claim("role", r)), "test", "name", "role"));

    [Theory]
    [InlineData(false)]
    [InlineData(false, Roles.OpccStaff)]
    [InlineData(false, Roles.Caseworker)]
    [InlineData(true, Roles.Clerk)]
    [InlineData(true, Roles.PanelMember)]
    [InlineData(true, Roles.Admin)]
    public void Part_II_is_for_the_clerk_and_panel_members_only(bool sees, params string[] roles)
    {
        var viewer = Viewer.From(User(roles));
        var meeting = PanelMeeting(London(2022, 11, 17));
        meeting.PublishAgenda(London(2022, 11, 9), null, 5);
        var exempt = new AgendaItem { Part = AgendaPart.PartII, ExemptionReason = "Paragraph 1 of Schedule 12A" };
        var open = new AgendaItem { Part = AgendaPart.PartI };

        Assert.Equal(sees, viewer.SeesExempt);
        Assert.Equal(sees, viewer.SeesItem(exempt, meeting));
        Assert.True(viewer.SeesItem(open, meeting));
        Assert.Equal(sees, viewer.SeesMinute(new Minute { IsExempt = true }, meeting));
        Assert.Equal(sees, viewer.SeesDocument(new Document { AgendaItem = exempt }, meeting));
        Assert.Equal(sees, viewer.SeesDocument(new Document { IsExempt = true }, meeting));
    }

    [Fact]
    public void The_public_sees_an_agenda_and_minutes_only_once_published()
    {
        var meeting = PanelMeeting(London(2022, 11, 17));
        var item = new AgendaItem { Part = AgendaPart.PartI };

        Assert.False(Viewer.Public.SeesItem(item, meeting));
        Assert.True(new Viewer(true).SeesItem(item, meeting));
        meeting.PublishAgenda(London(2022, 11, 9), null, 5);
        Assert.True(Viewer.Public.SeesItem(item, meeting));
        Assert.False(Viewer.Public.SeesMinute(new Minute(), meeting));
    }

    [Fact]
    public void A_Part_II_item_needs_its_exemption_reason_and_pages_run_forwards()
    {
        Assert.Equal("exemption-reason-required", Assert.Throws<RuleViolation>(() => AgendaItem.Check(AgendaPart.PartII, null, null, null)).Code);
        Assert.Equal("exemption-reason-for-public-item", Assert.Throws<RuleViolation>(() => AgendaItem.Check(AgendaPart.PartI, "Paragraph 3", null, null)).Code);
        Assert.Equal("page-range-backwards", Assert.Throws<RuleViolation>(() => AgendaItem.Check(AgendaPart.PartI, null, 28, 9)).Code);
        Assert.Equal("page-range-invalid", Assert.Throws<RuleViolation>(() => AgendaItem.Check(AgendaPart.PartI, null, null, 9)).Code);
        AgendaItem.Check(AgendaPart.PartI, null, 9, 28);
        AgendaItem.Check(AgendaPart.PartII, "Paragraph 1 of Schedule 12A to the Local Government Act 1972", 1, 1);
    }

    // --- Matters arising -----------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("2022-09-08", ActionStatus.Open, null, "2022-11-17", true)]
    [InlineData("2022-09-08", ActionStatus.InProgress, null, "2023-01-26", true)]
    [InlineData("2022-09-08", ActionStatus.Done, "2022-10-01", "2022-11-17", false)]
    [InlineData("2022-09-08", ActionStatus.Done, "2022-11-20", "2022-11-17", true)]  // done after that meeting: it was still arising then
    [InlineData("2022-11-17", ActionStatus.Open, null, "2022-11-17", false)]         // raised at this meeting, not arising at it
    public void An_action_is_a_matter_arising_at_later_meetings_until_done(string raised, ActionStatus status, string? completed, string meeting, bool arising)
    {
        static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(arising, MeetingAction.IsMatterArisingOn(D(raised), status, completed is null ? null : D(completed), D(meeting)));
    }

    // --- Formats -------------------------------------------------------------------------------------------------------

    [Fact]
    public void ICalendar_text_is_escaped()
    {
        Assert.Equal("Council Chamber\\, County Hall\\; Matlock\\nDerbyshire\\\\", ICalendarWriter.Escape("Council Chamber, County Hall; Matlock\nDerbyshire\\"));
    }

    [Fact]
    public void Pdf_pages_are_counted_from_page_objects()
    {
        var pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Pages /Count 2 >>\n2 0 obj << /Type /Page >>\n3 0 obj <</Type/Page/Parent 1 0 R>>\n%%EOF");

        Assert.Equal(2, PdfPages.Count(pdf));
        Assert.Null(PdfPages.Count("plain text"u8.ToArray()));
    }
}
