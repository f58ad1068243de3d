using System.Security.Cryptography;
using System.Text;

namespace PanelPlatform.Casework.Security;

/// <summary>
/// Keyed hashes (HMAC-SHA256) of a subject's normalised email and phone number: equal for the same person, useless to
/// anyone without the key, so a subject access request can find every case held on a person while the data itself
/// stays encrypted. The hash key is derived from each field key, so the deployment configures nothing extra and the
/// hashes rotate with the keys: new cases are hashed under the active key, a search tries every configured key (a
/// case written before a rotation is still found), and re-encryption rehashes under the active key.
/// </summary>
public sealed class SubjectFingerprints
{
    private static readonly byte[] DerivationInfo = Encoding.UTF8.GetBytes("panel-platform casework subject fingerprints");

    private readonly byte[] _active;
    private readonly IReadOnlyList<byte[]> _all;

    public SubjectFingerprints(string activeKeyId, IReadOnlyDictionary<string, byte[]> fieldKeys)
    {
        var derived = fieldKeys.ToDictionary(k => k.Key, k => HKDF.DeriveKey(HashAlgorithmName.SHA256, k.Value, 32, info: DerivationInfo), StringComparer.Ordinal);
        _active = derived[activeKeyId];
        _all = [_active, .. derived.Where(k => k.Key != activeKeyId).Select(k => k.Value)];
    }

    /// <summary>The fingerprint to store, under the active key.</summary>
    public string? Email(string? email) => NormaliseEmail(email) is { } value ? Hash(_active, "email", value) : null;

    /// <summary>The fingerprint to store, under the active key.</summary>
    public string? Phone(string? phone) => NormalisePhone(phone) is { } value ? Hash(_active, "phone", value) : null;

    /// <summary>Every fingerprint a stored case may carry for this email (one per configured key); empty for none.</summary>
    public IReadOnlyList<string> EmailCandidates(string? email) =>
        NormaliseEmail(email) is { } value ? _all.Select(k => Hash(k, "email", value)).ToList() : [];

    /// <summary>Every fingerprint a stored case may carry for this phone number (one per configured key); empty for none.</summary>
    public IReadOnlyList<string> PhoneCandidates(string? phone) =>
        NormalisePhone(phone) is { } value ? _all.Select(k => Hash(k, "phone", value)).ToList() : [];

    private static string? NormaliseEmail(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();

    private static string? NormalisePhone(string? phone)
    {
        var digits = new string((phone ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 0)
        {
            return null;
        }

        // +44 7700 900123, 0044 7700 900123 and 07700 900123 are one number.
        if (digits.StartsWith("0044", StringComparison.Ordinal))
        {
            digits = "0" + digits[4..];
        }
        else if (digits.StartsWith("44", StringComparison.Ordinal) && digits.Length > 10)
        {
            digits = "0" + digits[2..];
        }

        return digits;
    }

    private static string Hash(byte[] key, string kind, string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{kind}:{value}")));
}
