using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Grants.Data;
using PanelPlatform.Grants.Domain;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Http;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Grants.Endpoints;

public static class RoundEndpoints
{
    public static IEndpointRouteBuilder MapRoundEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/grants/schemes/{slug}/rounds", Create).RequireAuthorization(Roles.GrantsOfficer).WithTags("Rounds");
        var rounds = routes.MapGroup("/api/grants/rounds").WithTags("Rounds");
        rounds.MapGet("/", List);
        rounds.MapGet("/{id:guid}", Get);
        return routes;
    }

    public sealed record CriterionRequest(string? Key, string? Name, int? Weight);

    public sealed record ConditionRequest(string? Text, string? RequiresApprovalBy);

    public sealed record CreateRoundRequest(
        string? Name,
        DateTimeOffset? OpensAt,
        DateTimeOffset? ClosesAt,
        decimal? Budget,
        decimal? MinimumAward,
        decimal? MaximumAward,
        IReadOnlyList<string>? Areas,
        bool? OpenCall,
        IReadOnlyList<CriterionRequest>? Criteria,
        IReadOnlyList<ConditionRequest>? StandardConditions);

    /// <summary>What anyone may know of a round: its window, money, eligibility and how it is assessed.</summary>
    public sealed record RoundResponse(
        Guid Id,
        string SchemeSlug,
        string SchemeName,
        string SchemePurpose,
        string FunderName,
        string Name,
        RoundStatus Status,
        DateTimeOffset OpensAt,
        DateTimeOffset ClosesAt,
        DateTimeOffset ClosingSoonAt,
        decimal Budget,
        decimal AwardedTotal,
        decimal Remaining,
        decimal MinimumAward,
        decimal MaximumAward,
        IReadOnlyList<string> Areas,
        bool OpenCall,
        IReadOnlyList<OrganisationType> EligibleOrganisationTypes,
        IReadOnlyList<SchemeEndpoints.PriorityResponse> Priorities,
        IReadOnlyList<AssessmentCriterion> Criteria,
        IReadOnlyList<StandardCondition> StandardConditions)
    {
        public static RoundResponse From(GrantRound r, Scheme s, DateTimeOffset now) => new(
            r.Id, s.Slug, s.Name, s.Purpose, s.FunderName, r.Name, r.StatusAt(now),
            UkTime.ToLondon(r.OpensAt), UkTime.ToLondon(r.ClosesAt), UkTime.ToLondon(r.ClosingSoonDueAt),
            r.Budget, r.AwardedTotal, r.Remaining, r.MinimumAward, r.MaximumAward, r.Areas, r.OpenCall,
            s.EligibleOrganisationTypes, SchemeEndpoints.SchemeResponse.From(s).Priorities, r.Criteria, r.StandardConditions);
    }

    private static async Task<Results<Created<RoundResponse>, ValidationProblem, ProblemHttpResult>> Create(
        string slug, CreateRoundRequest request, GrantsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var validation = new Validation()
            .Text("name", request.Name, 200, required: true)
            .Required("opensAt", request.OpensAt)
            .Required("closesAt", request.ClosesAt)
            .Money("budget", request.Budget)
            .Money("minimumAward", request.MinimumAward)
            .Money("maximumAward", request.MaximumAward)
            .Areas("areas", request.Areas)
            .Must(request.Criteria is { Count: > 0 and <= 20 }, "criteria", "A round is assessed against 1 to 20 criteria.");
        if (request.OpensAt is { } opens && request.ClosesAt is { } closes)
        {
            validation.Must(closes > opens, "closesAt", "closesAt must be after opensAt.")
                .Must(closes > now, "closesAt", "closesAt must be in the future.");
        }

        if (request is { MinimumAward: { } min, MaximumAward: { } max, Budget: { } budget })
        {
            validation.Must(max >= min, "maximumAward", "maximumAward must be at least minimumAward.")
                .Must(max <= budget, "maximumAward", "maximumAward must not exceed the budget.");
        }

        var criteria = new List<AssessmentCriterion>();
        for (var i = 0; i < (request.Criteria?.Count ?? 0); i++)
        {
            var c = request.Criteria![i];
            validation.Text($"criteria[{i}].name", c.Name, 200, required: true)
                .Must(c.Weight is >= 1 and <= 100, $"criteria[{i}].weight", "weight is a whole number from 1 to 100.");
            var key = string.IsNullOrWhiteSpace(c.Key) ? Slugs.From(c.Name ?? "") : c.Key.Trim();
            validation.Must(key.Length is > 0 and <= 60 && key == Slugs.From(key), $"criteria[{i}].key", "key is lower-case letters, digits and hyphens.")
                .Must(criteria.All(x => x.Key != key), $"criteria[{i}].key", $"Criterion '{key}' appears twice.");
            criteria.Add(new AssessmentCriterion(key, c.Name?.Trim() ?? "", c.Weight ?? 0));
        }

        var conditions = new List<StandardCondition>();
        for (var i = 0; i < (request.StandardConditions?.Count ?? 0); i++)
        {
            var c = request.StandardConditions![i];
            validation.Text($"standardConditions[{i}].text", c.Text, 1000, required: true)
                .Text($"standardConditions[{i}].requiresApprovalBy", c.RequiresApprovalBy, 200);
            conditions.Add(new StandardCondition(c.Text?.Trim() ?? "", string.IsNullOrWhiteSpace(c.RequiresApprovalBy) ? null : c.RequiresApprovalBy.Trim()));
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var scheme = await db.Schemes.FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken);
        if (scheme is null)
        {
            return Problems.NotFoundProblem("Scheme", slug);
        }

        var round = GrantRound.Create(Guid.CreateVersion7(now), scheme.Slug, request.Name!, request.OpensAt!.Value, request.ClosesAt!.Value,
            request.Budget!.Value, request.MinimumAward!.Value, request.MaximumAward!.Value, request.Areas ?? [], request.OpenCall ?? true,
            criteria, conditions, now);
        db.Rounds.Add(round);
        // A round that opens on creation is announced now; later ones by the announcement job.
        await RoundEvents.RaiseAsync(db, round, scheme, round.TakeDueAnnouncements(now), now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/grants/rounds/{round.Id}", RoundResponse.From(round, scheme, now));
    }

    private sealed record RoundCursor(DateTimeOffset ClosesAt, Guid Id);

    /// <summary>Rounds by closing date; <c>?status=open</c> (default), <c>upcoming</c>, <c>closed</c> or <c>all</c>; <c>?scheme=</c>.</summary>
    private static async Task<Results<Ok<Page<RoundResponse>>, ValidationProblem>> List(
        GrantsDbContext db, TimeProvider time, CancellationToken cancellationToken,
        string? status = null, string? scheme = null, int? limit = null, string? cursor = null)
    {
        var validation = new Validation();
        Paging.TryReadLimit(limit, validation, out var take);
        Paging.TryDecode<RoundCursor>(cursor, validation, out var after);
        status ??= "open";
        validation.Must(status is "open" or "upcoming" or "closed" or "all", "status", "status is open, upcoming, closed or all.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var now = time.GetUtcNow();
        var query = db.Rounds.AsNoTracking();
        query = status switch
        {
            "open" => query.Where(r => r.OpensAt <= now && r.ClosesAt > now),
            "upcoming" => query.Where(r => r.OpensAt > now),
            "closed" => query.Where(r => r.ClosesAt <= now),
            _ => query,
        };
        if (!string.IsNullOrWhiteSpace(scheme))
        {
            query = query.Where(r => r.SchemeSlug == scheme);
        }

        if (after is not null)
        {
            query = query.Where(r => r.ClosesAt > after.ClosesAt || (r.ClosesAt == after.ClosesAt && r.Id.CompareTo(after.Id) > 0));
        }

        var rows = await query.OrderBy(r => r.ClosesAt).ThenBy(r => r.Id).Take(take + 1)
            .Join(db.Schemes, r => r.SchemeSlug, s => s.Slug, (r, s) => new { Round = r, Scheme = s })
            .ToListAsync(cancellationToken);
        rows = rows.OrderBy(x => x.Round.ClosesAt).ThenBy(x => x.Round.Id).ToList();
        return TypedResults.Ok(Paging.ToPage(rows, take, x => RoundResponse.From(x.Round, x.Scheme, now),
            x => new RoundCursor(x.Round.ClosesAt, x.Round.Id)));
    }

    private static async Task<Results<Ok<RoundResponse>, ProblemHttpResult>> Get(
        Guid id, GrantsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var row = await db.Rounds.AsNoTracking().Where(r => r.Id == id)
            .Join(db.Schemes, r => r.SchemeSlug, s => s.Slug, (r, s) => new { Round = r, Scheme = s })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? Problems.NotFoundProblem("Round", id) : TypedResults.Ok(RoundResponse.From(row.Round, row.Scheme, time.GetUtcNow()));
    }
}
