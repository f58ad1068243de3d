using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Grants;

/// <summary>Starts an application: the first save makes the draft, whose applicant token the browser keeps in a cookie.</summary>
public sealed class ApplyModel(PanelApi api, IDataProtectionProvider protection) : ApplicationFormPage
{
    private readonly GrantsApi _grants = new(api);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notThere)
        {
            return notThere;
        }

        return Round.IsClosed ? Redirect($"/grants/rounds/{id}") : Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notThere)
        {
            return notThere;
        }

        ModelState.Clear(); // the page's own checks, in its own words, not the binder's
        if (Checked() is not { } request)
        {
            return Page();
        }

        var started = await _grants.StartAsync(id, request, cancellationToken);
        if (!started.Ok)
        {
            Fields.AddTo(ModelState, started.Problem!);
            return Page();
        }

        var application = started.Value!.Application;
        new ApplicantCookies(protection).Remember(HttpContext, application.Id, application.RoundId, started.Value.ApplicantToken);
        return AfterSaving(application.Id);
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var round = await _grants.RoundAsync(id, cancellationToken);
        if (round.NotFound)
        {
            return NotFound();
        }

        Round = round.Required("grant round");
        return null;
    }
}
