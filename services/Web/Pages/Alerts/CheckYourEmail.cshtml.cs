using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PanelPlatform.Web.Pages.Alerts;

/// <summary>After signing up: the same page whether or not the address was already subscribed (nothing about anyone's membership shows).</summary>
public sealed class CheckYourEmailModel : PageModel
{
    public IReadOnlyList<string> SentTo { get; private set; } = [];

    public bool ToEmail => SentTo.Any(a => a.Contains('@', StringComparison.Ordinal));

    public bool ToMobile => SentTo.Any(a => !a.Contains('@', StringComparison.Ordinal));

    public IActionResult OnGet()
    {
        if (TempData[IndexModel.SentTo] is not string sentTo)
        {
            return Redirect("/alerts");
        }

        SentTo = sentTo.Split('\n');
        return Page();
    }
}
