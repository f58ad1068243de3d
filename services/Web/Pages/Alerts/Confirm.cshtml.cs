using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Alerts;

/// <summary>
/// Where the confirmation link lands. Opening it changes nothing (mail scanners open links); pressing the button
/// confirms, through the API, the address the link was sent to.
/// </summary>
public sealed class ConfirmModel(PanelApi api) : PageModel
{
    /// <summary>TempData key: the channel just confirmed.</summary>
    public const string ConfirmedChannel = "alerts-confirmed";

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public LinkOutcome Outcome { get; private set; } = LinkOutcome.Ready;

    public IActionResult OnGet()
    {
        if (string.IsNullOrWhiteSpace(Token))
        {
            Outcome = LinkOutcome.Invalid;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Token))
        {
            return OnGet();
        }

        var confirmed = await new AlertsApi(api).ConfirmAsync(Token, cancellationToken);
        if (confirmed.Ok)
        {
            TempData[ConfirmedChannel] = confirmed.Value!.Channel;
            return Redirect("/alerts/confirmed");
        }

        (Outcome, Response.StatusCode) = confirmed.Status switch
        {
            StatusCodes.Status422UnprocessableEntity => (LinkOutcome.Expired, StatusCodes.Status410Gone),
            StatusCodes.Status404NotFound => (LinkOutcome.Gone, StatusCodes.Status404NotFound),
            StatusCodes.Status409Conflict => (LinkOutcome.NothingToDo, StatusCodes.Status409Conflict),
            _ => (LinkOutcome.Invalid, StatusCodes.Status400BadRequest),
        };
        return Page();
    }
}
