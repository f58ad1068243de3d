using System.Globalization;
using System.Net.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using PanelPlatform.Web.Govuk;

namespace PanelPlatform.Web.Pages.Grants;

/// <summary>The answers of a grant application as the form holds them: as typed, so a wrong one can be shown again.</summary>
public sealed class ApplicationInput
{
    public string? OrganisationName { get; set; }

    public string? OrganisationType { get; set; }

    public string? CharityNumber { get; set; }

    public string? CompanyNumber { get; set; }

    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    public string? ProjectTitle { get; set; }

    public string? ProjectDescription { get; set; }

    public string? AmountRequested { get; set; }

    public List<string>? Areas { get; set; }

    public List<string>? Priorities { get; set; }

    public DateParts? StartDate { get; set; } = new();

    public DateParts? EndDate { get; set; } = new();

    public static ApplicationInput From(Application application) => new()
    {
        OrganisationName = application.Organisation.Name,
        OrganisationType = application.Organisation.Type,
        CharityNumber = application.Organisation.CharityNumber,
        CompanyNumber = application.Organisation.CompanyNumber,
        ContactName = application.Contact.Name,
        ContactEmail = application.Contact.Email,
        ContactPhone = application.Contact.Phone,
        ProjectTitle = application.ProjectTitle,
        ProjectDescription = application.ProjectDescription,
        AmountRequested = application.AmountRequested?.ToString("0.##", CultureInfo.InvariantCulture),
        Areas = [.. application.Areas],
        Priorities = [.. application.Priorities],
        StartDate = DateParts.From(application.StartDate),
        EndDate = DateParts.From(application.EndDate),
    };
}

/// <summary>
/// Starting and changing a draft share one form (<c>_ApplicationForm</c>): the fields, the page's own checks in GOV.UK
/// words, and where the Grants API's field errors go.
/// </summary>
public abstract class ApplicationFormPage : PageModel
{
    public const int TitleMax = 300;
    public const int DescriptionMax = 8000;

    [BindProperty]
    public ApplicationInput Input { get; set; } = new();

    /// <summary>Which button was pressed: <c>save</c> (save as draft) or <c>continue</c>.</summary>
    [BindProperty]
    public string? Button { get; set; }

    public Round Round { get; protected set; } = null!;

    /// <summary>The form's fields in the order it asks them, for the error summary.</summary>
    public static readonly IReadOnlyList<string> ErrorOrder =
    [
        .. new[]
        {
            nameof(ApplicationInput.OrganisationName), nameof(ApplicationInput.OrganisationType), nameof(ApplicationInput.CharityNumber),
            nameof(ApplicationInput.CompanyNumber), nameof(ApplicationInput.ContactName), nameof(ApplicationInput.ContactEmail),
            nameof(ApplicationInput.ContactPhone), nameof(ApplicationInput.ProjectTitle), nameof(ApplicationInput.ProjectDescription),
            nameof(ApplicationInput.AmountRequested), nameof(ApplicationInput.Areas), nameof(ApplicationInput.Priorities),
            nameof(ApplicationInput.StartDate), nameof(ApplicationInput.EndDate),
        }.Select(field => $"Input.{field}"),
    ];

    /// <summary>Where the Grants API's field names go on this form, and the page's words for its developer-speak.</summary>
    public static readonly FieldProblems Fields = new FieldProblems()
        .Field("organisation", "Input.OrganisationName", "Enter the name of your organisation")
        .Field("organisation.name", "Input.OrganisationName", "Enter the name of your organisation, in 200 characters or fewer")
        .Field("organisation.type", "Input.OrganisationType", "Select the type of organisation")
        .Field("organisation.charityNumber", "Input.CharityNumber", "Enter a registered charity number, like 1012345")
        .Field("organisation.companyNumber", "Input.CompanyNumber", "Enter a company number, like 08123456")
        .Field("contact", "Input.ContactName", "Enter the name of the person we should contact")
        .Field("contact.name", "Input.ContactName", "Enter the name of the person we should contact, in 200 characters or fewer")
        .Field("contact.email", "Input.ContactEmail", "Enter an email address in the correct format, like name@example.com")
        .Field("contact.phone", "Input.ContactPhone", "Enter a telephone number, like 01629 580000 or 07700 900982")
        .Field("projectTitle", "Input.ProjectTitle", "Enter a project title")
        .Field("projectDescription", "Input.ProjectDescription", "Describe your project")
        .Field("amountRequested", "Input.AmountRequested", "Enter how much you are applying for")
        .Field("areas", "Input.Areas", "Select the areas your project will serve")
        .Field("priorities", "Input.Priorities", "Select the Police and Crime Plan priorities your project serves")
        .Field("startDate", "Input.StartDate", "Enter the date your project will start")
        .Field("endDate", "Input.EndDate", "Enter the date your project will end, on or after its start");

    public IEnumerable<SelectListItem> OrganisationTypes =>
        Round.EligibleOrganisationTypes.Select(t => new SelectListItem(GrantWords.OrganisationType(t), t));

    public IEnumerable<SelectListItem> AreaItems => Round.Areas.Select(a => new SelectListItem(a, a));

    public IEnumerable<SelectListItem> PriorityItems => Round.Priorities.Select(p => new SelectListItem(p.Name, p.Slug));

    /// <summary>What the applicant gave, checked as far as saving a draft needs; null (with ModelState errors) when it cannot be saved.</summary>
    protected ApplicationRequest? Checked()
    {
        var input = Input;
        void Error(string property, string message) => ModelState.AddModelError($"Input.{property}", message);
        static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

        if (Clean(input.OrganisationName) is not { } organisation)
        {
            Error(nameof(input.OrganisationName), "Enter the name of your organisation");
        }
        else if (organisation.Length > 200)
        {
            Error(nameof(input.OrganisationName), "Organisation name must be 200 characters or fewer");
        }

        if (input.OrganisationType is null || !Round.EligibleOrganisationTypes.Contains(input.OrganisationType))
        {
            Error(nameof(input.OrganisationType), "Select the type of organisation");
        }

        if (Clean(input.ContactName) is not { } contact)
        {
            Error(nameof(input.ContactName), "Enter the name of the person we should contact");
        }
        else if (contact.Length > 200)
        {
            Error(nameof(input.ContactName), "Name must be 200 characters or fewer");
        }

        if (Clean(input.ContactEmail) is not { } email)
        {
            Error(nameof(input.ContactEmail), "Enter an email address");
        }
        else if (!LooksLikeEmail(email))
        {
            Error(nameof(input.ContactEmail), "Enter an email address in the correct format, like name@example.com");
        }

        if (Clean(input.ProjectTitle) is { Length: > TitleMax })
        {
            Error(nameof(input.ProjectTitle), $"Project title must be {TitleMax} characters or fewer");
        }

        if (Clean(input.ProjectDescription) is { Length: > DescriptionMax })
        {
            Error(nameof(input.ProjectDescription), $"Project description must be {DescriptionMax:N0} characters or fewer");
        }

        decimal? amount = null;
        if (Clean(input.AmountRequested) is { } typed)
        {
            var digits = typed.Replace("£", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Trim();
            if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var pounds) ||
                decimal.Round(pounds, 2) != pounds)
            {
                Error(nameof(input.AmountRequested), "Enter the amount in pounds, like 4500 or 4500.50");
            }
            else if (pounds <= 0)
            {
                Error(nameof(input.AmountRequested), "Amount must be more than £0");
            }
            else
            {
                amount = pounds;
            }
        }

        var (start, startError) = (input.StartDate ?? new DateParts()).Read("Start date", required: false, "");
        if (startError is not null)
        {
            Error(nameof(input.StartDate), startError);
        }

        var (end, endError) = (input.EndDate ?? new DateParts()).Read("End date", required: false, "");
        if (endError is not null)
        {
            Error(nameof(input.EndDate), endError);
        }
        else if (start is { } s && end is { } e && e < s)
        {
            Error(nameof(input.EndDate), "End date must be the same as or after the start date");
        }

        if (!ModelState.IsValid)
        {
            return null;
        }

        return new ApplicationRequest(
            new Organisation(Clean(input.OrganisationName), input.OrganisationType, Clean(input.CharityNumber), Clean(input.CompanyNumber)),
            new Contact(Clean(input.ContactName), Clean(input.ContactEmail), Clean(input.ContactPhone)),
            Clean(input.ProjectTitle), Clean(input.ProjectDescription), amount,
            [.. (input.Areas ?? []).Where(Round.Areas.Contains)], [.. (input.Priorities ?? []).Where(p => Round.Priorities.Any(x => x.Slug == p))],
            start, end);
    }

    /// <summary>Where the buttons go once the draft is saved.</summary>
    protected RedirectResult AfterSaving(Guid applicationId) =>
        Redirect(Button == "save" ? $"/grants/applications/{applicationId}/saved" : $"/grants/applications/{applicationId}");

    private static bool LooksLikeEmail(string email) =>
        MailAddress.TryCreate(email, out var address) && address.Address == email && address.Host.Contains('.', StringComparison.Ordinal);
}

/// <summary>What stops a draft being submitted, in the page's words, keyed as the Grants API keys its own (so both go the same way).</summary>
public static class SubmissionCheck
{
    public static Dictionary<string, string[]> MissingAnswers(Application application)
    {
        var missing = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Missing(string field, string message) => missing[field] = [message];
        if (string.IsNullOrWhiteSpace(application.ProjectTitle))
        {
            Missing("projectTitle", "Enter a project title");
        }

        if (string.IsNullOrWhiteSpace(application.ProjectDescription))
        {
            Missing("projectDescription", "Describe your project");
        }

        if (application.AmountRequested is null)
        {
            Missing("amountRequested", "Enter how much you are applying for");
        }

        if (application.Areas.Count == 0)
        {
            Missing("areas", "Select the areas your project will serve");
        }

        if (application.Priorities.Count == 0)
        {
            Missing("priorities", "Select the Police and Crime Plan priorities your project serves");
        }

        if (application.StartDate is null)
        {
            Missing("startDate", "Enter the date your project will start");
        }

        if (application.EndDate is null)
        {
            Missing("endDate", "Enter the date your project will end");
        }

        return missing;
    }
}
