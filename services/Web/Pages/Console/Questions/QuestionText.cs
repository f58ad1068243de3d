using Microsoft.AspNetCore.Mvc.Rendering;

namespace PanelPlatform.Web.Pages.Console.Questions;

/// <summary>The console's words for the Questions API's codes.</summary>
public static class QuestionText
{
    public static (string Text, string TagClass) Status(string status) => status switch
    {
        "submitted" => ("To moderate", "govuk-tag--blue"),
        "accepted" => ("Accepted", "govuk-tag--turquoise"),
        "answered" => ("Answer approved", "govuk-tag--purple"),
        "published" => ("Published", "govuk-tag--green"),
        "rejected" => ("Rejected", "govuk-tag--red"),
        "withdrawn" => ("Withdrawn", "govuk-tag--grey"),
        "needs-reassignment" => ("Needs a new meeting", "govuk-tag--orange"),
        "awaiting-confirmation" => ("Email not confirmed", "govuk-tag--grey"),
        _ => (Govuk.Display.Words(status), "govuk-tag--grey"),
    };

    public static readonly IReadOnlyList<(string Value, string Text)> Statuses =
    [
        ("submitted", "To moderate"),
        ("accepted", "Accepted, waiting for an answer"),
        ("answered", "Answer approved, not published"),
        ("published", "Published"),
        ("needs-reassignment", "Needs a new meeting"),
        ("rejected", "Rejected"),
        ("withdrawn", "Withdrawn"),
    ];

    public static readonly IReadOnlyList<(string Value, string Text)> Kinds =
    [
        ("public", "Public questions"),
        ("member", "Member questions"),
    ];

    /// <summary>The fixed reasons (services/Questions RejectionReason), as a moderator reads them.</summary>
    public static readonly IReadOnlyList<(string Value, string Text, string Hint)> RejectionReasons =
    [
        ("not-about-the-topic", "Not about the meeting's topic", "The question is not about the Police and Crime Plan priority this meeting scrutinises"),
        ("after-the-deadline", "Received after the deadline", "It arrived after the deadline for this meeting"),
        ("duplicate", "A duplicate", "It asks what another accepted question already asks"),
        ("individual-case-or-operational", "About an individual case or an operational matter", "For the police or the Commissioner's office to answer directly, not at a public meeting"),
        ("offensive-or-defamatory", "Offensive or defamatory", "It cannot be read out or published"),
    ];

    public static string Reason(string? code) => RejectionReasons.FirstOrDefault(r => r.Value == code).Text ?? Govuk.Display.Words(code);

    public static string Action(string action) => action switch
    {
        "submitted" => "Submitted",
        "email-confirmed" => "Email address confirmed",
        "accepted" => "Accepted",
        "rejected" => "Rejected",
        "withdrawn" => "Withdrawn",
        "answer-drafted" => "Answer written",
        "answer-approved" => "Answer approved",
        "published" => "Published",
        "needs-reassignment" => "Needs a new meeting",
        "reassigned" => "Moved to another meeting",
        _ => Govuk.Display.Words(action),
    };

    public static IEnumerable<SelectListItem> Options(IReadOnlyList<(string Value, string Text)> choices, string empty) =>
        new[] { new SelectListItem(empty, "") }.Concat(choices.Select(c => new SelectListItem(c.Text, c.Value)));
}
