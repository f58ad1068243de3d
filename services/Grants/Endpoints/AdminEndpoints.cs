using Microsoft.AspNetCore.Http.HttpResults;
using PanelPlatform.Grants.Data;
using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Grants.Endpoints;

/// <summary>Development only: load the seed schemes and rounds into a running service.</summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/grants/admin/seed", Seed).RequireAuthorization(Roles.Admin).WithTags("Admin");
        return routes;
    }

    private static async Task<Ok<SeedLoader.Result>> Seed(SeedLoader loader, CancellationToken cancellationToken) =>
        TypedResults.Ok(await loader.LoadAsync(cancellationToken));
}
