using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Grants;

/// <summary>A round: what it funds, who can apply, how much, when, how it is judged; and "Apply", or the draft already started here.</summary>
public sealed class RoundModel(PanelApi api, IDataProtectionProvider protection) : PageModel
{
    public Round Round { get; private set; } = null!;

    /// <summary>Applications to this round started on this browser.</summary>
    public IReadOnlyList<Application> Mine { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var grants = new GrantsApi(api);
        var round = await grants.RoundAsync(id, cancellationToken);
        if (round.NotFound)
        {
            return NotFound();
        }

        Round = round.Required("grant round");
        var mine = new List<Application>();
        foreach (var draft in new ApplicantCookies(protection).All(HttpContext).Where(d => d.RoundId == id))
        {
            if (await grants.ApplicationAsync(draft.ApplicationId, draft.Token, cancellationToken) is { Ok: true } application)
            {
                mine.Add(application.Value!);
            }
        }

        Mine = mine;
        return Page();
    }
}
