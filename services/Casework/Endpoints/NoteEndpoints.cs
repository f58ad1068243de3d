using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Casework.Data;
using PanelPlatform.Casework.Domain;
using PanelPlatform.Casework.Security;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Http;

namespace PanelPlatform.Casework.Endpoints;

/// <summary>Caseworkers' notes. Written here; read in the case file (<c>GET /cases/{id}</c>), where reading them is audited.</summary>
public static class NoteEndpoints
{
    public static RouteGroupBuilder MapNoteEndpoints(this RouteGroupBuilder cases)
    {
        cases.MapPost("/{id:guid}/notes", Add).RequireAuthorization(Roles.Caseworker);
        return cases;
    }

    public sealed record NoteRequest(string? Text);

    public sealed record NoteReceipt(Guid Id, Guid CaseId, DateTimeOffset CreatedAt);

    private static async Task<Results<Created<NoteReceipt>, ValidationProblem, ProblemHttpResult>> Add(
        Guid id, NoteRequest request, CaseworkDbContext db, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var validation = new Validation().Text("text", request.Text, InputRules.NoteMax, required: true);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var @case = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (@case is null)
        {
            return CaseProblems.CaseNotFound(id);
        }

        try
        {
            var note = CaseNote.Write(@case, request.Text!, PersonalData.SubjectOf(user), PersonalData.NameOf(user), time.GetUtcNow());
            db.Notes.Add(note);
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Created($"/api/casework/cases/{id}", new NoteReceipt(note.Id, id, CaseViews.London(note.CreatedAt)!.Value));
        }
        catch (CaseRuleException rule)
        {
            return CaseProblems.From(rule);
        }
    }
}
