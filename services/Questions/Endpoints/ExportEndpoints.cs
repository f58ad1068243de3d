using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Questions.Data;
using PanelPlatform.Questions.Domain;
using PanelPlatform.ServiceDefaults.Http;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Questions.Endpoints;

/// <summary>The clerk's spreadsheet of a meeting's questions: what used to be kept by hand in Word and Excel.</summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/questions/meetings/{meetingId:guid}/export.csv", Export)
            .WithTags("Questions").RequireAuthorization(QuestionAccess.StaffPolicy);
        return routes;
    }

    private static readonly string[] Header =
    [
        "question_id", "kind", "status", "submitted_at", "asked_by", "asker_name", "asker_email", "asker_postcode", "asker_area",
        "consent_to_publish_name", "topic", "agenda_item_id", "text", "rejection_reason", "rejection_note", "answer", "answered_by",
        "answer_approved", "published_at",
    ];

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(
        Guid meetingId, ClaimsPrincipal user, QuestionsDbContext db, QuestionAccess access, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
        {
            return Problems.NotFoundProblem("Meeting", meetingId);
        }

        // Contact details are in the export, so it is the moderator's alone.
        if (!access.Moderates(user, meeting.BodySlug))
        {
            return QuestionAccess.Forbidden("Only the meeting's moderator may export its questions.");
        }

        var questions = await db.Questions.AsNoTracking()
            .Where(q => q.MeetingId == meetingId && q.Status != QuestionStatus.AwaitingConfirmation)
            .OrderBy(q => q.SubmittedAt).ThenBy(q => q.Id)
            .ToListAsync(cancellationToken);

        var csv = new StringBuilder();
        Line(csv, Header);
        foreach (var q in questions)
        {
            Line(csv,
            [
                q.Id.ToString(), SubmissionEndpoints.KindCode(q.Kind), RejectionReasons.Kebab(q.Status.ToString()),
                UkTime.ToLondon(q.SubmittedAt).ToString("yyyy-MM-dd HH:mm:sszzz", CultureInfo.InvariantCulture),
                q.Asker.PublishedName, q.Asker.Name, q.Asker.Email, q.Asker.Postcode, q.Asker.Area,
                q.Asker.ConsentToPublishName ? "yes" : "no", q.Topic, q.AgendaItemId?.ToString(), q.Text,
                q.RejectionReason is { } r ? RejectionReasons.Code(r) : null, q.RejectionNote, q.Answer, q.AnsweredBy,
                q.AnswerApprovedAt is null ? "no" : "yes",
                q.PublishedAt is { } p ? UkTime.ToLondon(p).ToString("yyyy-MM-dd HH:mm:sszzz", CultureInfo.InvariantCulture) : null,
            ]);
        }

        var fileName = $"questions-{meeting.BodySlug}-{UkTime.LondonDate(meeting.StartsAt):yyyy-MM-dd}.csv";
        // With a byte-order mark so Excel reads the UTF-8 (names, curly quotes) correctly.
        return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(),
            "text/csv; charset=utf-8", fileName);
    }

    private static void Line(StringBuilder csv, IReadOnlyList<string?> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            csv.Append(Cell(cells[i]));
        }

        csv.Append("\r\n");
    }

    /// <summary>RFC 4180 quoting, and a leading apostrophe on text a spreadsheet would run as a formula.</summary>
    internal static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
