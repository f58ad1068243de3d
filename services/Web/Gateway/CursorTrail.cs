using Microsoft.AspNetCore.Http.Extensions;

namespace PanelPlatform.Web.Gateway;

/// <summary>
/// Where a reader is in an API's cursor-paged list, carried in the page's address so paging works without JavaScript
/// or a session: <c>cursor</c> is this page's (none on the first), <c>back</c> the cursors of the pages between the
/// first and this one, dot-separated (cursors are base64url, which has no dots), so "Previous" is a plain link too.
/// </summary>
public sealed record CursorTrail(string? Cursor, IReadOnlyList<string> Back)
{
    /// <summary>Deeper than this, "Previous" goes back to the first page rather than make an address too long to share.</summary>
    public const int MaxBack = 40;

    public static readonly CursorTrail First = new(null, []);

    public int PageNumber => Cursor is null ? 1 : Back.Count + 2;

    public static CursorTrail Read(string? cursor, string? back)
    {
        if (string.IsNullOrWhiteSpace(cursor) || cursor.Length > 500)
        {
            return First;
        }

        var trail = (back ?? "").Split('.', StringSplitOptions.RemoveEmptyEntries);
        return trail.Length > MaxBack || trail.Any(c => c.Length > 500) ? new CursorTrail(cursor, []) : new CursorTrail(cursor, trail);
    }

    /// <summary>The trail of the page after this one, whose cursor the API gave as <paramref name="next"/>.</summary>
    public CursorTrail Next(string next) =>
        new(next, Cursor is null ? [] : Back.Count >= MaxBack ? [] : [.. Back, Cursor]);

    /// <summary>The trail of the page before this one; null on the first page.</summary>
    public CursorTrail? Previous() =>
        Cursor is null ? null : Back.Count == 0 ? First : new CursorTrail(Back[^1], Back.Take(Back.Count - 1).ToList());

    /// <summary>The query string parameters this trail adds to a page's address (none for the first page).</summary>
    public IEnumerable<KeyValuePair<string, string?>> Query()
    {
        if (Cursor is not null)
        {
            yield return new("cursor", Cursor);
        }

        if (Back.Count > 0)
        {
            yield return new("back", string.Join('.', Back));
        }
    }

    /// <summary><paramref name="path"/> with the page's own filters (empty ones left out) and this trail.</summary>
    public string Href(string path, params (string Name, string? Value)[] filters)
    {
        var query = new QueryBuilder(
            filters.Where(f => !string.IsNullOrEmpty(f.Value)).Select(f => new KeyValuePair<string, string>(f.Name, f.Value!))
                .Concat(Query().Select(q => new KeyValuePair<string, string>(q.Key, q.Value!))));
        return path + query.ToQueryString().Value;
    }
}
