using System.Globalization;
using System.Text;
using PanelPlatform.Meetings.Domain;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Meetings.Feeds;

/// <summary>
/// An RFC 5545 calendar of a body's meetings: one VEVENT per meeting with a stable UID, SEQUENCE bumped on every move
/// or cancellation, STATUS:CANCELLED for cancelled meetings, times in Europe/London with its VTIMEZONE.
/// </summary>
public static class ICalendarWriter
{
    public const string UidDomain = "meetings.panel-platform.uk";

    // Europe/London since 1996: BST from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.
    private static readonly string[] LondonTimeZone =
    [
        "BEGIN:VTIMEZONE",
        "TZID:Europe/London",
        "X-LIC-LOCATION:Europe/London",
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0000",
        "TZOFFSETTO:+0100",
        "TZNAME:BST",
        "DTSTART:19810329T010000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0000",
        "TZNAME:GMT",
        "DTSTART:19961027T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ];

    public static string Uid(Guid meetingId) => $"{meetingId}@{UidDomain}";

    public static string Write(Body body, IEnumerable<Meeting> meetings, Func<Guid, string> urlOf)
    {
        var text = new StringBuilder();
        Line(text, "BEGIN:VCALENDAR");
        Line(text, "VERSION:2.0");
        Line(text, "PRODID:-//Panel Platform//Meetings//EN");
        Line(text, "CALSCALE:GREGORIAN");
        Line(text, "METHOD:PUBLISH");
        Line(text, $"X-WR-CALNAME:{Escape(body.Name)}");
        Line(text, "X-WR-TIMEZONE:Europe/London");
        foreach (var line in LondonTimeZone)
        {
            Line(text, line);
        }

        foreach (var meeting in meetings)
        {
            Line(text, "BEGIN:VEVENT");
            Line(text, $"UID:{Uid(meeting.Id)}");
            Line(text, $"DTSTAMP:{Utc(meeting.UpdatedAt)}");
            Line(text, $"LAST-MODIFIED:{Utc(meeting.UpdatedAt)}");
            Line(text, $"CREATED:{Utc(meeting.CreatedAt)}");
            Line(text, $"DTSTART;TZID=Europe/London:{London(meeting.StartsAt)}");
            if (meeting.EndsAt is { } end)
            {
                Line(text, $"DTEND;TZID=Europe/London:{London(end)}");
            }

            Line(text, $"SEQUENCE:{meeting.Sequence.ToString(CultureInfo.InvariantCulture)}");
            Line(text, $"STATUS:{(meeting.IsCancelled ? "CANCELLED" : "CONFIRMED")}");
            Line(text, $"SUMMARY:{Escape((meeting.IsCancelled ? "CANCELLED: " : "") + meeting.Title)}");
            Line(text, $"LOCATION:{Escape(meeting.IsVirtual ? meeting.Location ?? "Virtual meeting" : meeting.Location ?? "")}");
            var description = meeting.Status switch
            {
                MeetingStatus.Cancelled => $"Cancelled: {meeting.StatusReason}",
                MeetingStatus.Rescheduled => $"Rescheduled: {meeting.StatusReason}",
                _ => $"{body.Name}",
            };
            Line(text, $"DESCRIPTION:{Escape(description)}");
            Line(text, $"URL:{urlOf(meeting.Id)}");
            Line(text, "TRANSP:OPAQUE");
            Line(text, "END:VEVENT");
        }

        Line(text, "END:VCALENDAR");
        return text.ToString();
    }

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string London(DateTimeOffset instant) => UkTime.ToLondon(instant).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    /// <summary>TEXT values escape backslash, semicolon, comma and newline (RFC 5545 3.3.11).</summary>
    public static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "", StringComparison.Ordinal);

    /// <summary>Content lines end CRLF and fold at 75 octets, never inside a UTF-8 sequence (RFC 5545 3.1).</summary>
    private static void Line(StringBuilder text, string line)
    {
        var bytes = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (bytes + size > limit)
            {
                text.Append("\r\n ");
                bytes = 1;
                limit = 75;
            }

            text.Append(rune.ToString());
            bytes += size;
        }

        text.Append("\r\n");
    }
}
