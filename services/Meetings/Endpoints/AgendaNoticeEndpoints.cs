using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Meetings.Data;
using PanelPlatform.Meetings.Domain;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Http;

namespace PanelPlatform.Meetings.Endpoints;

/// <summary>What publishing the agenda now would give: the notice rule's answer before the clerk commits to it.</summary>
public static class AgendaNoticeEndpoints
{
    public static IEndpointRouteBuilder MapAgendaNoticeEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/meetings").WithTags("Meetings")
            .MapGet("/meetings/{id:guid}/agenda/notice", Preview).RequireAuthorization(Roles.Clerk);
        return routes;
    }

    /// <summary>
    /// The clear working days an agenda published today would give, the body's requirement, whether it would be late
    /// (and so need an urgency reason) and the last day to publish on time. Changes nothing.
    /// </summary>
    private static async Task<Results<Ok<MeetingEndpoints.AgendaNoticeResponse>, ProblemHttpResult>> Preview(
        Guid id, MeetingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return Problems.NotFoundProblem("Meeting", id);
        }

        var required = await db.Bodies.AsNoTracking().Where(b => b.Id == meeting.BodyId).Select(b => b.NoticeClearWorkingDays).FirstAsync(cancellationToken);
        var notice = AgendaNotice.Of(time.GetUtcNow(), meeting.StartsAt, required);
        return TypedResults.Ok(new MeetingEndpoints.AgendaNoticeResponse(
            notice.PublishedOn, notice.MeetingOn, notice.ClearWorkingDays, notice.Required, notice.IsLate, notice.Deadline));
    }
}
