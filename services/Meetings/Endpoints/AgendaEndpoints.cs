using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Meetings.Data;
using PanelPlatform.Meetings.Domain;
using PanelPlatform.Meetings.Queries;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Http;

namespace PanelPlatform.Meetings.Endpoints;

/// <summary>Agenda items and their reports.</summary>
public static class AgendaEndpoints
{
    public static IEndpointRouteBuilder MapAgendaEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/meetings").WithTags("Agenda");
        group.MapPost("/meetings/{id:guid}/items", Add).RequireAuthorization(Roles.Clerk);
        group.MapGet("/meetings/{id:guid}/items", List);
        group.MapPut("/meetings/{id:guid}/items/order", Reorder).RequireAuthorization(Roles.Clerk);
        group.MapGet("/items/{itemId:guid}", Get);
        group.MapPut("/items/{itemId:guid}", Update).RequireAuthorization(Roles.Clerk);
        group.MapDelete("/items/{itemId:guid}", Delete).RequireAuthorization(Roles.Clerk);
        group.MapPut("/items/{itemId:guid}/report", PutReport).RequireAuthorization(Roles.Clerk);
        group.MapGet("/items/{itemId:guid}/report", GetReport);
        return routes;
    }

    public sealed record ItemRequest(
        string? Number, string? Title, string? Description, ItemKind? Kind, AgendaPart? Part, string? ExemptionReason,
        int? PageFrom, int? PageTo, int? Order);

    public sealed record ItemResponse(
        Guid Id, Guid MeetingId, int Order, string Number, string Title, string? Description, ItemKind Kind, AgendaPart Part,
        string? ExemptionReason, int? PageFrom, int? PageTo)
    {
        public static ItemResponse From(AgendaItem i) =>
            new(i.Id, i.MeetingId, i.Order, i.Number, i.Title, i.Description, i.Kind, i.Part, i.ExemptionReason, i.PageFrom, i.PageTo);
    }

    /// <summary>Every item of the meeting, once each, in the new order; <c>renumber</c> prints them 1, 2, 3… in it.</summary>
    public sealed record OrderRequest(IReadOnlyList<Guid>? ItemIds, bool? Renumber);

    /// <summary>The report's cover sheet; <c>attachments</c> and <c>text</c> left out (null) keep what the report has.</summary>
    public sealed record ReportRequest(
        string? Title, string? ReportBy, DateOnly? Date, string? Purpose, string? Recommendations, string? ContactName,
        string? ContactPhone, string? ContactEmail, IReadOnlyList<string>? Attachments, string? Text);

    private static Validation Validate(ItemRequest request)
    {
        var validation = new Validation()
            .Required("number", request.Number, 20).PlainText("number", request.Number)
            .Required("title", request.Title, 500).PlainText("title", request.Title)
            .MaxLength("description", request.Description, 4000).PlainText("description", request.Description)
            .MaxLength("exemptionReason", request.ExemptionReason, 500).PlainText("exemptionReason", request.ExemptionReason);
        if (request.Order is < 1 or > 1000)
        {
            validation.Add("order", "order must be between 1 and 1000.");
        }

        return validation;
    }

    private static void Apply(AgendaItem item, ItemRequest request, DateTimeOffset now)
    {
        var part = request.Part ?? AgendaPart.PartI;
        AgendaItem.Check(part, request.ExemptionReason, request.PageFrom, request.PageTo);
        item.Number = request.Number!.Trim();
        item.Title = request.Title!.Trim();
        item.Description = BodyEndpoints.Blank(request.Description);
        item.Kind = request.Kind ?? ItemKind.Business;
        item.Part = part;
        item.ExemptionReason = BodyEndpoints.Blank(request.ExemptionReason);
        item.PageFrom = request.PageFrom;
        item.PageTo = request.PageTo;
        item.UpdatedAt = now;
    }

    private static async Task<Results<Created<ItemResponse>, ValidationProblem, ProblemHttpResult>> Add(
        Guid id, ItemRequest request, MeetingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = Validate(request);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var meeting = await db.Meetings.FindAsync([id], cancellationToken);
        if (meeting is null)
        {
            return Problems.NotFoundProblem("Meeting", id);
        }

        meeting.EnsureAgendaEditable();
        var now = time.GetUtcNow();
        var last = await db.AgendaItems.Where(i => i.MeetingId == id).MaxAsync(i => (int?)i.Order, cancellationToken) ?? 0;
        var item = new AgendaItem { Id = Guid.CreateVersion7(now), MeetingId = id, CreatedAt = now, Order = request.Order ?? last + 1 };
        Apply(item, request, now);
        db.AgendaItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/meetings/items/{item.Id}", ItemResponse.From(item));
    }

    private static async Task<Results<Ok<IReadOnlyList<ItemResponse>>, ProblemHttpResult>> List(
        Guid id, ClaimsPrincipal user, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Meetings.AnyAsync(m => m.Id == id, cancellationToken))
        {
            return Problems.NotFoundProblem("Meeting", id);
        }

        var items = await db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == id).VisibleTo(Viewer.From(user))
            .OrderBy(i => i.Order).ThenBy(i => i.Number).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ItemResponse>>(items.Select(ItemResponse.From).ToList());
    }

    /// <summary>
    /// Puts the agenda in a new order in one call (the console's drag and drop). The request names every item the
    /// meeting has, once each: an item added or removed by someone else since the caller loaded the agenda is a 409,
    /// so an order made on a stale agenda never leaves an item out of place.
    /// </summary>
    private static async Task<Results<Ok<IReadOnlyList<ItemResponse>>, ValidationProblem, ProblemHttpResult>> Reorder(
        Guid id, OrderRequest request, MeetingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var ids = request.ItemIds ?? [];
        if (ids.Count == 0)
        {
            validation.Add("itemIds", "itemIds must list the meeting's items in their new order.");
        }
        else if (ids.Count > 1000)
        {
            validation.Add("itemIds", "itemIds must list at most 1000 items.");
        }
        else if (ids.Distinct().Count() != ids.Count)
        {
            validation.Add("itemIds", "itemIds must name each item once.");
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

        meeting.EnsureAgendaEditable();
        var items = await db.AgendaItems.Where(i => i.MeetingId == id).ToDictionaryAsync(i => i.Id, cancellationToken);
        if (items.Count != ids.Count || ids.Any(itemId => !items.ContainsKey(itemId)))
        {
            return Problems.ConflictProblem("agenda-changed", "The agenda has changed",
                "Items have been added to or removed from this agenda since it was loaded; reload it and put it in order again.");
        }

        var now = time.GetUtcNow();
        for (var i = 0; i < ids.Count; i++)
        {
            var item = items[ids[i]];
            var number = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (item.Order != i + 1 || (request.Renumber == true && item.Number != number))
            {
                item.Order = i + 1;
                item.Number = request.Renumber == true ? number : item.Number;
                item.UpdatedAt = now;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ItemResponse>>(ids.Select(itemId => ItemResponse.From(items[itemId])).ToList());
    }

    /// <summary>An item the reader may not see does not exist for them: 404, not 403.</summary>
    internal static Task<AgendaItem?> FindVisibleAsync(MeetingsDbContext db, Guid itemId, Viewer viewer, CancellationToken cancellationToken) =>
        db.AgendaItems.AsNoTracking().Where(i => i.Id == itemId).VisibleTo(viewer).FirstOrDefaultAsync(cancellationToken);

    private static async Task<Results<Ok<ItemResponse>, ProblemHttpResult>> Get(
        Guid itemId, ClaimsPrincipal user, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var item = await FindVisibleAsync(db, itemId, Viewer.From(user), cancellationToken);
        return item is null ? Problems.NotFoundProblem("Agenda item", itemId) : TypedResults.Ok(ItemResponse.From(item));
    }

    private static async Task<Results<Ok<ItemResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid itemId, ItemRequest request, MeetingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = Validate(request);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var item = await db.AgendaItems.Include(i => i.Meeting).FirstOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        if (item is null)
        {
            return Problems.NotFoundProblem("Agenda item", itemId);
        }

        item.Meeting.EnsureAgendaEditable();
        var wasExempt = item.IsExempt;
        Apply(item, request, time.GetUtcNow());
        item.Order = request.Order ?? item.Order;
        if (wasExempt != item.IsExempt)
        {
            // The minute follows its item into (or out of) Part II, and so do actions raised by it.
            var minute = await db.Minutes.FirstOrDefaultAsync(m => m.AgendaItemId == itemId, cancellationToken);
            if (minute is not null)
            {
                minute.IsExempt = item.IsExempt;
                await db.Actions.Where(a => a.MinuteId == minute.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.IsExempt, item.IsExempt), cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ItemResponse.From(item));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid itemId, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var item = await db.AgendaItems.Include(i => i.Meeting).FirstOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        if (item is null)
        {
            return Problems.NotFoundProblem("Agenda item", itemId);
        }

        item.Meeting.EnsureAgendaEditable();
        if (await db.Minutes.AnyAsync(m => m.AgendaItemId == itemId, cancellationToken))
        {
            return Problems.ConflictProblem("item-minuted", "The item is minuted", "An item with a minute stays on the record.");
        }

        db.AgendaItems.Remove(item);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<ReportSummary>, ValidationProblem, ProblemHttpResult>> PutReport(
        Guid itemId, ReportRequest request, MeetingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Required("title", request.Title, 500).PlainText("title", request.Title)
            .Required("reportBy", request.ReportBy, 300).PlainText("reportBy", request.ReportBy)
            .Required("date", request.Date)
            .Required("purpose", request.Purpose, 4000).PlainText("purpose", request.Purpose)
            .MaxLength("recommendations", request.Recommendations, 4000).PlainText("recommendations", request.Recommendations)
            .MaxLength("contactName", request.ContactName, 200).PlainText("contactName", request.ContactName)
            .MaxLength("contactPhone", request.ContactPhone, 50).PlainText("contactPhone", request.ContactPhone)
            .MaxLength("contactEmail", request.ContactEmail, 200).PlainText("contactEmail", request.ContactEmail)
            .MaxLength("text", request.Text, 200_000).PlainText("text", request.Text);
        var attachments = request.Attachments ?? [];
        if (attachments.Count > 50 || attachments.Any(a => string.IsNullOrWhiteSpace(a) || a.Length > 300))
        {
            validation.Add("attachments", "attachments must be at most 50 names of at most 300 characters.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var item = await db.AgendaItems.Include(i => i.Meeting).FirstOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        if (item is null)
        {
            return Problems.NotFoundProblem("Agenda item", itemId);
        }

        item.Meeting.EnsureAgendaEditable();
        var report = await db.Reports.FirstOrDefaultAsync(r => r.AgendaItemId == itemId, cancellationToken);
        if (report is null)
        {
            report = new Report { Id = Guid.CreateVersion7(), AgendaItemId = itemId };
            db.Reports.Add(report);
        }

        report.Title = request.Title!.Trim();
        report.ReportBy = request.ReportBy!.Trim();
        report.Date = request.Date!.Value;
        report.Purpose = request.Purpose!.Trim();
        report.Recommendations = BodyEndpoints.Blank(request.Recommendations);
        report.ContactName = BodyEndpoints.Blank(request.ContactName);
        report.ContactPhone = BodyEndpoints.Blank(request.ContactPhone);
        report.ContactEmail = BodyEndpoints.Blank(request.ContactEmail);
        // The console's cover-sheet form has neither: left out, the report keeps what it has (an empty value clears it).
        if (request.Attachments is not null)
        {
            report.Attachments = attachments.Select(a => a.Trim()).ToList();
        }

        if (request.Text is not null)
        {
            report.Text = BodyEndpoints.Blank(request.Text);
        }

        report.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(MeetingPageQuery.MapReport(report));
    }

    private static async Task<Results<Ok<ReportSummary>, ProblemHttpResult>> GetReport(
        Guid itemId, ClaimsPrincipal user, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().Where(r => r.AgendaItemId == itemId).VisibleTo(Viewer.From(user))
            .FirstOrDefaultAsync(cancellationToken);
        return report is null ? Problems.NotFoundProblem("Report", itemId) : TypedResults.Ok(MeetingPageQuery.MapReport(report));
    }
}
