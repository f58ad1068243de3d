using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PanelPlatform.Web.Pages.Alerts;

public sealed class ManageLinkSentModel : PageModel
{
    public string Email { get; private set; } = "";

    public IActionResult OnGet()
    {
        if (TempData[ManageLinkModel.SentTo] is not string email)
        {
            return Redirect("/alerts/manage-link");
        }

        Email = email;
        return Page();
    }
}
