using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Meetings.Data;
using PanelPlatform.Meetings.Domain;
using PanelPlatform.Meetings.Feeds;
using PanelPlatform.Meetings.Queries;
using PanelPlatform.ServiceDefaults.Http;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Meetings.Endpoints;

/// <summary>A body's iCalendar, and RSS 2.0 of published agendas and minutes (per body or for all).</summary>
public static class FeedEndpoints
{
    public const int FeedSize = 50;

    public static IEndpointRouteBuilder MapFeedEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/meetings").WithTags("Feeds");
        group.MapGet("/bodies/{slug}/calendar.ics", Calendar);
        group.MapGet("/bodies/{slug}/feed.rss", BodyFeed);
        group.MapGet("/feed.rss", AllFeed);
        return routes;
    }

    internal static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Calendar(
        string slug, HttpRequest request, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var body = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Slug == slug, cancellationToken);
        if (body is null)
        {
            return Problems.NotFoundProblem("Body", slug);
        }

        var meetings = await db.Meetings.AsNoTracking().Where(m => m.BodyId == body.Id).OrderBy(m => m.StartsAt).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken);
        var baseUrl = BaseUrl(request);
        var calendar = ICalendarWriter.Write(body, meetings, id => $"{baseUrl}/api/meetings/meetings/{id}");
        return TypedResults.Content(calendar, "text/calendar; charset=utf-8", Encoding.UTF8);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> BodyFeed(
        string slug, HttpRequest request, ClaimsPrincipal user, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var body = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Slug == slug, cancellationToken);
        if (body is null)
        {
            return Problems.NotFoundProblem("Body", slug);
        }

        var rss = await FeedAsync(db, request, Viewer.From(user), body, cancellationToken);
        return TypedResults.Content(rss, "application/rss+xml; charset=utf-8", Encoding.UTF8);
    }

    private static async Task<ContentHttpResult> AllFeed(HttpRequest request, ClaimsPrincipal user, MeetingsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Content(await FeedAsync(db, request, Viewer.From(user), null, cancellationToken), "application/rss+xml; charset=utf-8", Encoding.UTF8);

    /// <summary>One entry per published agenda and per published set of minutes, newest first, each listing what the reader may see.</summary>
    private static async Task<string> FeedAsync(MeetingsDbContext db, HttpRequest request, Viewer viewer, Body? body, CancellationToken cancellationToken)
    {
        var meetings = db.Meetings.AsNoTracking().Where(m => body == null || m.BodyId == body.Id);
        var agendas = await meetings.Where(m => m.AgendaIsPublic)
            .OrderByDescending(m => m.AgendaPublishedAt ?? m.StartsAt).Take(FeedSize).ToListAsync(cancellationToken);
        var minuted = await meetings.Where(m => m.MinutesArePublic)
            .OrderByDescending(m => m.MinutesPublishedAt ?? m.StartsAt).Take(FeedSize).ToListAsync(cancellationToken);
        var agendaIds = agendas.Select(m => m.Id).ToList();
        var minutedIds = minuted.Select(m => m.Id).ToList();
        var items = await db.AgendaItems.AsNoTracking().Where(i => agendaIds.Contains(i.MeetingId)).VisibleTo(viewer)
            .OrderBy(i => i.Order).ToListAsync(cancellationToken);
        var minutes = await db.Minutes.AsNoTracking().Where(m => minutedIds.Contains(m.MeetingId)).VisibleTo(viewer)
            .OrderBy(m => m.Order).ToListAsync(cancellationToken);

        var baseUrl = BaseUrl(request);
        var entries = agendas.Select(m => new FeedEntry(
                $"urn:panel-platform:meeting:{m.Id}:agenda:{m.Sequence}",
                $"Agenda published: {m.BodyName} – {m.Title}, {UkTime.ToLondon(m.StartsAt):dddd d MMMM yyyy h.mm tt}",
                $"{baseUrl}/api/meetings/meetings/{m.Id}",
                m.AgendaPublishedAt ?? m.StartsAt,
                string.Join("\n", items.Where(i => i.MeetingId == m.Id).Select(i => $"{i.Number}. {i.Title}")),
                "agenda"))
            .Concat(minuted.Select(m => new FeedEntry(
                $"urn:panel-platform:meeting:{m.Id}:minutes",
                $"Minutes published: {m.BodyName} – {m.Title}, {UkTime.ToLondon(m.StartsAt):d MMMM yyyy}",
                $"{baseUrl}/api/meetings/meetings/{m.Id}",
                m.MinutesPublishedAt ?? m.StartsAt,
                string.Join("\n", minutes.Where(x => x.MeetingId == m.Id).Select(x => $"{x.Number} {x.Title}")),
                "minutes")))
            .OrderByDescending(e => e.Published).Take(FeedSize).ToList();

        var title = body is null ? "Panel Platform: agendas and minutes" : $"{body.Name}: agendas and minutes";
        var self = body is null ? $"{baseUrl}/api/meetings/feed.rss" : $"{baseUrl}/api/meetings/bodies/{body.Slug}/feed.rss";
        return RssWriter.Write(title, self, "Published agendas and minutes", entries, entries.Count > 0 ? entries[0].Published : null);
    }
}
