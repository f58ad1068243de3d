using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Alerts;

/// <summary>"Delete your data": asks once, then erases the subscriber through the API.</summary>
public sealed class DeleteModel(PanelApi api) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public Subscriber? Subscriber { get; private set; }

    public LinkOutcome Outcome { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Page();
        }

        var erased = await new AlertsApi(api).EraseAsync(Token!, cancellationToken);
        if (!erased.Ok && !erased.NotFound)
        {
            ModelState.AddModelError("", erased.Problem?.Detail ?? "Your data could not be deleted. Try again.");
            return Page();
        }

        return Redirect("/alerts/deleted");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        (Subscriber, Outcome) = await OwnSubscription.ReadAsync(new AlertsApi(api), Token, cancellationToken);
        if (Outcome != LinkOutcome.Ready)
        {
            Response.StatusCode = OwnSubscription.StatusOf(Outcome);
            return false;
        }

        return true;
    }
}
