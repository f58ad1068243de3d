using System.Net.Mail;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PanelPlatform.ServiceDefaults.Time;
using PanelPlatform.Web.Gateway;
using PanelPlatform.Web.Govuk;

namespace PanelPlatform.Web.Pages.Contact;

public sealed class ContactInput
{
    public string? Type { get; set; }

    public DateParts? ToldOn { get; set; } = new();

    public string? Summary { get; set; }

    public string? Description { get; set; }

    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? Address { get; set; }
}

/// <summary>The Casework API's receipt for a public submission.</summary>
public sealed record Receipt(
    string Reference, DateTimeOffset ReceivedAt, bool AcknowledgmentSent, DateOnly AcknowledgeBy, DateOnly? RespondBy, string RespondWithin);

/// <summary>What the confirmation page shows, carried to it in TempData.</summary>
public sealed record Sent(string Type, string Email, Receipt Receipt);

/// <summary>Write to the Commissioner's office or complain: the form opens a case, and its reference is shown.</summary>
public sealed class IndexModel(PanelApi api, TimeProvider time) : PageModel
{
    public const string SentKey = "contact-sent";
    public const int SummaryMax = 200;
    public const int DescriptionMax = 5000;

    /// <summary>What a message can be about, as the Casework API names it, with what the page says of each.</summary>
    public static readonly IReadOnlyList<(string Value, string Label, string Hint)> Kinds =
    [
        ("correspondence", "Writing to the Commissioner or their office", "A question, a comment, an idea or a request for information"),
        ("complaint-chief-constable", "A complaint about the Chief Constable", "Complaints about other police officers and staff go to Derbyshire Constabulary"),
        ("complaint-review", "A review of how your complaint about the police was handled",
            "If you are unhappy with the outcome of a complaint you made to Derbyshire Constabulary. Apply within 28 days of being told the outcome"),
        ("complaint-about-pcc", "A complaint about the Police and Crime Commissioner", "The Police and Crime Panel deals with these"),
    ];

    private static readonly FieldProblems Fields = new FieldProblems()
        .Field("type", "Input.Type", "Select what your message is about")
        .Field("forceOutcomeNotifiedOn", "Input.ToldOn", "Enter the date you were told the outcome of your complaint")
        .Field("summary", "Input.Summary", $"Enter a subject, in {SummaryMax} characters or fewer")
        .Field("description", "Input.Description", $"Enter your message, in {DescriptionMax:N0} characters or fewer")
        .Field("name", "Input.Name", "Enter your full name")
        .Field("email", "Input.Email", "Enter an email address in the correct format, like name@example.com")
        .Field("phone", "Input.Phone", "Enter a telephone number, like 01629 580000 or 07700 900982")
        .Field("address", "Input.Address", "Enter your address in 500 characters or fewer");

    /// <summary>The form's fields in the order it asks them, for the error summary.</summary>
    public static readonly IReadOnlyList<string> ErrorOrder =
        ["Input.Type", "Input.ToldOn", "Input.Summary", "Input.Description", "Input.Name", "Input.Email", "Input.Phone", "Input.Address"];

    [BindProperty]
    public ContactInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var input = Input;
        static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        void Error(string property, string message) => ModelState.AddModelError($"Input.{property}", message);

        if (!Kinds.Any(k => k.Value == input.Type))
        {
            Error(nameof(input.Type), "Select what your message is about");
        }

        DateOnly? toldOn = null;
        if (input.Type == "complaint-review")
        {
            var (date, error) = (input.ToldOn ?? new DateParts()).Read("The date you were told the outcome", required: true,
                "Enter the date you were told the outcome of your complaint");
            if (error is not null)
            {
                Error(nameof(input.ToldOn), error);
            }
            else if (date > UkTime.LondonDate(time.GetUtcNow()))
            {
                Error(nameof(input.ToldOn), "The date you were told the outcome must be today or in the past");
            }
            else
            {
                toldOn = date;
            }
        }

        if (Clean(input.Summary) is not { } summary)
        {
            Error(nameof(input.Summary), "Enter a subject");
        }
        else if (summary.Length > SummaryMax)
        {
            Error(nameof(input.Summary), $"Subject must be {SummaryMax} characters or fewer");
        }

        if (Clean(input.Description) is not { } description)
        {
            Error(nameof(input.Description), "Enter your message");
        }
        else if (description.Length > DescriptionMax)
        {
            Error(nameof(input.Description), $"Your message must be {DescriptionMax:N0} characters or fewer");
        }

        if (Clean(input.Name) is not { } name)
        {
            Error(nameof(input.Name), "Enter your full name");
        }
        else if (name.Length > 200)
        {
            Error(nameof(input.Name), "Name must be 200 characters or fewer");
        }

        var email = Clean(input.Email);
        if (email is null)
        {
            Error(nameof(input.Email), "Enter your email address");
        }
        else if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !parsed.Host.Contains('.', StringComparison.Ordinal))
        {
            Error(nameof(input.Email), "Enter an email address in the correct format, like name@example.com");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var submitted = await api.PostAsync<Receipt>("api/casework/public/submissions", new
        {
            type = input.Type,
            name = Clean(input.Name),
            email,
            phone = Clean(input.Phone),
            address = Clean(input.Address),
            summary = Clean(input.Summary),
            description = Clean(input.Description),
            forceOutcomeNotifiedOn = toldOn,
        }, cancellationToken);
        if (!submitted.Ok)
        {
            Fields.AddTo(ModelState, submitted.Problem!);
            return Page();
        }

        TempData[SentKey] = JsonSerializer.Serialize(new Sent(input.Type!, email!, submitted.Value!), PanelApi.Json);
        return Redirect("/contact/confirmation");
    }
}
