using System.Security.Cryptography;
using System.Text;

namespace PanelPlatform.Questions.Abuse;

/// <summary>
/// The submitting client's address, kept only as a keyed hash for the per-address limit. Behind the gateway the
/// connection is the gateway's, so the last <c>X-Forwarded-For</c> entry (the one the gateway appended) names the client.
/// </summary>
public sealed class ClientAddresses(QuestionKeys keys)
{
    public string HashOf(HttpContext context)
    {
        var forwarded = context.Request.Headers["X-Forwarded-For"].ToString();
        var address = forwarded.Length > 0
            ? forwarded.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault()
            : null;
        address ??= context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return Convert.ToHexStringLower(HMACSHA256.HashData(keys.ClientKey, Encoding.UTF8.GetBytes(address)));
    }
}
