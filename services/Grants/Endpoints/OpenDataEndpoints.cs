using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PanelPlatform.Grants.Data;
using PanelPlatform.Grants.OpenData;

namespace PanelPlatform.Grants.Endpoints;

/// <summary>Every award as 360Giving open data: the pledge that all grant and funding agreements are public.</summary>
public static class OpenDataEndpoints
{
    public static IEndpointRouteBuilder MapOpenDataEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/grants/360giving.json", Json).WithTags("Open data");
        routes.MapGet("/api/grants/360giving.csv", Csv).WithTags("Open data");
        return routes;
    }

    public static async Task<IReadOnlyList<ThreeSixtyGiving.Grant>> GrantsAsync(GrantsDbContext db, OpenDataOptions options, CancellationToken cancellationToken)
    {
        var awards = await db.Awards.AsNoTracking().OrderBy(a => a.AwardDate).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        return awards.Select(a => ThreeSixtyGiving.ToGrant(a, options)).ToList();
    }

    private static async Task<IResult> Json(GrantsDbContext db, IOptions<GrantsOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var openData = options.Value.OpenData;
        var grants = await GrantsAsync(db, openData, cancellationToken);
        var modified = grants.Count == 0 ? time.GetUtcNow().ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : grants.Max(g => g.DateModified)!;
        return TypedResults.Ok(new ThreeSixtyGiving.Package(
            ThreeSixtyGiving.SchemaVersion, $"{openData.PublisherName}: grants awarded", openData.License,
            new ThreeSixtyGiving.Publisher(openData.PublisherName), modified, grants));
    }

    private static async Task<IResult> Csv(GrantsDbContext db, IOptions<GrantsOptions> options, CancellationToken cancellationToken)
    {
        var grants = await GrantsAsync(db, options.Value.OpenData, cancellationToken);
        return TypedResults.Text(ThreeSixtyGiving.ToCsv(grants), "text/csv; charset=utf-8", Encoding.UTF8);
    }
}
