using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Casework.Data;
using PanelPlatform.Casework.Domain;
using PanelPlatform.Casework.Security;
using PanelPlatform.Contracts.Casework;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Http;
using PanelPlatform.ServiceDefaults.Messaging;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Casework.Endpoints;

/// <summary>
/// What caseworkers do to a case. Each answers with the sealed view (no personal data is echoed back, so nothing
/// here is a read to audit); a rule the case forbids is a 409 or 422 problem and changes nothing.
/// </summary>
public static class CaseActionEndpoints
{
    public static RouteGroupBuilder MapCaseActionEndpoints(this RouteGroupBuilder cases)
    {
        cases.MapPost("/{id:guid}/assignment", Assign).RequireAuthorization(Roles.Caseworker);
        cases.MapPost("/{id:guid}/transitions", Transition).RequireAuthorization(Roles.Caseworker);
        cases.MapPost("/{id:guid}/extension", Extend).RequireAuthorization(Roles.Caseworker);
        cases.MapPost("/{id:guid}/review/late-acceptance", AcceptLate).RequireAuthorization(Roles.Caseworker);
        cases.MapPost("/{id:guid}/review/outcome", RecordReview).RequireAuthorization(Roles.Caseworker);
        cases.MapPost("/{id:guid}/links", Link).RequireAuthorization(Roles.Caseworker);
        return cases;
    }

    /// <param name="CaseworkerId">A registered caseworker; omitted, the caller (registered from their token if new).</param>
    public sealed record AssignRequest(Guid? CaseworkerId);

    public sealed record TransitionRequest(CaseStatus? To, CaseOutcome? Outcome, string? Reason);

    public sealed record ExtendRequest(string? Reason, int? WorkingDays);

    public sealed record ReasonRequest(string? Reason);

    public sealed record ReviewOutcomeRequest(ReviewResult? Result, string? Recommendations);

    public sealed record LinkRequest(string? Reference);

    private static Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> Assign(
        Guid id, AssignRequest request, CaseworkDbContext db, CaseworkerDirectory directory, ClockPolicy clocks, TimeProvider time,
        ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ChangeAsync(id, db, clocks, time, new Validation(), async (@case, _) =>
        {
            Guid assignee;
            if (request.CaseworkerId is { } chosen)
            {
                if (!await db.Caseworkers.AnyAsync(w => w.Id == chosen, cancellationToken))
                {
                    throw new CaseRuleException("unknown-caseworker", "No caseworker with that id has registered (POST /api/casework/caseworkers/me).");
                }

                assignee = chosen;
            }
            else
            {
                assignee = (await directory.RegisterAsync(user, cancellationToken)).Id;
            }

            @case.Assign(assignee);
        }, cancellationToken);

    private static Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> Transition(
        Guid id, TransitionRequest request, CaseworkDbContext db, ClockPolicy clocks, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Required("to", request.To)
            .Text("reason", request.Reason, InputRules.ReasonMax);
        if (request.To == CaseStatus.Closed)
        {
            validation.Required("outcome", request.Outcome);
        }
        else if (request.Outcome is not null)
        {
            validation.Add("outcome", "outcome is given only when closing a case.");
        }

        if (request.Reason is not null && request.To != CaseStatus.AwaitingInformation)
        {
            validation.Add("reason", "reason (what was asked for) is given only when awaiting information.");
        }

        return ChangeAsync(id, db, clocks, time, validation, (@case, now) =>
        {
            @case.MoveTo(request.To!.Value, request.Outcome, request.Reason, now);
            var type = @case.Type.Kebab();
            if (@case.Status == CaseStatus.Acknowledged)
            {
                db.AddIntegrationEvent(new CaseAcknowledged(@case.Id, @case.Reference, type, @case.SubjectRecipientId, now));
            }
            else if (@case.Status == CaseStatus.Closed)
            {
                db.AddIntegrationEvent(new CaseClosed(@case.Id, @case.Reference, type, @case.Outcome!.Value.Kebab(), @case.WithinTimeLimit, now));
            }

            return Task.CompletedTask;
        }, cancellationToken);
    }

    private static Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> Extend(
        Guid id, ExtendRequest request, CaseworkDbContext db, ClockPolicy clocks, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, db, clocks, time, new Validation().Text("reason", request.Reason, InputRules.ReasonMax, required: true),
            (@case, now) =>
            {
                @case.Extend(request.Reason!, request.WorkingDays, clocks, now);
                return Task.CompletedTask;
            }, cancellationToken);

    private static Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> AcceptLate(
        Guid id, ReasonRequest request, CaseworkDbContext db, ClockPolicy clocks, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, db, clocks, time, new Validation().Text("reason", request.Reason, InputRules.ReasonMax, required: true),
            (@case, now) =>
            {
                @case.AcceptLateApplication(request.Reason!, now);
                return Task.CompletedTask;
            }, cancellationToken);

    private static Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> RecordReview(
        Guid id, ReviewOutcomeRequest request, CaseworkDbContext db, ClockPolicy clocks, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, db, clocks, time,
            new Validation().Required("result", request.Result).Text("recommendations", request.Recommendations, InputRules.NoteMax),
            (@case, now) =>
            {
                @case.RecordReviewOutcome(request.Result!.Value, request.Recommendations, now);
                return Task.CompletedTask;
            }, cancellationToken);

    private static Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> Link(
        Guid id, LinkRequest request, CaseworkDbContext db, ClockPolicy clocks, TimeProvider time, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        ChangeAsync(id, db, clocks, time, new Validation().Required("reference", request.Reference, 20),
            async (@case, now) =>
            {
                var wanted = request.Reference!.Trim().ToUpperInvariant();
                var other = await db.Cases.FirstOrDefaultAsync(c => c.Reference == wanted, cancellationToken)
                    ?? throw new CaseRuleException("unknown-reference", $"There is no case {wanted}.");
                if (await db.Links.AnyAsync(l => l.CaseId == @case.Id && l.LinkedCaseId == other.Id, cancellationToken))
                {
                    throw new CaseRuleException("already-linked", $"{@case.Reference} is already linked to {other.Reference}.", isConflict: true);
                }

                db.Links.AddRange(CaseLink.Between(@case, other, PersonalData.SubjectOf(user), now));
            }, cancellationToken);

    /// <summary>Loads the case, applies <paramref name="change"/>, saves it with its events; rules become problems.</summary>
    private static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        Guid id, CaseworkDbContext db, ClockPolicy clocks, TimeProvider time, Validation validation,
        Func<Case, DateTimeOffset, Task> change, CancellationToken cancellationToken)
    {
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var @case = await db.Cases.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (@case is null)
        {
            return CaseProblems.CaseNotFound(id);
        }

        var now = time.GetUtcNow();
        try
        {
            await change(@case, now);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (CaseRuleException rule)
        {
            return CaseProblems.From(rule);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CaseProblems.ChangedMeanwhile();
        }

        return TypedResults.Ok(CaseViews.Sealed(@case, clocks, UkTime.LondonDate(now)));
    }
}
