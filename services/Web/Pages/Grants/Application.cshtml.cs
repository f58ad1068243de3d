using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Grants;

/// <summary>
/// The applicant's own application: their answers to check, with a link to change each, and the button that submits it
/// while the round is open. Only a browser holding the application's cookie (or arriving by its return link) sees it.
/// </summary>
public sealed class ApplicationModel(PanelApi api, IDataProtectionProvider protection) : PageModel
{
    private readonly GrantsApi _grants = new(api);

    public Application? Application { get; private set; }

    public Round Round { get; private set; } = null!;

    public string? ReturnLink { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (Application is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var draft = await LoadAsync(id, cancellationToken);
        if (Application is null || draft is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        if (!Application.IsDraft)
        {
            return Redirect($"/grants/applications/{id}");
        }

        // Missing answers in the page's words first; then what the Grants API finds (amounts, areas, eligibility).
        if (SubmissionCheck.MissingAnswers(Application) is { Count: > 0 } missing)
        {
            TempData[EditModel.SubmitProblems] = GrantWords.Serialise(missing);
            return Redirect($"/grants/applications/{id}/edit");
        }

        var submitted = await _grants.SubmitAsync(id, draft.Token, cancellationToken);
        if (submitted.Ok)
        {
            return Redirect($"/grants/applications/{id}/submitted");
        }

        if (submitted.Problem!.Errors.Count > 0)
        {
            TempData[EditModel.SubmitProblems] = GrantWords.Serialise(submitted.Problem.Errors);
            return Redirect($"/grants/applications/{id}/edit");
        }

        // The round is not open (yet, or any more), or it was submitted meanwhile: say so here.
        ModelState.AddModelError("", submitted.Problem.Status == StatusCodes.Status409Conflict && !Round.IsOpen
            ? Round.IsUpcoming
                ? $"You cannot submit your application until the round opens on {Govuk.Display.DateAndTime(Round.OpensAt)}"
                : $"You cannot submit your application because the round closed on {Govuk.Display.DateAndTime(Round.ClosesAt)}"
            : submitted.Problem.Detail ?? submitted.Problem.Title ?? "Your application could not be submitted. Try again.");
        return Page();
    }

    private async Task<ApplicantCookies.Draft?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var draft = new ApplicantCookies(protection).Find(HttpContext, id);
        if (draft is null)
        {
            return null;
        }

        var application = await _grants.ApplicationAsync(id, draft.Token, cancellationToken);
        if (!application.Ok)
        {
            return null;
        }

        Application = application.Value!;
        Round = (await _grants.RoundAsync(Application.RoundId, cancellationToken)).Required("the application's round");
        ReturnLink = ResumeModel.LinkFor(Request, draft.Token);
        return draft;
    }
}
