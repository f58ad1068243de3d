using PanelPlatform.Casework.Domain;

namespace PanelPlatform.Casework.Tests;

/// <summary>The time limits, worked by hand against the England and Wales calendar.</summary>
public sealed class ClockArithmeticTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static DateOnly? Due(DateOnly received, ClockTarget target, params PausePeriod[] pauses) => CaseClock.DueOn(received, target, pauses);

    [Fact]
    public void Acknowledgment_is_due_on_the_fifth_working_day_after_receipt()
    {
        // Tuesday 3 March 2026: Wed 4, Thu 5, Fri 6, Mon 9, Tue 10.
        Assert.Equal(D(2026, 3, 10), Due(D(2026, 3, 3), ClockTarget.WorkingDays(5)));
    }

    [Fact]
    public void A_case_received_at_the_weekend_counts_from_the_next_working_day()
    {
        // Saturday 10 January 2026: Mon 12 is day one, Fri 16 day five.
        Assert.Equal(D(2026, 1, 16), Due(D(2026, 1, 10), ClockTarget.WorkingDays(5)));
    }

    [Fact]
    public void Christmas_and_New_Year_substitute_days_do_not_count()
    {
        // Thursday 23 December 2027: Fri 24 (1); Christmas and Boxing Day fall at the weekend, so Mon 27 and Tue 28 are
        // bank holidays; Wed 29 (2), Thu 30 (3), Fri 31 (4); New Year's Day 2028 is a Saturday, so Mon 3 January is one
        // too; Tue 4 January (5).
        Assert.Equal(D(2028, 1, 4), Due(D(2027, 12, 23), ClockTarget.WorkingDays(5)));
    }

    [Fact]
    public void Twenty_working_days_skip_Good_Friday_and_Easter_Monday()
    {
        // Wednesday 25 March 2026; Good Friday 3 April and Easter Monday 6 April 2026 do not count.
        // 26, 27, 30, 31 Mar, 1, 2 Apr (6); 7-10 Apr (10); 13-17 (15); 20-24 (20).
        Assert.Equal(D(2026, 4, 24), Due(D(2026, 3, 25), ClockTarget.WorkingDays(20)));
    }

    [Fact]
    public void Early_May_and_the_moved_2020_holiday_do_not_count()
    {
        // Friday 1 May 2020: the early May bank holiday moved to Friday 8 May (VE Day).
        // Mon 4 (1), Tue 5 (2), Wed 6 (3), Thu 7 (4), [Fri 8], Mon 11 (5).
        Assert.Equal(D(2020, 5, 11), Due(D(2020, 5, 1), ClockTarget.WorkingDays(5)));
    }

    [Fact]
    public void Days_awaiting_information_do_not_count()
    {
        var received = D(2026, 2, 2); // Monday
        Assert.Equal(D(2026, 3, 2), Due(received, ClockTarget.WorkingDays(20)));

        // Asked on Monday 9 February, answered on Wednesday 11: Monday and Tuesday do not count.
        Assert.Equal(D(2026, 3, 4), Due(received, ClockTarget.WorkingDays(20), new PausePeriod(D(2026, 2, 9), D(2026, 2, 11))));
    }

    [Fact]
    public void A_pause_over_a_weekend_costs_only_its_working_days()
    {
        // Asked Friday 6 February, answered Monday 9: only the Friday is lost.
        Assert.Equal(D(2026, 3, 3), Due(D(2026, 2, 2), ClockTarget.WorkingDays(20), new PausePeriod(D(2026, 2, 6), D(2026, 2, 9))));
    }

    [Fact]
    public void A_pause_answered_the_same_day_costs_nothing()
    {
        Assert.Equal(D(2026, 3, 2), Due(D(2026, 2, 2), ClockTarget.WorkingDays(20), new PausePeriod(D(2026, 2, 9), D(2026, 2, 9))));
    }

    [Fact]
    public void Two_pauses_add_up()
    {
        Assert.Equal(D(2026, 3, 6), Due(D(2026, 2, 2), ClockTarget.WorkingDays(20),
            new PausePeriod(D(2026, 2, 9), D(2026, 2, 11)), new PausePeriod(D(2026, 2, 16), D(2026, 2, 18))));
    }

    [Fact]
    public void A_pause_after_the_deadline_does_not_rescue_a_late_case()
    {
        Assert.Equal(D(2026, 3, 2), Due(D(2026, 2, 2), ClockTarget.WorkingDays(20), new PausePeriod(D(2026, 3, 5), D(2026, 3, 10))));
    }

    [Fact]
    public void While_the_office_is_still_waiting_there_is_no_deadline()
    {
        Assert.Null(Due(D(2026, 2, 2), ClockTarget.WorkingDays(20), new PausePeriod(D(2026, 2, 9), null)));
        Assert.Null(Due(D(2025, 9, 3), ClockTarget.CalendarMonths(1), new PausePeriod(D(2025, 9, 10), null)));
    }

    [Fact]
    public void A_subject_access_request_is_due_on_the_corresponding_day_of_the_next_month()
    {
        // Wednesday 3 September 2025 → Friday 3 October 2025.
        Assert.Equal(D(2025, 10, 3), Due(D(2025, 9, 3), ClockTarget.CalendarMonths(1)));
    }

    [Fact]
    public void Thirty_first_of_January_plus_one_month_is_the_last_day_of_February()
    {
        Assert.Equal(D(2025, 2, 28), Due(D(2025, 1, 31), ClockTarget.CalendarMonths(1))); // a Friday
        Assert.Equal(D(2024, 2, 29), Due(D(2024, 1, 31), ClockTarget.CalendarMonths(1))); // a leap year's Thursday
    }

    [Fact]
    public void A_calendar_deadline_at_the_weekend_moves_to_the_next_working_day()
    {
        // 31 January 2026 + 1 month = Saturday 28 February 2026 → Monday 2 March.
        Assert.Equal(D(2026, 3, 2), Due(D(2026, 1, 31), ClockTarget.CalendarMonths(1)));
        // 25 April 2025 + 1 month = Sunday 25 May; Monday 26 May is the spring bank holiday → Tuesday 27 May.
        Assert.Equal(D(2025, 5, 27), Due(D(2025, 4, 25), ClockTarget.CalendarMonths(1)));
    }

    [Fact]
    public void A_complex_subject_access_request_has_two_further_months()
    {
        // 31 January 2025 + 3 months = Wednesday 30 April 2025 (April has no 31st).
        Assert.Equal(D(2025, 4, 30), Due(D(2025, 1, 31), ClockTarget.CalendarMonths(1).Plus(2)));
    }

    [Fact]
    public void A_calendar_clock_pauses_day_for_day()
    {
        // Asked 10 September, answered 15 September 2025: five days added to Friday 3 October → Wednesday 8 October.
        Assert.Equal(D(2025, 10, 8), Due(D(2025, 9, 3), ClockTarget.CalendarMonths(1), new PausePeriod(D(2025, 9, 10), D(2025, 9, 15))));
    }

    [Fact]
    public void An_FOI_public_interest_extension_adds_working_days()
    {
        // 25 March 2026 + 20 = Friday 24 April; + 10 more: 27 Apr-1 May (5), [Mon 4 May early May holiday], 5-8 May (9), Mon 11 May (10).
        Assert.Equal(D(2026, 5, 11), Due(D(2026, 3, 25), ClockTarget.WorkingDays(20).Plus(10)));
    }

    [Theory]
    [InlineData(2026, 4, 20, ClockState.OnTrack)] // Monday: 21, 22, 23, 24 left
    [InlineData(2026, 4, 21, ClockState.DueSoon)] // Tuesday: three working days left
    [InlineData(2026, 4, 24, ClockState.DueSoon)] // the day itself
    [InlineData(2026, 4, 25, ClockState.Breached)] // the Saturday after
    public void A_running_clock_is_on_track_due_soon_or_breached(int year, int month, int day, ClockState expected)
    {
        Assert.Equal(expected, CaseClock.StateOn(D(year, month, day), D(2026, 4, 24), null, dueSoonWorkingDays: 3));
    }

    [Fact]
    public void A_stopped_clock_was_met_or_missed_and_a_paused_one_is_paused()
    {
        Assert.Equal(ClockState.Met, CaseClock.StateOn(D(2026, 6, 1), D(2026, 4, 24), D(2026, 4, 24), 3));
        Assert.Equal(ClockState.Missed, CaseClock.StateOn(D(2026, 6, 1), D(2026, 4, 24), D(2026, 4, 27), 3));
        Assert.Equal(ClockState.Paused, CaseClock.StateOn(D(2026, 6, 1), null, null, 3));
    }

    [Fact]
    public void Working_days_left_count_down_through_holidays_and_below_zero()
    {
        Assert.Equal(3, CaseClock.WorkingDaysLeft(D(2026, 4, 1), D(2026, 4, 8))); // Thu 2, [Good Friday, weekend, Easter Monday], Tue 7, Wed 8
        Assert.Equal(0, CaseClock.WorkingDaysLeft(D(2026, 4, 24), D(2026, 4, 24)));
        Assert.Equal(-2, CaseClock.WorkingDaysLeft(D(2026, 4, 28), D(2026, 4, 24))); // Mon 27, Tue 28
    }

    [Fact]
    public void Time_taken_to_respond_leaves_out_paused_days()
    {
        Assert.Equal(20, CaseClock.WorkingDaysTaken(D(2026, 2, 2), D(2026, 3, 4), [new PausePeriod(D(2026, 2, 9), D(2026, 2, 11))]));
        Assert.Equal(0, CaseClock.WorkingDaysTaken(D(2026, 2, 2), D(2026, 2, 2), []));
    }

    [Theory]
    [InlineData(29, false)] // told 1 January, applied 29 January: the 28th day after
    [InlineData(30, true)]
    public void A_review_application_is_in_time_within_28_days_of_being_told(int appliedDay, bool late)
    {
        Assert.Equal(late, Case.IsLateReviewApplication(D(2026, 1, 1), D(2026, 1, appliedDay), new ClockPolicy()));
    }
}
