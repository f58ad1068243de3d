using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Grants.Data;
using PanelPlatform.Grants.Domain;
using PanelPlatform.ServiceDefaults.Http;

namespace PanelPlatform.Grants.Endpoints;

/// <summary>The register's totals: overall, by district and by scheme, for the public page of awards and the figures.</summary>
public static class AwardTotalsEndpoints
{
    public static IEndpointRouteBuilder MapAwardTotalsEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/grants/awards/totals", Totals).WithTags("Awards");
        return routes;
    }

    public sealed record AreaTotal(string Area, int Awards, decimal AmountAwarded);

    public sealed record SchemeTotal(string SchemeSlug, string SchemeName, int Awards, decimal AmountAwarded);

    /// <param name="ByArea">Every district, in the usual order, with 0 where nothing was awarded. An award to a project
    /// serving several districts counts in full in each, so these add up to more than the overall total.</param>
    /// <param name="ByScheme">Schemes with at least one award, largest amount first.</param>
    public sealed record AwardTotals(int Awards, decimal AmountAwarded, IReadOnlyList<AreaTotal> ByArea, IReadOnlyList<SchemeTotal> ByScheme);

    /// <summary>Totals of every award, or of those of <c>?round=</c>, <c>?scheme=</c> (slug) and <c>?year=</c> (calendar year of the award date).</summary>
    private static async Task<Results<Ok<AwardTotals>, ValidationProblem>> Totals(
        GrantsDbContext db, CancellationToken cancellationToken, Guid? round = null, string? scheme = null, int? year = null)
    {
        var validation = new Validation()
            .Must(year is null or (>= 2000 and <= 2100), "year", "year is a calendar year such as 2022.")
            .MaxLength("scheme", scheme, 100);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var query = db.Awards.AsNoTracking();
        if (round is { } roundId)
        {
            query = query.Where(a => a.RoundId == roundId);
        }

        if (!string.IsNullOrWhiteSpace(scheme))
        {
            query = query.Where(a => a.SchemeSlug == scheme.Trim());
        }

        if (year is { } y)
        {
            var from = new DateOnly(y, 1, 1);
            var to = new DateOnly(y + 1, 1, 1);
            query = query.Where(a => a.AwardDate >= from && a.AwardDate < to);
        }

        // A few hundred awards a year: the rows' amounts and places are summed here rather than unnesting areas in SQL.
        var rows = await query.Select(a => new { a.Amount, a.Areas, a.SchemeSlug, a.SchemeName }).ToListAsync(cancellationToken);
        var byArea = Districts.Names
            .Select(area => new AreaTotal(area, rows.Count(r => r.Areas.Contains(area)), rows.Where(r => r.Areas.Contains(area)).Sum(r => r.Amount)))
            .ToList();
        var byScheme = rows.GroupBy(r => (r.SchemeSlug, r.SchemeName))
            .Select(g => new SchemeTotal(g.Key.SchemeSlug, g.Key.SchemeName, g.Count(), g.Sum(r => r.Amount)))
            .OrderByDescending(s => s.AmountAwarded).ThenBy(s => s.SchemeName, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new AwardTotals(rows.Count, rows.Sum(r => r.Amount), byArea, byScheme));
    }
}
