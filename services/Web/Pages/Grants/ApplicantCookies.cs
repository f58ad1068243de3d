using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace PanelPlatform.Web.Pages.Grants;

/// <summary>
/// The applicant tokens of the drafts started on this browser, one HTTP-only cookie per application, protected with
/// the site's Data Protection keys (which every replica shares), so the applicant comes back to their draft without an
/// account, and script on the page can never read the token.
/// </summary>
public sealed class ApplicantCookies(IDataProtectionProvider provider)
{
    private const string Prefix = "grant-application-";
    private const string Purpose = "PanelPlatform.Web.Grants.ApplicantToken.v1";

    /// <summary>How long the browser keeps a draft's cookie: longer than any round stays open.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(180);

    public sealed record Draft(Guid ApplicationId, Guid RoundId, string Token);

    public void Remember(HttpContext http, Guid applicationId, Guid roundId, string token) =>
        http.Response.Cookies.Append(Name(applicationId), Protector(applicationId).Protect($"{roundId:N}|{token}"), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/grants",
            MaxAge = KeptFor,
            IsEssential = true,
        });

    public Draft? Find(HttpContext http, Guid applicationId) =>
        http.Request.Cookies.TryGetValue(Name(applicationId), out var value) ? Read(applicationId, value) : null;

    /// <summary>Every draft this browser holds a cookie for.</summary>
    public IReadOnlyList<Draft> All(HttpContext http) =>
        [.. http.Request.Cookies
            .Where(c => c.Key.StartsWith(Prefix, StringComparison.Ordinal) && Guid.TryParseExact(c.Key[Prefix.Length..], "N", out _))
            .Select(c => Read(Guid.ParseExact(c.Key[Prefix.Length..], "N"), c.Value))
            .OfType<Draft>()];

    public void Forget(HttpContext http, Guid applicationId) =>
        http.Response.Cookies.Delete(Name(applicationId), new CookieOptions { Path = "/grants", Secure = http.Request.IsHttps, HttpOnly = true });

    /// <summary>The application an applicant token is for: the Grants API writes it <c>{applicationId:N}.{signature}</c>.</summary>
    public static Guid? ApplicationOf(string? token)
    {
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        return dot == 32 && Guid.TryParseExact(token![..dot], "N", out var id) ? id : null;
    }

    private Draft? Read(Guid applicationId, string value)
    {
        try
        {
            var plain = Protector(applicationId).Unprotect(value);
            var bar = plain.IndexOf('|', StringComparison.Ordinal);
            return bar == 32 && Guid.TryParseExact(plain[..bar], "N", out var roundId) ? new Draft(applicationId, roundId, plain[(bar + 1)..]) : null;
        }
        catch (CryptographicException)
        {
            // Altered, or protected with a key since retired: as if there were no cookie.
            return null;
        }
    }

    private IDataProtector Protector(Guid applicationId) => provider.CreateProtector(Purpose, applicationId.ToString("N"));

    private static string Name(Guid applicationId) => $"{Prefix}{applicationId:N}";
}
