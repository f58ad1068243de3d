using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PanelPlatform.Web.SignIn;

namespace PanelPlatform.Web.Pages.Console;

/// <summary>Ends the site's session and the provider's, then lands on "You have signed out".</summary>
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => Redirect("/console");

    public IActionResult OnPost() => SignOut(
        new AuthenticationProperties { RedirectUri = StaffSignIn.SignedOutPage },
        CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme);
}
