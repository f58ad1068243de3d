using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using PanelPlatform.Identity.Data;
using PanelPlatform.ServiceDefaults.Auth;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace PanelPlatform.Identity.Server;

/// <summary>
/// The principal OpenIddict turns into tokens: <c>sub</c>, <c>name</c>, <c>email</c> and one <c>role</c> per role,
/// read afresh from the database at every sign-in and refresh (a removed role is gone at the next refresh).
/// </summary>
public sealed class StaffPrincipalFactory(UserManager<StaffUser> users)
{
    public async Task<ClaimsPrincipal> CreateAsync(StaffUser user, ImmutableArray<string> scopes)
    {
        var identity = new ClaimsIdentity(
            authenticationType: "panel-identity", nameType: AuthOptions.NameClaim, roleType: AuthOptions.RoleClaim);
        identity.SetClaim(Claims.Subject, user.Id)
            .SetClaim(Claims.Name, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email : user.DisplayName)
            .SetClaim(Claims.Email, user.Email)
            .SetClaims(Claims.Role, [.. (await users.GetRolesAsync(user)).Where(r => Roles.All.Contains(r)).Order(StringComparer.Ordinal)]);

        identity.SetScopes(scopes);
        // The services validate audience panel-platform (AuthOptions.DefaultAudience); OpenIddict makes the access
        // token's aud from the principal's resources.
        identity.SetResources(AuthOptions.DefaultAudience);
        identity.SetDestinations(DestinationsOf);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The staff console is first-party: name, email and roles go into the id token as well as the access token.</summary>
    private static IEnumerable<string> DestinationsOf(Claim claim) => claim.Type switch
    {
        Claims.Subject or Claims.Name or Claims.Email or Claims.Role => [Destinations.AccessToken, Destinations.IdentityToken],
        _ => [Destinations.AccessToken],
    };
}
