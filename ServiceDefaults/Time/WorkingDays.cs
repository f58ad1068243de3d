namespace PanelPlatform.ServiceDefaults.Time;

/// <summary>
/// England and Wales working days: Monday to Friday, less bank holidays (with their substitute days, and the
/// one-off holidays proclaimed for jubilees, a royal wedding, a state funeral and a coronation).
/// </summary>
public static class WorkingDays
{
    // Proclaimed one-offs, and the years a regular holiday was moved.
    private static readonly HashSet<DateOnly> OneOffs =
    [
        new(1999, 12, 31), new(2002, 6, 3), new(2011, 4, 29), new(2012, 6, 5),
        new(2022, 6, 3), new(2022, 9, 19), new(2023, 5, 8),
    ];

    private static readonly Dictionary<int, DateOnly> EarlyMayMoved = new() { [1995] = new(1995, 5, 8), [2020] = new(2020, 5, 8) };
    private static readonly Dictionary<int, DateOnly> SpringMoved = new()
    {
        [2002] = new(2002, 6, 4), [2012] = new(2012, 6, 4), [2022] = new(2022, 6, 2),
    };

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, IReadOnlySet<DateOnly>> ByYear = new();

    public static IReadOnlySet<DateOnly> BankHolidays(int year) => ByYear.GetOrAdd(year, Compute);

    public static bool IsBankHoliday(DateOnly date) => BankHolidays(date.Year).Contains(date);

    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsBankHoliday(date);

    /// <summary>The <paramref name="days"/>th working day after <paramref name="start"/> (a negative count goes back).</summary>
    public static DateOnly Add(DateOnly start, int days)
    {
        var step = days >= 0 ? 1 : -1;
        var date = start;
        for (var counted = 0; counted < Math.Abs(days);)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>Working days strictly between two dates ("clear" days: neither end counts).</summary>
    public static int ClearDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var date = from.AddDays(1); date < to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// The last working day that still leaves <paramref name="clearDays"/> clear working days before
    /// <paramref name="eventDate"/>: the deadline for an agenda or a question.
    /// </summary>
    public static DateOnly LatestWorkingDayWithClearDaysBefore(DateOnly eventDate, int clearDays)
    {
        var date = Add(eventDate, -clearDays).AddDays(-1);
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(-1);
        }

        return date;
    }

    private static IReadOnlySet<DateOnly> Compute(int year)
    {
        var days = new HashSet<DateOnly>();
        days.Add(NextWeekday(new DateOnly(year, 1, 1)));

        var easter = EasterSunday(year);
        days.Add(easter.AddDays(-2));
        days.Add(easter.AddDays(1));

        days.Add(EarlyMayMoved.GetValueOrDefault(year, FirstMonday(year, 5)));
        days.Add(SpringMoved.GetValueOrDefault(year, LastMonday(year, 5)));
        days.Add(LastMonday(year, 8));

        // Christmas and Boxing Day, each moved to the next weekday the other has not taken.
        var christmas = NextWeekday(new DateOnly(year, 12, 25));
        var boxing = NextWeekday(new DateOnly(year, 12, 26));
        if (boxing <= christmas)
        {
            boxing = NextWeekday(christmas.AddDays(1));
        }

        days.Add(christmas);
        days.Add(boxing);
        days.UnionWith(OneOffs.Where(d => d.Year == year));
        return days;
    }

    private static DateOnly NextWeekday(DateOnly date)
    {
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            date = date.AddDays(1);
        }

        return date;
    }

    private static DateOnly FirstMonday(int year, int month)
    {
        var date = new DateOnly(year, month, 1);
        while (date.DayOfWeek != DayOfWeek.Monday)
        {
            date = date.AddDays(1);
        }

        return date;
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var date = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        while (date.DayOfWeek != DayOfWeek.Monday)
        {
            date = date.AddDays(-1);
        }

        return date;
    }

    /// <summary>Western Easter (the anonymous Gregorian algorithm).</summary>
    internal static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
