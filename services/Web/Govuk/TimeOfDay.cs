using System.Globalization;

namespace PanelPlatform.Web.Govuk;

/// <summary>A time of day as a person types it into a console form.</summary>
public static class TimeOfDay
{
    /// <summary>"10:00", "10.30", "2:30pm", "14:30" as a time of day; null if it is none of those.</summary>
    public static TimeOnly? Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = text.Trim().ToLowerInvariant().Replace('.', ':').Replace(" ", "", StringComparison.Ordinal);
        var pm = value.EndsWith("pm", StringComparison.Ordinal);
        var am = value.EndsWith("am", StringComparison.Ordinal);
        if (pm || am)
        {
            value = value[..^2];
        }

        var parts = value.Split(':');
        if (parts.Length is < 1 or > 2 ||
            !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hour) ||
            (parts.Length == 2 && (parts[1].Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out _))))
        {
            return null;
        }

        var minute = parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 0;
        if ((pm || am) && hour is < 1 or > 12)
        {
            return null;
        }

        hour = pm && hour != 12 ? hour + 12 : am && hour == 12 ? 0 : hour;
        return hour is >= 0 and <= 23 && minute is >= 0 and <= 59 ? new TimeOnly(hour, minute) : null;
    }
}
