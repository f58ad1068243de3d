using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace PanelPlatform.Casework.Security;

/// <summary>
/// AES-256-GCM for personal data at rest. A value is bound to its column (the column's name is the associated data),
/// so a ciphertext moved to another column does not decrypt; each value carries the id of the key that wrote it.
/// Text is stored as <c>v1.{keyId}.{base64url(nonce ‖ ciphertext ‖ tag)}</c>; bytes as
/// <c>0x01 ‖ keyId length ‖ keyId ‖ nonce ‖ tag ‖ ciphertext</c>.
/// </summary>
public sealed partial class FieldCipher
{
    private const string TextVersion = "v1";
    private const byte BinaryVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly IReadOnlyDictionary<string, byte[]> _keys;

    public FieldCipher(string activeKeyId, IReadOnlyDictionary<string, byte[]> keys)
    {
        foreach (var (id, key) in keys)
        {
            if (!KeyIdPattern().IsMatch(id))
            {
                throw new ArgumentException($"Key id '{id}' must be 1-32 letters, digits, '-' or '_'.", nameof(keys));
            }

            if (key.Length != 32)
            {
                throw new ArgumentException($"Key '{id}' must be 32 bytes (AES-256); it is {key.Length}.", nameof(keys));
            }
        }

        if (!keys.ContainsKey(activeKeyId))
        {
            throw new ArgumentException($"The active key '{activeKeyId}' is not among the configured keys.", nameof(activeKeyId));
        }

        ActiveKeyId = activeKeyId;
        _keys = keys;
    }

    public string ActiveKeyId { get; }

    /// <summary>Distinguishes one configured cipher from another (the EF model captures the cipher it was built with).</summary>
    public Guid InstanceId { get; } = Guid.NewGuid();

    public string Encrypt(string plaintext, string purpose)
    {
        return $"{TextVersion}.{ActiveKeyId}.{Base64Url.EncodeToString(Seal(Encoding.UTF8.GetBytes(plaintext), purpose))}";
    }

    public string Decrypt(string stored, string purpose)
    {
        var parts = stored.Split('.', 3);
        if (parts.Length != 3 || parts[0] != TextVersion)
        {
            throw new CryptographicException($"A value in {purpose} is not in the expected encrypted form.");
        }

        byte[] sealedBytes;
        try
        {
            sealedBytes = Base64Url.DecodeFromChars(parts[2]);
        }
        catch (FormatException e)
        {
            throw new CryptographicException($"A value in {purpose} is not in the expected encrypted form.", e);
        }

        return Encoding.UTF8.GetString(Open(parts[1], sealedBytes, purpose));
    }

    public byte[] Encrypt(byte[] plaintext, string purpose)
    {
        var keyId = Encoding.ASCII.GetBytes(ActiveKeyId);
        var sealedBytes = Seal(plaintext, purpose);
        var result = new byte[2 + keyId.Length + sealedBytes.Length];
        result[0] = BinaryVersion;
        result[1] = (byte)keyId.Length;
        keyId.CopyTo(result, 2);
        sealedBytes.CopyTo(result, 2 + keyId.Length);
        return result;
    }

    public byte[] Decrypt(byte[] stored, string purpose)
    {
        if (stored.Length < 2 || stored[0] != BinaryVersion || stored.Length < 2 + stored[1] + NonceSize + TagSize)
        {
            throw new CryptographicException($"A value in {purpose} is not in the expected encrypted form.");
        }

        var keyId = Encoding.ASCII.GetString(stored, 2, stored[1]);
        return Open(keyId, stored.AsSpan(2 + stored[1]).ToArray(), purpose);
    }

    /// <summary>The key a stored text value was written with (null if it is not one of ours).</summary>
    public static string? KeyIdOf(string stored)
    {
        var parts = stored.Split('.', 3);
        return parts.Length == 3 && parts[0] == TextVersion ? parts[1] : null;
    }

    public static string? KeyIdOf(byte[] stored) =>
        stored.Length > 2 && stored[0] == BinaryVersion && stored.Length >= 2 + stored[1]
            ? Encoding.ASCII.GetString(stored, 2, stored[1])
            : null;

    /// <summary>nonce ‖ ciphertext ‖ tag, under the active key.</summary>
    private byte[] Seal(byte[] plaintext, string purpose)
    {
        var output = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[ActiveKeyId], TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize, plaintext.Length), output.AsSpan(NonceSize + plaintext.Length, TagSize),
            Encoding.UTF8.GetBytes(purpose));
        return output;
    }

    private byte[] Open(string keyId, byte[] sealedBytes, string purpose)
    {
        if (!_keys.TryGetValue(keyId, out var key))
        {
            throw new CryptographicException($"A value in {purpose} was encrypted with key '{keyId}', which is not configured.");
        }

        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException($"A value in {purpose} is too short to be encrypted data.");
        }

        var length = sealedBytes.Length - NonceSize - TagSize;
        var plaintext = new byte[length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, length), sealedBytes.AsSpan(NonceSize + length, TagSize),
            plaintext, Encoding.UTF8.GetBytes(purpose));
        return plaintext;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex KeyIdPattern();
}
