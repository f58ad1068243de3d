using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PanelPlatform.Web.Pages.Alerts;

public sealed class ConfirmedModel : PageModel
{
    public string Channel { get; private set; } = "";

    public IActionResult OnGet()
    {
        if (TempData[ConfirmModel.ConfirmedChannel] is not string channel)
        {
            return Redirect("/alerts");
        }

        Channel = channel;
        return Page();
    }
}
