using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Casework.Domain;

/// <summary>Where a clock stands on a given day. Computed every time it is asked for, never stored.</summary>
public enum ClockState
{
    OnTrack,
    DueSoon,
    Breached,
    Paused,
    Met,
    Missed,
}

/// <summary>
/// The arithmetic of the office's time limits. Working-day clocks start the day after receipt (day one is the first
/// working day after the day it arrived) and skip weekends and England and Wales bank holidays. Calendar-month clocks
/// (subject access) run to the corresponding date of the later month, or that month's last day when it has no such
/// date (31 January + 1 month = the last day of February), then to the next working day if that is not one. Days the
/// clock was paused (awaiting information) do not count, unless they fell after the deadline had already passed.
/// </summary>
public static class CaseClock
{
    /// <summary>The last day to act on, or null while the clock is paused (the deadline depends on when it runs again).</summary>
    public static DateOnly? DueOn(DateOnly receivedOn, ClockTarget target, IEnumerable<PausePeriod> pauses)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(target.Amount);
        var ordered = pauses.OrderBy(p => p.From).ToList();
        return target.Unit == ClockUnit.WorkingDays
            ? WorkingDaysDue(receivedOn, target.Amount, ordered)
            : CalendarMonthsDue(receivedOn, target.Amount, ordered);
    }

    private static DateOnly? WorkingDaysDue(DateOnly receivedOn, int days, List<PausePeriod> pauses)
    {
        var date = receivedOn;
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            var pause = pauses.FirstOrDefault(p => p.Covers(date));
            if (pause != default)
            {
                if (pause.Until is null)
                {
                    return null;
                }

                continue;
            }

            if (WorkingDays.IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    private static DateOnly? CalendarMonthsDue(DateOnly receivedOn, int months, List<PausePeriod> pauses)
    {
        // DateOnly.AddMonths keeps the day, or takes the month's last day when the month is shorter.
        var due = receivedOn.AddMonths(months);
        foreach (var pause in pauses)
        {
            if (pause.From > due)
            {
                break;
            }

            if (pause.Until is not { } until)
            {
                return null;
            }

            due = due.AddDays(until.DayNumber - pause.From.DayNumber);
        }

        while (!WorkingDays.IsWorkingDay(due))
        {
            due = due.AddDays(1);
        }

        return due;
    }

    /// <summary>Working days after <paramref name="today"/> up to and including <paramref name="dueOn"/> (0 when due today; negative once late).</summary>
    public static int WorkingDaysLeft(DateOnly today, DateOnly dueOn)
    {
        if (dueOn >= today)
        {
            return WorkingDays.ClearDaysBetween(today, dueOn) + (WorkingDays.IsWorkingDay(dueOn) && dueOn > today ? 1 : 0);
        }

        return -(WorkingDays.ClearDaysBetween(dueOn, today) + (WorkingDays.IsWorkingDay(today) ? 1 : 0));
    }

    /// <param name="stoppedOn">The day the clock stopped (acknowledged, responded, or closed without a response).</param>
    /// <param name="dueSoonWorkingDays">How close a deadline must be to count as due soon.</param>
    public static ClockState StateOn(DateOnly today, DateOnly? dueOn, DateOnly? stoppedOn, int dueSoonWorkingDays)
    {
        if (dueOn is not { } due)
        {
            return ClockState.Paused;
        }

        if (stoppedOn is { } stopped)
        {
            return stopped <= due ? ClockState.Met : ClockState.Missed;
        }

        if (today > due)
        {
            return ClockState.Breached;
        }

        return WorkingDaysLeft(today, due) <= dueSoonWorkingDays ? ClockState.DueSoon : ClockState.OnTrack;
    }

    /// <summary>
    /// Working days it took to respond, not counting days the clock was paused: the figure the Panel is given for
    /// "time to respond". A response on the day of receipt took 0.
    /// </summary>
    public static int WorkingDaysTaken(DateOnly receivedOn, DateOnly respondedOn, IEnumerable<PausePeriod> pauses)
    {
        var list = pauses.ToList();
        var count = 0;
        for (var date = receivedOn.AddDays(1); date <= respondedOn; date = date.AddDays(1))
        {
            if (WorkingDays.IsWorkingDay(date) && !list.Any(p => p.Covers(date)))
            {
                count++;
            }
        }

        return count;
    }
}
