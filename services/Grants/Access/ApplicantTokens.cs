using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace PanelPlatform.Grants.Access;

/// <summary>
/// The applicant's capability: <c>{applicationId}.{HMAC-SHA256(key, applicationId)}</c>, given once when the draft is
/// created. Whoever holds it may read, edit, submit and withdraw that one application, and report on its grant;
/// no account is needed. Any instance with the same key verifies it; nothing is stored.
/// </summary>
public sealed class ApplicantTokens
{
    public const string HeaderName = "X-Applicant-Token";
    private const string Purpose = "panel-platform:grants:applicant-token:v1";

    private readonly byte[] _key;

    public ApplicantTokens(IOptions<GrantsOptions> options, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var configured = options.Value.ApplicantTokenKey;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            _key = Convert.FromBase64String(configured);
        }
        else if (configuration["Auth:SigningKey"] is { Length: > 0 } signingKey)
        {
            // A key of its own, derived so a token can never be confused with a signature made for the JWTs.
            _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Convert.FromBase64String(signingKey), 32, info: Encoding.UTF8.GetBytes(Purpose));
        }
        else
        {
            throw new InvalidOperationException(
                "Grants:ApplicantTokenKey is not configured (nor Auth:SigningKey to derive it from): applicant tokens cannot be issued.");
        }
    }

    public ApplicantTokens(byte[] key) => _key = key;

    public string Issue(Guid applicationId) => $"{applicationId:N}.{Convert.ToBase64String(Sign(applicationId)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}";

    public bool Grants(string? token, Guid applicationId)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Issue(applicationId));
        var given = Encoding.ASCII.GetBytes(token.Trim());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private byte[] Sign(Guid applicationId) =>
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{Purpose}:{applicationId:N}"));
}
