using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Contact;

/// <summary>The case reference, and what happens next with the office's time limits for this kind of case.</summary>
public sealed class ConfirmationModel : PageModel
{
    public Sent Sent { get; private set; } = null!;

    public IActionResult OnGet()
    {
        if (TempData[IndexModel.SentKey] is not string json || JsonSerializer.Deserialize<Sent>(json, PanelApi.Json) is not { } sent)
        {
            return Redirect("/contact");
        }

        Sent = sent;
        return Page();
    }
}
