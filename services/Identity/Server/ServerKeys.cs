using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace PanelPlatform.Identity.Server;

/// <summary>
/// The token signing key (RSA, from PEM) and the key that encrypts codes and refresh tokens (symmetric, base64).
/// Both come from configuration so every replica signs and reads the same tokens; only Development may go without,
/// and then gets keys of its own that last as long as the process.
/// </summary>
public sealed record ServerKeys(RsaSecurityKey SigningKey, SymmetricSecurityKey EncryptionKey, bool Generated)
{
    public static ServerKeys From(IdentityServiceOptions options, bool isDevelopment)
    {
        var hasSigning = !string.IsNullOrWhiteSpace(options.SigningKey);
        var hasEncryption = !string.IsNullOrWhiteSpace(options.EncryptionKey);
        if (!hasSigning && !hasEncryption && isDevelopment)
        {
            var rsa = RSA.Create(2048);
            return new ServerKeys(Signing(rsa), new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)), Generated: true);
        }

        if (!hasSigning || !hasEncryption)
        {
            throw new InvalidOperationException(
                "Identity:SigningKey (RSA private key, PEM) and Identity:EncryptionKey (32 bytes, base64) must both be configured, " +
                "the same on every replica.");
        }

        return new ServerKeys(SigningFromPem(options.SigningKey!), EncryptionFromBase64(options.EncryptionKey!), Generated: false);
    }

    public static RsaSecurityKey SigningFromPem(string pem)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
        }
        catch (ArgumentException e)
        {
            rsa.Dispose();
            throw new InvalidOperationException("Identity:SigningKey is not a PEM RSA private key.", e);
        }

        if (rsa.KeySize < 2048)
        {
            throw new InvalidOperationException($"Identity:SigningKey has {rsa.KeySize} bits; at least 2048 are needed.");
        }

        return Signing(rsa);
    }

    public static SymmetricSecurityKey EncryptionFromBase64(string base64)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException("Identity:EncryptionKey is not base64.", e);
        }

        return bytes.Length == 32
            ? new SymmetricSecurityKey(bytes)
            : throw new InvalidOperationException($"Identity:EncryptionKey has {bytes.Length} bytes; it must have 32 (AES-256).");
    }

    /// <summary>A new PEM RSA key and base64 encryption key, as the AppHost and the tests make them.</summary>
    public static (string SigningKeyPem, string EncryptionKeyBase64) NewConfiguration()
    {
        using var rsa = RSA.Create(2048);
        return (rsa.ExportPkcs8PrivateKeyPem(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
    }

    /// <summary>
    /// The key id is derived from the public key, so every replica (and every restart) names the same key alike and
    /// validators that cached the key set keep matching tokens to it.
    /// </summary>
    private static RsaSecurityKey Signing(RSA rsa) => new(rsa)
    {
        KeyId = Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..22],
    };
}
