using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Questions.Data;
using PanelPlatform.Questions.Domain;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Http;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Questions.Endpoints;

/// <summary>
/// Questions per meeting, for the staff figures: counts only (no text, no askers), so any member of staff may read
/// them. <c>?from=2022-01&amp;to=2022-12</c> are the months the meetings start in (London); the default is the twelve
/// months to this one. Questions still awaiting their asker's confirmation are not counted: no one has received them.
/// </summary>
public static class FiguresEndpoints
{
    public const int MaxMonths = 120;

    public static IEndpointRouteBuilder MapFiguresEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/questions/figures", Get).WithTags("Figures").RequireAuthorization(policy => policy.RequireRole(Roles.All));
        return routes;
    }

    /// <param name="Received">Every question put to the meeting (confirmed, for the public).</param>
    /// <param name="Accepted">Accepted for the meeting, whether answered or published since.</param>
    /// <param name="Answered">With an approved answer, whether published yet or not.</param>
    public sealed record QuestionCounts(int Received, int Accepted, int Rejected, int Withdrawn, int Answered, int Published);

    public sealed record MeetingFigures(
        Guid MeetingId, string BodySlug, string BodyName, string Title, DateTimeOffset StartsAt, bool Cancelled,
        QuestionCounts All, QuestionCounts Member, QuestionCounts Public);

    public sealed record QuestionFiguresReport(string From, string To, IReadOnlyList<MeetingFigures> Meetings);

    private static async Task<Results<Ok<QuestionFiguresReport>, ValidationProblem>> Get(
        QuestionsDbContext db, TimeProvider time, CancellationToken cancellationToken, string? from = null, string? to = null)
    {
        var today = UkTime.LondonDate(time.GetUtcNow());
        var validation = new Validation();
        var last = new DateOnly(today.Year, today.Month, 1);
        if (to is not null)
        {
            if (TryMonth(to, out var parsed))
            {
                last = parsed;
            }
            else
            {
                validation.Add("to", "to must be a month, yyyy-MM.");
            }
        }

        var first = last.AddMonths(-11);
        if (from is not null)
        {
            if (TryMonth(from, out var parsed))
            {
                first = parsed;
            }
            else
            {
                validation.Add("from", "from must be a month, yyyy-MM.");
            }
        }

        if (validation.IsValid && (first > last || first.AddMonths(MaxMonths) <= last))
        {
            validation.Add("to", $"to must be the same as or after from, and at most {MaxMonths} months on.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var starts = UkTime.FromLondon(first, TimeOnly.MinValue).ToUniversalTime();
        var ends = UkTime.FromLondon(last.AddMonths(1), TimeOnly.MinValue).ToUniversalTime();
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.StartsAt >= starts && m.StartsAt < ends)
            .OrderBy(m => m.StartsAt).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.BodySlug, m.BodyName, m.Title, m.StartsAt, m.IsCancelled })
            .ToListAsync(cancellationToken);
        var ids = meetings.Select(m => m.Id).ToList();
        // Only the columns the counts need.
        var counts = await db.Questions.AsNoTracking()
            .Where(q => ids.Contains(q.MeetingId) && q.Status != QuestionStatus.AwaitingConfirmation)
            .GroupBy(q => new { q.MeetingId, q.Kind, q.Status })
            .Select(g => new { g.Key.MeetingId, g.Key.Kind, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);

        QuestionCounts Count(Guid meeting, QuestionKind? kind)
        {
            var rows = counts.Where(c => c.MeetingId == meeting && (kind is null || c.Kind == kind)).ToList();
            int Of(params QuestionStatus[] statuses) => rows.Where(r => statuses.Contains(r.Status)).Sum(r => r.Count);
            return new QuestionCounts(
                rows.Sum(r => r.Count),
                Of(QuestionStatus.Accepted, QuestionStatus.Answered, QuestionStatus.Published),
                Of(QuestionStatus.Rejected),
                Of(QuestionStatus.Withdrawn),
                Of(QuestionStatus.Answered, QuestionStatus.Published),
                Of(QuestionStatus.Published));
        }

        return TypedResults.Ok(new QuestionFiguresReport(
            first.ToString("yyyy-MM", CultureInfo.InvariantCulture), last.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            meetings.Select(m => new MeetingFigures(m.Id, m.BodySlug, m.BodyName, m.Title, UkTime.ToLondon(m.StartsAt), m.IsCancelled,
                Count(m.Id, null), Count(m.Id, QuestionKind.Member), Count(m.Id, QuestionKind.Public))).ToList()));
    }

    private static bool TryMonth(string value, out DateOnly month) =>
        DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month) && month.Year is >= 2000 and <= 2100;
}
