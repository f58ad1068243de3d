using System.Security.Claims;
using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Casework.Security;

/// <summary>Who may see a case's personal data (its subject and its free text): caseworkers, and admin.</summary>
public static class PersonalData
{
    public static bool MaySee(ClaimsPrincipal user) => user.IsInRole(Roles.Caseworker) || user.IsInRole(Roles.Admin);

    public static string SubjectOf(ClaimsPrincipal user) => user.FindFirst("sub")?.Value ?? "unknown";

    public static string NameOf(ClaimsPrincipal user) => user.FindFirst(AuthOptions.NameClaim)?.Value ?? SubjectOf(user);
}
