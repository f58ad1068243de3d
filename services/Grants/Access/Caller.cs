using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Http;

namespace PanelPlatform.Grants.Access;

/// <summary>Who is asking about an application: a grants officer (or admin), or the holder of its applicant token.</summary>
public sealed record Caller(bool IsOfficer, string Id, string Name)
{
    public static bool IsOfficerUser(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && (user.IsInRole(Roles.GrantsOfficer) || user.IsInRole(Roles.Admin));

    public static string IdOf(ClaimsPrincipal user) => user.FindFirst("sub")?.Value ?? "unknown";

    public static string NameOf(ClaimsPrincipal user) => user.FindFirst(AuthOptions.NameClaim)?.Value ?? IdOf(user);

    /// <summary>
    /// The officer, or the token holder for <paramref name="applicationId"/>; otherwise the problem to answer with:
    /// 401 when no credentials were given at all, 403 when they were but do not reach this application.
    /// </summary>
    public static (Caller? Caller, ProblemHttpResult? Denied) For(HttpContext http, Guid applicationId, ApplicantTokens tokens)
    {
        var user = http.User;
        if (IsOfficerUser(user))
        {
            return (new Caller(true, IdOf(user), NameOf(user)), null);
        }

        var token = http.Request.Headers[ApplicantTokens.HeaderName].ToString();
        if (tokens.Grants(token, applicationId))
        {
            return (new Caller(false, $"applicant:{applicationId:N}", "Applicant"), null);
        }

        var authenticated = user.Identity?.IsAuthenticated == true;
        return string.IsNullOrEmpty(token) && !authenticated
            ? (null, TypedResults.Problem(title: "Authentication required",
                detail: $"Send the applicant token in the {ApplicantTokens.HeaderName} header, or a grants officer's bearer token.",
                statusCode: StatusCodes.Status401Unauthorized, type: Problems.Unauthenticated))
            : (null, TypedResults.Problem(title: "Not allowed",
                detail: "These credentials do not give access to this application.",
                statusCode: StatusCodes.Status403Forbidden, type: Problems.Forbidden));
    }
}
