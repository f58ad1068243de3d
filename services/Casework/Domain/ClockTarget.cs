namespace PanelPlatform.Casework.Domain;

public enum ClockUnit
{
    WorkingDays,
    CalendarMonths,
}

/// <summary>A time limit: so many England and Wales working days, or so many calendar months.</summary>
public readonly record struct ClockTarget(ClockUnit Unit, int Amount)
{
    public static ClockTarget WorkingDays(int days) => new(ClockUnit.WorkingDays, days);

    public static ClockTarget CalendarMonths(int months) => new(ClockUnit.CalendarMonths, months);

    public ClockTarget Plus(int amount) => this with { Amount = Amount + amount };

    public override string ToString() => Unit == ClockUnit.WorkingDays
        ? $"{Amount} working day{(Amount == 1 ? "" : "s")}"
        : $"{Amount} calendar month{(Amount == 1 ? "" : "s")}";
}

/// <summary>
/// A stretch of days on which a clock did not run: from the day the office asked for information to the day before it
/// arrived. <see cref="Until"/> is the day the clock ran again (exclusive); null while still waiting.
/// </summary>
public readonly record struct PausePeriod(DateOnly From, DateOnly? Until)
{
    public bool Covers(DateOnly date) => date >= From && (Until is not { } until || date < until);
}
