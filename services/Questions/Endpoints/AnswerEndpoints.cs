using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PanelPlatform.Contracts.Questions;
using PanelPlatform.Questions.Data;
using PanelPlatform.Questions.Domain;
using PanelPlatform.ServiceDefaults.Http;
using PanelPlatform.ServiceDefaults.Messaging;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Questions.Endpoints;

/// <summary>Answers: drafted by the Commissioner's office staff, approved by a designated approver, then published.</summary>
public static class AnswerEndpoints
{
    public const string DefaultAnsweredBy = "The Police and Crime Commissioner";

    public static IEndpointRouteBuilder MapAnswerEndpoints(this IEndpointRouteBuilder routes)
    {
        var questions = routes.MapGroup("/api/questions").WithTags("Answers").RequireAuthorization(QuestionAccess.StaffPolicy);
        questions.MapPut("/{id:guid}/answer", Draft);
        questions.MapPost("/{id:guid}/answer/approve", Approve);
        questions.MapPost("/meetings/{meetingId:guid}/publish", Publish);
        return routes;
    }

    public sealed record AnswerRequest(string? Text, string? AnsweredBy);

    public sealed record ApproveRequest(bool? PublishEarly);

    public sealed record PublishResult(Guid MeetingId, int Published, IReadOnlyList<Guid> QuestionIds, int WaitingForMeeting);

    private static async Task<Results<Ok<QuestionView>, ValidationProblem, ProblemHttpResult>> Draft(
        Guid id, AnswerRequest request, ClaimsPrincipal user, QuestionsDbContext db, QuestionAccess access, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!access.Answers(user))
        {
            return QuestionAccess.Forbidden("Answers are written by the Commissioner's office (opcc-staff).");
        }

        var validation = new Validation()
            .Required("text", request.Text, Rules.MaxAnswerLength)
            .PlainText("text", request.Text)
            .MaxLength("answeredBy", request.AnsweredBy, 200)
            .PlainText("answeredBy", request.AnsweredBy);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        return await Change(id, db, access, user, cancellationToken, question =>
        {
            question.DraftAnswer(request.Text!.Trim(),
                string.IsNullOrWhiteSpace(request.AnsweredBy) ? DefaultAnsweredBy : request.AnsweredBy.Trim(), Actor.From(user), time.GetUtcNow());
        });
    }

    private static async Task<Results<Ok<QuestionView>, ValidationProblem, ProblemHttpResult>> Approve(
        Guid id, ApproveRequest request, ClaimsPrincipal user, QuestionsDbContext db, QuestionAccess access, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!access.Approves(user))
        {
            return QuestionAccess.Forbidden("Answers are approved by the Commissioner's office's designated approvers.");
        }

        return await Change(id, db, access, user, cancellationToken, question =>
        {
            var now = time.GetUtcNow();
            question.ApproveAnswer(request.PublishEarly ?? false, Actor.From(user), now);
            db.AddIntegrationEvent(new QuestionAnswered(
                question.Id, question.MeetingId, SubmissionEndpoints.KindCode(question.Kind), question.RecipientId, now));
        });
    }

    /// <summary>
    /// Publishes the meeting's approved answers that may go out now: all of them once the meeting has started, before
    /// that only those marked for early publication. One <see cref="QuestionsPublished"/> carries them.
    /// </summary>
    private static async Task<Results<Ok<PublishResult>, ProblemHttpResult>> Publish(
        Guid meetingId, ClaimsPrincipal user, QuestionsDbContext db, QuestionAccess access, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
        {
            return Problems.NotFoundProblem("Meeting", meetingId);
        }

        if (!access.Answers(user) && !access.Moderates(user, meeting.BodySlug))
        {
            return QuestionAccess.Forbidden("Answers are published by the Commissioner's office or the meeting's moderator.");
        }

        var now = time.GetUtcNow();
        var answered = await db.Questions.Include(q => q.History)
            .Where(q => q.MeetingId == meetingId && q.Status == QuestionStatus.Answered)
            .OrderBy(q => q.SubmittedAt).ThenBy(q => q.Id)
            .ToListAsync(cancellationToken);
        var ready = answered.Where(q => q.CanPublish(meeting.StartsAt, now)).ToList();
        if (ready.Count == 0)
        {
            return answered.Count == 0
                ? Problems.RuleProblem("nothing-to-publish", "Nothing to publish", "The meeting has no approved answers waiting to be published.")
                : Problems.RuleProblem("meeting-not-started", "The meeting has not started",
                    "Answers are published with the meeting; none of these is marked for early publication.");
        }

        var by = Actor.From(user);
        foreach (var question in ready)
        {
            question.Publish(meeting.StartsAt, by, now);
        }

        db.AddIntegrationEvent(new QuestionsPublished(meetingId, ready.Select(q => new PublishedQuestion(
            q.Id, SubmissionEndpoints.KindCode(q.Kind), q.AgendaItemId, q.Asker.PublishedName, q.Text, q.Answer!, q.AnsweredBy!)).ToList(), now,
            meeting.BodyName, meeting.Title, UkTime.ToLondon(meeting.StartsAt)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (ConcurrentChange.Is(e))
        {
            return Problems.ConflictProblem("concurrent-change", "The questions changed meanwhile", "Someone else changed these questions; try again.");
        }

        return TypedResults.Ok(new PublishResult(meetingId, ready.Count, ready.Select(q => q.Id).ToList(), answered.Count - ready.Count));
    }

    private static async Task<Results<Ok<QuestionView>, ValidationProblem, ProblemHttpResult>> Change(
        Guid id, QuestionsDbContext db, QuestionAccess access, ClaimsPrincipal user, CancellationToken cancellationToken, Action<Question> change)
    {
        var question = await db.Questions.Include(q => q.History).FirstOrDefaultAsync(q => q.Id == id, cancellationToken);
        if (question is null || !question.IsVisibleToStaff)
        {
            return Problems.NotFoundProblem("Question", id);
        }

        try
        {
            change(question);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (QuestionRuleException e)
        {
            return Problems.ConflictProblem(e.Code, "The answer cannot change that way", e.Message);
        }
        catch (DbUpdateException e) when (ConcurrentChange.Is(e))
        {
            return Problems.ConflictProblem("concurrent-change", "The question changed meanwhile", "Someone else changed this question; reload it and try again.");
        }

        return TypedResults.Ok(QuestionView.From(question, access.Moderates(user, question.BodySlug), null,
            question.History.OrderBy(t => t.Sequence).Select(TransitionView.Of).ToList()));
    }
}
