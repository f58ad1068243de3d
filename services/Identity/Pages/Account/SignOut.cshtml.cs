using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenIddict.Server.AspNetCore;
using PanelPlatform.Identity.Data;
using PanelPlatform.Identity.Server;

namespace PanelPlatform.Identity.Pages.Account;

/// <summary>
/// The end-session endpoint (OpenIddict has validated the request and passes it through): asks before signing out,
/// so that a link on another site cannot sign staff out; then ends the session here and returns to the client's
/// registered post-logout address.
/// </summary>
[AllowAnonymous]
public sealed class SignOutModel(SignInManager<StaffUser> signIn) : PageModel
{
    public string? SignedInAs { get; private set; }

    /// <summary>The end-session request's parameters, posted back with the confirmation.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var cookie = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!cookie.Succeeded)
        {
            // Nobody to sign out: straight back to the client.
            return SignOut(new AuthenticationProperties { RedirectUri = ServerPaths.SignedOut },
                OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        SignedInAs = cookie.Principal.Identity?.Name;
        Parameters = [.. Request.Query.SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? "")))];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return SignOut(new AuthenticationProperties { RedirectUri = ServerPaths.SignedOut },
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
