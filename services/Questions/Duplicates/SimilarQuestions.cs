using Microsoft.EntityFrameworkCore;
using PanelPlatform.Questions.Data;
using PanelPlatform.Questions.Domain;

namespace PanelPlatform.Questions.Duplicates;

public sealed record SimilarQuestionRow(Guid Id, string Status, string Text, double Score);

/// <summary>
/// Other questions for the same meeting whose text is close to this one, by PostgreSQL <c>pg_trgm</c> trigram
/// similarity (0 to 1). Questions still awaiting their email link are never compared against.
/// </summary>
public static class SimilarQuestions
{
    private static readonly string[] Seen =
    [
        nameof(QuestionStatus.Submitted), nameof(QuestionStatus.Accepted), nameof(QuestionStatus.Rejected),
        nameof(QuestionStatus.Withdrawn), nameof(QuestionStatus.Answered), nameof(QuestionStatus.Published),
        nameof(QuestionStatus.NeedsReassignment),
    ];

    private static readonly string[] AcceptedOrLater =
        [nameof(QuestionStatus.Accepted), nameof(QuestionStatus.Answered), nameof(QuestionStatus.Published)];

    /// <summary>For moderators: every similar question, best first.</summary>
    public static Task<List<SimilarQuestionRow>> FindAsync(
        QuestionsDbContext db, Guid meetingId, Guid excludeId, string text, double threshold, CancellationToken cancellationToken) =>
        Query(db, meetingId, excludeId, text, threshold, Seen, 10).ToListAsync(cancellationToken);

    /// <summary>For the public: only whether a similar question has already been accepted (nothing of what it says).</summary>
    public static Task<bool> AcceptedExistsAsync(
        QuestionsDbContext db, Guid meetingId, Guid excludeId, string text, double threshold, CancellationToken cancellationToken) =>
        Query(db, meetingId, excludeId, text, threshold, AcceptedOrLater, 1).AnyAsync(cancellationToken);

    private static IQueryable<SimilarQuestionRow> Query(
        QuestionsDbContext db, Guid meetingId, Guid excludeId, string text, double threshold, string[] statuses, int limit) =>
        db.Database.SqlQuery<SimilarQuestionRow>($"""
            SELECT id, status, text, similarity(text, {text})::float8 AS score
            FROM questions
            WHERE meeting_id = {meetingId} AND id <> {excludeId} AND status = ANY({statuses})
              AND similarity(text, {text}) >= {threshold}
            ORDER BY score DESC, id
            LIMIT {limit}
            """);
}
