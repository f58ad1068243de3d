using Microsoft.AspNetCore.Mvc.Rendering;

namespace PanelPlatform.Web.Pages.Console.Meetings;

/// <summary>The console's words for the Meetings API's codes, and the choices its forms offer.</summary>
public static class ConsoleText
{
    /// <summary>A meeting's status as a GOV.UK tag.</summary>
    public static (string Text, string TagClass) Status(string status) => status switch
    {
        "scheduled" => ("Scheduled", "govuk-tag--grey"),
        "rescheduled" => ("Rescheduled", "govuk-tag--yellow"),
        "agenda-published" => ("Agenda published", "govuk-tag--blue"),
        "held" => ("Held", "govuk-tag--turquoise"),
        "minutes-drafted" => ("Minutes drafted", "govuk-tag--purple"),
        "minutes-confirmed" => ("Minutes confirmed", "govuk-tag--green"),
        "cancelled" => ("Cancelled", "govuk-tag--red"),
        _ => (Govuk.Display.Words(status), "govuk-tag--grey"),
    };

    public static readonly IReadOnlyList<(string Value, string Text)> ItemKinds =
    [
        ("business", "Business"),
        ("report", "Report"),
        ("apologies", "Apologies for absence"),
        ("declarations", "Declarations of interest"),
        ("minutes", "Minutes of the last meeting"),
        ("public-questions", "Public questions"),
        ("member-questions", "Member questions"),
        ("announcements", "Announcements"),
        ("forthcoming-events", "Forthcoming events"),
        ("work-programme", "Work programme"),
        ("date-of-next-meeting", "Date of next meeting"),
        ("any-other-business", "Any other business"),
        ("introductions", "Introductions"),
    ];

    public static readonly IReadOnlyList<(string Value, string Text)> DocumentKinds =
    [
        ("report", "Report"),
        ("agenda", "Agenda"),
        ("appendix", "Appendix"),
        ("minutes", "Minutes"),
        ("supplement", "Supplement"),
        ("presentation", "Presentation"),
        ("other", "Other"),
    ];

    public static readonly IReadOnlyList<(string Value, string Text)> AttendanceKinds =
    [
        ("present", "Present"),
        ("in-the-chair", "In the chair"),
        ("apologies", "Apologies"),
        ("also-present", "Also present"),
        ("officer-present", "Officer present"),
        ("absent", "Absent"),
    ];

    public static readonly IReadOnlyList<(string Value, string Text)> DeclarationKinds =
    [
        ("disclosable-pecuniary", "Disclosable pecuniary interest"),
        ("other-registrable", "Other registrable interest"),
        ("non-registrable", "Non-registrable interest"),
        ("personal", "Personal interest"),
        ("prejudicial", "Prejudicial interest"),
    ];

    public static string TextOf(IReadOnlyList<(string Value, string Text)> choices, string? value) =>
        choices.FirstOrDefault(c => c.Value == value).Text ?? Govuk.Display.Words(value);

    public static IEnumerable<SelectListItem> Options(IReadOnlyList<(string Value, string Text)> choices, string? empty = null) =>
        (empty is null ? [] : new[] { new SelectListItem(empty, "") }).Concat(choices.Select(c => new SelectListItem(c.Text, c.Value)));

    /// <summary>"application/pdf" → "PDF".</summary>
    public static string FileType(string contentType) => contentType switch
    {
        "application/pdf" => "PDF",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => "Word document",
        "application/msword" => "Word document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => "Excel spreadsheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation" => "PowerPoint presentation",
        "text/plain" => "Text file",
        "text/csv" => "CSV file",
        "image/png" => "PNG image",
        "image/jpeg" => "JPEG image",
        _ => contentType,
    };
}
