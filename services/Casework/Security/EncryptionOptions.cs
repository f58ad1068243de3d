namespace PanelPlatform.Casework.Security;

/// <summary>
/// <c>Casework:Encryption</c> (in the environment <c>Casework__Encryption__ActiveKeyId</c> and
/// <c>Casework__Encryption__Keys__{id}</c>): the keys personal data is encrypted with at rest. Each key is 32 random
/// bytes in base64 under an id (<c>Keys:2026-01</c>); new values use <see cref="ActiveKeyId"/>, and every stored value
/// names the key it was written with, so a key is rotated by adding a new one, making it active, and keeping the old
/// one until <c>POST /api/casework/admin/re-encrypt</c> has rewritten what it protected. The keys for the subject
/// fingerprints are derived from these (<see cref="SubjectFingerprints"/>).
/// </summary>
public sealed class EncryptionOptions
{
    public const string SectionName = "Casework:Encryption";

    public string? ActiveKeyId { get; set; }
    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);

    public static EncryptionOptions From(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<EncryptionOptions>() ?? new EncryptionOptions();
}
