using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Meetings.Data;
using PanelPlatform.Meetings.Domain;
using PanelPlatform.Meetings.Queries;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Http;

namespace PanelPlatform.Meetings.Endpoints;

/// <summary>Actions arising from minutes (matters arising), the work programme and forthcoming events of a body.</summary>
public static class ProgrammeEndpoints
{
    public static IEndpointRouteBuilder MapProgrammeEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/meetings").WithTags("Actions and work programme");
        group.MapPost("/minutes/{minuteId:guid}/actions", AddAction).RequireAuthorization(Roles.Clerk);
        group.MapPut("/actions/{actionId:guid}", UpdateAction).RequireAuthorization(Roles.Clerk);
        group.MapGet("/bodies/{slug}/actions", ListActions);
        group.MapGet("/meetings/{id:guid}/matters-arising", MattersArising);
        group.MapPost("/bodies/{slug}/work-programme", AddEntry).RequireAuthorization(Roles.Clerk);
        group.MapGet("/bodies/{slug}/work-programme", ListEntries);
        group.MapPut("/work-programme/{entryId:guid}", UpdateEntry).RequireAuthorization(Roles.Clerk);
        group.MapDelete("/work-programme/{entryId:guid}", DeleteEntry).RequireAuthorization(Roles.Clerk);
        group.MapPost("/bodies/{slug}/forthcoming-events", AddEvent).RequireAuthorization(Roles.Clerk);
        group.MapGet("/bodies/{slug}/forthcoming-events", ListEvents);
        group.MapDelete("/forthcoming-events/{eventId:guid}", DeleteEvent).RequireAuthorization(Roles.Clerk);
        return routes;
    }

    public sealed record ActionRequest(string? What, string? Owner, DateOnly? DueOn, ActionStatus? Status);

    public sealed record ActionResponse(
        Guid Id, string BodySlug, Guid MeetingId, Guid MinuteId, string MinuteNumber, string What, string Owner, DateOnly? DueOn,
        ActionStatus Status, DateOnly? CompletedOn);

    public sealed record EntryRequest(string? Topic, string? Description, string? Lead, DateOnly? PlannedFor, Guid? MeetingId, WorkProgrammeStatus? Status);

    public sealed record EntryResponse(
        Guid Id, string BodySlug, string Topic, string? Description, string? Lead, DateOnly? PlannedFor, Guid? MeetingId, WorkProgrammeStatus Status);

    public sealed record EventRequest(string? Title, string? Description, DateOnly? On, string? Location, Guid? AnnouncedAtMeetingId);

    public sealed record EventResponse(Guid Id, string BodySlug, string Title, string? Description, DateOnly On, string? Location, Guid? AnnouncedAtMeetingId);

    private static ActionResponse Map(MeetingAction a, string slug) =>
        new(a.Id, slug, a.MeetingId, a.MinuteId, a.MinuteNumber, a.What, a.Owner, a.DueOn, a.Status, a.CompletedOn);

    private static Validation Validate(ActionRequest request) => new Validation()
        .Required("what", request.What, 2000).PlainText("what", request.What)
        .Required("owner", request.Owner, 200).PlainText("owner", request.Owner);

    private static async Task<Results<Created<ActionResponse>, ValidationProblem, ProblemHttpResult>> AddAction(
        Guid minuteId, ActionRequest request, MeetingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = Validate(request);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var minute = await db.Minutes.Include(m => m.Meeting).FirstOrDefaultAsync(m => m.Id == minuteId, cancellationToken);
        if (minute is null)
        {
            return Problems.NotFoundProblem("Minute", minuteId);
        }

        var now = time.GetUtcNow();
        var action = new MeetingAction
        {
            Id = Guid.CreateVersion7(now), BodyId = minute.BodyId, MeetingId = minute.MeetingId, MinuteId = minute.Id,
            MinuteNumber = minute.Number, What = request.What!.Trim(), Owner = request.Owner!.Trim(), DueOn = request.DueOn,
            IsExempt = minute.IsExempt, CreatedAt = now, UpdatedAt = now,
        };
        action.SetStatus(request.Status ?? ActionStatus.Open, time.Today());
        db.Actions.Add(action);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/meetings/actions/{action.Id}", Map(action, minute.Meeting.BodySlug));
    }

    private static async Task<Results<Ok<ActionResponse>, ValidationProblem, ProblemHttpResult>> UpdateAction(
        Guid actionId, ActionRequest request, MeetingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = Validate(request).Required("status", request.Status);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var action = await db.Actions.FindAsync([actionId], cancellationToken);
        if (action is null)
        {
            return Problems.NotFoundProblem("Action", actionId);
        }

        action.What = request.What!.Trim();
        action.Owner = request.Owner!.Trim();
        action.DueOn = request.DueOn;
        action.SetStatus(request.Status!.Value, time.Today());
        action.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        var slug = await db.Bodies.Where(b => b.Id == action.BodyId).Select(b => b.Slug).FirstAsync(cancellationToken);
        return TypedResults.Ok(Map(action, slug));
    }

    private static async Task<Results<Ok<IReadOnlyList<ActionResponse>>, ValidationProblem, ProblemHttpResult>> ListActions(
        string slug, ClaimsPrincipal user, MeetingsDbContext db, CancellationToken cancellationToken, string? status = null)
    {
        var validation = new Validation();
        if (!KebabEnum.TryRead<ActionStatus>(status, "status", validation, out var wantedStatus))
        {
            return validation.ToProblem();
        }

        var body = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Slug == slug, cancellationToken);
        if (body is null)
        {
            return Problems.NotFoundProblem("Body", slug);
        }

        var seesExempt = Viewer.From(user).SeesExempt;
        var query = db.Actions.AsNoTracking().Where(a => a.BodyId == body.Id && (seesExempt || !a.IsExempt));
        if (wantedStatus is { } wanted)
        {
            query = query.Where(a => a.Status == wanted);
        }

        var actions = await query.OrderBy(a => a.CreatedAt).Take(Paging.MaxLimit).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ActionResponse>>(actions.Select(a => Map(a, slug)).ToList());
    }

    private static async Task<Results<Ok<IReadOnlyList<MatterArising>>, ProblemHttpResult>> MattersArising(
        Guid id, ClaimsPrincipal user, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return Problems.NotFoundProblem("Meeting", id);
        }

        return TypedResults.Ok<IReadOnlyList<MatterArising>>(await MeetingPageQuery.MattersArisingAsync(db, meeting, Viewer.From(user), cancellationToken));
    }

    private static Validation Validate(EntryRequest request) => new Validation()
        .Required("topic", request.Topic, 500).PlainText("topic", request.Topic)
        .MaxLength("description", request.Description, 4000).PlainText("description", request.Description)
        .MaxLength("lead", request.Lead, 200).PlainText("lead", request.Lead);

    private static async Task<string?> ApplyAsync(WorkProgrammeEntry entry, EntryRequest request, MeetingsDbContext db, Body body, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (request.MeetingId is { } meetingId && !await db.Meetings.AnyAsync(m => m.Id == meetingId && m.BodyId == body.Id, cancellationToken))
        {
            return $"{body.Name} has no meeting '{meetingId}'.";
        }

        entry.Topic = request.Topic!.Trim();
        entry.Description = BodyEndpoints.Blank(request.Description);
        entry.Lead = BodyEndpoints.Blank(request.Lead);
        entry.PlannedFor = request.PlannedFor;
        entry.MeetingId = request.MeetingId;
        entry.Status = request.Status ?? WorkProgrammeStatus.Planned;
        entry.UpdatedAt = now;
        return null;
    }

    private static EntryResponse Map(WorkProgrammeEntry e, string slug) =>
        new(e.Id, slug, e.Topic, e.Description, e.Lead, e.PlannedFor, e.MeetingId, e.Status);

    private static async Task<Results<Created<EntryResponse>, ValidationProblem, ProblemHttpResult>> AddEntry(
        string slug, EntryRequest request, MeetingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = Validate(request);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var body = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Slug == slug, cancellationToken);
        if (body is null)
        {
            return Problems.NotFoundProblem("Body", slug);
        }

        var now = time.GetUtcNow();
        var entry = new WorkProgrammeEntry { Id = Guid.CreateVersion7(now), BodyId = body.Id, CreatedAt = now };
        if (await ApplyAsync(entry, request, db, body, now, cancellationToken) is { } error)
        {
            return Problems.RuleProblem("unknown-meeting", "Unknown meeting", error);
        }

        db.WorkProgramme.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/meetings/work-programme/{entry.Id}", Map(entry, slug));
    }

    private static async Task<Results<Ok<EntryResponse>, ValidationProblem, ProblemHttpResult>> UpdateEntry(
        Guid entryId, EntryRequest request, MeetingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = Validate(request);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var entry = await db.WorkProgramme.FindAsync([entryId], cancellationToken);
        if (entry is null)
        {
            return Problems.NotFoundProblem("Work programme entry", entryId);
        }

        var body = await db.Bodies.AsNoTracking().FirstAsync(b => b.Id == entry.BodyId, cancellationToken);
        if (await ApplyAsync(entry, request, db, body, time.GetUtcNow(), cancellationToken) is { } error)
        {
            return Problems.RuleProblem("unknown-meeting", "Unknown meeting", error);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(Map(entry, body.Slug));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteEntry(Guid entryId, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var deleted = await db.WorkProgramme.Where(e => e.Id == entryId).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? Problems.NotFoundProblem("Work programme entry", entryId) : TypedResults.NoContent();
    }

    private static async Task<Results<Ok<IReadOnlyList<EntryResponse>>, ProblemHttpResult>> ListEntries(
        string slug, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var body = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Slug == slug, cancellationToken);
        if (body is null)
        {
            return Problems.NotFoundProblem("Body", slug);
        }

        var entries = await db.WorkProgramme.AsNoTracking().Where(e => e.BodyId == body.Id)
            .OrderBy(e => e.PlannedFor == null).ThenBy(e => e.PlannedFor).ThenBy(e => e.CreatedAt).Take(Paging.MaxLimit).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<EntryResponse>>(entries.Select(e => Map(e, slug)).ToList());
    }

    private static async Task<Results<Created<EventResponse>, ValidationProblem, ProblemHttpResult>> AddEvent(
        string slug, EventRequest request, MeetingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Required("title", request.Title, 500).PlainText("title", request.Title)
            .MaxLength("description", request.Description, 4000).PlainText("description", request.Description)
            .Required("on", request.On)
            .MaxLength("location", request.Location, 300).PlainText("location", request.Location);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var body = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Slug == slug, cancellationToken);
        if (body is null)
        {
            return Problems.NotFoundProblem("Body", slug);
        }

        if (request.AnnouncedAtMeetingId is { } meetingId && !await db.Meetings.AnyAsync(m => m.Id == meetingId && m.BodyId == body.Id, cancellationToken))
        {
            return Problems.RuleProblem("unknown-meeting", "Unknown meeting", $"{body.Name} has no meeting '{meetingId}'.");
        }

        var now = time.GetUtcNow();
        var forthcoming = new ForthcomingEvent
        {
            Id = Guid.CreateVersion7(now), BodyId = body.Id, Title = request.Title!.Trim(), Description = BodyEndpoints.Blank(request.Description),
            On = request.On!.Value, Location = BodyEndpoints.Blank(request.Location), AnnouncedAtMeetingId = request.AnnouncedAtMeetingId, CreatedAt = now,
        };
        db.ForthcomingEvents.Add(forthcoming);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/meetings/bodies/{slug}/forthcoming-events",
            new EventResponse(forthcoming.Id, slug, forthcoming.Title, forthcoming.Description, forthcoming.On, forthcoming.Location, forthcoming.AnnouncedAtMeetingId));
    }

    /// <summary>Events from <c>?from=</c> (default today) on.</summary>
    private static async Task<Results<Ok<IReadOnlyList<EventResponse>>, ProblemHttpResult>> ListEvents(
        string slug, MeetingsDbContext db, TimeProvider time, CancellationToken cancellationToken, DateOnly? from = null)
    {
        var body = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Slug == slug, cancellationToken);
        if (body is null)
        {
            return Problems.NotFoundProblem("Body", slug);
        }

        var since = from ?? time.Today();
        var events = await db.ForthcomingEvents.AsNoTracking().Where(e => e.BodyId == body.Id && e.On >= since)
            .OrderBy(e => e.On).Take(Paging.MaxLimit).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<EventResponse>>(events
            .Select(e => new EventResponse(e.Id, slug, e.Title, e.Description, e.On, e.Location, e.AnnouncedAtMeetingId)).ToList());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteEvent(Guid eventId, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var deleted = await db.ForthcomingEvents.Where(e => e.Id == eventId).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? Problems.NotFoundProblem("Forthcoming event", eventId) : TypedResults.NoContent();
    }
}
