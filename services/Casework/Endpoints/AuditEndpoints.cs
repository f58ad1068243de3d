using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Casework.Data;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Http;

namespace PanelPlatform.Casework.Endpoints;

/// <summary>The personal data read log, for admin only; newest first. There is no endpoint to change or remove it.</summary>
public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder casework)
    {
        casework.MapGet("/audit", List).RequireAuthorization(Roles.Admin);
        return casework;
    }

    public sealed record AuditEntry(
        Guid Id, DateTimeOffset At, string ActorSubject, string ActorName, Guid CaseId, string Reference, string Purpose, IReadOnlyList<string> Fields);

    private sealed record AuditCursor(DateTimeOffset At, Guid Id);

    private static async Task<Results<Ok<Page<AuditEntry>>, ValidationProblem>> List(
        CaseworkDbContext db, CancellationToken cancellationToken,
        Guid? caseId = null, string? actor = null, int? limit = null, string? cursor = null)
    {
        var validation = new Validation().MaxLength("actor", actor, 200);
        Paging.TryReadLimit(limit, validation, out var take);
        Paging.TryDecode<AuditCursor>(cursor, validation, out var after);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var query = db.PersonalDataReads.AsNoTracking();
        if (caseId is { } id)
        {
            query = query.Where(r => r.CaseId == id);
        }

        if (!string.IsNullOrWhiteSpace(actor))
        {
            query = query.Where(r => r.ActorSubject == actor);
        }

        if (after is not null)
        {
            query = query.Where(r => r.At < after.At || (r.At == after.At && r.Id.CompareTo(after.Id) < 0));
        }

        var rows = await query.OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(take + 1).ToListAsync(cancellationToken);
        return TypedResults.Ok(Paging.ToPage(rows, take,
            r => new AuditEntry(r.Id, CaseViews.London(r.At)!.Value, r.ActorSubject, r.ActorName, r.CaseId, r.Reference, r.Purpose, r.Fields),
            r => new AuditCursor(r.At, r.Id)));
    }
}
