using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Notifications.Tests;

/// <summary>
/// The real clock moved forward by a settable offset, for the service's <see cref="TimeProvider"/>. Timers stay real
/// (the delivery worker, the outbox and the job loops keep their pace); only "now" moves. It only moves forward:
/// leases, retry times and ledger rows written at a later "now" would look far in the future if it went back.
/// </summary>
public sealed class MovableClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    /// <summary>Moves "now" to <paramref name="instant"/>, which must not be in the clock's past.</summary>
    public void MoveTo(DateTimeOffset instant)
    {
        var offset = instant - base.GetUtcNow();
        if (offset < Offset)
        {
            throw new InvalidOperationException($"The clock only moves forward: it is {GetUtcNow():O}, asked for {instant:O}.");
        }

        Interlocked.Exchange(ref _offsetTicks, offset.Ticks);
    }

    /// <summary>The next instant, after now and at least <paramref name="margin"/> ahead, at which London's clocks show <paramref name="time"/>.</summary>
    public DateTimeOffset NextLondon(TimeOnly time, TimeSpan margin)
    {
        var now = GetUtcNow();
        for (var day = UkTime.LondonDate(now); ; day = day.AddDays(1))
        {
            var candidate = UkTime.FromLondon(day, time);
            if (candidate >= now + margin)
            {
                return candidate;
            }
        }
    }

    /// <summary>The London date "now" falls on.</summary>
    public DateOnly LondonToday => UkTime.LondonDate(GetUtcNow());
}
