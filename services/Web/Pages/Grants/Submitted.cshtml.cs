using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Grants;

/// <summary>The confirmation once an application is submitted.</summary>
public sealed class SubmittedModel(PanelApi api, IDataProtectionProvider protection) : PageModel
{
    public Application Application { get; private set; } = null!;

    public Round Round { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var grants = new GrantsApi(api);
        if (new ApplicantCookies(protection).Find(HttpContext, id) is not { } draft ||
            await grants.ApplicationAsync(id, draft.Token, cancellationToken) is not { Ok: true } application || application.Value!.IsDraft)
        {
            return Redirect($"/grants/applications/{id}");
        }

        Application = application.Value!;
        Round = (await grants.RoundAsync(Application.RoundId, cancellationToken)).Required("the application's round");
        return Page();
    }
}
