using PanelPlatform.Meetings.Domain;

namespace PanelPlatform.Meetings.Queries;

/// <summary>
/// The Part II rule as query filters, so every read path (pages, lists, counts, search, feeds, OParl) applies the same
/// one: exempt rows and unpublished agendas or minutes do not exist for a viewer who may not see them.
/// </summary>
public static class VisibleQueries
{
    public static IQueryable<AgendaItem> VisibleTo(this IQueryable<AgendaItem> items, Viewer viewer) =>
        viewer.SeesExempt ? items : items.Where(i => i.Part == AgendaPart.PartI && i.Meeting.AgendaIsPublic);

    public static IQueryable<Minute> VisibleTo(this IQueryable<Minute> minutes, Viewer viewer) =>
        viewer.SeesExempt ? minutes : minutes.Where(m => !m.IsExempt && m.Meeting.MinutesArePublic);

    public static IQueryable<Document> VisibleTo(this IQueryable<Document> documents, Viewer viewer) =>
        viewer.SeesExempt
            ? documents
            : documents.Where(d => !d.IsExempt && d.Meeting.AgendaIsPublic && (d.AgendaItem == null || d.AgendaItem.Part == AgendaPart.PartI));

    public static IQueryable<Report> VisibleTo(this IQueryable<Report> reports, Viewer viewer) =>
        viewer.SeesExempt ? reports : reports.Where(r => r.AgendaItem.Part == AgendaPart.PartI && r.AgendaItem.Meeting.AgendaIsPublic);
}
