using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Grants;

/// <summary>Changes a draft; also where a submission that was not ready comes back to, with what to put right beside each answer.</summary>
public sealed class EditModel(PanelApi api, IDataProtectionProvider protection) : ApplicationFormPage
{
    /// <summary>TempData key: the answers a submission found missing or wrong (API field → messages).</summary>
    public const string SubmitProblems = "grant-submit-problems";

    private readonly GrantsApi _grants = new(api);

    public Application Application { get; private set; } = null!;

    /// <summary>The page was reached from a submission that was not ready.</summary>
    public bool NotReady { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        Input = ApplicationInput.From(Application);
        if (TempData[SubmitProblems] is string problems)
        {
            NotReady = true;
            Fields.AddTo(ModelState, new ApiProblem(422, null, null, null, GrantWords.Deserialise(problems)));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        ModelState.Clear();
        if (Checked() is not { } request)
        {
            return Page();
        }

        var draft = new ApplicantCookies(protection).Find(HttpContext, id)!;
        var saved = await _grants.UpdateAsync(id, draft.Token, request, cancellationToken);
        if (!saved.Ok)
        {
            Fields.AddTo(ModelState, saved.Problem!);
            return Page();
        }

        return AfterSaving(id);
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (new ApplicantCookies(protection).Find(HttpContext, id) is not { } draft)
        {
            return Redirect($"/grants/applications/{id}");
        }

        var application = await _grants.ApplicationAsync(id, draft.Token, cancellationToken);
        if (!application.Ok)
        {
            return Redirect($"/grants/applications/{id}");
        }

        Application = application.Value!;
        if (!Application.IsDraft)
        {
            return Redirect($"/grants/applications/{id}");
        }

        Round = (await _grants.RoundAsync(Application.RoundId, cancellationToken)).Required("the application's round");
        return null;
    }
}
