using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Grants;

/// <summary>
/// The return link given with a saved draft: it carries the applicant token, so it works on any browser; this page
/// keeps the token in that browser's cookie and moves on to the application, leaving the token out of the address bar.
/// </summary>
public sealed class ResumeModel(PanelApi api, IDataProtectionProvider protection) : PageModel
{
    public static string LinkFor(HttpRequest request, string token) =>
        $"{request.Scheme}://{request.Host}/grants/applications/resume?token={Uri.EscapeDataString(token)}";

    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken cancellationToken)
    {
        if (ApplicantCookies.ApplicationOf(token) is { } id &&
            await new GrantsApi(api).ApplicationAsync(id, token!, cancellationToken) is { Ok: true } application)
        {
            new ApplicantCookies(protection).Remember(HttpContext, id, application.Value!.RoundId, token!);
            return Redirect($"/grants/applications/{id}");
        }

        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
