using System.Security.Cryptography;
using System.Text;
using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Casework.Security;

public static class CaseworkSecurity
{
    /// <summary>
    /// The field cipher and the subject fingerprints from <c>Casework:Encryption</c>. In Development and Testing, when none
    /// is configured, both are derived from the development token signing key (so the AppHost and the tests need no
    /// extra secret); anywhere else the service refuses to start without keys.
    /// </summary>
    public static IHostApplicationBuilder AddCaseworkSecurity(this IHostApplicationBuilder builder)
    {
        var (cipher, fingerprints) = Create(EncryptionOptions.From(builder.Configuration), builder.Configuration[$"{AuthOptions.SectionName}:SigningKey"], builder.Environment);
        builder.Services.AddSingleton(cipher);
        builder.Services.AddSingleton(fingerprints);
        return builder;
    }

    public static (FieldCipher Cipher, SubjectFingerprints Fingerprints) Create(EncryptionOptions options, string? developmentSigningKey, IHostEnvironment environment)
    {
        if (options.Keys.Count == 0)
        {
            var mayDerive = environment.IsDevelopment() || environment.IsEnvironment("Testing");
            if (!mayDerive || string.IsNullOrWhiteSpace(developmentSigningKey))
            {
                throw new InvalidOperationException(
                    $"{EncryptionOptions.SectionName}:Keys is not configured: casework personal data cannot be stored without an encryption key.");
            }

            var secret = Convert.FromBase64String(developmentSigningKey);
            var derived = new Dictionary<string, byte[]>
            {
                ["dev"] = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: Encoding.UTF8.GetBytes("panel-platform casework fields (development)")),
            };
            return (new FieldCipher("dev", derived), new SubjectFingerprints("dev", derived));
        }

        var keys = options.Keys.ToDictionary(k => k.Key, k => Decode(k.Value, $"{EncryptionOptions.SectionName}:Keys:{k.Key}"), StringComparer.Ordinal);
        var active = options.ActiveKeyId ?? (keys.Count == 1 ? keys.Keys.Single()
            : throw new InvalidOperationException($"{EncryptionOptions.SectionName}:ActiveKeyId must name one of the {keys.Count} keys."));
        return (new FieldCipher(active, keys), new SubjectFingerprints(active, keys));
    }

    private static byte[] Decode(string base64, string name)
    {
        try
        {
            var bytes = Convert.FromBase64String(base64);
            return bytes.Length == 32 ? bytes : throw new InvalidOperationException($"{name} must be 32 bytes in base64; it is {bytes.Length}.");
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"{name} is not base64.", e);
        }
    }
}
