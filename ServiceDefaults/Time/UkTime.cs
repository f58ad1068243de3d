namespace PanelPlatform.ServiceDefaults.Time;

/// <summary>Meeting times are shown in Europe/London, with the offset in force on the day (GMT or BST).</summary>
public static class UkTime
{
    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateTimeOffset ToLondon(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, London);

    public static DateOnly LondonDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLondon(instant).DateTime);

    /// <summary>The instant a London wall-clock time denotes (for a time in the autumn's repeated hour, the first).</summary>
    public static DateTimeOffset FromLondon(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (London.IsInvalidTime(local))
        {
            local = local.AddHours(1); // the spring-forward gap does not exist on the clock
        }

        var offset = London.IsAmbiguousTime(local) ? London.GetAmbiguousTimeOffsets(local).Max() : London.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
