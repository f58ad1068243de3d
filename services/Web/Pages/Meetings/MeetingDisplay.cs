using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using PanelPlatform.Web.Govuk;

namespace PanelPlatform.Web.Pages.Meetings;

/// <summary>How the public pages word a meeting's place, status, deadlines, documents and text.</summary>
public static class MeetingDisplay
{
    public static string Where(string? location, bool isVirtual) =>
        (isVirtual, string.IsNullOrWhiteSpace(location)) switch
        {
            (true, true) => "Online",
            (true, false) => $"Online and at {location}",
            _ => location ?? "",
        };

    /// <summary>"Thursday 17 November 2022, 10am to 12:10pm" or "… at 10am".</summary>
    public static string When(DateTimeOffset startsAt, DateTimeOffset? endsAt) =>
        endsAt is { } end && Display.Date(end) == Display.Date(startsAt)
            ? $"{Display.DayAndDate(startsAt)}, {Display.Time(startsAt)} to {Display.Time(end)}"
            : Display.DateAndTime(startsAt);

    /// <summary>A status a resident needs told (the meeting will not happen as first announced), else null.</summary>
    public static (string Text, string TagClass)? Notice(string status) => status switch
    {
        "cancelled" => ("Cancelled", "govuk-tag--red"),
        "rescheduled" => ("Rescheduled", "govuk-tag--yellow"),
        _ => null,
    };

    /// <summary>
    /// A question deadline (the first instant too late) as the last minute that is in time:
    /// "11:59pm on Wednesday 9 November 2022".
    /// </summary>
    public static string Deadline(DateTimeOffset firstTooLate)
    {
        var last = firstTooLate.AddMinutes(-1);
        return $"{Display.Time(last)} on {Display.DayAndDate(last)}";
    }

    /// <summary>"PDF", "Word document" … for the GOV.UK attachment's metadata line; else the media type itself.</summary>
    public static string FileType(string contentType) => contentType.Split(';')[0].Trim().ToLowerInvariant() switch
    {
        "application/pdf" => "PDF",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" or "application/msword" => "Word document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" or "application/vnd.ms-excel" => "Excel spreadsheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation" or "application/vnd.ms-powerpoint" => "PowerPoint presentation",
        "application/vnd.oasis.opendocument.text" => "OpenDocument text",
        "text/csv" => "CSV",
        "text/plain" => "Plain text",
        "text/html" => "HTML",
        "image/png" => "PNG image",
        "image/jpeg" => "JPEG image",
        var other => other,
    };

    /// <summary>"PDF, 245 KB, 20 pages"</summary>
    public static string FileFacts(DocumentDetail document) =>
        string.Join(", ", new[]
        {
            FileType(document.ContentType),
            Display.Size(document.SizeBytes),
            document.PageCount is { } pages ? pages == 1 ? "1 page" : $"{pages:N0} pages" : null,
        }.Where(f => f is not null));

    /// <summary>Plain text from the API as paragraphs (blank lines between them), every character encoded.</summary>
    public static IHtmlContent Paragraphs(string? text, string cssClass = "govuk-body")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return HtmlString.Empty;
        }

        var paragraphs = text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => $"<p class=\"{cssClass}\">{HtmlEncoder.Default.Encode(p).Replace("&#xA;", "<br>", StringComparison.Ordinal)}</p>");
        return new HtmlString(string.Concat(paragraphs));
    }

    /// <summary>
    /// A search snippet: PostgreSQL's <c>ts_headline</c> marks the matched words with &lt;b&gt;…&lt;/b&gt;. Everything is
    /// encoded first, and only those two marks are turned back into markup, as &lt;mark&gt;.
    /// </summary>
    public static IHtmlContent Highlighted(string snippet)
    {
        var encoded = HtmlEncoder.Default.Encode(snippet)
            .Replace("&lt;b&gt;", "<mark class=\"site-highlight\">", StringComparison.Ordinal)
            .Replace("&lt;/b&gt;", "</mark>", StringComparison.Ordinal);
        var opened = CountOf(encoded, "<mark ");
        var closed = CountOf(encoded, "</mark>");
        return new HtmlString(opened == closed ? encoded : HtmlEncoder.Default.Encode(snippet.Replace("<b>", "", StringComparison.Ordinal).Replace("</b>", "", StringComparison.Ordinal)));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
