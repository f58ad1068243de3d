using Microsoft.EntityFrameworkCore;
using PanelPlatform.Meetings.Data;
using PanelPlatform.Meetings.Domain;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Meetings.Queries;

public record MeetingSummary(
    Guid Id,
    string BodySlug,
    string BodyName,
    string Title,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    string? Location,
    bool IsVirtual,
    MeetingStatus Status,
    string? StatusReason,
    int Sequence,
    bool AgendaPublished,
    DateTimeOffset? AgendaPublishedAt,
    bool AgendaPublishedLate,
    string? AgendaUrgencyReason,
    bool MinutesPublished,
    DateTimeOffset? MinutesPublishedAt,
    MinutesConfirmation? MinutesConfirmedBy)
{
    public static MeetingSummary From(Meeting m) => new(
        m.Id, m.BodySlug, m.BodyName, m.Title, UkTime.ToLondon(m.StartsAt), m.EndsAt is { } e ? UkTime.ToLondon(e) : null,
        m.Location, m.IsVirtual, m.Status, m.StatusReason, m.Sequence, m.AgendaIsPublic,
        m.AgendaPublishedAt is { } a ? UkTime.ToLondon(a) : null, m.AgendaPublishedLate, m.AgendaUrgencyReason,
        m.MinutesArePublic, m.MinutesPublishedAt is { } p ? UkTime.ToLondon(p) : null,
        m.ConfirmedAtMeetingId is { } by ? new MinutesConfirmation(by, m.ConfirmingMinuteNumber!) : null);
}

public sealed record MinutesConfirmation(Guid MeetingId, string MinuteNumber);

public sealed record DocumentSummary(
    Guid Id, Guid? AgendaItemId, string Title, DocumentKind Kind, string ContentType, string FileName, long SizeBytes, int? PageCount,
    bool IsExempt, string DownloadUrl);

public sealed record ReportSummary(
    Guid Id, string Title, string ReportBy, DateOnly Date, string Purpose, string? Recommendations, string? ContactName,
    string? ContactPhone, string? ContactEmail, IReadOnlyList<string> Attachments);

public sealed record QuestionSummary(Guid QuestionId, string Kind, string Topic, string AskedBy, string Text, string? Answer, string? AnsweredBy, bool Published);

public sealed record ItemView(
    Guid Id, int Order, string Number, string Title, string? Description, ItemKind Kind, AgendaPart Part, string? ExemptionReason,
    int? PageFrom, int? PageTo, string? MinuteNumber, ReportSummary? Report, IReadOnlyList<DocumentSummary> Documents,
    IReadOnlyList<QuestionSummary> Questions);

public sealed record AttendanceView(Guid PersonId, string Name, AttendanceKind Kind, string? Capacity);

public sealed record ResolutionView(Guid Id, int Order, string Text);

public sealed record MinuteView(Guid Id, string Number, Guid? AgendaItemId, string Title, string Text, bool IsExempt, IReadOnlyList<ResolutionView> Resolutions);

public sealed record DeclarationView(Guid Id, Guid PersonId, string PersonName, Guid? AgendaItemId, DeclarationKind Kind, string Detail);

public sealed record DecisionView(
    Guid Id, DecisionKind Kind, MotionKind Motion, string Subject, int MembersInOffice, int VotesFor, int VotesAgainst, int Abstentions,
    DecisionOutcome Outcome, DateOnly? ReportedToCommissionerOn, DateOnly? ResponseDueOn);

public sealed record MatterArising(Guid ActionId, string MinuteNumber, string What, string Owner, DateOnly? DueOn, ActionStatus Status);

public sealed record NextMeeting(Guid Id, string Title, DateTimeOffset StartsAt);

public sealed record PageCounts(int Items, int Documents, int Minutes);

/// <summary>The meeting (its summary fields at the top level, as before) with everything on its page.</summary>
public sealed record MeetingPage : MeetingSummary
{
    public MeetingPage(MeetingSummary summary)
        : base(summary)
    {
    }

    public required IReadOnlyList<ItemView> Items { get; init; }
    public required IReadOnlyList<AttendanceView> Attendance { get; init; }
    public required IReadOnlyList<MinuteView> Minutes { get; init; }
    public required IReadOnlyList<DeclarationView> Declarations { get; init; }
    public required IReadOnlyList<DecisionView> Decisions { get; init; }
    public required IReadOnlyList<MatterArising> MattersArising { get; init; }
    public required NextMeeting? NextMeeting { get; init; }
    public required PageCounts Counts { get; init; }
}

/// <summary>The meeting page: everything a reader of one meeting sees, with the Part II rule applied throughout.</summary>
public static class MeetingPageQuery
{
    public static string DownloadUrl(Guid documentId) => $"/api/meetings/documents/{documentId}/content";

    public static async Task<MeetingPage?> LoadAsync(MeetingsDbContext db, Guid meetingId, Viewer viewer, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
        {
            return null;
        }

        var items = viewer.SeesAgenda(meeting)
            ? await db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == meetingId).VisibleTo(viewer)
                .OrderBy(i => i.Order).ThenBy(i => i.Number).ToListAsync(cancellationToken)
            : [];
        var documents = viewer.SeesAgenda(meeting)
            ? await db.Documents.AsNoTracking().Include(d => d.AgendaItem).Where(d => d.MeetingId == meetingId).VisibleTo(viewer)
                .OrderBy(d => d.UploadedAt).ToListAsync(cancellationToken)
            : [];
        var itemIds = items.Select(i => i.Id).ToList();
        var reports = items.Count == 0
            ? []
            : await db.Reports.AsNoTracking().Where(r => itemIds.Contains(r.AgendaItemId)).ToListAsync(cancellationToken);
        var minutes = await db.Minutes.AsNoTracking().Include(m => m.Resolutions)
            .Where(m => m.MeetingId == meetingId).VisibleTo(viewer)
            .OrderBy(m => m.Order).ThenBy(m => m.Sequence).ToListAsync(cancellationToken);
        var questions = items.Count == 0
            ? []
            : await db.Questions.AsNoTracking().Where(q => q.MeetingId == meetingId).OrderBy(q => q.AcceptedAt).ToListAsync(cancellationToken);
        var attendance = await (
            from a in db.Attendance.AsNoTracking()
            join p in db.People.AsNoTracking() on a.PersonId equals p.Id
            where a.MeetingId == meetingId
            orderby a.Order, p.Name
            select new AttendanceView(p.Id, p.Name, a.Kind, a.Capacity)).ToListAsync(cancellationToken);
        var declarations = await (
            from d in db.Declarations.AsNoTracking()
            join p in db.People.AsNoTracking() on d.PersonId equals p.Id
            where d.MeetingId == meetingId && (viewer.SeesExempt || d.AgendaItem == null || d.AgendaItem.Part == AgendaPart.PartI)
            orderby d.RecordedAt
            select new DeclarationView(d.Id, p.Id, p.Name, d.AgendaItemId, d.Kind, d.Detail)).ToListAsync(cancellationToken);
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.MeetingId == meetingId).OrderBy(d => d.RecordedAt)
            .Select(d => new DecisionView(d.Id, d.Kind, d.Motion, d.Subject, d.MembersInOffice, d.VotesFor, d.VotesAgainst, d.Abstentions,
                d.Outcome, d.ReportedToCommissionerOn, d.ResponseDueOn))
            .ToListAsync(cancellationToken);
        var mattersArising = await MattersArisingAsync(db, meeting, viewer, cancellationToken);
        var next = await db.Meetings.AsNoTracking()
            .Where(m => m.BodyId == meeting.BodyId && m.StartsAt > meeting.StartsAt && m.Status != MeetingStatus.Cancelled)
            .OrderBy(m => m.StartsAt).Select(m => new NextMeeting(m.Id, m.Title, m.StartsAt)).FirstOrDefaultAsync(cancellationToken);

        var minuteByItem = minutes.Where(m => m.AgendaItemId is not null).ToDictionary(m => m.AgendaItemId!.Value, m => m.Number);
        var itemViews = items.Select(i => new ItemView(
            i.Id, i.Order, i.Number, i.Title, i.Description, i.Kind, i.Part, i.ExemptionReason, i.PageFrom, i.PageTo,
            minuteByItem.GetValueOrDefault(i.Id),
            reports.Where(r => r.AgendaItemId == i.Id).Select(MapReport).FirstOrDefault(),
            documents.Where(d => d.AgendaItemId == i.Id).Select(MapDocument).ToList(),
            QuestionsFor(i, items, questions))).ToList();

        return new MeetingPage(MeetingSummary.From(meeting))
        {
            Items = itemViews,
            Attendance = attendance,
            Minutes = minutes.Select(m => new MinuteView(m.Id, m.Number, m.AgendaItemId, m.Title, m.Text, m.IsExempt,
                m.Resolutions.OrderBy(r => r.Order).Select(r => new ResolutionView(r.Id, r.Order, r.Text)).ToList())).ToList(),
            Declarations = declarations,
            Decisions = decisions,
            MattersArising = mattersArising,
            NextMeeting = next is null ? null : next with { StartsAt = UkTime.ToLondon(next.StartsAt) },
            Counts = new PageCounts(itemViews.Count, documents.Count, minutes.Count),
        };
    }

    /// <summary>Questions sit under the item they were accepted for, else under the agenda's questions item of their kind.</summary>
    private static List<QuestionSummary> QuestionsFor(AgendaItem item, IReadOnlyList<AgendaItem> items, IReadOnlyList<MeetingQuestion> questions)
    {
        var fallbackKind = item.Kind switch
        {
            ItemKind.PublicQuestions => Contracts.Questions.QuestionKinds.Public,
            ItemKind.MemberQuestions => Contracts.Questions.QuestionKinds.Member,
            _ => null,
        };
        var firstOfKind = fallbackKind is not null && items.First(i => i.Kind == item.Kind).Id == item.Id;
        return questions
            .Where(q => q.AgendaItemId == item.Id ||
                        (firstOfKind && q.Kind == fallbackKind && (q.AgendaItemId is null || items.All(i => i.Id != q.AgendaItemId))))
            .Select(q => new QuestionSummary(q.QuestionId, q.Kind, q.Topic, q.AskedBy, q.Text,
                q.PublishedAt is null ? null : q.Answer, q.PublishedAt is null ? null : q.AnsweredBy, q.PublishedAt is not null))
            .ToList();
    }

    public static async Task<List<MatterArising>> MattersArisingAsync(MeetingsDbContext db, Meeting meeting, Viewer viewer, CancellationToken cancellationToken)
    {
        var date = meeting.Date;
        var candidates = await (
            from a in db.Actions.AsNoTracking()
            join m in db.Meetings.AsNoTracking() on a.MeetingId equals m.Id
            where a.BodyId == meeting.BodyId && m.StartsAt < meeting.StartsAt && (viewer.SeesExempt || !a.IsExempt)
                  && (a.Status != ActionStatus.Done || a.CompletedOn >= date)
            orderby m.StartsAt, a.MinuteNumber
            select new { a, m.StartsAt }).ToListAsync(cancellationToken);
        return candidates
            .Where(x => MeetingAction.IsMatterArisingOn(UkTime.LondonDate(x.StartsAt), x.a.Status, x.a.CompletedOn, date))
            .Select(x => new MatterArising(x.a.Id, x.a.MinuteNumber, x.a.What, x.a.Owner, x.a.DueOn, x.a.Status))
            .ToList();
    }

    public static DocumentSummary MapDocument(Document d) => new(
        d.Id, d.AgendaItemId, d.Title, d.Kind, d.ContentType, d.FileName, d.SizeBytes, d.PageCount, d.IsEffectivelyExempt, DownloadUrl(d.Id));

    public static ReportSummary MapReport(Report r) => new(
        r.Id, r.Title, r.ReportBy, r.Date, r.Purpose, r.Recommendations, r.ContactName, r.ContactPhone, r.ContactEmail, r.Attachments);
}
