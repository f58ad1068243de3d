using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.ServiceDefaults.Tests.Time;

public sealed class WorkingDaysTests
{
    // The published gov.uk lists for England and Wales.
    [Theory]
    [InlineData(2020, "2020-01-01 2020-04-10 2020-04-13 2020-05-08 2020-05-25 2020-08-31 2020-12-25 2020-12-28")]
    [InlineData(2022, "2022-01-03 2022-04-15 2022-04-18 2022-05-02 2022-06-02 2022-06-03 2022-08-29 2022-09-19 2022-12-26 2022-12-27")]
    [InlineData(2023, "2023-01-02 2023-04-07 2023-04-10 2023-05-01 2023-05-08 2023-05-29 2023-08-28 2023-12-25 2023-12-26")]
    [InlineData(2026, "2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31 2026-12-25 2026-12-28")]
    [InlineData(2027, "2027-01-01 2027-03-26 2027-03-29 2027-05-03 2027-05-31 2027-08-30 2027-12-27 2027-12-28")]
    public void Bank_holidays_match_the_published_list(int year, string expected)
    {
        var dates = expected.Split(' ').Select(DateOnly.Parse).ToHashSet();

        Assert.Equal(dates.Order(), WorkingDays.BankHolidays(year).Order());
    }

    [Fact]
    public void The_agenda_for_the_Panel_of_17_November_2022_was_due_by_9_November()
    {
        var meeting = new DateOnly(2022, 11, 17);

        var deadline = WorkingDays.LatestWorkingDayWithClearDaysBefore(meeting, 5);

        Assert.Equal(new DateOnly(2022, 11, 9), deadline);
        Assert.Equal(5, WorkingDays.ClearDaysBetween(deadline, meeting));
        Assert.Equal(4, WorkingDays.ClearDaysBetween(deadline.AddDays(1), meeting));
    }

    [Fact]
    public void Christmas_and_New_Year_push_a_January_deadline_back_into_December()
    {
        // Thursday 5 January 2023: 2 January and 26–27 December 2022 were bank holidays.
        Assert.Equal(new DateOnly(2022, 12, 23), WorkingDays.LatestWorkingDayWithClearDaysBefore(new DateOnly(2023, 1, 5), 5));
    }

    [Fact]
    public void Adding_working_days_skips_weekends_and_holidays()
    {
        // Received Thursday 14 April 2022: Good Friday and Easter Monday do not count.
        Assert.Equal(new DateOnly(2022, 4, 25), WorkingDays.Add(new DateOnly(2022, 4, 14), 5));
        Assert.Equal(new DateOnly(2022, 4, 14), WorkingDays.Add(new DateOnly(2022, 4, 25), -5));
        Assert.Equal(new DateOnly(2022, 4, 14), WorkingDays.Add(new DateOnly(2022, 4, 14), 0));
    }

    [Theory]
    [InlineData("2022-09-19", false)] // the Queen's funeral
    [InlineData("2023-05-08", false)] // the Coronation
    [InlineData("2022-11-17", true)]
    [InlineData("2022-11-19", false)] // a Saturday
    public void Working_day_or_not(string date, bool working) => Assert.Equal(working, WorkingDays.IsWorkingDay(DateOnly.Parse(date)));

    [Fact]
    public void London_time_follows_British_Summer_Time()
    {
        // Clocks went forward at 01:00 UTC on 26 March 2023 and back at 01:00 UTC on 29 October 2023.
        Assert.Equal(TimeSpan.Zero, UkTime.ToLondon(new DateTimeOffset(2023, 3, 26, 0, 59, 0, TimeSpan.Zero)).Offset);
        Assert.Equal(TimeSpan.FromHours(1), UkTime.ToLondon(new DateTimeOffset(2023, 3, 26, 1, 0, 0, TimeSpan.Zero)).Offset);
        Assert.Equal(new DateTimeOffset(2023, 11, 8, 10, 0, 0, TimeSpan.Zero), UkTime.FromLondon(new DateOnly(2023, 11, 8), new TimeOnly(10, 0)));
        Assert.Equal(new DateTimeOffset(2023, 7, 4, 9, 0, 0, TimeSpan.Zero), UkTime.FromLondon(new DateOnly(2023, 7, 4), new TimeOnly(10, 0)));
    }
}
