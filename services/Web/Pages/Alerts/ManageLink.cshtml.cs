using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Alerts;

/// <summary>"Get a link to manage my alerts": the same answer whether or not the address is subscribed.</summary>
public sealed class ManageLinkModel(PanelApi api) : PageModel
{
    public const string SentTo = "alerts-manage-link-sent-to";

    [BindProperty]
    public string? Email { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var email = Email?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            ModelState.AddModelError(nameof(Email), "Enter your email address");
        }
        else if (!AlertPreferencesPage.LooksLikeEmail(email))
        {
            ModelState.AddModelError(nameof(Email), "Enter an email address in the correct format, like name@example.com");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var sent = await new AlertsApi(api).SendManageLinkAsync(email!, cancellationToken);
        if (!sent.Ok)
        {
            ModelState.AddModelError("", sent.Problem!.Detail ?? "The link could not be sent. Try again.");
            return Page();
        }

        TempData[SentTo] = email;
        return Redirect("/alerts/manage-link/sent");
    }
}
