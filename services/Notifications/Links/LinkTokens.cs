using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PanelPlatform.Notifications.Domain;

namespace PanelPlatform.Notifications.Links;

public enum LinkPurpose
{
    /// <summary>Confirms one address of a subscriber (double opt-in).</summary>
    Confirm,

    /// <summary>One-click unsubscribe of one channel (RFC 8058).</summary>
    Unsubscribe,

    /// <summary>See, export or erase one's own subscription.</summary>
    Manage,
}

/// <summary>Whose link: a subscriber of the alert service, or a recipient registered by another service.</summary>
public enum LinkSubject
{
    Subscriber,
    Recipient,
}

/// <summary>What a verified link says.</summary>
public sealed record LinkClaims(LinkPurpose Purpose, LinkSubject Subject, Guid Id, Channel? Channel, string? AddressHash, DateTimeOffset Expires);

public enum LinkCheck
{
    Valid,
    Invalid,
    Expired,
}

/// <summary><c>Notifications:Links</c>.</summary>
public sealed class LinkOptions
{
    public const string SectionName = "Notifications:Links";

    /// <summary>Base64 HMAC key shared by every replica. Unset: derived from the development token signing key.</summary>
    public string? Key { get; set; }

    public TimeSpan ConfirmFor { get; set; } = TimeSpan.FromHours(48);
    public TimeSpan ManageFor { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Unsubscribe links must keep working long after the message was read.</summary>
    public TimeSpan UnsubscribeFor { get; set; } = TimeSpan.FromDays(400);
}

/// <summary>
/// Signed, expiring links: <c>base64url(claims).base64url(HMAC-SHA256(claims))</c>. A confirmation link also carries a
/// hash of the address it was sent to, so it cannot confirm an address given later.
/// </summary>
public sealed class LinkTokens
{
    private readonly byte[] _key;
    private readonly Links.LinkOptions _options;
    private readonly TimeProvider _time;

    public LinkTokens(IOptions<Links.LinkOptions> options, IConfiguration configuration, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        _key = KeyFrom(_options.Key, configuration["Auth:SigningKey"]);
    }

    public Links.LinkOptions Options => _options;

    public static byte[] KeyFrom(string? configured, string? authSigningKey)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Convert.FromBase64String(configured);
        }

        // Every replica has the same development signing key, so links made by one verify on another.
        return string.IsNullOrWhiteSpace(authSigningKey)
            ? RandomNumberGenerator.GetBytes(32)
            : HKDF.DeriveKey(HashAlgorithmName.SHA256, Convert.FromBase64String(authSigningKey), 32, info: "notifications-links"u8.ToArray());
    }

    public string Create(LinkPurpose purpose, LinkSubject subject, Guid id, Channel? channel, string? address, TimeSpan validFor)
    {
        var claims = new Wire(
            (int)purpose, (int)subject, id, channel is null ? null : (int)channel.Value,
            address is null ? null : HashAddress(address), (_time.GetUtcNow() + validFor).ToUnixTimeSeconds());
        var body = JsonSerializer.SerializeToUtf8Bytes(claims);
        return $"{Base64Url.EncodeToString(body)}.{Base64Url.EncodeToString(HMACSHA256.HashData(_key, body))}";
    }

    public LinkCheck Verify(string? token, LinkPurpose purpose, out LinkClaims? claims)
    {
        claims = null;
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (token is null || dot <= 0 || token.Length > 1000)
        {
            return LinkCheck.Invalid;
        }

        byte[] body, signature;
        try
        {
            body = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return LinkCheck.Invalid;
        }

        if (!CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(_key, body)))
        {
            return LinkCheck.Invalid;
        }

        Wire? wire;
        try
        {
            wire = JsonSerializer.Deserialize<Wire>(body);
        }
        catch (JsonException)
        {
            return LinkCheck.Invalid;
        }

        if (wire is null || wire.P != (int)purpose)
        {
            return LinkCheck.Invalid;
        }

        claims = new LinkClaims(purpose, (LinkSubject)wire.S, wire.I, wire.C is { } c ? (Channel)c : null, wire.A,
            DateTimeOffset.FromUnixTimeSeconds(wire.E));
        return claims.Expires < _time.GetUtcNow() ? LinkCheck.Expired : LinkCheck.Valid;
    }

    public static string HashAddress(string address) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(address.ToLowerInvariant())).AsSpan(0, 16));

    private sealed record Wire(int P, int S, Guid I, int? C, string? A, long E);
}

/// <summary>
/// The URLs put in messages, all under the public base URL (the gateway). A person follows the ones in the text to the
/// web site's pages, which show what the link does in the site's style and ask the API when the person presses the
/// button; a mail client's RFC 8058 one-click POST (the <c>List-Unsubscribe</c> header) goes straight to the API. The
/// API's own GET pages stay, for links sent before the site's pages existed.
/// </summary>
public sealed class MessageLinks(LinkTokens tokens, IOptions<Channels.DeliveryOptions> options)
{
    /// <summary>The web site's pages (services/Web, Pages/Alerts) that the links in a message's text open.</summary>
    public const string ConfirmPage = "alerts/confirm";
    public const string ManagePage = "alerts/manage";
    public const string UnsubscribePage = "alerts/unsubscribe";

    /// <summary>The API the one-click unsubscribe header names: a POST there unsubscribes with no page in between.</summary>
    public const string OneClickUnsubscribeEndpoint = "api/notifications/unsubscribe";

    private readonly Uri _base = options.Value.PublicBaseUrl;

    public Uri Confirm(Subscriber subscriber, Channel channel) => Link(ConfirmPage,
        tokens.Create(LinkPurpose.Confirm, LinkSubject.Subscriber, subscriber.Id, channel, subscriber.AddressOf(channel), tokens.Options.ConfirmFor));

    /// <summary>The two unsubscribe links of one message, carrying the same token: the page a reader opens, and the one-click URL.</summary>
    public UnsubscribeLinks Unsubscribe(LinkSubject subject, Guid id, Channel channel)
    {
        var token = tokens.Create(LinkPurpose.Unsubscribe, subject, id, channel, null, tokens.Options.UnsubscribeFor);
        return new UnsubscribeLinks(Link(UnsubscribePage, token), Link(OneClickUnsubscribeEndpoint, token));
    }

    public Uri Manage(Guid subscriberId) => Link(ManagePage,
        tokens.Create(LinkPurpose.Manage, LinkSubject.Subscriber, subscriberId, null, null, tokens.Options.ManageFor));

    private Uri Link(string path, string token) => new(_base, $"{path}?token={Uri.EscapeDataString(token)}");
}

/// <param name="Page">For the text of the message: the web site's unsubscribe page, which asks before it acts.</param>
/// <param name="OneClick">For the <c>List-Unsubscribe</c> header (RFC 8058): a POST there unsubscribes at once.</param>
public sealed record UnsubscribeLinks(Uri Page, Uri OneClick);
