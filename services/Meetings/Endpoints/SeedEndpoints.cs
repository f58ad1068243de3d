using Microsoft.AspNetCore.Http.HttpResults;
using PanelPlatform.Meetings.Data;
using PanelPlatform.Meetings.Seed;
using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Meetings.Endpoints;

/// <summary>
/// <c>POST /api/meetings/dev/seed</c> loads the Derbyshire fixture: mapped only in Development (or where
/// <c>Meetings:EnableSeedEndpoint</c> is set, as the tests do), for a clerk or admin.
/// </summary>
public static class SeedEndpoints
{
    public const string EnableSetting = "Meetings:EnableSeedEndpoint";

    public static IEndpointRouteBuilder MapSeedEndpoints(this WebApplication app)
    {
        if (app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>(EnableSetting))
        {
            app.MapPost("/api/meetings/dev/seed", Seed).RequireAuthorization(Roles.Clerk).WithTags("Development");
        }

        return app;
    }

    private static async Task<Ok<SeedResult>> Seed(MeetingsDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.Ok(await SeedLoader.LoadAsync(db, SeedLoader.Read(), time, announce: true, cancellationToken));
}

/// <summary>Complaints about the Commissioner referred to the Panel (from Casework): references only, for the clerk and members.</summary>
public static class PanelMatterEndpoints
{
    public sealed record PanelMatterResponse(Guid CaseId, string Reference, DateTimeOffset ReferredAt);

    public static IEndpointRouteBuilder MapPanelMatterEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/meetings/panel-matters", List).RequireAuthorization(Roles.PanelMember + "-or-clerk").WithTags("Panel matters");
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<PanelMatterResponse>>> List(MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var matters = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.PanelMatters.OrderByDescending(m => m.ReferredAt).Take(200).Select(m => new PanelMatterResponse(m.CaseId, m.Reference, m.ReferredAt)),
            cancellationToken);
        return TypedResults.Ok<IReadOnlyList<PanelMatterResponse>>(matters);
    }
}
