using System.Globalization;

namespace PanelPlatform.Web.Govuk;

/// <summary>Dates, times, money and sizes as GOV.UK writes them, meeting times in Europe/London.</summary>
public static class Display
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateTimeOffset InLondon(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, London);

    /// <summary>17 November 2022</summary>
    public static string Date(DateTimeOffset instant) => InLondon(instant).ToString("d MMMM yyyy", English);

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", English);

    /// <summary>Thursday 17 November 2022</summary>
    public static string DayAndDate(DateTimeOffset instant) => InLondon(instant).ToString("dddd d MMMM yyyy", English);

    /// <summary>10am, 10:30am, 12pm (midday)</summary>
    public static string Time(DateTimeOffset instant)
    {
        var local = InLondon(instant);
        var hour = local.Hour % 12 == 0 ? 12 : local.Hour % 12;
        var suffix = local.Hour < 12 ? "am" : "pm";
        return local.Minute == 0
            ? $"{hour.ToString(CultureInfo.InvariantCulture)}{suffix}"
            : $"{hour.ToString(CultureInfo.InvariantCulture)}:{local.Minute.ToString("00", CultureInfo.InvariantCulture)}{suffix}";
    }

    /// <summary>Thursday 17 November 2022 at 10am</summary>
    public static string DateAndTime(DateTimeOffset instant) => $"{DayAndDate(instant)} at {Time(instant)}";

    /// <summary>£5,000 or £4,999.50</summary>
    public static string Money(decimal pounds) =>
        pounds == decimal.Truncate(pounds) ? pounds.ToString("£#,##0", English) : pounds.ToString("£#,##0.00", English);

    /// <summary>245 KB, 1.2 MB</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes.ToString(CultureInfo.InvariantCulture)} bytes",
        < 1024 * 1024 => $"{Math.Ceiling(bytes / 1024.0).ToString(CultureInfo.InvariantCulture)} KB",
        _ => $"{(bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture)} MB",
    };

    /// <summary>For &lt;time datetime="…"&gt;.</summary>
    public static string Machine(DateTimeOffset instant) => InLondon(instant).ToString("yyyy-MM-ddTHH:mmzzz", CultureInfo.InvariantCulture);

    /// <summary>"kebab-case-value" → "Kebab case value"</summary>
    public static string Words(string? kebab) =>
        string.IsNullOrEmpty(kebab) ? "" : char.ToUpperInvariant(kebab[0]) + kebab[1..].Replace('-', ' ');
}
