using Microsoft.AspNetCore.Mvc.RazorPages;
using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Web.Pages.Console;

public sealed class IndexModel : PageModel
{
    public IReadOnlyList<string> Roles { get; private set; } = [];

    public void OnGet() =>
        Roles = [.. User.FindAll(AuthOptions.RoleClaim).Select(c => Govuk.Display.Words(c.Value))];
}
