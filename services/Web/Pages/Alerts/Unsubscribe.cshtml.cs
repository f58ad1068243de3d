using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Alerts;

/// <summary>
/// Where the unsubscribe link in a message's words lands: one button, which makes the same POST a mail client's
/// one-click unsubscribe makes. Opening the page changes nothing.
/// </summary>
public sealed class UnsubscribeModel(PanelApi api) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public bool Invalid { get; private set; }

    public IActionResult OnGet()
    {
        if (string.IsNullOrWhiteSpace(Token))
        {
            return Refuse();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Token))
        {
            return Refuse();
        }

        var status = await new AlertsApi(api).UnsubscribeAsync(Token, cancellationToken);
        return status is >= 200 and < 300 ? Redirect("/alerts/unsubscribed") : Refuse();
    }

    private PageResult Refuse()
    {
        Invalid = true;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
