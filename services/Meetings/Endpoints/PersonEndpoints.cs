using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Meetings.Data;
using PanelPlatform.Meetings.Domain;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Http;

namespace PanelPlatform.Meetings.Endpoints;

/// <summary>People and their memberships of bodies.</summary>
public static class PersonEndpoints
{
    public static IEndpointRouteBuilder MapPersonEndpoints(this IEndpointRouteBuilder routes)
    {
        var people = routes.MapGroup("/api/meetings/people").WithTags("People");
        people.MapPost("/", Create).RequireAuthorization(Roles.Clerk);
        people.MapGet("/", List);
        people.MapGet("/{id:guid}", Get);
        people.MapPut("/{id:guid}", Update).RequireAuthorization(Roles.Clerk);
        people.MapDelete("/{id:guid}", Delete).RequireAuthorization(Roles.Clerk);

        var memberships = routes.MapGroup("/api/meetings").WithTags("Memberships");
        memberships.MapPost("/bodies/{slug}/memberships", AddMembership).RequireAuthorization(Roles.Clerk);
        memberships.MapGet("/bodies/{slug}/memberships", ListMemberships);
        memberships.MapPut("/memberships/{id:guid}", UpdateMembership).RequireAuthorization(Roles.Clerk);
        memberships.MapDelete("/memberships/{id:guid}", DeleteMembership).RequireAuthorization(Roles.Clerk);
        return routes;
    }

    public sealed record PersonRequest(string? Name, string? Honorific, string? GivenName, string? FamilyName, string? Office);

    public sealed record PersonResponse(Guid Id, string Name, string? Honorific, string? GivenName, string? FamilyName, string? Office)
    {
        public static PersonResponse From(Person p) => new(p.Id, p.Name, p.Honorific, p.GivenName, p.FamilyName, p.Office);
    }

    public sealed record MembershipRequest(
        Guid? PersonId, MembershipRole? Role, string? Council, string? Party, DateOnly? StartsOn, DateOnly? EndsOn);

    public sealed record MembershipResponse(
        Guid Id, Guid PersonId, string PersonName, string BodySlug, MembershipRole Role, string? Council, string? Party,
        DateOnly StartsOn, DateOnly? EndsOn);

    private static Validation Validate(PersonRequest request) => new Validation()
        .Required("name", request.Name, 200).PlainText("name", request.Name)
        .MaxLength("honorific", request.Honorific, 50).PlainText("honorific", request.Honorific)
        .MaxLength("givenName", request.GivenName, 100).PlainText("givenName", request.GivenName)
        .MaxLength("familyName", request.FamilyName, 100).PlainText("familyName", request.FamilyName)
        .MaxLength("office", request.Office, 300).PlainText("office", request.Office);

    private static void Apply(Person person, PersonRequest request, DateTimeOffset now)
    {
        person.Name = request.Name!.Trim();
        person.Honorific = BodyEndpoints.Blank(request.Honorific);
        person.GivenName = BodyEndpoints.Blank(request.GivenName);
        person.FamilyName = BodyEndpoints.Blank(request.FamilyName);
        person.Office = BodyEndpoints.Blank(request.Office);
        person.UpdatedAt = now;
    }

    private static async Task<Results<Created<PersonResponse>, ValidationProblem>> Create(
        PersonRequest request, MeetingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = Validate(request);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var now = time.GetUtcNow();
        var person = new Person { Id = Guid.CreateVersion7(now), CreatedAt = now };
        Apply(person, request, now);
        db.People.Add(person);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/meetings/people/{person.Id}", PersonResponse.From(person));
    }

    private static async Task<Results<Ok<PersonResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, PersonRequest request, MeetingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = Validate(request);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var person = await db.People.FindAsync([id], cancellationToken);
        if (person is null)
        {
            return Problems.NotFoundProblem("Person", id);
        }

        Apply(person, request, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(PersonResponse.From(person));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var person = await db.People.FindAsync([id], cancellationToken);
        if (person is null)
        {
            return Problems.NotFoundProblem("Person", id);
        }

        var referenced = await db.Memberships.AnyAsync(m => m.PersonId == id, cancellationToken) ||
                         await db.Attendance.AnyAsync(a => a.PersonId == id, cancellationToken) ||
                         await db.Declarations.AnyAsync(d => d.PersonId == id, cancellationToken) ||
                         await db.DecisionVotes.AnyAsync(v => v.PersonId == id, cancellationToken);
        if (referenced)
        {
            return Problems.ConflictProblem("person-on-record", "The person is on the record",
                "This person has memberships, attendance, declarations or votes on record; end their membership instead.");
        }

        db.People.Remove(person);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<PersonResponse>, ProblemHttpResult>> Get(Guid id, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return person is null ? Problems.NotFoundProblem("Person", id) : TypedResults.Ok(PersonResponse.From(person));
    }

    private sealed record PersonCursor(string Name, Guid Id);

    private static async Task<Results<Ok<Page<PersonResponse>>, ValidationProblem>> List(
        MeetingsDbContext db, CancellationToken cancellationToken, int? limit = null, string? cursor = null)
    {
        var validation = new Validation();
        Paging.TryReadLimit(limit, validation, out var take);
        Paging.TryDecode<PersonCursor>(cursor, validation, out var after);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var query = db.People.AsNoTracking();
        if (after is not null)
        {
            query = query.Where(p => string.Compare(p.Name, after.Name) > 0 || (p.Name == after.Name && p.Id.CompareTo(after.Id) > 0));
        }

        var rows = await query.OrderBy(p => p.Name).ThenBy(p => p.Id).Take(take + 1).ToListAsync(cancellationToken);
        return TypedResults.Ok(Paging.ToPage(rows, take, PersonResponse.From, p => new PersonCursor(p.Name, p.Id)));
    }

    private static Validation Validate(MembershipRequest request)
    {
        var validation = new Validation()
            .Required("personId", request.PersonId)
            .Required("role", request.Role)
            .Required("startsOn", request.StartsOn)
            .MaxLength("party", request.Party, 50).PlainText("party", request.Party);
        if (request.Council is not null && Councils.Canonical(request.Council) is null)
        {
            validation.Add("council", $"council must be one of: {string.Join(", ", Councils.All)}.");
        }

        if (request.StartsOn is { } start && request.EndsOn is { } end && end < start)
        {
            validation.Add("endsOn", "endsOn must not be before startsOn.");
        }

        return validation;
    }

    private static MembershipResponse Map(Membership m, string personName, string bodySlug) =>
        new(m.Id, m.PersonId, personName, bodySlug, m.Role, m.Council, m.Party, m.StartsOn, m.EndsOn);

    private static async Task<Results<Created<MembershipResponse>, ValidationProblem, ProblemHttpResult>> AddMembership(
        string slug, MembershipRequest request, MeetingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
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

        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.PersonId, cancellationToken);
        if (person is null)
        {
            return Problems.RuleProblem("unknown-person", "Unknown person", $"There is no person with id '{request.PersonId}'.");
        }

        var now = time.GetUtcNow();
        var membership = new Membership
        {
            Id = Guid.CreateVersion7(now),
            PersonId = person.Id,
            BodyId = body.Id,
            CreatedAt = now,
        };
        Apply(membership, request, now);
        db.Memberships.Add(membership);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/meetings/memberships/{membership.Id}", Map(membership, person.Name, body.Slug));
    }

    private static void Apply(Membership membership, MembershipRequest request, DateTimeOffset now)
    {
        membership.Role = request.Role!.Value;
        membership.Council = Councils.Canonical(request.Council);
        membership.Party = BodyEndpoints.Blank(request.Party);
        membership.StartsOn = request.StartsOn!.Value;
        membership.EndsOn = request.EndsOn;
        membership.UpdatedAt = now;
    }

    private static async Task<Results<Ok<MembershipResponse>, ValidationProblem, ProblemHttpResult>> UpdateMembership(
        Guid id, MembershipRequest request, MeetingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = Validate(request);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var membership = await db.Memberships.FindAsync([id], cancellationToken);
        if (membership is null)
        {
            return Problems.NotFoundProblem("Membership", id);
        }

        if (request.PersonId != membership.PersonId)
        {
            return Problems.RuleProblem("membership-person-fixed", "The person does not change", "A membership belongs to one person; end it and add another.");
        }

        Apply(membership, request, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        var person = await db.People.AsNoTracking().FirstAsync(p => p.Id == membership.PersonId, cancellationToken);
        var body = await db.Bodies.AsNoTracking().FirstAsync(b => b.Id == membership.BodyId, cancellationToken);
        return TypedResults.Ok(Map(membership, person.Name, body.Slug));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteMembership(Guid id, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var membership = await db.Memberships.FindAsync([id], cancellationToken);
        if (membership is null)
        {
            return Problems.NotFoundProblem("Membership", id);
        }

        db.Memberships.Remove(membership);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The body's memberships; <c>?on=</c> keeps those active on a date (e.g. the members in office at a meeting).</summary>
    private static async Task<Results<Ok<Page<MembershipResponse>>, ValidationProblem, ProblemHttpResult>> ListMemberships(
        string slug, MeetingsDbContext db, CancellationToken cancellationToken, DateOnly? on = null, int? limit = null, string? cursor = null)
    {
        var validation = new Validation();
        Paging.TryReadLimit(limit, validation, out var take);
        Paging.TryDecode<PersonCursor>(cursor, validation, out var after);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var body = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Slug == slug, cancellationToken);
        if (body is null)
        {
            return Problems.NotFoundProblem("Body", slug);
        }

        var query =
            from m in db.Memberships.AsNoTracking()
            join p in db.People.AsNoTracking() on m.PersonId equals p.Id
            where m.BodyId == body.Id
            select new { m, p.Name };
        if (on is { } date)
        {
            query = query.Where(x => x.m.StartsOn <= date && (x.m.EndsOn == null || x.m.EndsOn >= date));
        }

        if (after is not null)
        {
            query = query.Where(x => string.Compare(x.Name, after.Name) > 0 || (x.Name == after.Name && x.m.Id.CompareTo(after.Id) > 0));
        }

        var rows = await query.OrderBy(x => x.Name).ThenBy(x => x.m.Id).Take(take + 1).ToListAsync(cancellationToken);
        return TypedResults.Ok(Paging.ToPage(rows, take, x => Map(x.m, x.Name, body.Slug), x => new PersonCursor(x.Name, x.m.Id)));
    }
}
