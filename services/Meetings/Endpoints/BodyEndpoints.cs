using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Meetings.Data;
using PanelPlatform.Meetings.Domain;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Http;

namespace PanelPlatform.Meetings.Endpoints;

public static class BodyEndpoints
{
    public static IEndpointRouteBuilder MapBodyEndpoints(this IEndpointRouteBuilder routes)
    {
        var bodies = routes.MapGroup("/api/meetings/bodies").WithTags("Bodies");
        bodies.MapPost("/", Create).RequireAuthorization(Roles.Clerk);
        bodies.MapGet("/", List);
        bodies.MapGet("/{slug}", Get);
        bodies.MapPut("/{slug}", Update).RequireAuthorization(Roles.Clerk);
        return routes;
    }

    public sealed record BodyRequest(
        string? Name, string? Slug, BodyKind? Kind, string? ShortName, string? Description, string? Website,
        string? ContactName, string? ContactEmail, string? ContactPhone, int? NoticeClearWorkingDays);

    public sealed record BodyResponse(
        Guid Id, string Slug, string Name, string? ShortName, BodyKind Kind, string? Description, string? Website,
        string? ContactName, string? ContactEmail, string? ContactPhone, int NoticeClearWorkingDays)
    {
        public static BodyResponse From(Body b) => new(
            b.Id, b.Slug, b.Name, b.ShortName, b.Kind, b.Description, b.Website, b.ContactName, b.ContactEmail, b.ContactPhone,
            b.NoticeClearWorkingDays);
    }

    internal static Validation Validate(BodyRequest request, bool creating)
    {
        var validation = new Validation()
            .Required("name", request.Name, 200).PlainText("name", request.Name)
            .MaxLength("slug", request.Slug, 200)
            .MaxLength("shortName", request.ShortName, 100).PlainText("shortName", request.ShortName)
            .MaxLength("description", request.Description, 2000).PlainText("description", request.Description)
            .MaxLength("website", request.Website, 500)
            .MaxLength("contactName", request.ContactName, 200).PlainText("contactName", request.ContactName)
            .MaxLength("contactEmail", request.ContactEmail, 200).PlainText("contactEmail", request.ContactEmail)
            .MaxLength("contactPhone", request.ContactPhone, 50).PlainText("contactPhone", request.ContactPhone);
        if (creating && request.Slug is { } slug && (slug.Length == 0 || Slugs.From(slug) != slug))
        {
            validation.Add("slug", "slug must be lower-case letters, digits and single hyphens.");
        }

        if (request.Name is not null && Slugs.From(request.Name).Length == 0)
        {
            validation.Add("name", "name must contain letters or digits.");
        }

        if (request.Website is { Length: > 0 } site && !Uri.TryCreate(site, UriKind.Absolute, out _))
        {
            validation.Add("website", "website must be an absolute URL.");
        }

        if (request.ContactEmail is { Length: > 0 } email && !email.Contains('@', StringComparison.Ordinal))
        {
            validation.Add("contactEmail", "contactEmail must be an email address.");
        }

        if (request.NoticeClearWorkingDays is < 0 or > 30)
        {
            validation.Add("noticeClearWorkingDays", "noticeClearWorkingDays must be between 0 and 30.");
        }

        return validation;
    }

    private static void Apply(Body body, BodyRequest request, DateTimeOffset now)
    {
        body.Name = request.Name!.Trim();
        body.Kind = request.Kind ?? body.Kind;
        body.ShortName = Blank(request.ShortName);
        body.Description = Blank(request.Description);
        body.Website = Blank(request.Website);
        body.ContactName = Blank(request.ContactName);
        body.ContactEmail = Blank(request.ContactEmail);
        body.ContactPhone = Blank(request.ContactPhone);
        body.NoticeClearWorkingDays = request.NoticeClearWorkingDays ?? body.NoticeClearWorkingDays;
        body.UpdatedAt = now;
    }

    internal static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static async Task<Results<Created<BodyResponse>, ValidationProblem, ProblemHttpResult>> Create(
        BodyRequest request, MeetingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = Validate(request, creating: true);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var body = Body.Create(request.Name!, request.Slug, request.Kind ?? BodyKind.Committee, time.GetUtcNow());
        if (await db.Bodies.AnyAsync(b => b.Slug == body.Slug, cancellationToken))
        {
            return Problems.ConflictProblem("body-exists", "The body exists", $"There is already a body '{body.Slug}'.");
        }

        Apply(body, request, time.GetUtcNow());
        db.Bodies.Add(body);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/meetings/bodies/{body.Slug}", BodyResponse.From(body));
    }

    private static async Task<Results<Ok<BodyResponse>, ValidationProblem, ProblemHttpResult>> Update(
        string slug, BodyRequest request, MeetingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = Validate(request, creating: false);
        if (request.Slug is not null && request.Slug != slug)
        {
            validation.Add("slug", "A body's slug does not change: links and calendar subscriptions use it.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var body = await db.Bodies.FirstOrDefaultAsync(b => b.Slug == slug, cancellationToken);
        if (body is null)
        {
            return Problems.NotFoundProblem("Body", slug);
        }

        Apply(body, request, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(BodyResponse.From(body));
    }

    private static async Task<Results<Ok<BodyResponse>, ProblemHttpResult>> Get(string slug, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var body = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Slug == slug, cancellationToken);
        return body is null ? Problems.NotFoundProblem("Body", slug) : TypedResults.Ok(BodyResponse.From(body));
    }

    private sealed record BodyCursor(string Slug);

    private static async Task<Results<Ok<Page<BodyResponse>>, ValidationProblem>> List(
        MeetingsDbContext db, CancellationToken cancellationToken, int? limit = null, string? cursor = null)
    {
        var validation = new Validation();
        Paging.TryReadLimit(limit, validation, out var take);
        Paging.TryDecode<BodyCursor>(cursor, validation, out var after);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var query = db.Bodies.AsNoTracking();
        if (after is not null)
        {
            query = query.Where(b => string.Compare(b.Slug, after.Slug) > 0);
        }

        var rows = await query.OrderBy(b => b.Slug).Take(take + 1).ToListAsync(cancellationToken);
        return TypedResults.Ok(Paging.ToPage(rows, take, BodyResponse.From, b => new BodyCursor(b.Slug)));
    }
}
