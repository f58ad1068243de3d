using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Casework.Data;
using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Casework.Endpoints;

/// <summary>The caseworkers cases can be assigned to: each registers themselves from their token.</summary>
public static class CaseworkerEndpoints
{
    public static RouteGroupBuilder MapCaseworkerEndpoints(this RouteGroupBuilder casework)
    {
        casework.MapPost("/caseworkers/me", Register).RequireAuthorization(Roles.Caseworker);
        casework.MapGet("/caseworkers", List).RequireAuthorization(Roles.Caseworker);
        return casework;
    }

    public sealed record CaseworkerView(Guid Id, string Name);

    private static async Task<Ok<CaseworkerView>> Register(
        CaseworkerDirectory directory, CaseworkDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var caseworker = await directory.RegisterAsync(user, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new CaseworkerView(caseworker.Id, caseworker.Name));
    }

    private static async Task<Ok<List<CaseworkerView>>> List(CaseworkDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Caseworkers.AsNoTracking().OrderBy(w => w.Name)
            .Select(w => new CaseworkerView(w.Id, w.Name)).ToListAsync(cancellationToken));
}
