using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Grants.Data;
using PanelPlatform.Grants.Domain;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Http;

namespace PanelPlatform.Grants.Endpoints;

public static partial class SchemeEndpoints
{
    public static IEndpointRouteBuilder MapSchemeEndpoints(this IEndpointRouteBuilder routes)
    {
        var schemes = routes.MapGroup("/api/grants/schemes").WithTags("Schemes");
        schemes.MapPost("/", Create).RequireAuthorization(Roles.GrantsOfficer);
        schemes.MapGet("/", List);
        schemes.MapGet("/{slug}", Get);
        return routes;
    }

    public sealed record CreateSchemeRequest(
        string? Slug,
        string? Name,
        string? Purpose,
        string? FunderName,
        string? FunderIdentifier,
        IReadOnlyList<OrganisationType>? EligibleOrganisationTypes,
        IReadOnlyList<string>? Priorities);

    public sealed record PriorityResponse(string Slug, string Name);

    public sealed record SchemeResponse(
        string Slug, string Name, string Purpose, string FunderName, string FunderIdentifier,
        IReadOnlyList<OrganisationType> EligibleOrganisationTypes, IReadOnlyList<PriorityResponse> Priorities)
    {
        public static SchemeResponse From(Scheme s) => new(
            s.Slug, s.Name, s.Purpose, s.FunderName, s.FunderIdentifier, s.EligibleOrganisationTypes,
            s.Priorities.Select(p => new PriorityResponse(p, PlanPriorities.All.GetValueOrDefault(p, p))).ToList());
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    /// <summary>org-id.guide form (<c>GB-CHC-1234567</c>, <c>GB-GOR-…</c>) or our own 360Giving prefix (<c>360G-…-…</c>).</summary>
    [GeneratedRegex(@"^[A-Za-z0-9]+-[A-Za-z0-9]+-[A-Za-z0-9._/-]+$")]
    private static partial Regex OrgIdPattern();

    private static async Task<Results<Created<SchemeResponse>, ValidationProblem, ProblemHttpResult>> Create(
        CreateSchemeRequest request, GrantsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var slug = string.IsNullOrWhiteSpace(request.Slug) ? Slugs.From(request.Name ?? "") : request.Slug.Trim();
        var validation = new Validation()
            .Text("name", request.Name, 200, required: true)
            .Text("purpose", request.Purpose, 4000, required: true)
            .Text("funderName", request.FunderName, 200, required: true)
            .Required("funderIdentifier", request.FunderIdentifier, 200)
            .Must(request.EligibleOrganisationTypes is { Count: > 0 }, "eligibleOrganisationTypes", "Name at least one eligible type of organisation.")
            .Must(request.Priorities is { Count: > 0 }, "priorities", "Name at least one Police and Crime Plan priority.")
            .Priorities("priorities", request.Priorities);
        if (!string.IsNullOrWhiteSpace(request.Name) && (slug.Length is 0 or > 100 || !SlugPattern().IsMatch(slug)))
        {
            validation.Add("slug", "slug is lower-case letters, digits and hyphens, at most 100 characters.");
        }

        if (!string.IsNullOrWhiteSpace(request.FunderIdentifier) && !OrgIdPattern().IsMatch(request.FunderIdentifier.Trim()))
        {
            validation.Add("funderIdentifier", "funderIdentifier is an organisation identifier such as GB-GOR-PC000000 or 360G-yourprefix-funder.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        if (await db.Schemes.AnyAsync(s => s.Slug == slug, cancellationToken))
        {
            return Problems.ConflictProblem("scheme-exists", "The scheme exists", $"There is already a scheme '{slug}'.");
        }

        var scheme = Scheme.Create(slug, request.Name!, request.Purpose!, request.FunderName!, request.FunderIdentifier!,
            request.EligibleOrganisationTypes!, request.Priorities!, time.GetUtcNow());
        db.Schemes.Add(scheme);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/grants/schemes/{scheme.Slug}", SchemeResponse.From(scheme));
    }

    private static async Task<Ok<IReadOnlyList<SchemeResponse>>> List(GrantsDbContext db, CancellationToken cancellationToken)
    {
        var schemes = await db.Schemes.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<SchemeResponse>>(schemes.Select(SchemeResponse.From).ToList());
    }

    private static async Task<Results<Ok<SchemeResponse>, ProblemHttpResult>> Get(string slug, GrantsDbContext db, CancellationToken cancellationToken)
    {
        var scheme = await db.Schemes.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken);
        return scheme is null ? Problems.NotFoundProblem("Scheme", slug) : TypedResults.Ok(SchemeResponse.From(scheme));
    }
}
