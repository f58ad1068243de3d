using Microsoft.EntityFrameworkCore;
using PanelPlatform.Casework.Data;
using PanelPlatform.Casework.Domain;

namespace PanelPlatform.Casework.Endpoints;

/// <summary>Gathers the caseworker's view of a case: its notes, documents (without their content), links and assignee.</summary>
internal static class CaseFiles
{
    public static async Task<CaseFile> LoadAsync(CaseworkDbContext db, Case @case, CancellationToken cancellationToken)
    {
        var notes = await db.Notes.AsNoTracking().Where(n => n.CaseId == @case.Id).OrderBy(n => n.CreatedAt)
            .Select(n => new NoteView(n.Id, n.Text, n.AuthorName, n.CreatedAt)).ToListAsync(cancellationToken);
        var documents = await db.Documents.AsNoTracking().Where(d => d.CaseId == @case.Id).OrderBy(d => d.UploadedAt)
            .Select(d => new DocumentView(d.Id, d.FileName, d.ContentType, d.Length, d.UploadedBy, d.UploadedAt)).ToListAsync(cancellationToken);
        var links = await (
                from link in db.Links.AsNoTracking()
                join other in db.Cases.AsNoTracking() on link.LinkedCaseId equals other.Id
                where link.CaseId == @case.Id
                orderby other.Reference
                select new LinkView(other.Id, other.Reference, other.Type, other.Status))
            .ToListAsync(cancellationToken);
        var assignee = @case.AssigneeId is { } id ? await db.Caseworkers.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, cancellationToken) : null;
        return CaseViews.File(@case, assignee, notes.Select(Localise).ToList(), documents.Select(Localise).ToList(), links);
    }

    public static async Task<Dictionary<Guid, Caseworker>> AssigneesAsync(CaseworkDbContext db, IEnumerable<Guid?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        return wanted.Count == 0
            ? []
            : await db.Caseworkers.AsNoTracking().Where(w => wanted.Contains(w.Id)).ToDictionaryAsync(w => w.Id, cancellationToken);
    }

    private static NoteView Localise(NoteView n) => n with { CreatedAt = CaseViews.London(n.CreatedAt)!.Value };

    private static DocumentView Localise(DocumentView d) => d with { UploadedAt = CaseViews.London(d.UploadedAt)!.Value };
}
