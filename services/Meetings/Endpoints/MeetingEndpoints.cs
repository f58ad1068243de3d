using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PanelPlatform.Contracts.Meetings;
using PanelPlatform.Meetings.Data;
using PanelPlatform.Meetings.Domain;
using PanelPlatform.Meetings.Queries;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Http;
using PanelPlatform.ServiceDefaults.Messaging;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Meetings.Endpoints;

public static class MeetingEndpoints
{
    public static IEndpointRouteBuilder MapMeetingEndpoints(this IEndpointRouteBuilder routes)
    {
        var meetings = routes.MapGroup("/api/meetings/meetings").WithTags("Meetings");
        meetings.MapPost("/", Schedule).RequireAuthorization(Roles.Clerk);
        meetings.MapGet("/{id:guid}", Get);
        meetings.MapGet("/", List);
        meetings.MapPut("/{id:guid}", Update).RequireAuthorization(Roles.Clerk);
        meetings.MapPost("/{id:guid}/reschedule", Reschedule).RequireAuthorization(Roles.Clerk);
        meetings.MapPost("/{id:guid}/cancel", Cancel).RequireAuthorization(Roles.Clerk);
        meetings.MapPost("/{id:guid}/agenda/publish", PublishAgenda).RequireAuthorization(Roles.Clerk);
        meetings.MapPost("/{id:guid}/held", MarkHeld).RequireAuthorization(Roles.Clerk);
        meetings.MapPut("/{id:guid}/attendance", SetAttendance).RequireAuthorization(Roles.Clerk);
        return routes;
    }

    /// <summary><c>bodySlug</c> names an existing body; <c>bodyName</c> alone finds the body by its slug or creates it on first use.</summary>
    public sealed record ScheduleMeetingRequest(
        string? BodyName,
        string? Title,
        DateTimeOffset? StartsAt,
        DateTimeOffset? EndsAt,
        string? Location,
        bool? IsVirtual,
        string? BodySlug = null,
        IReadOnlyList<string>? Areas = null);

    public sealed record UpdateMeetingRequest(string? Title);

    public sealed record RescheduleRequest(DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Location, bool? IsVirtual, string? Reason);

    public sealed record CancelRequest(string? Reason);

    public sealed record PublishAgendaRequest(string? UrgencyReason);

    public sealed record AgendaNoticeResponse(DateOnly PublishedOn, DateOnly MeetingOn, int ClearWorkingDays, int Required, bool Late, DateOnly Deadline);

    public sealed record PublishAgendaResponse(MeetingSummary Meeting, AgendaNoticeResponse Notice);

    public sealed record AttendanceEntry(Guid? PersonId, AttendanceKind? Kind, string? Capacity);

    public sealed record AttendanceRequest(IReadOnlyList<AttendanceEntry>? Entries);

    /// <summary>A meeting in a list: the summary and how many items the reader may see.</summary>
    public sealed record MeetingListItem(
        Guid Id, string BodySlug, string BodyName, string Title, DateTimeOffset StartsAt, DateTimeOffset? EndsAt, string? Location,
        bool IsVirtual, MeetingStatus Status, string? StatusReason, int Sequence, bool AgendaPublished, bool AgendaPublishedLate,
        bool MinutesPublished, int ItemCount);

    private static async Task<Results<Created<MeetingSummary>, ValidationProblem, ProblemHttpResult>> Schedule(
        ScheduleMeetingRequest request, MeetingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .MaxLength("bodyName", request.BodyName, 200)
            .PlainText("bodyName", request.BodyName)
            .MaxLength("bodySlug", request.BodySlug, 200)
            .Required("title", request.Title, 300)
            .PlainText("title", request.Title)
            .Required("startsAt", request.StartsAt)
            .MaxLength("location", request.Location, 300)
            .PlainText("location", request.Location);
        if (string.IsNullOrWhiteSpace(request.BodyName) && string.IsNullOrWhiteSpace(request.BodySlug))
        {
            validation.Add("bodyName", "bodyName (or bodySlug) is required.");
        }

        if (request.StartsAt is { } start && request.EndsAt is { } end && end <= start)
        {
            validation.Add("endsAt", "endsAt must be after startsAt.");
        }

        if (request.IsVirtual != true && string.IsNullOrWhiteSpace(request.Location))
        {
            validation.Add("location", "location is required unless the meeting is virtual.");
        }

        if (request.BodyName is not null && Slugs.From(request.BodyName).Length == 0)
        {
            validation.Add("bodyName", "bodyName must contain letters or digits.");
        }

        if (request.Areas is { } areas && (areas.Count > 20 || areas.Any(a => string.IsNullOrWhiteSpace(a) || a.Length > 100)))
        {
            validation.Add("areas", "areas must be at most 20 names of at most 100 characters.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var now = time.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ScheduleOnceAsync(request, db, now, cancellationToken);
            }
            catch (DbUpdateException e) when (attempt == 1 && e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique
                                              && unique.TableName == "bodies")
            {
                // Two first meetings of a new body at once: the other request created it; schedule against that one.
                db.ChangeTracker.Clear();
            }
        }
    }

    private static async Task<Results<Created<MeetingSummary>, ValidationProblem, ProblemHttpResult>> ScheduleOnceAsync(
        ScheduleMeetingRequest request, MeetingsDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Body? body;
        if (!string.IsNullOrWhiteSpace(request.BodySlug))
        {
            body = await db.Bodies.FirstOrDefaultAsync(b => b.Slug == request.BodySlug, cancellationToken);
            if (body is null)
            {
                return Problems.RuleProblem("unknown-body", "Unknown body", $"There is no body '{request.BodySlug}'; create it first.");
            }
        }
        else
        {
            var slug = Slugs.From(request.BodyName!);
            body = await db.Bodies.FirstOrDefaultAsync(b => b.Slug == slug, cancellationToken);
            if (body is null)
            {
                body = Body.Create(request.BodyName!, slug, BodyKind.Committee, now);
                db.Bodies.Add(body);
            }
        }

        var meeting = Meeting.Schedule(
            body, request.Title!, request.StartsAt!.Value, request.EndsAt, request.Location, request.IsVirtual ?? false, now);
        db.Meetings.Add(meeting);
        db.AddIntegrationEvent(new MeetingScheduled(
            meeting.Id, meeting.BodySlug, meeting.BodyName, meeting.Title, UkTime.ToLondon(meeting.StartsAt),
            Dates.London(meeting.EndsAt), meeting.Location, meeting.IsVirtual, request.Areas?.Select(a => a.Trim()).ToList() ?? [], now));
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Created($"/api/meetings/meetings/{meeting.Id}", MeetingSummary.From(meeting));
    }

    private static async Task<Results<Ok<MeetingPage>, ProblemHttpResult>> Get(
        Guid id, ClaimsPrincipal user, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var page = await MeetingPageQuery.LoadAsync(db, id, Viewer.From(user), cancellationToken);
        return page is null ? Problems.NotFoundProblem("Meeting", id) : TypedResults.Ok(page);
    }

    /// <summary>The last meeting served, and which way the list runs (a cursor of one order is refused by the other).</summary>
    private sealed record MeetingCursor(DateTimeOffset StartsAt, Guid Id, bool NewestFirst = false);

    public const string OldestFirst = "oldest-first";
    public const string NewestFirst = "newest-first";

    /// <summary>
    /// Meetings in date order, oldest first unless <c>?order=newest-first</c> (past meetings, most recent at the top);
    /// <c>?body=</c> filters by body slug, <c>?from=</c>/<c>?to=</c> bound the dates.
    /// </summary>
    private static async Task<Results<Ok<Page<MeetingListItem>>, ValidationProblem>> List(
        ClaimsPrincipal user, MeetingsDbContext db, CancellationToken cancellationToken,
        int? limit = null, string? cursor = null, string? body = null, DateTimeOffset? from = null, DateTimeOffset? to = null,
        string? status = null, string? order = null)
    {
        var validation = new Validation();
        KebabEnum.TryRead<MeetingStatus>(status, "status", validation, out var wantedStatus);
        Paging.TryReadLimit(limit, validation, out var take);
        Paging.TryDecode<MeetingCursor>(cursor, validation, out var after);
        var newestFirst = order == NewestFirst;
        if (order is not null and not OldestFirst and not NewestFirst)
        {
            validation.Add("order", $"order must be {OldestFirst} or {NewestFirst}.");
        }
        else if (after is not null && after.NewestFirst != newestFirst)
        {
            validation.Add("cursor", "cursor belongs to a list in the other order.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var viewer = Viewer.From(user);
        var query = db.Meetings.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(body))
        {
            query = query.Where(m => m.BodySlug == body);
        }

        if (from is { } fromInstant)
        {
            var fromUtc = fromInstant.ToUniversalTime();
            query = query.Where(m => m.StartsAt >= fromUtc);
        }

        if (to is { } toInstant)
        {
            var toUtc = toInstant.ToUniversalTime();
            query = query.Where(m => m.StartsAt < toUtc);
        }

        if (wantedStatus is { } wanted)
        {
            query = query.Where(m => m.Status == wanted);
        }

        if (after is not null)
        {
            query = newestFirst
                ? query.Where(m => m.StartsAt < after.StartsAt || (m.StartsAt == after.StartsAt && m.Id.CompareTo(after.Id) < 0))
                : query.Where(m => m.StartsAt > after.StartsAt || (m.StartsAt == after.StartsAt && m.Id.CompareTo(after.Id) > 0));
        }

        var ordered = newestFirst
            ? query.OrderByDescending(m => m.StartsAt).ThenByDescending(m => m.Id)
            : query.OrderBy(m => m.StartsAt).ThenBy(m => m.Id);
        var visibleItems = db.AgendaItems.VisibleTo(viewer);
        var rows = await ordered.Take(take + 1)
            .Select(m => new { Meeting = m, ItemCount = visibleItems.Count(i => i.MeetingId == m.Id) })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(Paging.ToPage(rows, take, r => ToListItem(r.Meeting, r.ItemCount),
            r => new MeetingCursor(r.Meeting.StartsAt, r.Meeting.Id, newestFirst)));
    }

    private static MeetingListItem ToListItem(Meeting m, int itemCount) => new(
        m.Id, m.BodySlug, m.BodyName, m.Title, UkTime.ToLondon(m.StartsAt), Dates.London(m.EndsAt), m.Location, m.IsVirtual, m.Status,
        m.StatusReason, m.Sequence, m.AgendaIsPublic, m.AgendaPublishedLate, m.MinutesArePublic, itemCount);

    private static async Task<Results<Ok<MeetingSummary>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, UpdateMeetingRequest request, MeetingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation().Required("title", request.Title, 300).PlainText("title", request.Title);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var meeting = await db.Meetings.FindAsync([id], cancellationToken);
        if (meeting is null)
        {
            return Problems.NotFoundProblem("Meeting", id);
        }

        meeting.Rename(request.Title!, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(MeetingSummary.From(meeting));
    }

    private static async Task<Results<Ok<MeetingSummary>, ValidationProblem, ProblemHttpResult>> Reschedule(
        Guid id, RescheduleRequest request, MeetingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Required("startsAt", request.StartsAt)
            .Required("reason", request.Reason, 1000).PlainText("reason", request.Reason)
            .MaxLength("location", request.Location, 300).PlainText("location", request.Location);
        if (request.StartsAt is { } start && request.EndsAt is { } end && end <= start)
        {
            validation.Add("endsAt", "endsAt must be after startsAt.");
        }

        if (request.IsVirtual != true && string.IsNullOrWhiteSpace(request.Location))
        {
            validation.Add("location", "location is required unless the meeting is virtual.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var meeting = await db.Meetings.FindAsync([id], cancellationToken);
        if (meeting is null)
        {
            return Problems.NotFoundProblem("Meeting", id);
        }

        var now = time.GetUtcNow();
        var previous = meeting.Reschedule(request.StartsAt!.Value, request.EndsAt, request.Location, request.IsVirtual ?? false, request.Reason!, now);
        db.AddIntegrationEvent(new MeetingRescheduled(
            meeting.Id, meeting.BodySlug, meeting.BodyName, meeting.Title, UkTime.ToLondon(previous), UkTime.ToLondon(meeting.StartsAt),
            Dates.London(meeting.EndsAt), meeting.Location, meeting.IsVirtual, meeting.StatusReason!, now));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(MeetingSummary.From(meeting));
    }

    private static async Task<Results<Ok<MeetingSummary>, ValidationProblem, ProblemHttpResult>> Cancel(
        Guid id, CancelRequest request, MeetingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation().Required("reason", request.Reason, 1000).PlainText("reason", request.Reason);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var meeting = await db.Meetings.FindAsync([id], cancellationToken);
        if (meeting is null)
        {
            return Problems.NotFoundProblem("Meeting", id);
        }

        var now = time.GetUtcNow();
        meeting.Cancel(request.Reason!, now);
        db.AddIntegrationEvent(new MeetingCancelled(
            meeting.Id, meeting.BodySlug, meeting.BodyName, meeting.Title, UkTime.ToLondon(meeting.StartsAt), meeting.StatusReason!, now));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(MeetingSummary.From(meeting));
    }

    /// <summary>Publishes the agenda now: five clear working days before the meeting, or late with a recorded urgency reason.</summary>
    private static async Task<Results<Ok<PublishAgendaResponse>, ValidationProblem, ProblemHttpResult>> PublishAgenda(
        Guid id, PublishAgendaRequest? request, MeetingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .MaxLength("urgencyReason", request?.UrgencyReason, 1000).PlainText("urgencyReason", request?.UrgencyReason);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var meeting = await db.Meetings.FindAsync([id], cancellationToken);
        if (meeting is null)
        {
            return Problems.NotFoundProblem("Meeting", id);
        }

        var body = await db.Bodies.AsNoTracking().FirstAsync(b => b.Id == meeting.BodyId, cancellationToken);
        var now = time.GetUtcNow();
        var notice = meeting.PublishAgenda(now, request?.UrgencyReason, body.NoticeClearWorkingDays);
        db.AddIntegrationEvent(await AgendaPublishedEventAsync(db, meeting, now, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new PublishAgendaResponse(
            MeetingSummary.From(meeting),
            new AgendaNoticeResponse(notice.PublishedOn, notice.MeetingOn, notice.ClearWorkingDays, notice.Required, notice.IsLate, notice.Deadline)));
    }

    /// <summary>AgendaPublished carries the public (Part I) items only, in agenda order.</summary>
    internal static async Task<AgendaPublished> AgendaPublishedEventAsync(MeetingsDbContext db, Meeting meeting, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var items = await db.AgendaItems.AsNoTracking()
            .Where(i => i.MeetingId == meeting.Id && i.Part == AgendaPart.PartI)
            .OrderBy(i => i.Order).ThenBy(i => i.Number)
            .Select(i => new AgendaItemSummary(i.Id, i.Number, i.Title))
            .ToListAsync(cancellationToken);
        return new AgendaPublished(
            meeting.Id, meeting.BodySlug, meeting.BodyName, meeting.Title, UkTime.ToLondon(meeting.StartsAt), items, meeting.AgendaPublishedLate, now);
    }

    private static async Task<Results<Ok<MeetingSummary>, ProblemHttpResult>> MarkHeld(
        Guid id, MeetingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.FindAsync([id], cancellationToken);
        if (meeting is null)
        {
            return Problems.NotFoundProblem("Meeting", id);
        }

        meeting.MarkHeld(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(MeetingSummary.From(meeting));
    }

    /// <summary>Replaces the attendance record: present, in the chair (one at most), apologies, officers, also present.</summary>
    private static async Task<Results<Ok<IReadOnlyList<AttendanceView>>, ValidationProblem, ProblemHttpResult>> SetAttendance(
        Guid id, AttendanceRequest request, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var entries = request.Entries ?? [];
        if (request.Entries is null)
        {
            validation.Add("entries", "entries is required.");
        }

        for (var i = 0; i < entries.Count; i++)
        {
            validation.Required($"entries[{i}].personId", entries[i].PersonId).Required($"entries[{i}].kind", entries[i].Kind)
                .MaxLength($"entries[{i}].capacity", entries[i].Capacity, 200).PlainText($"entries[{i}].capacity", entries[i].Capacity);
        }

        if (entries.Where(e => e.PersonId is not null).GroupBy(e => e.PersonId).Any(g => g.Count() > 1))
        {
            validation.Add("entries", "Each person appears once.");
        }

        if (entries.Count(e => e.Kind == AttendanceKind.InTheChair) > 1)
        {
            validation.Add("entries", "Only one person is in the chair.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var meeting = await db.Meetings.FindAsync([id], cancellationToken);
        if (meeting is null)
        {
            return Problems.NotFoundProblem("Meeting", id);
        }

        meeting.EnsureNotConfirmed();
        var personIds = entries.Select(e => e.PersonId!.Value).ToList();
        var known = await db.People.Where(p => personIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        var unknown = personIds.Except(known).ToList();
        if (unknown.Count > 0)
        {
            return Problems.RuleProblem("unknown-person", "Unknown person", $"There is no person with id '{unknown[0]}'.");
        }

        await db.Attendance.Where(a => a.MeetingId == id).ExecuteDeleteAsync(cancellationToken);
        db.Attendance.AddRange(entries.Select((e, i) => new Attendance
        {
            Id = Guid.CreateVersion7(),
            MeetingId = id,
            PersonId = e.PersonId!.Value,
            Kind = e.Kind!.Value,
            Capacity = BodyEndpoints.Blank(e.Capacity),
            Order = i,
        }));
        await db.SaveChangesAsync(cancellationToken);
        var page = await MeetingPageQuery.LoadAsync(db, id, new Viewer(true), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AttendanceView>>(page!.Attendance);
    }
}
