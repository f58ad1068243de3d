using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PanelPlatform.Questions.Data;
using PanelPlatform.Questions.Domain;
using PanelPlatform.ServiceDefaults.Http;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Questions.Endpoints;

/// <summary>
/// What anyone may read: the meetings taking public questions now, a meeting's question deadlines, and its published
/// questions and answers.
/// </summary>
public static class PublicEndpoints
{
    public static IEndpointRouteBuilder MapPublicEndpoints(this IEndpointRouteBuilder routes)
    {
        var meetings = routes.MapGroup("/api/questions/meetings").WithTags("Public");
        meetings.MapGet("/", Open).AllowAnonymous();
        meetings.MapGet("/{meetingId:guid}", Info).AllowAnonymous();
        meetings.MapGet("/{meetingId:guid}/published", Published).AllowAnonymous();
        return routes;
    }

    private static async Task<Results<Ok<MeetingQuestionsInfo>, ProblemHttpResult>> Info(
        Guid meetingId, QuestionsDbContext db, IOptions<QuestionsOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
        {
            return Problems.NotFoundProblem("Meeting", meetingId);
        }

        return TypedResults.Ok(InfoOf(meeting, options.Value, time.GetUtcNow()));
    }

    private static MeetingQuestionsInfo InfoOf(KnownMeeting meeting, QuestionsOptions options, DateTimeOffset now)
    {
        var publicDeadline = Deadlines.For(meeting.StartsAt, options.ClearDays(meeting.BodySlug, QuestionKind.Public));
        var memberDeadline = Deadlines.For(meeting.StartsAt, options.ClearDays(meeting.BodySlug, QuestionKind.Member));
        return new MeetingQuestionsInfo(
            meeting.Id, meeting.BodySlug, meeting.BodyName, meeting.Title, UkTime.ToLondon(meeting.StartsAt), meeting.IsCancelled,
            UkTime.ToLondon(publicDeadline), UkTime.ToLondon(memberDeadline),
            !meeting.IsCancelled && now < publicDeadline, !meeting.IsCancelled && now < memberDeadline);
    }

    private sealed record OpenCursor(DateTimeOffset StartsAt, Guid Id);

    /// <summary>
    /// The meetings a resident may ask a question for now (not cancelled, public deadline not passed), soonest first,
    /// each with its deadlines; <c>?body=</c> narrows to one body (by slug).
    /// </summary>
    private static async Task<Results<Ok<Page<MeetingQuestionsInfo>>, ValidationProblem>> Open(
        QuestionsDbContext db, IOptions<QuestionsOptions> options, TimeProvider time, CancellationToken cancellationToken,
        int? limit = null, string? cursor = null, string? body = null)
    {
        var validation = new Validation();
        Paging.TryReadLimit(limit, validation, out var take);
        Paging.TryDecode<OpenCursor>(cursor, validation, out var after);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var now = time.GetUtcNow();
        // A deadline falls before its meeting starts, so only upcoming meetings can be open; which of them still are
        // depends on working days and each body's rules, worked out here rather than in SQL. The closed ones are the
        // few in the next week or two, so a handful of batches at most.
        var upcoming = db.Meetings.AsNoTracking().Where(m => !m.IsCancelled && m.StartsAt > now);
        if (!string.IsNullOrWhiteSpace(body))
        {
            upcoming = upcoming.Where(m => m.BodySlug == body);
        }

        var open = new List<MeetingQuestionsInfo>();
        var batchSize = Math.Max(take + 1, 50);
        var last = after;
        while (open.Count <= take)
        {
            var batch = upcoming;
            if (last is not null)
            {
                var (startsAt, id) = (last.StartsAt.ToUniversalTime(), last.Id);
                batch = batch.Where(m => m.StartsAt > startsAt || (m.StartsAt == startsAt && m.Id.CompareTo(id) > 0));
            }

            var rows = await batch.OrderBy(m => m.StartsAt).ThenBy(m => m.Id).Take(batchSize).ToListAsync(cancellationToken);
            open.AddRange(rows.Select(m => InfoOf(m, options.Value, now)).Where(m => m.OpenForPublicQuestions));
            if (rows.Count < batchSize)
            {
                break;
            }

            last = new OpenCursor(rows[^1].StartsAt, rows[^1].Id);
        }

        return TypedResults.Ok(Paging.ToPage(open.Take(take + 1).ToList(), take, m => m, m => new OpenCursor(m.StartsAt, m.MeetingId)));
    }

    private static async Task<Results<Ok<PublishedQuestionsView>, ProblemHttpResult>> Published(
        Guid meetingId, QuestionsDbContext db, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
        {
            return Problems.NotFoundProblem("Meeting", meetingId);
        }

        var questions = await db.Questions.AsNoTracking()
            .Where(q => q.MeetingId == meetingId && q.Status == QuestionStatus.Published)
            .OrderBy(q => q.Kind).ThenBy(q => q.SubmittedAt).ThenBy(q => q.Id)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new PublishedQuestionsView(meeting.Id, meeting.Title, UkTime.ToLondon(meeting.StartsAt),
            questions.Select(q => new PublishedQuestionView(
                q.Id, q.Kind, q.AgendaItemId, q.Asker.PublishedName, q.Topic, q.Text, q.Answer ?? "", q.AnsweredBy ?? "",
                UkTime.ToLondon(q.PublishedAt!.Value))).ToList()));
    }
}
