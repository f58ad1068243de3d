using System.Buffers.Text;
using System.Text.Json;

namespace PanelPlatform.ServiceDefaults.Http;

/// <summary>One page of a list, with the opaque cursor of the next page (null on the last).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>
/// Keyset paging: <c>?limit=&amp;cursor=</c>. The cursor is the sort key of the last row served, base64url-encoded,
/// so pages stay stable while rows are added.
/// </summary>
public static class Paging
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 200;

    public static bool TryReadLimit(int? requested, Validation validation, out int limit)
    {
        limit = requested ?? DefaultLimit;
        if (limit is < 1 or > MaxLimit)
        {
            validation.Add("limit", $"limit must be between 1 and {MaxLimit}.");
            return false;
        }

        return true;
    }

    public static string Encode<TKey>(TKey key) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(key, JsonSerializerOptions.Web));

    public static bool TryDecode<TKey>(string? cursor, Validation validation, out TKey? key)
    {
        key = default;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }

        try
        {
            key = JsonSerializer.Deserialize<TKey>(Base64Url.DecodeFromChars(cursor), JsonSerializerOptions.Web);
            return key is not null || Fail(validation);
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return Fail(validation);
        }
    }

    /// <summary>Given <paramref name="limit"/> + 1 rows, the page and the next cursor.</summary>
    public static Page<TItem> ToPage<TRow, TItem, TKey>(
        IReadOnlyList<TRow> rowsPlusOne, int limit, Func<TRow, TItem> map, Func<TRow, TKey> keyOf)
    {
        var hasMore = rowsPlusOne.Count > limit;
        var rows = hasMore ? rowsPlusOne.Take(limit).ToList() : rowsPlusOne;
        return new Page<TItem>(rows.Select(map).ToList(), hasMore ? Encode(keyOf(rows[^1])) : null);
    }

    private static bool Fail(Validation validation)
    {
        validation.Add("cursor", "cursor is not one this API gave out.");
        return false;
    }
}
