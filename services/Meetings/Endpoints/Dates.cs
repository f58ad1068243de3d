using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Meetings.Endpoints;

internal static class Dates
{
    public static DateOnly Today(this TimeProvider time) => UkTime.LondonDate(time.GetUtcNow());

    public static DateTimeOffset London(DateTimeOffset instant) => UkTime.ToLondon(instant);

    public static DateTimeOffset? London(DateTimeOffset? instant) => instant is { } i ? UkTime.ToLondon(i) : null;
}
