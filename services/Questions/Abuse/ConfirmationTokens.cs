using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace PanelPlatform.Questions.Abuse;

/// <summary>
/// The link in the confirmation email: the question id and an expiry, signed with HMAC-SHA256. Nothing is stored;
/// any replica can check it, and it cannot be forged or stretched.
/// </summary>
public sealed class ConfirmationTokens(QuestionKeys keys, IOptions<QuestionsOptions> options)
{
    private const byte Version = 1;
    private const int PayloadLength = 1 + 16 + 8;
    private const int MacLength = 32;

    public TimeSpan Lifetime => options.Value.Confirmation.Lifetime;

    public string Issue(Guid questionId, DateTimeOffset now)
    {
        Span<byte> token = stackalloc byte[PayloadLength + MacLength];
        token[0] = Version;
        questionId.TryWriteBytes(token.Slice(1, 16), bigEndian: true, out _);
        BinaryPrimitives.WriteInt64BigEndian(token.Slice(17, 8), (now + Lifetime).ToUnixTimeSeconds());
        HMACSHA256.HashData(keys.ConfirmationKey, token[..PayloadLength], token[PayloadLength..]);
        return Base64Url.EncodeToString(token);
    }

    public ConfirmationCheck Check(string token, DateTimeOffset now)
    {
        Span<byte> bytes = stackalloc byte[PayloadLength + MacLength];
        if (token.Length > 100 || !TryDecode(token, bytes) || bytes[0] != Version)
        {
            return new ConfirmationCheck(ConfirmationResult.Invalid, Guid.Empty);
        }

        Span<byte> expected = stackalloc byte[MacLength];
        HMACSHA256.HashData(keys.ConfirmationKey, bytes[..PayloadLength], expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes[PayloadLength..]))
        {
            return new ConfirmationCheck(ConfirmationResult.Invalid, Guid.Empty);
        }

        var questionId = new Guid(bytes.Slice(1, 16), bigEndian: true);
        var expires = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(bytes.Slice(17, 8)));
        return new ConfirmationCheck(now >= expires ? ConfirmationResult.Expired : ConfirmationResult.Valid, questionId);
    }

    private static bool TryDecode(string token, Span<byte> bytes)
    {
        try
        {
            return Base64Url.TryDecodeFromChars(token, bytes, out var written) && written == bytes.Length;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

public enum ConfirmationResult
{
    Valid,
    Invalid,
    Expired,
}

public readonly record struct ConfirmationCheck(ConfirmationResult Result, Guid QuestionId);
