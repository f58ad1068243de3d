using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace PanelPlatform.ServiceDefaults.Http;

/// <summary>
/// The address of the resident behind a request the web site makes to the gateway on their behalf, signed so that the
/// gateway can limit anonymous writes per resident (not per web replica) and nobody else can claim an address:
/// <c>Panel-Client-Address: {address};{unix seconds};{base64url HMAC-SHA256}</c>.
/// </summary>
public static class ForwardedClient
{
    public const string HeaderName = "Panel-Client-Address";

    /// <summary>How far a signature's time may be from the gateway's clock.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(2);

    /// <summary>
    /// <c>Gateway:ForwardingKey</c> (base64, shared by the gateway and the web site); unset, derived from the development
    /// token signing key. Null when neither is configured: nothing is signed and nothing is believed.
    /// </summary>
    public static byte[]? KeyFrom(IConfiguration configuration)
    {
        if (configuration["Gateway:ForwardingKey"] is { Length: > 0 } configured)
        {
            return Convert.FromBase64String(configured);
        }

        return configuration["Auth:SigningKey"] is { Length: > 0 } signingKey
            ? HKDF.DeriveKey(HashAlgorithmName.SHA256, Convert.FromBase64String(signingKey), 32, info: "panel-forwarded-client"u8.ToArray())
            : null;
    }

    public static string Sign(byte[] key, IPAddress address, DateTimeOffset now)
    {
        var payload = $"{address};{now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}";
        return $"{payload};{Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(payload)))}";
    }

    public static bool TryRead(byte[] key, string? header, DateTimeOffset now, out IPAddress address)
    {
        address = IPAddress.None;
        var parts = header?.Split(';');
        if (parts is not { Length: 3 } ||
            !IPAddress.TryParse(parts[0], out var claimed) ||
            !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ||
            seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{parts[0]};{parts[1]}"));
        byte[] given;
        try
        {
            given = Base64Url.DecodeFromChars(parts[2]);
        }
        catch (FormatException)
        {
            return false;
        }

        if (!CryptographicOperations.FixedTimeEquals(expected, given) ||
            (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Tolerance)
        {
            return false;
        }

        address = claimed;
        return true;
    }
}
