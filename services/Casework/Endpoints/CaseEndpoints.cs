using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Casework.Data;
using PanelPlatform.Casework.Domain;
using PanelPlatform.Casework.Security;
using PanelPlatform.ServiceDefaults.Http;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Casework.Endpoints;

/// <summary>Opening, reading and searching cases.</summary>
public static class CaseEndpoints
{
    public static RouteGroupBuilder MapCaseEndpoints(this RouteGroupBuilder cases)
    {
        cases.MapPost("/", Open).RequireAuthorization(CaseworkPolicies.Intake);
        cases.MapGet("/{id:guid}", Get).RequireAuthorization(CaseworkPolicies.Staff);
        cases.MapGet("/", Search).RequireAuthorization(CaseworkPolicies.Staff);
        return cases;
    }

    public sealed record SubjectRequest(string? Name, string? Email, string? Phone, string? Address);

    public sealed record OpenCaseRequest(
        CaseType? Type,
        CaseChannel? Channel,
        DateTimeOffset? ReceivedAt,
        SubjectRequest? Subject,
        string? Summary,
        string? Description,
        DateOnly? ForceOutcomeNotifiedOn);

    private static async Task<Results<Created<CaseView>, ValidationProblem>> Open(
        OpenCaseRequest request, CaseIntake intake, ClockPolicy clocks, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var validation = new Validation()
            .Required("type", request.Type)
            .Required("channel", request.Channel)
            .Required("receivedAt", request.ReceivedAt)
            .Text("summary", request.Summary, InputRules.SummaryMax, required: true)
            .Text("description", request.Description, InputRules.StaffDescriptionMax);
        if (request.Subject is null)
        {
            validation.Add("subject", "subject is required (at least the person's name).");
        }
        else
        {
            validation.Subject("subject.", request.Subject.Name, request.Subject.Email, request.Subject.Phone, request.Subject.Address, emailRequired: false);
        }

        if (request.ReceivedAt is { } received)
        {
            validation.Must(received <= now.AddMinutes(5), "receivedAt", "receivedAt cannot be in the future.")
                .Must(received.Year >= 2000, "receivedAt", "receivedAt is implausibly early.");
        }

        ValidateReviewDate(validation, request.Type, request.ForceOutcomeNotifiedOn, request.ReceivedAt);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var subject = request.Subject!;
        var @case = await intake.OpenAsync(
            new NewCase(request.Type!.Value, request.Channel!.Value, request.ReceivedAt!.Value,
                new Subject(subject.Name, subject.Email, subject.Phone, subject.Address), request.Summary!, request.Description,
                request.ForceOutcomeNotifiedOn),
            PersonalData.SubjectOf(user), acknowledgeNow: false, cancellationToken);

        // The response is the sealed view for everyone: what was just written needs no echo, and no read is audited.
        return TypedResults.Created($"/api/casework/cases/{@case.Id}", CaseViews.Sealed(@case, clocks, UkTime.LondonDate(now)));
    }

    internal static void ValidateReviewDate(Validation validation, CaseType? type, DateOnly? toldOn, DateTimeOffset? receivedAt)
    {
        if (type == CaseType.ComplaintReview)
        {
            validation.Required("forceOutcomeNotifiedOn", toldOn);
            if (toldOn is { } told && receivedAt is { Year: >= 2000 } received && told > UkTime.LondonDate(received))
            {
                validation.Add("forceOutcomeNotifiedOn", "forceOutcomeNotifiedOn cannot be after the review application was received.");
            }
        }
        else if (toldOn is not null)
        {
            validation.Add("forceOutcomeNotifiedOn", "forceOutcomeNotifiedOn applies only to complaint reviews.");
        }
    }

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> Get(
        Guid id, CaseworkDbContext db, AuditTrail audit, ClockPolicy clocks, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (@case is null)
        {
            return CaseProblems.CaseNotFound(id);
        }

        var view = CaseViews.Sealed(@case, clocks, UkTime.LondonDate(time.GetUtcNow()));
        if (!PersonalData.MaySee(user))
        {
            return TypedResults.Ok(view);
        }

        var file = await CaseFiles.LoadAsync(db, @case, cancellationToken);
        audit.Record(user, @case.Id, @case.Reference, "case", file.PersonalFields());
        await audit.SaveAsync(cancellationToken);
        return TypedResults.Ok(CaseViews.WithFile(view, file));
    }

    private sealed record SearchCursor(DateTimeOffset? ReceivedAt, DateOnly? DueOn, Guid Id);

    /// <summary>
    /// Cases by reference, status, type, assignee (<c>me</c>, <c>unassigned</c> or an id) and due date of the running
    /// clock. <c>sort=received</c> (default, newest first) or <c>sort=due</c> (soonest deadline first, running clocks only).
    /// </summary>
    private static async Task<Results<Ok<Page<CaseListItem>>, ValidationProblem>> Search(
        CaseworkDbContext db, AuditTrail audit, ClockPolicy clocks, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken,
        string? reference = null, string? status = null, string? type = null, string? assignee = null,
        DateOnly? dueFrom = null, DateOnly? dueTo = null, string? sort = null, int? limit = null, string? cursor = null)
    {
        var validation = new Validation();
        Paging.TryReadLimit(limit, validation, out var take);
        Paging.TryDecode<SearchCursor>(cursor, validation, out var after);
        KebabQuery.TryParse<CaseStatus>(status, "status", validation, out var statusFilter);
        KebabQuery.TryParse<CaseType>(type, "type", validation, out var typeFilter);
        validation.MaxLength("reference", reference, 20);
        var byDue = sort == "due";
        validation.Must(sort is null or "received" or "due", "sort", "sort must be received or due.");
        Guid? assigneeId = null;
        var unassigned = false;
        if (!string.IsNullOrWhiteSpace(assignee))
        {
            if (assignee == "unassigned")
            {
                unassigned = true;
            }
            else if (assignee == "me")
            {
                var subject = PersonalData.SubjectOf(user);
                assigneeId = await db.Caseworkers.Where(w => w.Subject == subject).Select(w => (Guid?)w.Id).FirstOrDefaultAsync(cancellationToken)
                    ?? Guid.Empty;
            }
            else if (Guid.TryParse(assignee, out var parsed))
            {
                assigneeId = parsed;
            }
            else
            {
                validation.Add("assignee", "assignee must be me, unassigned or a caseworker id.");
            }
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var query = db.Cases.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(reference))
        {
            var wanted = reference.Trim().ToUpperInvariant();
            query = query.Where(c => c.Reference == wanted);
        }

        if (statusFilter is { } s)
        {
            query = query.Where(c => c.Status == s);
        }

        if (typeFilter is { } t)
        {
            query = query.Where(c => c.Type == t);
        }

        if (unassigned)
        {
            query = query.Where(c => c.AssigneeId == null);
        }
        else if (assigneeId is { } a)
        {
            query = query.Where(c => c.AssigneeId == a);
        }

        if (dueFrom is { } from)
        {
            query = query.Where(c => c.NextDueOn >= from);
        }

        if (dueTo is { } to)
        {
            query = query.Where(c => c.NextDueOn <= to);
        }

        List<Case> rows;
        if (byDue)
        {
            query = query.Where(c => c.NextDueOn != null);
            if (after is { DueOn: { } afterDue })
            {
                query = query.Where(c => c.NextDueOn > afterDue || (c.NextDueOn == afterDue && c.Id.CompareTo(after.Id) > 0));
            }

            rows = await query.OrderBy(c => c.NextDueOn).ThenBy(c => c.Id).Take(take + 1).ToListAsync(cancellationToken);
        }
        else
        {
            if (after is { ReceivedAt: { } afterReceived })
            {
                query = query.Where(c => c.ReceivedAt < afterReceived || (c.ReceivedAt == afterReceived && c.Id.CompareTo(after.Id) < 0));
            }

            rows = await query.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id).Take(take + 1).ToListAsync(cancellationToken);
        }

        var today = UkTime.LondonDate(time.GetUtcNow());
        var seesPersonal = PersonalData.MaySee(user);
        var page = rows.Take(take).ToList();
        var assignees = seesPersonal
            ? await CaseFiles.AssigneesAsync(db, page.Select(c => c.AssigneeId), cancellationToken)
            : new Dictionary<Guid, Caseworker>();
        var items = new Dictionary<Guid, CaseListItem>();
        foreach (var c in page)
        {
            CaseListRestricted? restricted = null;
            if (seesPersonal)
            {
                restricted = new CaseListRestricted(c.SubjectName, c.Summary,
                    c.AssigneeId is { } id && assignees.TryGetValue(id, out var w) ? new AssigneeView(w.Id, w.Name) : null);
                audit.Record(user, c.Id, c.Reference, "search", restricted.PersonalFields());
            }

            items[c.Id] = CaseViews.ListItem(c, clocks, today, restricted);
        }

        if (seesPersonal)
        {
            await audit.SaveAsync(cancellationToken);
        }

        return TypedResults.Ok(Paging.ToPage(rows, take, c => items.TryGetValue(c.Id, out var item) ? item : CaseViews.ListItem(c, clocks, today, null),
            c => byDue ? new SearchCursor(null, c.NextDueOn, c.Id) : new SearchCursor(c.ReceivedAt, null, c.Id)));
    }
}
