using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Meetings.Data;
using PanelPlatform.Meetings.Domain;
using PanelPlatform.Meetings.Queries;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Http;

namespace PanelPlatform.Meetings.Endpoints;

/// <summary>The Panel's statutory decisions (precept, senior appointments, plan variations) with recorded votes.</summary>
public static class DecisionEndpoints
{
    public static IEndpointRouteBuilder MapDecisionEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/meetings").WithTags("Panel decisions");
        group.MapPost("/meetings/{id:guid}/decisions", Record).RequireAuthorization(Roles.Clerk);
        group.MapGet("/decisions/{decisionId:guid}", Get);
        group.MapPost("/decisions/{decisionId:guid}/report", ReportBack).RequireAuthorization(Roles.Clerk);
        return routes;
    }

    public sealed record VoteEntry(Guid? PersonId, VoteCast? Vote);

    public sealed record DecisionRequest(
        DecisionKind? Kind, MotionKind? Motion, string? Subject, string? Proposal, Guid? MinuteId, IReadOnlyList<VoteEntry>? Votes);

    public sealed record ReportBackRequest(DateOnly? ReportedOn, DateOnly? ResponseDueOn);

    public sealed record VoteView(Guid PersonId, VoteCast Vote);

    public sealed record DecisionResponse(DecisionView Decision, int VetoThreshold, IReadOnlyList<VoteView> Votes);

    private static DecisionResponse Map(PanelDecision d) => new(
        new DecisionView(d.Id, d.Kind, d.Motion, d.Subject, d.MembersInOffice, d.VotesFor, d.VotesAgainst, d.Abstentions, d.Outcome,
            d.ReportedToCommissionerOn, d.ResponseDueOn),
        PanelDecisions.VetoThreshold(d.MembersInOffice),
        d.Votes.Select(v => new VoteView(v.PersonId, v.Vote)).ToList());

    /// <summary>
    /// Records a decision and its votes. A veto needs two-thirds of the members in office on the meeting date, counted from
    /// the memberships — not two-thirds of those present.
    /// </summary>
    private static async Task<Results<Created<DecisionResponse>, ValidationProblem, ProblemHttpResult>> Record(
        Guid id, DecisionRequest request, MeetingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Required("kind", request.Kind).Required("motion", request.Motion)
            .Required("subject", request.Subject, 500).PlainText("subject", request.Subject)
            .MaxLength("proposal", request.Proposal, 4000).PlainText("proposal", request.Proposal);
        var votes = request.Votes ?? [];
        if (request.Votes is null)
        {
            validation.Add("votes", "votes is required.");
        }

        for (var i = 0; i < votes.Count; i++)
        {
            validation.Required($"votes[{i}].personId", votes[i].PersonId).Required($"votes[{i}].vote", votes[i].Vote);
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return Problems.NotFoundProblem("Meeting", id);
        }

        if (meeting.Status is not (MeetingStatus.Held or MeetingStatus.MinutesDrafted))
        {
            return Problems.ConflictProblem("meeting-not-held", "The meeting has not been held", "Decisions are recorded for a meeting that has been held and whose minutes are not confirmed.");
        }

        if (request.MinuteId is { } minuteId && !await db.Minutes.AnyAsync(m => m.Id == minuteId && m.MeetingId == id, cancellationToken))
        {
            return Problems.RuleProblem("unknown-minute", "Unknown minute", $"Meeting {id} has no minute '{minuteId}'.");
        }

        var date = meeting.Date;
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.BodyId == meeting.BodyId).ToListAsync(cancellationToken);
        var inOffice = memberships.Where(m => m.IsMemberOn(date)).Select(m => m.PersonId).ToHashSet();
        var cast = votes.Select(v => (v.PersonId!.Value, v.Vote!.Value)).ToList();
        var (outcome, votesFor, against, abstain) = PanelDecisions.Decide(request.Kind!.Value, request.Motion!.Value, inOffice, cast);

        var decision = new PanelDecision
        {
            Id = Guid.CreateVersion7(),
            BodyId = meeting.BodyId,
            MeetingId = id,
            MinuteId = request.MinuteId,
            Kind = request.Kind.Value,
            Motion = request.Motion.Value,
            Subject = request.Subject!.Trim(),
            Proposal = BodyEndpoints.Blank(request.Proposal),
            DecidedOn = date,
            MembersInOffice = inOffice.Count,
            VotesFor = votesFor,
            VotesAgainst = against,
            Abstentions = abstain,
            Outcome = outcome,
            RecordedAt = time.GetUtcNow(),
        };
        decision.Votes = cast.Select(v => new DecisionVote { DecisionId = decision.Id, PersonId = v.Item1, Vote = v.Item2 }).ToList();
        db.Decisions.Add(decision);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/meetings/decisions/{decision.Id}", Map(decision));
    }

    private static async Task<Results<Ok<DecisionResponse>, ProblemHttpResult>> Get(Guid decisionId, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var decision = await db.Decisions.AsNoTracking().Include(d => d.Votes).FirstOrDefaultAsync(d => d.Id == decisionId, cancellationToken);
        return decision is null ? Problems.NotFoundProblem("Decision", decisionId) : TypedResults.Ok(Map(decision));
    }

    /// <summary>The decision as reported back to the Commissioner, with the date a response is due.</summary>
    private static async Task<Results<Ok<DecisionResponse>, ValidationProblem, ProblemHttpResult>> ReportBack(
        Guid decisionId, ReportBackRequest request, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var validation = new Validation().Required("reportedOn", request.ReportedOn).Required("responseDueOn", request.ResponseDueOn);
        if (request.ReportedOn is { } reported && request.ResponseDueOn is { } due && due < reported)
        {
            validation.Add("responseDueOn", "responseDueOn must not be before reportedOn.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var decision = await db.Decisions.Include(d => d.Votes).FirstOrDefaultAsync(d => d.Id == decisionId, cancellationToken);
        if (decision is null)
        {
            return Problems.NotFoundProblem("Decision", decisionId);
        }

        if (request.ReportedOn < decision.DecidedOn)
        {
            return Problems.RuleProblem("reported-before-decided", "Reported before the decision", "A decision is reported on or after the day it was made.");
        }

        decision.ReportedToCommissionerOn = request.ReportedOn;
        decision.ResponseDueOn = request.ResponseDueOn;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(Map(decision));
    }
}
