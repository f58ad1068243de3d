using Microsoft.AspNetCore.Http.HttpResults;
using PanelPlatform.Questions.Seed;
using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Questions.Endpoints;

/// <summary><c>POST /api/questions/admin/seed</c>: loads the seed fixture (Development, or where configured).</summary>
public static class SeedEndpoints
{
    public static IEndpointRouteBuilder MapSeedEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/questions/admin/seed", Seed).WithTags("Admin").RequireAuthorization(Roles.Admin);
        return routes;
    }

    private static async Task<Ok<SeedLoader.Result>> Seed(SeedLoader loader, CancellationToken cancellationToken) =>
        TypedResults.Ok(await loader.LoadAsync(cancellationToken));
}
