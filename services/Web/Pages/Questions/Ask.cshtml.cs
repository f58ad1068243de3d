using System.Net.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using PanelPlatform.Web.Gateway;
using PanelPlatform.Web.Govuk;
using PanelPlatform.Web.Pages.Meetings;

namespace PanelPlatform.Web.Pages.Questions;

/// <summary>
/// The public question form for one meeting: checked here in the Design System's words first, then by the Questions
/// API, whose problems are shown beside the fields they name. Success sends the resident to "check your email".
/// </summary>
public sealed class AskModel(PanelApi api) : PageModel
{
    public const int MaxQuestionLength = 1500;

    /// <summary>The API's field names → this form's.</summary>
    private static readonly Dictionary<string, string> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = "Input.Name",
        ["email"] = "Input.Email",
        ["postcode"] = "Input.Postcode",
        ["consentToPublishName"] = "Input.ConsentToPublishName",
        ["text"] = "Input.Text",
    };

    public sealed class QuestionForm
    {
        public string? Name { get; set; }

        public string? Email { get; set; }

        public string? Postcode { get; set; }

        /// <summary><c>yes</c> or <c>no</c>.</summary>
        public string? ConsentToPublishName { get; set; }

        public string? Text { get; set; }
    }

    public sealed record Receipt(Guid Id, string Status, Guid MeetingId, string MeetingTitle, DateTimeOffset Deadline, string Message);

    [BindProperty]
    public QuestionForm Input { get; set; } = new();

    public MeetingQuestions Meeting { get; private set; } = null!;

    public static IEnumerable<SelectListItem> ConsentChoices => [new("Yes", "yes"), new("No", "no")];

    public async Task<IActionResult> OnGetAsync(Guid meetingId, CancellationToken cancellationToken) =>
        await LoadAsync(meetingId, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(meetingId, cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        // Model binding's own messages ("The value '' is invalid") are not the Design System's: these replace them.
        ModelState.Clear();
        Check();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await api.PostAsync<Receipt>("api/questions", new
        {
            meetingId,
            name = Input.Name!.Trim(),
            email = Input.Email!.Trim(),
            postcode = string.IsNullOrWhiteSpace(Input.Postcode) ? null : Input.Postcode.Trim().ToUpperInvariant(),
            consentToPublishName = Input.ConsentToPublishName == "yes",
            text = Input.Text!.Trim(),
        }, cancellationToken);
        if (!result.Ok)
        {
            ModelState.AddApiProblem(result.Problem!, Fields);
            return Page();
        }

        TempData[CheckYourEmailModel.EmailKey] = Input.Email!.Trim();
        return RedirectToPage("CheckYourEmail", new { meetingId });
    }

    /// <summary>The meeting, or where to send the visitor instead: not found, or no longer taking questions.</summary>
    private async Task<IActionResult?> LoadAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        var meeting = await api.GetAsync<MeetingQuestions>($"api/questions/meetings/{meetingId}", cancellationToken);
        if (meeting.NotFound)
        {
            return NotFound();
        }

        Meeting = meeting.Required("the meeting's questions");
        return Meeting.OpenForPublicQuestions ? null : RedirectToPage("Closed", new { meetingId });
    }

    private void Check()
    {
        if (string.IsNullOrWhiteSpace(Input.Name))
        {
            ModelState.AddModelError("Input.Name", "Enter your name");
        }
        else if (Input.Name.Trim().Length > 200)
        {
            ModelState.AddModelError("Input.Name", "Your name must be 200 characters or fewer");
        }

        if (string.IsNullOrWhiteSpace(Input.Email))
        {
            ModelState.AddModelError("Input.Email", "Enter your email address");
        }
        else if (!LooksLikeEmail(Input.Email.Trim()))
        {
            ModelState.AddModelError("Input.Email", "Enter an email address in the correct format, like name@example.com");
        }

        if (Input.ConsentToPublishName is not ("yes" or "no"))
        {
            ModelState.AddModelError("Input.ConsentToPublishName", "Select yes if we can publish your name with your question");
        }

        if (string.IsNullOrWhiteSpace(Input.Text))
        {
            ModelState.AddModelError("Input.Text", "Enter your question");
        }
        else if (Input.Text.Trim().Length > MaxQuestionLength)
        {
            ModelState.AddModelError("Input.Text", $"Your question must be {MaxQuestionLength:N0} characters or fewer");
        }
    }

    private static bool LooksLikeEmail(string value) =>
        value.Length <= 254 && !value.Any(char.IsWhiteSpace) && MailAddress.TryCreate(value, out var address) &&
        address.Address == value && address.Host.Contains('.', StringComparison.Ordinal);
}
