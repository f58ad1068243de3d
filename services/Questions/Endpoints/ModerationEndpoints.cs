using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PanelPlatform.Contracts.Questions;
using PanelPlatform.Questions.Data;
using PanelPlatform.Questions.Domain;
using PanelPlatform.Questions.Duplicates;
using PanelPlatform.ServiceDefaults.Http;
using PanelPlatform.ServiceDefaults.Messaging;

namespace PanelPlatform.Questions.Endpoints;

/// <summary>The moderators' queue: list, read (with history and similar questions), accept, reject, withdraw, reassign.</summary>
public static class ModerationEndpoints
{
    public static IEndpointRouteBuilder MapModerationEndpoints(this IEndpointRouteBuilder routes)
    {
        var questions = routes.MapGroup("/api/questions").WithTags("Questions").RequireAuthorization(QuestionAccess.StaffPolicy);
        questions.MapGet("/", List);
        questions.MapGet("/{id:guid}", Get);
        questions.MapPost("/{id:guid}/accept", Accept);
        questions.MapPost("/{id:guid}/reject", Reject);
        questions.MapPost("/{id:guid}/withdraw", Withdraw);
        questions.MapPost("/{id:guid}/reassign", Reassign);
        return routes;
    }

    public sealed record AcceptRequest(Guid? AgendaItemId);

    public sealed record RejectRequest(RejectionReason? Reason, string? Note);

    public sealed record WithdrawRequest(string? Note);

    public sealed record ReassignRequest(Guid? MeetingId);

    private sealed record QuestionCursor(DateTimeOffset SubmittedAt, Guid Id);

    /// <summary>
    /// The caller's questions, oldest first: a moderator's bodies in full (contacts included), and for answer writers
    /// the accepted, answered and published ones. Filters: <c>?meetingId=&amp;status=&amp;kind=</c>.
    /// </summary>
    private static async Task<Results<Ok<Page<QuestionView>>, ValidationProblem>> List(
        ClaimsPrincipal user, QuestionsDbContext db, QuestionAccess access, IOptions<QuestionsOptions> options, CancellationToken cancellationToken,
        Guid? meetingId = null, string? status = null, string? kind = null, int? limit = null, string? cursor = null)
    {
        var validation = new Validation();
        Paging.TryReadLimit(limit, validation, out var take);
        Paging.TryDecode<QuestionCursor>(cursor, validation, out var after);
        var statusFilter = ParseFilter<QuestionStatus>("status", status, validation);
        var kindFilter = ParseFilter<QuestionKind>("kind", kind, validation);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var moderated = access.ModeratedBodies(user).ToArray();
        var configured = access.ConfiguredBodies.ToArray();
        var unlisted = access.ModeratesUnlistedBodies(user);
        var answers = access.Answers(user);
        var everything = user.IsInRole(ServiceDefaults.Auth.Roles.Admin);
        QuestionStatus[] answerStage = [QuestionStatus.Accepted, QuestionStatus.Answered, QuestionStatus.Published];

        var query = db.Questions.AsNoTracking().Where(q => q.Status != QuestionStatus.AwaitingConfirmation);
        if (!everything)
        {
            query = query.Where(q =>
                moderated.Contains(q.BodySlug) || (unlisted && !configured.Contains(q.BodySlug)) || (answers && answerStage.Contains(q.Status)));
        }

        if (meetingId is { } m)
        {
            query = query.Where(q => q.MeetingId == m);
        }

        if (statusFilter is { } s)
        {
            query = query.Where(q => q.Status == s);
        }

        if (kindFilter is { } k)
        {
            query = query.Where(q => q.Kind == k);
        }

        if (after is not null)
        {
            query = query.Where(q => q.SubmittedAt > after.SubmittedAt || (q.SubmittedAt == after.SubmittedAt && q.Id.CompareTo(after.Id) > 0));
        }

        var rows = await query.OrderBy(q => q.SubmittedAt).ThenBy(q => q.Id).Take(take + 1).ToListAsync(cancellationToken);
        var meetings = await MeetingsOf(db, rows, cancellationToken);
        return TypedResults.Ok(Paging.ToPage(rows, take,
            q => QuestionView.From(q, access.Moderates(user, q.BodySlug), DeadlineOf(q, meetings, options.Value)),
            q => new QuestionCursor(q.SubmittedAt, q.Id)));
    }

    /// <summary>Query filters in the same kebab-case as the JSON (<c>needs-reassignment</c>).</summary>
    private static T? ParseFilter<T>(string field, string? value, Validation validation) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(RejectionReasons.Kebab(candidate.ToString()), value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        validation.Add(field, $"{field} must be one of: {string.Join(", ", Enum.GetValues<T>().Select(v => RejectionReasons.Kebab(v.ToString())))}.");
        return null;
    }

    private static async Task<Results<Ok<QuestionView>, ProblemHttpResult>> Get(
        Guid id, ClaimsPrincipal user, QuestionsDbContext db, QuestionAccess access, IOptions<QuestionsOptions> options,
        CancellationToken cancellationToken)
    {
        var question = await db.Questions.AsNoTracking().Include(q => q.History).FirstOrDefaultAsync(q => q.Id == id, cancellationToken);
        if (question is null || !question.IsVisibleToStaff)
        {
            return Problems.NotFoundProblem("Question", id);
        }

        if (!access.CanSee(user, question))
        {
            return QuestionAccess.Forbidden("Your role does not moderate or answer this question.");
        }

        var moderator = access.Moderates(user, question.BodySlug);
        var similar = moderator
            ? (await SimilarQuestions.FindAsync(db, question.MeetingId, question.Id, question.Text, options.Value.SimilarityThreshold, cancellationToken))
                .Select(r => new SimilarQuestionView(r.Id, Enum.Parse<QuestionStatus>(r.Status), r.Text, Math.Round(r.Score, 3))).ToList()
            : null;
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == question.MeetingId, cancellationToken);
        return TypedResults.Ok(QuestionView.From(
            question, moderator, meeting is null ? null : Deadlines.For(meeting.StartsAt, options.Value.ClearDays(meeting.BodySlug, question.Kind)),
            question.History.OrderBy(t => t.Sequence).Select(TransitionView.Of).ToList(), similar));
    }

    private static Task<Results<Ok<QuestionView>, ValidationProblem, ProblemHttpResult>> Accept(
        Guid id, AcceptRequest request, ClaimsPrincipal user, QuestionsDbContext db, QuestionAccess access, TimeProvider time,
        CancellationToken cancellationToken) =>
        Moderate(id, user, db, access, cancellationToken, async (question, validation) =>
        {
            var meeting = await db.Meetings.AsNoTracking().FirstAsync(m => m.Id == question.MeetingId, cancellationToken);
            var itemId = request.AgendaItemId ?? meeting.QuestionsItem(question.Kind)?.ItemId;
            if (request.AgendaItemId is { } chosen && meeting.AgendaItems.Count > 0 && meeting.AgendaItems.All(i => i.ItemId != chosen))
            {
                validation.Add("agendaItemId", "This item is not on the meeting's published agenda.");
                return;
            }

            var now = time.GetUtcNow();
            question.Accept(itemId, Actor.From(user), now);
            db.AddIntegrationEvent(new QuestionAccepted(
                question.Id, question.MeetingId, question.AgendaItemId, SubmissionEndpoints.KindCode(question.Kind), question.Topic,
                question.Text, question.Asker.PublishedName, question.RecipientId, now));
        });

    private static Task<Results<Ok<QuestionView>, ValidationProblem, ProblemHttpResult>> Reject(
        Guid id, RejectRequest request, ClaimsPrincipal user, QuestionsDbContext db, QuestionAccess access, TimeProvider time,
        CancellationToken cancellationToken) =>
        Moderate(id, user, db, access, cancellationToken, (question, validation) =>
        {
            validation.Required("reason", request.Reason).MaxLength("note", request.Note, Rules.MaxNoteLength).PlainText("note", request.Note);
            if (!validation.IsValid)
            {
                return Task.CompletedTask;
            }

            var now = time.GetUtcNow();
            question.Reject(request.Reason!.Value, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), Actor.From(user), now);
            db.AddIntegrationEvent(new QuestionRejected(
                question.Id, question.MeetingId, SubmissionEndpoints.KindCode(question.Kind), RejectionReasons.Code(request.Reason.Value),
                question.RecipientId, now));
            return Task.CompletedTask;
        });

    private static Task<Results<Ok<QuestionView>, ValidationProblem, ProblemHttpResult>> Withdraw(
        Guid id, WithdrawRequest request, ClaimsPrincipal user, QuestionsDbContext db, QuestionAccess access, TimeProvider time,
        CancellationToken cancellationToken) =>
        Moderate(id, user, db, access, cancellationToken, (question, validation) =>
        {
            validation.MaxLength("note", request.Note, Rules.MaxNoteLength).PlainText("note", request.Note);
            if (!validation.IsValid)
            {
                return Task.CompletedTask;
            }

            var now = time.GetUtcNow();
            var wasAccepted = question.Status is QuestionStatus.Accepted or QuestionStatus.Answered;
            question.Withdraw(string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), Actor.From(user), now);
            if (wasAccepted)
            {
                // Meetings lists accepted questions under the meeting: it must hear that this one is gone.
                db.AddIntegrationEvent(new QuestionWithdrawn(
                    question.Id, question.MeetingId, SubmissionEndpoints.KindCode(question.Kind), question.RecipientId, now));
            }

            return Task.CompletedTask;
        });

    private static async Task<Results<Ok<QuestionView>, ValidationProblem, ProblemHttpResult>> Reassign(
        Guid id, ReassignRequest request, ClaimsPrincipal user, QuestionsDbContext db, QuestionAccess access, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var target = request.MeetingId is { } meetingId
            ? await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken)
            : null;
        return await Moderate(id, user, db, access, cancellationToken, (question, validation) =>
        {
            validation.Required("meetingId", request.MeetingId);
            if (request.MeetingId is not null && (target is null || target.IsCancelled || target.StartsAt <= time.GetUtcNow()))
            {
                validation.Add("meetingId", "The question can only move to a known meeting that is still to come.");
            }
            else if (target is not null && !access.Moderates(user, target.BodySlug))
            {
                validation.Add("meetingId", "Your role does not moderate that meeting's questions.");
            }

            if (!validation.IsValid)
            {
                return Task.CompletedTask;
            }

            question.Reassign(target!.Id, target.BodySlug, Actor.From(user), time.GetUtcNow());
            return Task.CompletedTask;
        });
    }

    /// <summary>Loads the question, checks the caller moderates its body, applies the change and saves it with its events.</summary>
    private static async Task<Results<Ok<QuestionView>, ValidationProblem, ProblemHttpResult>> Moderate(
        Guid id, ClaimsPrincipal user, QuestionsDbContext db, QuestionAccess access, CancellationToken cancellationToken,
        Func<Question, Validation, Task> change)
    {
        var question = await db.Questions.Include(q => q.History).FirstOrDefaultAsync(q => q.Id == id, cancellationToken);
        if (question is null || !question.IsVisibleToStaff)
        {
            return Problems.NotFoundProblem("Question", id);
        }

        if (!access.Moderates(user, question.BodySlug))
        {
            return QuestionAccess.Forbidden("Your role does not moderate this meeting's questions.");
        }

        var validation = new Validation();
        try
        {
            await change(question, validation);
            if (!validation.IsValid)
            {
                return validation.ToProblem();
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch (QuestionRuleException e)
        {
            return Problems.ConflictProblem(e.Code, "The question cannot change that way", e.Message);
        }
        catch (DbUpdateException e) when (ConcurrentChange.Is(e))
        {
            return Problems.ConflictProblem("concurrent-change", "The question changed meanwhile", "Someone else changed this question; reload it and try again.");
        }

        return TypedResults.Ok(QuestionView.From(question, true, null,
            question.History.OrderBy(t => t.Sequence).Select(TransitionView.Of).ToList()));
    }

    internal static async Task<Dictionary<Guid, KnownMeeting>> MeetingsOf(QuestionsDbContext db, IEnumerable<Question> questions, CancellationToken cancellationToken)
    {
        var ids = questions.Select(q => q.MeetingId).Distinct().ToArray();
        return await db.Meetings.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
    }

    internal static DateTimeOffset? DeadlineOf(Question q, Dictionary<Guid, KnownMeeting> meetings, QuestionsOptions options) =>
        meetings.TryGetValue(q.MeetingId, out var m) ? Deadlines.For(m.StartsAt, options.ClearDays(m.BodySlug, q.Kind)) : null;
}
