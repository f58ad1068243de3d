using PanelPlatform.Questions.Domain;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Questions.Tests.Rules;

/// <summary>Clear working days (England and Wales) before the meeting's date in London, across bank holidays and clock changes.</summary>
public sealed class DeadlineTests
{
    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void The_17_November_2022_Panel_takes_public_questions_until_the_end_of_Wednesday_9_November()
    {
        var meeting = At("2022-11-17T10:00:00+00:00");

        var deadline = Deadlines.For(meeting, 5);

        Assert.Equal(At("2022-11-10T00:00:00+00:00"), deadline);
        Assert.Equal("midnight at the end of Wednesday 9 November 2022", Deadlines.Describe(deadline));
        Assert.True(Deadlines.IsOnTime(At("2022-11-09T23:59:59+00:00"), meeting, 5));
        Assert.False(Deadlines.IsOnTime(At("2022-11-10T00:00:00+00:00"), meeting, 5));
    }

    [Fact]
    public void Member_questions_to_the_same_Panel_may_arrive_over_the_weekend_before_Monday_14_November()
    {
        var meeting = At("2022-11-17T10:00:00+00:00");

        // Mon 14, Tue 15 and Wed 16 are the three clear working days: Saturday and Sunday arrivals still leave them.
        Assert.Equal(At("2022-11-14T00:00:00+00:00"), Deadlines.For(meeting, 3));
        Assert.True(Deadlines.IsOnTime(At("2022-11-13T20:00:00+00:00"), meeting, 3));
        Assert.False(Deadlines.IsOnTime(At("2022-11-14T09:00:00+00:00"), meeting, 3));
    }

    [Fact]
    public void Christmas_and_Boxing_Day_are_not_working_days()
    {
        // Thursday 2 January 2025: 31 Dec, 30 Dec, 27 Dec, 24 Dec, 23 Dec (25, 26 Dec and 1 Jan are bank holidays).
        var meeting = At("2025-01-02T10:00:00+00:00");

        Assert.Equal(At("2024-12-23T00:00:00+00:00"), Deadlines.For(meeting, 5));
        Assert.True(Deadlines.IsOnTime(At("2024-12-21T11:00:00+00:00"), meeting, 5));
        Assert.False(Deadlines.IsOnTime(At("2024-12-23T09:00:00+00:00"), meeting, 5));
    }

    [Fact]
    public void Over_Easter_and_the_spring_clock_change_the_deadline_is_midnight_in_British_Summer_Time()
    {
        // Tuesday 9 April 2024 (BST from 31 March; Good Friday 29 March, Easter Monday 1 April):
        // the five clear days are 2, 3, 4, 5 and 8 April, so the question must arrive by the end of Easter Monday, London time.
        var meeting = At("2024-04-09T10:00:00+01:00");

        var deadline = Deadlines.For(meeting, 5);

        Assert.Equal(At("2024-04-01T23:00:00+00:00"), deadline);
        Assert.Equal(TimeSpan.FromHours(1), UkTime.ToLondon(deadline).Offset);
        Assert.True(Deadlines.IsOnTime(At("2024-04-01T22:30:00+00:00"), meeting, 5));  // 23:30 BST on Easter Monday
        Assert.False(Deadlines.IsOnTime(At("2024-04-01T23:30:00+00:00"), meeting, 5)); // 00:30 BST on Tuesday, still 1 April in UTC
    }

    [Fact]
    public void Across_the_autumn_clock_change_a_deadline_in_summer_time_serves_a_meeting_in_Greenwich_time()
    {
        // Tuesday 29 October 2024 (GMT from 27 October): clear days 22, 23, 24, 25 and 28 October.
        var meeting = At("2024-10-29T10:00:00+00:00");

        var deadline = Deadlines.For(meeting, 5);

        Assert.Equal(At("2024-10-21T23:00:00+00:00"), deadline);
        Assert.Equal("midnight at the end of Monday 21 October 2024", Deadlines.Describe(deadline));
        Assert.False(Deadlines.IsOnTime(At("2024-10-21T23:15:00+00:00"), meeting, 5));
    }

    [Fact]
    public void The_meeting_day_is_its_day_in_London_not_in_UTC()
    {
        // 23:30 UTC on Sunday 30 June 2024 is 00:30 BST on Monday 1 July: three clear days are 26, 27 and 28 June.
        var meeting = At("2024-06-30T23:30:00+00:00");

        Assert.Equal(At("2024-06-25T23:00:00+00:00"), Deadlines.For(meeting, 3));
    }

    [Fact]
    public void Zero_clear_days_means_before_the_meeting_day_begins()
    {
        Assert.Equal(At("2023-11-08T00:00:00+00:00"), Deadlines.For(At("2023-11-08T10:30:00+00:00"), 0));
    }

    [Fact]
    public void On_time_means_exactly_N_clear_working_days_between_arrival_and_meeting_for_every_day_of_four_years()
    {
        var checkedCount = 0;
        for (var meetingDate = new DateOnly(2022, 1, 3); meetingDate < new DateOnly(2026, 1, 1); meetingDate = meetingDate.AddDays(3))
        {
            var meeting = UkTime.FromLondon(meetingDate, new TimeOnly(10, 0));
            foreach (var clearDays in (int[])[3, 5])
            {
                for (var arrival = meetingDate.AddDays(-20); arrival < meetingDate; arrival = arrival.AddDays(1))
                {
                    foreach (var time in (TimeOnly[])[new(0, 0), new(12, 0), new(23, 59)])
                    {
                        var expected = WorkingDays.ClearDaysBetween(arrival, meetingDate) >= clearDays;
                        Assert.True(expected == Deadlines.IsOnTime(UkTime.FromLondon(arrival, time), meeting, clearDays),
                            $"arrival {arrival} {time}, meeting {meetingDate}, {clearDays} clear days: expected on time = {expected}");
                        checkedCount++;
                    }
                }
            }
        }

        Assert.True(checkedCount > 50_000);
    }

    [Fact]
    public void Each_body_may_set_its_own_number_of_clear_days()
    {
        var options = new QuestionsOptions
        {
            Bodies = { ["performance-scrutiny-meeting"] = new BodyRules { PublicClearDays = 7 } },
        };

        Assert.Equal(7, options.ClearDays("performance-scrutiny-meeting", QuestionKind.Public));
        Assert.Equal(3, options.ClearDays("performance-scrutiny-meeting", QuestionKind.Member));
        Assert.Equal(5, options.ClearDays("derbyshire-police-and-crime-panel", QuestionKind.Public));
        Assert.Equal(3, options.ClearDays("derbyshire-police-and-crime-panel", QuestionKind.Member));
    }
}
