using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using PanelPlatform.Meetings.Domain;
using PanelPlatform.ServiceDefaults.Http;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Meetings.Endpoints;

/// <summary>PostgreSQL full-text search over meeting titles, item titles, report text and minutes: ranked, paged, Part II-aware.</summary>
public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/meetings").WithTags("Search").MapGet("/search", Search);
        return routes;
    }

    public sealed record SearchHit(string Kind, Guid Id, Guid MeetingId, string Title, string Snippet, double Rank, DateTimeOffset MeetingStartsAt);

    public sealed record SearchPage(IReadOnlyList<SearchHit> Items, string? NextCursor, long Total);

    private sealed record SearchCursor(int Offset);

    // Every branch applies the Part II rule itself (@sees_exempt), so the hits and the total agree with the pages.
    private const string Hits = """
        WITH q AS (SELECT websearch_to_tsquery('english', @query) AS query)
        SELECT 'meeting' AS kind, m.id, m.id AS meeting_id, m.title, m.title AS doc, ts_rank(m.search_vector, q.query) AS rank, m.starts_at
          FROM meetings m, q
         WHERE m.search_vector @@ q.query AND (@body::text IS NULL OR m.body_slug = @body)
        UNION ALL
        SELECT 'agenda-item', i.id, m.id, i.title, i.title || ' ' || coalesce(i.description, ''), ts_rank(i.search_vector, q.query), m.starts_at
          FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id, q
         WHERE i.search_vector @@ q.query AND (@body::text IS NULL OR m.body_slug = @body)
           AND (@sees_exempt OR (i.part = 'PartI' AND m.agenda_is_public))
        UNION ALL
        SELECT 'report', r.id, m.id, r.title, coalesce(r.purpose, '') || ' ' || coalesce(r.recommendations, '') || ' ' || coalesce(r.text, ''),
               ts_rank(r.search_vector, q.query), m.starts_at
          FROM reports r JOIN agenda_items i ON i.id = r.agenda_item_id JOIN meetings m ON m.id = i.meeting_id, q
         WHERE r.search_vector @@ q.query AND (@body::text IS NULL OR m.body_slug = @body)
           AND (@sees_exempt OR (i.part = 'PartI' AND m.agenda_is_public))
        UNION ALL
        SELECT 'minute', mi.id, m.id, mi.number || ' ' || mi.title, mi.text, ts_rank(mi.search_vector, q.query), m.starts_at
          FROM minutes mi JOIN meetings m ON m.id = mi.meeting_id, q
         WHERE mi.search_vector @@ q.query AND (@body::text IS NULL OR m.body_slug = @body)
           AND (@sees_exempt OR (NOT mi.is_exempt AND m.minutes_are_public))
        """;

    /// <summary><c>?q=</c> in web-search syntax ("quoted phrases", -exclusions, or); <c>?body=</c> narrows to one body.</summary>
    private static async Task<Results<Ok<SearchPage>, ValidationProblem>> Search(
        ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken,
        string? q = null, string? body = null, int? limit = null, string? cursor = null)
    {
        var validation = new Validation().Required("q", q, 200).PlainText("q", q);
        Paging.TryReadLimit(limit, validation, out var take);
        Paging.TryDecode<SearchCursor>(cursor, validation, out var after);
        if (after is { Offset: < 0 or > 10_000 })
        {
            validation.Add("cursor", "cursor is not one this API gave out.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var offset = after?.Offset ?? 0;
        var viewer = Viewer.From(user);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        var hits = new List<SearchHit>();
        await using (var command = new NpgsqlCommand($"""
            WITH hits AS ({Hits})
            SELECT kind, id, meeting_id, title,
                   ts_headline('english', doc, websearch_to_tsquery('english', @query), 'MaxFragments=2, MaxWords=30, MinWords=10') AS snippet,
                   rank, starts_at
              FROM (SELECT * FROM hits ORDER BY rank DESC, starts_at DESC, id LIMIT @take OFFSET @offset) page
             ORDER BY rank DESC, starts_at DESC, id
            """, connection))
        {
            AddParameters(command, q!, body, viewer);
            command.Parameters.AddWithValue("take", take + 1);
            command.Parameters.AddWithValue("offset", offset);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                hits.Add(new SearchHit(
                    reader.GetString(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3), reader.GetString(4),
                    Math.Round(reader.GetFloat(5), 6), UkTime.ToLondon(reader.GetFieldValue<DateTimeOffset>(6))));
            }
        }

        long total;
        await using (var count = new NpgsqlCommand($"WITH hits AS ({Hits}) SELECT count(*) FROM hits", connection))
        {
            AddParameters(count, q!, body, viewer);
            total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        var hasMore = hits.Count > take;
        return TypedResults.Ok(new SearchPage(
            hasMore ? hits.Take(take).ToList() : hits,
            hasMore ? Paging.Encode(new SearchCursor(offset + take)) : null,
            total));
    }

    private static void AddParameters(NpgsqlCommand command, string query, string? body, Viewer viewer)
    {
        command.Parameters.AddWithValue("query", query.Trim());
        command.Parameters.Add(new NpgsqlParameter("body", NpgsqlTypes.NpgsqlDbType.Text) { Value = string.IsNullOrWhiteSpace(body) ? DBNull.Value : body });
        command.Parameters.AddWithValue("sees_exempt", viewer.SeesExempt);
    }
}
