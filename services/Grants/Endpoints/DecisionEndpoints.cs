using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PanelPlatform.Contracts.Grants;
using PanelPlatform.Grants.Access;
using PanelPlatform.Grants.Data;
using PanelPlatform.Grants.Domain;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Http;
using PanelPlatform.ServiceDefaults.Messaging;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Grants.Endpoints;

/// <summary>Award or decline an assessed application (grants officers).</summary>
public static class DecisionEndpoints
{
    public static IEndpointRouteBuilder MapDecisionEndpoints(this IEndpointRouteBuilder routes)
    {
        var decisions = routes.MapGroup("/api/grants/applications/{id:guid}").WithTags("Decisions").RequireAuthorization(Roles.GrantsOfficer);
        decisions.MapPost("/award", AwardGrant);
        decisions.MapPost("/decline", Decline);
        return routes;
    }

    public sealed record AgreementRequest(string? Title, string? Url);

    public sealed record AwardRequest(
        decimal? Amount,
        DateOnly? DecisionDate,
        string? DecisionMaker,
        AgreementRequest? Agreement,
        IReadOnlyList<RoundEndpoints.ConditionRequest>? Conditions);

    public sealed record DeclineRequest(string? Reason);

    /// <summary>
    /// The budget rule holds across instances because the round's running total is raised by one conditional
    /// UPDATE (<c>… SET awarded_total = awarded_total + @amount WHERE awarded_total + @amount &lt;= budget</c>): PostgreSQL
    /// row-locks it, and a concurrent award waits, then re-checks the condition against the committed total.
    /// The award, the application's status and the event commit in the same transaction; a CHECK constraint backs it.
    /// </summary>
    private static async Task<Results<Created<AwardEndpoints.AwardAdministrationResponse>, ValidationProblem, ProblemHttpResult>> AwardGrant(
        Guid id, AwardRequest request, ClaimsPrincipal user, GrantsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = UkTime.LondonDate(now);
        var validation = new Validation()
            .Money("amount", request.Amount)
            .Text("decisionMaker", request.DecisionMaker, 200)
            .Must(request.DecisionDate is null || request.DecisionDate <= today, "decisionDate", "decisionDate must not be in the future.")
            .Must(request.Conditions is not { Count: > 30 }, "conditions", "At most 30 conditions.");
        if (request.Agreement is { } agreement)
        {
            validation.Text("agreement.title", agreement.Title, 200, required: true).Link("agreement.url", agreement.Url, required: true);
        }

        for (var i = 0; i < (request.Conditions?.Count ?? 0) && i <= 30; i++)
        {
            validation.Text($"conditions[{i}].text", request.Conditions![i].Text, 1000, required: true)
                .Text($"conditions[{i}].requiresApprovalBy", request.Conditions[i].RequiresApprovalBy, 200);
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null)
        {
            return Problems.NotFoundProblem("Application", id);
        }

        var round = await db.Rounds.AsNoTracking().FirstAsync(r => r.Id == application.RoundId, cancellationToken);
        var scheme = await db.Schemes.AsNoTracking().FirstAsync(s => s.Slug == round.SchemeSlug, cancellationToken);
        var amount = request.Amount!.Value;
        Award award;
        try
        {
            application.AssertUnderAssessment();
            var summary = await AssessmentEndpoints.SummaryAsync(db, application, round, cancellationToken);
            if (summary.Assessors.Count == 0)
            {
                throw GrantRuleException.Conflict("not-assessed", "Nobody has scored the application",
                    "At least one assessor without a conflict of interest must score it before it is awarded.");
            }

            award = Award.Make(Guid.CreateVersion7(now), application, round, scheme, amount, request.DecisionDate ?? today,
                string.IsNullOrWhiteSpace(request.DecisionMaker) ? Caller.NameOf(user) : request.DecisionMaker, Caller.IdOf(user),
                request.Agreement is { } a ? new AgreementDocument(a.Title!.Trim(), a.Url!.Trim()) : null,
                (request.Conditions ?? []).Select(c => (c.Text!, c.RequiresApprovalBy)), now);
        }
        catch (GrantRuleException rule)
        {
            return rule.ToProblem();
        }

        var reserved = await db.Rounds
            .Where(r => r.Id == round.Id && r.AwardedTotal + amount <= r.Budget)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.AwardedTotal, r => r.AwardedTotal + amount), cancellationToken);
        if (reserved == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            var remaining = await db.Rounds.Where(r => r.Id == round.Id).Select(r => r.Budget - r.AwardedTotal).FirstAsync(cancellationToken);
            return Problems.ConflictProblem("budget-exceeded", "The round's budget cannot cover this award",
                $"£{remaining:N2} of the £{round.Budget:N2} budget remains; £{amount:N2} was proposed.");
        }

        db.Awards.Add(award);
        db.AddIntegrationEvent(new GrantAwarded(
            award.Id, application.Id, round.Id, scheme.Name, round.Name, award.Recipient.Name, award.Amount, award.Areas,
            award.AwardDate, application.RecipientId, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException ||
            (e is DbUpdateException && e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }))
        {
            // The same application decided by someone else at the same moment: nothing of ours is kept.
            await transaction.RollbackAsync(CancellationToken.None);
            return Problems.ConflictProblem("already-decided", "The application was decided meanwhile", "Read it again.");
        }

        return TypedResults.Created($"/api/grants/awards/{award.Id}", AwardEndpoints.AwardAdministrationResponse.From(award, []));
    }

    private static async Task<Results<Ok<ApplicationEndpoints.ApplicationResponse>, ValidationProblem, ProblemHttpResult>> Decline(
        Guid id, DeclineRequest request, GrantsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation().Text("reason", request.Reason, 4000, required: true);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null)
        {
            return Problems.NotFoundProblem("Application", id);
        }

        var round = await db.Rounds.AsNoTracking().FirstAsync(r => r.Id == application.RoundId, cancellationToken);
        var scheme = await db.Schemes.AsNoTracking().FirstAsync(s => s.Slug == round.SchemeSlug, cancellationToken);
        var now = time.GetUtcNow();
        try
        {
            application.Decline(request.Reason!, now);
        }
        catch (GrantRuleException rule)
        {
            return rule.ToProblem();
        }

        db.AddIntegrationEvent(new GrantApplicationDeclined(
            application.Id, round.Id, scheme.Name, round.Name, application.DeclineReason!, application.RecipientId, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.ConflictProblem("already-decided", "The application was decided meanwhile", "Read it again.");
        }

        return TypedResults.Ok(ApplicationEndpoints.ApplicationResponse.From(application));
    }
}
