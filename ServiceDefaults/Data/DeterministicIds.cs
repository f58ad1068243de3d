using System.Security.Cryptography;
using System.Text;

namespace PanelPlatform.ServiceDefaults.Data;

/// <summary>
/// RFC 9562 version 5 (SHA-1, name-based) UUIDs in the URL namespace, so every service's seed can name the same
/// meeting without asking another: <c>uuid5(NAMESPACE_URL, "https://panel-platform.uk/meetings/{body-slug}/{yyyy-MM-dd}")</c>,
/// and its agenda items <c>…/{yyyy-MM-dd}/items/{number}</c>. Meetings' seed gives its rows these ids; Questions' seed
/// files its questions under them.
/// </summary>
public static class DeterministicIds
{
    public const string UrlBase = "https://panel-platform.uk/";
    private static readonly Guid UrlNamespace = new("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    public static Guid Meeting(string bodySlug, DateOnly date) => ForName($"{UrlBase}meetings/{bodySlug}/{date:yyyy-MM-dd}");

    public static Guid AgendaItem(string bodySlug, DateOnly date, string number) =>
        ForName($"{UrlBase}meetings/{bodySlug}/{date:yyyy-MM-dd}/items/{number}");

    public static Guid ForName(string name)
    {
        Span<byte> ns = stackalloc byte[16];
        UrlNamespace.TryWriteBytes(ns, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        ns.CopyTo(input);
        nameBytes.CopyTo(input, 16);
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input, hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
