using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Grants.Access;
using PanelPlatform.Grants.Data;
using PanelPlatform.Grants.Domain;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Http;
using System.Security.Claims;

namespace PanelPlatform.Grants.Endpoints;

/// <summary>Assessment, for grants officers only: start it, declare interests, score, read the result.</summary>
public static class AssessmentEndpoints
{
    public static IEndpointRouteBuilder MapAssessmentEndpoints(this IEndpointRouteBuilder routes)
    {
        var assessment = routes.MapGroup("/api/grants/applications/{id:guid}").WithTags("Assessment").RequireAuthorization(Roles.GrantsOfficer);
        assessment.MapPost("/start-assessment", Start);
        assessment.MapPost("/conflicts", DeclareConflict);
        assessment.MapPut("/scores", Score);
        assessment.MapGet("/assessment", Get);
        return routes;
    }

    public sealed record ConflictRequest(string? Interest);

    public sealed record ScoreItemRequest(string? Criterion, int? Score);

    public sealed record ScoreRequest(IReadOnlyList<ScoreItemRequest>? Scores, string? Comment);

    public sealed record AssessmentResponse(
        Guid ApplicationId, ApplicationStatus Status, IReadOnlyList<AssessmentCriterion> Criteria, AssessmentSummary Summary,
        IReadOnlyList<ConflictResponse> Conflicts);

    public sealed record ConflictResponse(string AssessorId, string AssessorName, string Interest, DateTimeOffset DeclaredAt);

    private static async Task<Results<Ok<AssessmentResponse>, ProblemHttpResult>> Start(
        Guid id, GrantsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null)
        {
            return Problems.NotFoundProblem("Application", id);
        }

        try
        {
            application.StartAssessment(time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (GrantRuleException rule)
        {
            return rule.ToProblem();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.ConflictProblem("changed", "The application changed meanwhile", "Read it again and retry.");
        }

        return TypedResults.Ok(await ReadAsync(db, application, cancellationToken));
    }

    /// <summary>The assessor declares an interest: they are out of this application's assessment, and any score they gave is set aside.</summary>
    private static async Task<Results<Ok<AssessmentResponse>, ValidationProblem, ProblemHttpResult>> DeclareConflict(
        Guid id, ConflictRequest request, ClaimsPrincipal user, GrantsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation().Text("interest", request.Interest, 2000, required: true);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null)
        {
            return Problems.NotFoundProblem("Application", id);
        }

        var assessor = Caller.IdOf(user);
        if (await db.Conflicts.AnyAsync(c => c.ApplicationId == id && c.AssessorId == assessor, cancellationToken))
        {
            return Problems.ConflictProblem("conflict-declared", "Already declared", "You have already declared an interest in this application.");
        }

        var now = time.GetUtcNow();
        db.Conflicts.Add(ConflictOfInterest.Declare(Guid.CreateVersion7(now), id, assessor, Caller.NameOf(user), request.Interest!, now));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await ReadAsync(db, application, cancellationToken));
    }

    private static async Task<Results<Ok<AssessmentResponse>, ValidationProblem, ProblemHttpResult>> Score(
        Guid id, ScoreRequest request, ClaimsPrincipal user, GrantsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Must(request.Scores is { Count: > 0 and <= 20 }, "scores", "scores lists one score per criterion.")
            .Text("comment", request.Comment, 4000);
        for (var i = 0; i < (request.Scores?.Count ?? 0) && i <= 20; i++)
        {
            validation.Must(request.Scores![i].Score is >= Scoresheet.MinScore and <= Scoresheet.MaxScore, $"scores[{i}].score", "A score is a whole number from 0 to 5.")
                .Required($"scores[{i}].criterion", request.Scores[i].Criterion, 60);
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null)
        {
            return Problems.NotFoundProblem("Application", id);
        }

        var scores = request.Scores!.Select(s => new CriterionScore(s.Criterion!.Trim(), s.Score!.Value)).ToList();
        var assessor = Caller.IdOf(user);
        var round = await db.Rounds.AsNoTracking().FirstAsync(r => r.Id == application.RoundId, cancellationToken);
        var now = time.GetUtcNow();
        try
        {
            application.AssertUnderAssessment();
            if (await db.Conflicts.AnyAsync(c => c.ApplicationId == id && c.AssessorId == assessor, cancellationToken))
            {
                throw GrantRuleException.Conflict("conflict-of-interest", "You declared an interest in this application",
                    "An assessor who declared a conflict of interest cannot score the application.");
            }

            var sheet = await db.Scoresheets.FirstOrDefaultAsync(s => s.ApplicationId == id && s.AssessorId == assessor, cancellationToken);
            if (sheet is null)
            {
                db.Scoresheets.Add(Scoresheet.Record(Guid.CreateVersion7(now), id, assessor, Caller.NameOf(user), round.Criteria, scores, request.Comment, now));
            }
            else
            {
                sheet.Replace(round.Criteria, scores, request.Comment, now);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch (GrantRuleException rule)
        {
            return rule.ToProblem();
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return Problems.ConflictProblem("changed", "Scored twice at once", "Your scores were being saved twice at once; read them and retry.");
        }

        return TypedResults.Ok(await ReadAsync(db, application, cancellationToken));
    }

    private static async Task<Results<Ok<AssessmentResponse>, ProblemHttpResult>> Get(Guid id, GrantsDbContext db, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return application is null ? Problems.NotFoundProblem("Application", id) : TypedResults.Ok(await ReadAsync(db, application, cancellationToken));
    }

    public static async Task<AssessmentSummary> SummaryAsync(GrantsDbContext db, GrantApplication application, GrantRound round, CancellationToken cancellationToken)
    {
        var sheets = await db.Scoresheets.AsNoTracking().Where(s => s.ApplicationId == application.Id).ToListAsync(cancellationToken);
        var conflicts = await db.Conflicts.AsNoTracking().Where(c => c.ApplicationId == application.Id).ToListAsync(cancellationToken);
        return AssessmentSummary.Of(round.Criteria, sheets, conflicts);
    }

    private static async Task<AssessmentResponse> ReadAsync(GrantsDbContext db, GrantApplication application, CancellationToken cancellationToken)
    {
        var round = await db.Rounds.AsNoTracking().FirstAsync(r => r.Id == application.RoundId, cancellationToken);
        var conflicts = await db.Conflicts.AsNoTracking().Where(c => c.ApplicationId == application.Id).OrderBy(c => c.DeclaredAt).ToListAsync(cancellationToken);
        return new AssessmentResponse(application.Id, application.Status, round.Criteria,
            await SummaryAsync(db, application, round, cancellationToken),
            conflicts.Select(c => new ConflictResponse(c.AssessorId, c.AssessorName, c.Interest, c.DeclaredAt)).ToList());
    }
}
