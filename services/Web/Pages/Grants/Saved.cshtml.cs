using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Grants;

/// <summary>"Your application has been saved": how to come back to it, on this browser and on any other.</summary>
public sealed class SavedModel(PanelApi api, IDataProtectionProvider protection) : PageModel
{
    public Application Application { get; private set; } = null!;

    public Round Round { get; private set; } = null!;

    public string ReturnLink { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var grants = new GrantsApi(api);
        if (new ApplicantCookies(protection).Find(HttpContext, id) is not { } draft ||
            await grants.ApplicationAsync(id, draft.Token, cancellationToken) is not { Ok: true } application)
        {
            return Redirect($"/grants/applications/{id}");
        }

        Application = application.Value!;
        Round = (await grants.RoundAsync(Application.RoundId, cancellationToken)).Required("the application's round");
        ReturnLink = ResumeModel.LinkFor(Request, draft.Token);
        return Page();
    }
}
