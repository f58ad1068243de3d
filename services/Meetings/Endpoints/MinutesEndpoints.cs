using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Contracts.Meetings;
using PanelPlatform.Meetings.Data;
using PanelPlatform.Meetings.Domain;
using PanelPlatform.Meetings.Queries;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Http;
using PanelPlatform.ServiceDefaults.Messaging;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Meetings.Endpoints;

/// <summary>Minutes, their resolutions, and declarations of interest.</summary>
public static class MinutesEndpoints
{
    public static IEndpointRouteBuilder MapMinutesEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/meetings").WithTags("Minutes");
        group.MapPost("/meetings/{id:guid}/minutes/draft", Draft).RequireAuthorization(Roles.Clerk);
        group.MapGet("/meetings/{id:guid}/minutes", List);
        group.MapPost("/meetings/{id:guid}/minutes/publish", Publish).RequireAuthorization(Roles.Clerk);
        group.MapPost("/meetings/{id:guid}/minutes/confirm", Confirm).RequireAuthorization(Roles.Clerk);
        group.MapGet("/minutes/{minuteId:guid}", Get);
        group.MapPut("/minutes/{minuteId:guid}", Update).RequireAuthorization(Roles.Clerk);
        group.MapGet("/bodies/{slug}/minutes", FindByNumber);
        group.MapPost("/minutes/{minuteId:guid}/resolutions", AddResolution).RequireAuthorization(Roles.Clerk);
        group.MapDelete("/resolutions/{resolutionId:guid}", DeleteResolution).RequireAuthorization(Roles.Clerk);
        group.MapPost("/meetings/{id:guid}/declarations", Declare).RequireAuthorization(Roles.Clerk);
        group.MapGet("/meetings/{id:guid}/declarations", ListDeclarations);
        group.MapDelete("/declarations/{declarationId:guid}", DeleteDeclaration).RequireAuthorization(Roles.Clerk);
        return routes;
    }

    public sealed record DraftEntry(Guid? ItemId, string? Title, string? Text, IReadOnlyList<string>? Resolutions, bool? Exempt);

    public sealed record DraftRequest(IReadOnlyList<DraftEntry>? Entries);

    public sealed record MinuteRequest(string? Title, string? Text);

    public sealed record ConfirmRequest(Guid? ConfirmingMeetingId, string? MinuteNumber);

    public sealed record ResolutionRequest(string? Text);

    public sealed record DeclarationRequest(Guid? PersonId, Guid? ItemId, DeclarationKind? Kind, string? Detail);

    public sealed record MinuteResponse(
        Guid Id, Guid MeetingId, string BodySlug, string Number, Guid? AgendaItemId, string Title, string Text, bool IsExempt,
        IReadOnlyList<ResolutionView> Resolutions);

    private static MinuteResponse Map(Minute m, string bodySlug) => new(
        m.Id, m.MeetingId, bodySlug, m.Number, m.AgendaItemId, m.Title, m.Text, m.IsExempt,
        m.Resolutions.OrderBy(r => r.Order).Select(r => new ResolutionView(r.Id, r.Order, r.Text)).ToList());

    /// <summary>
    /// Drafts minutes (one entry per minuted item, in agenda order) and numbers them NN/YY, next in the body's sequence for
    /// the meeting's calendar year. Numbers are given once: a later entry gets the next number, none is ever reused.
    /// </summary>
    private static async Task<Results<Ok<IReadOnlyList<MinuteResponse>>, ValidationProblem, ProblemHttpResult>> Draft(
        Guid id, DraftRequest request, MeetingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var entries = request.Entries ?? [];
        if (entries.Count == 0)
        {
            validation.Add("entries", "entries must list at least one minute.");
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            validation.Required($"entries[{i}].text", e.Text, 100_000).PlainText($"entries[{i}].text", e.Text)
                .MaxLength($"entries[{i}].title", e.Title, 500).PlainText($"entries[{i}].title", e.Title);
            if (e.ItemId is null && string.IsNullOrWhiteSpace(e.Title))
            {
                validation.Add($"entries[{i}].title", "A minute without an agenda item needs a title.");
            }

            foreach (var (text, j) in (e.Resolutions ?? []).Select((t, j) => (t, j)))
            {
                validation.Required($"entries[{i}].resolutions[{j}]", text, 8000).PlainText($"entries[{i}].resolutions[{j}]", text);
            }
        }

        if (entries.Where(e => e.ItemId is not null).GroupBy(e => e.ItemId).Any(g => g.Count() > 1))
        {
            validation.Add("entries", "An agenda item has one minute.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var meeting = await db.Meetings.FindAsync([id], cancellationToken);
        if (meeting is null)
        {
            return Problems.NotFoundProblem("Meeting", id);
        }

        var now = time.GetUtcNow();
        meeting.DraftMinutes(now);
        var items = await db.AgendaItems.Where(i => i.MeetingId == id).ToDictionaryAsync(i => i.Id, cancellationToken);
        var unknown = entries.FirstOrDefault(e => e.ItemId is { } itemId && !items.ContainsKey(itemId));
        if (unknown is not null)
        {
            return Problems.RuleProblem("unknown-item", "Unknown agenda item", $"Meeting {id} has no item '{unknown.ItemId}'.");
        }

        var itemIds = entries.Where(e => e.ItemId is not null).Select(e => e.ItemId!.Value).ToList();
        if (await db.Minutes.AnyAsync(m => m.AgendaItemId != null && itemIds.Contains(m.AgendaItemId.Value), cancellationToken))
        {
            return Problems.ConflictProblem("item-minuted", "Already minuted", "One of these items already has its minute; edit it instead.");
        }

        var counter = await MinuteCounters.LockAsync(db, meeting.BodyId, meeting.Date.Year, cancellationToken);
        var numbers = MinuteNumbering.Next(counter, entries.Count);
        var order = await db.Minutes.Where(m => m.MeetingId == id).MaxAsync(m => (int?)m.Order, cancellationToken) ?? 0;
        // In agenda order: entries for items sort by the item's place, the rest keep theirs after.
        var ordered = entries.Select((e, i) => (Entry: e, Index: i))
            .OrderBy(x => x.Entry.ItemId is { } itemId ? items[itemId].Order : int.MaxValue).ThenBy(x => x.Index).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var entry = ordered[i].Entry;
            var item = entry.ItemId is { } itemId ? items[itemId] : null;
            var minute = new Minute
            {
                Id = Guid.CreateVersion7(now),
                MeetingId = id,
                BodyId = meeting.BodyId,
                AgendaItemId = item?.Id,
                Year = counter.Year,
                Sequence = numbers[i].Sequence,
                Number = numbers[i].Number,
                Order = ++order,
                Title = BodyEndpoints.Blank(entry.Title) ?? item!.Title,
                Text = entry.Text!.Trim(),
                IsExempt = item?.IsExempt == true || entry.Exempt == true,
                CreatedAt = now,
                UpdatedAt = now,
            };
            minute.Resolutions = (entry.Resolutions ?? []).Select((text, j) => new Resolution
            {
                Id = Guid.CreateVersion7(now), MinuteId = minute.Id, Order = j + 1, Text = text.Trim(), RecordedAt = now,
            }).ToList();
            db.Minutes.Add(minute);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (meeting.MinutesArePublic)
        {
            await AnnounceResolutionsAsync(db, meeting, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        var minutes = await db.Minutes.AsNoTracking().Include(m => m.Resolutions).Where(m => m.MeetingId == id)
            .OrderBy(m => m.Order).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<MinuteResponse>>(minutes.Select(m => Map(m, meeting.BodySlug)).ToList());
    }

    private static async Task<Results<Ok<IReadOnlyList<MinuteResponse>>, ProblemHttpResult>> List(
        Guid id, ClaimsPrincipal user, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return Problems.NotFoundProblem("Meeting", id);
        }

        var minutes = await db.Minutes.AsNoTracking().Include(m => m.Resolutions).Where(m => m.MeetingId == id)
            .VisibleTo(Viewer.From(user)).OrderBy(m => m.Order).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<MinuteResponse>>(minutes.Select(m => Map(m, meeting.BodySlug)).ToList());
    }

    private static async Task<Results<Ok<MinuteResponse>, ProblemHttpResult>> Get(
        Guid minuteId, ClaimsPrincipal user, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var minute = await db.Minutes.AsNoTracking().Include(m => m.Resolutions).Include(m => m.Meeting)
            .Where(m => m.Id == minuteId).VisibleTo(Viewer.From(user)).FirstOrDefaultAsync(cancellationToken);
        return minute is null ? Problems.NotFoundProblem("Minute", minuteId) : TypedResults.Ok(Map(minute, minute.Meeting.BodySlug));
    }

    /// <summary><c>?number=41/22</c>: the body's minute with that number.</summary>
    private static async Task<Results<Ok<MinuteResponse>, ValidationProblem, ProblemHttpResult>> FindByNumber(
        string slug, ClaimsPrincipal user, MeetingsDbContext db, CancellationToken cancellationToken, string? number = null)
    {
        if (!MinuteNumbering.TryParse(number, out var sequence, out var twoDigitYear))
        {
            return new Validation().Add("number", "number must look like 41/22.").ToProblem();
        }

        var minute = await db.Minutes.AsNoTracking().Include(m => m.Resolutions).Include(m => m.Meeting)
            .Where(m => m.Meeting.BodySlug == slug && m.Sequence == sequence && m.Year % 100 == twoDigitYear)
            .VisibleTo(Viewer.From(user)).OrderByDescending(m => m.Year).FirstOrDefaultAsync(cancellationToken);
        return minute is null ? Problems.NotFoundProblem("Minute", $"{slug} {number}") : TypedResults.Ok(Map(minute, slug));
    }

    private static async Task<Results<Ok<MinuteResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid minuteId, MinuteRequest request, MeetingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Required("text", request.Text, 100_000).PlainText("text", request.Text)
            .Required("title", request.Title, 500).PlainText("title", request.Title);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var minute = await db.Minutes.Include(m => m.Meeting).Include(m => m.Resolutions).FirstOrDefaultAsync(m => m.Id == minuteId, cancellationToken);
        if (minute is null)
        {
            return Problems.NotFoundProblem("Minute", minuteId);
        }

        minute.Meeting.EnsureNotConfirmed();
        minute.Title = request.Title!.Trim();
        minute.Text = request.Text!.Trim();
        minute.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(Map(minute, minute.Meeting.BodySlug));
    }

    /// <summary>Publishes the draft minutes: MinutesPublished with the public minutes, and their public resolutions.</summary>
    private static async Task<Results<Ok<MeetingSummary>, ProblemHttpResult>> Publish(
        Guid id, MeetingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.FindAsync([id], cancellationToken);
        if (meeting is null)
        {
            return Problems.NotFoundProblem("Meeting", id);
        }

        var now = time.GetUtcNow();
        meeting.PublishMinutes(now);
        var published = await db.Minutes.AsNoTracking().Where(m => m.MeetingId == id && !m.IsExempt).OrderBy(m => m.Order)
            .Select(m => new MinuteSummary(m.Number, m.Title)).ToListAsync(cancellationToken);
        db.AddIntegrationEvent(new MinutesPublished(
            meeting.Id, meeting.BodySlug, meeting.BodyName, meeting.Title, UkTime.ToLondon(meeting.StartsAt), published, now));
        await AnnounceResolutionsAsync(db, meeting, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(MeetingSummary.From(meeting));
    }

    /// <summary>ResolutionRecorded for each public resolution not yet announced (resolutions go public with their minutes).</summary>
    private static async Task AnnounceResolutionsAsync(MeetingsDbContext db, Meeting meeting, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pending = await db.Resolutions.Include(r => r.Minute)
            .Where(r => r.Minute.MeetingId == meeting.Id && !r.Minute.IsExempt && !r.Announced)
            .OrderBy(r => r.Minute.Order).ThenBy(r => r.Order).ToListAsync(cancellationToken);
        foreach (var resolution in pending)
        {
            resolution.Announced = true;
            db.AddIntegrationEvent(new ResolutionRecorded(
                resolution.Id, meeting.Id, meeting.BodySlug, resolution.Minute.Number, resolution.Text, now,
                meeting.BodyName, meeting.Title, UkTime.ToLondon(meeting.StartsAt)));
        }
    }

    /// <summary>Confirms the minutes by a minute of a later meeting of the same body (e.g. 40/22 confirms 8 September 2022).</summary>
    private static async Task<Results<Ok<MeetingSummary>, ValidationProblem, ProblemHttpResult>> Confirm(
        Guid id, ConfirmRequest request, MeetingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation().Required("confirmingMeetingId", request.ConfirmingMeetingId).Required("minuteNumber", request.MinuteNumber, 20);
        if (request.MinuteNumber is not null && !MinuteNumbering.TryParse(request.MinuteNumber, out _, out _))
        {
            validation.Add("minuteNumber", "minuteNumber must look like 40/22.");
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

        var confirming = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == request.ConfirmingMeetingId, cancellationToken);
        if (confirming is null)
        {
            return Problems.RuleProblem("unknown-confirming-meeting", "Unknown meeting", $"There is no meeting '{request.ConfirmingMeetingId}'.");
        }

        var number = request.MinuteNumber!.Trim();
        if (!await db.Minutes.AnyAsync(m => m.MeetingId == confirming.Id && m.Number == number, cancellationToken))
        {
            return Problems.RuleProblem("unknown-confirming-minute", "Unknown minute", $"The confirming meeting has no minute {number}.");
        }

        var now = time.GetUtcNow();
        meeting.ConfirmMinutes(confirming, number, now);
        db.AddIntegrationEvent(new MinutesConfirmed(meeting.Id, meeting.BodySlug, confirming.Id, number, now,
            meeting.BodyName, meeting.Title, UkTime.ToLondon(meeting.StartsAt), UkTime.ToLondon(confirming.StartsAt)));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(MeetingSummary.From(meeting));
    }

    private static async Task<Results<Created<ResolutionView>, ValidationProblem, ProblemHttpResult>> AddResolution(
        Guid minuteId, ResolutionRequest request, MeetingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation().Required("text", request.Text, 8000).PlainText("text", request.Text);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var minute = await db.Minutes.Include(m => m.Meeting).FirstOrDefaultAsync(m => m.Id == minuteId, cancellationToken);
        if (minute is null)
        {
            return Problems.NotFoundProblem("Minute", minuteId);
        }

        minute.Meeting.EnsureNotConfirmed();
        var now = time.GetUtcNow();
        var order = await db.Resolutions.Where(r => r.MinuteId == minuteId).MaxAsync(r => (int?)r.Order, cancellationToken) ?? 0;
        var resolution = new Resolution { Id = Guid.CreateVersion7(now), MinuteId = minuteId, Order = order + 1, Text = request.Text!.Trim(), RecordedAt = now };
        db.Resolutions.Add(resolution);
        if (minute.Meeting.MinutesArePublic && !minute.IsExempt)
        {
            resolution.Announced = true;
            db.AddIntegrationEvent(new ResolutionRecorded(resolution.Id, minute.MeetingId, minute.Meeting.BodySlug, minute.Number, resolution.Text, now,
                minute.Meeting.BodyName, minute.Meeting.Title, UkTime.ToLondon(minute.Meeting.StartsAt)));
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/meetings/minutes/{minuteId}", new ResolutionView(resolution.Id, resolution.Order, resolution.Text));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteResolution(Guid resolutionId, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var resolution = await db.Resolutions.Include(r => r.Minute).ThenInclude(m => m.Meeting).FirstOrDefaultAsync(r => r.Id == resolutionId, cancellationToken);
        if (resolution is null)
        {
            return Problems.NotFoundProblem("Resolution", resolutionId);
        }

        resolution.Minute.Meeting.EnsureNotConfirmed();
        if (resolution.Announced)
        {
            return Problems.ConflictProblem("resolution-published", "The resolution is published", "A published resolution stays; record a correcting resolution instead.");
        }

        db.Resolutions.Remove(resolution);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>A declaration of interest: only a member of the body on the meeting date may make one.</summary>
    private static async Task<Results<Created<DeclarationView>, ValidationProblem, ProblemHttpResult>> Declare(
        Guid id, DeclarationRequest request, MeetingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Required("personId", request.PersonId).Required("kind", request.Kind)
            .Required("detail", request.Detail, 2000).PlainText("detail", request.Detail);
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
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.PersonId, cancellationToken);
        if (person is null)
        {
            return Problems.RuleProblem("unknown-person", "Unknown person", $"There is no person with id '{request.PersonId}'.");
        }

        if (request.ItemId is { } itemId && !await db.AgendaItems.AnyAsync(i => i.Id == itemId && i.MeetingId == id, cancellationToken))
        {
            return Problems.RuleProblem("unknown-item", "Unknown agenda item", $"Meeting {id} has no item '{itemId}'.");
        }

        var memberships = await db.Memberships.AsNoTracking().Where(m => m.BodyId == meeting.BodyId && m.PersonId == person.Id).ToListAsync(cancellationToken);
        Declaration.CheckDeclarant(memberships, meeting.Date);
        var declaration = new Declaration
        {
            Id = Guid.CreateVersion7(), MeetingId = id, AgendaItemId = request.ItemId, PersonId = person.Id, Kind = request.Kind!.Value,
            Detail = request.Detail!.Trim(), RecordedAt = time.GetUtcNow(),
        };
        db.Declarations.Add(declaration);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/meetings/meetings/{id}/declarations",
            new DeclarationView(declaration.Id, person.Id, person.Name, declaration.AgendaItemId, declaration.Kind, declaration.Detail));
    }

    private static async Task<Results<Ok<IReadOnlyList<DeclarationView>>, ProblemHttpResult>> ListDeclarations(
        Guid id, ClaimsPrincipal user, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var page = await MeetingPageQuery.LoadAsync(db, id, Viewer.From(user), cancellationToken);
        return page is null ? Problems.NotFoundProblem("Meeting", id) : TypedResults.Ok(page.Declarations);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteDeclaration(Guid declarationId, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var declaration = await db.Declarations.FindAsync([declarationId], cancellationToken);
        if (declaration is null)
        {
            return Problems.NotFoundProblem("Declaration", declarationId);
        }

        var meeting = await db.Meetings.FirstAsync(m => m.Id == declaration.MeetingId, cancellationToken);
        meeting.EnsureNotConfirmed();
        db.Declarations.Remove(declaration);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
