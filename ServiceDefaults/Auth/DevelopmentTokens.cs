using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PanelPlatform.ServiceDefaults.Auth;

/// <summary>
/// Tokens signed with the local development key, for <c>deploy/local/mint-token.sh</c> and the tests.
/// Production tokens come from the OpenID Connect provider instead.
/// </summary>
public static class DevelopmentTokens
{
    public static string NewSigningKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static SymmetricSecurityKey Key(string base64SigningKey) => new(Convert.FromBase64String(base64SigningKey)) { KeyId = "panel-dev" };

    public static string Mint(
        string base64SigningKey,
        IEnumerable<string> roles,
        string subject = "dev-user",
        string? name = null,
        TimeSpan? lifetime = null,
        string issuer = AuthOptions.DevelopmentIssuer,
        string audience = AuthOptions.DefaultAudience)
    {
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, subject),
            new(AuthOptions.NameClaim, name ?? subject),
        };
        claims.AddRange(roles.Select(role => new Claim(AuthOptions.RoleClaim, role)));
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now.AddSeconds(-5),
            Expires = now + (lifetime ?? TimeSpan.FromHours(8)),
            SigningCredentials = new SigningCredentials(Key(base64SigningKey), SecurityAlgorithms.HmacSha256),
        });
    }
}
