using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PanelPlatform.Notifications.Data;
using PanelPlatform.Notifications.Domain;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Http;

namespace PanelPlatform.Notifications.Endpoints;

/// <summary>
/// What the coordinators' console needs beside the alerts themselves: the audience of an alert still being written
/// (nothing saved, so the count can follow every tick of an area or group), and how an issued alert's deliveries went.
/// </summary>
public static class AlertConsoleEndpoints
{
    public static IEndpointRouteBuilder MapAlertConsoleEndpoints(this IEndpointRouteBuilder routes)
    {
        var alerts = routes.MapGroup("/api/notifications/alerts").WithTags("Alerts").RequireAuthorization(Roles.AlertsCoordinator);
        alerts.MapGet("/audience", Preview);
        alerts.MapGet("/{id:guid}/deliveries", Deliveries);
        return routes;
    }

    /// <summary>Deliveries of one channel (or of all) by where they stand.</summary>
    public sealed record DeliveryCounts(int Total, int Queued, int Sent, int Delivered, int Failed);

    public sealed record ChannelDeliveries(string Channel, DeliveryCounts Counts);

    public sealed record AlertDeliveriesResponse(Guid AlertId, AlertStatus Status, int? AudienceSize, DeliveryCounts All, IReadOnlyList<ChannelDeliveries> Channels);

    /// <summary>
    /// <c>?topic=rural&amp;areas=High Peak&amp;groups=farm-watch</c>: how many subscribers an alert to these would reach now,
    /// and by which channels — the same count as <c>GET /alerts/{id}/audience</c> gives a saved one.
    /// </summary>
    private static async Task<Results<Ok<AlertEndpoints.AudienceResponse>, ValidationProblem>> Preview(
        NpgsqlDataSource dataSource, CancellationToken cancellationToken,
        [FromQuery] string? topic = null, [FromQuery] string[]? areas = null, [FromQuery] string[]? wards = null, [FromQuery] string[]? groups = null)
    {
        var validation = new Validation();
        if (topic is null || !Topics.All.Contains(topic))
        {
            validation.Add("topic", $"topic must be one of {string.Join(", ", Topics.All)}.");
        }

        var rule = new AudienceRule(topic ?? "", SubscriberRequests.Areas(areas, validation), SubscriberRequests.Wards(wards, validation),
            SubscriberRequests.Groups(groups, validation));
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        return TypedResults.Ok(AlertEndpoints.AudienceResponse.From(await Channels.Audience.CountAsync(dataSource, rule, cancellationToken)));
    }

    /// <summary>An alert's deliveries so far (none for a draft): the ledger rows of the notice it was issued as.</summary>
    private static async Task<Results<Ok<AlertDeliveriesResponse>, ProblemHttpResult>> Deliveries(
        Guid id, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var alert = await db.Alerts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (alert is null)
        {
            return Problems.NotFoundProblem("Alert", id);
        }

        // An issued alert's notice has the alert's id (AlertNotice), so its deliveries are the rows of that notice.
        var rows = await db.Deliveries.AsNoTracking().Where(d => d.NoticeId == id)
            .GroupBy(d => new { d.Channel, d.Status })
            .Select(g => new { g.Key.Channel, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);

        DeliveryCounts Count(IEnumerable<Channel> channels)
        {
            var chosen = rows.Where(r => channels.Contains(r.Channel)).ToList();
            int Of(DeliveryStatus status) => chosen.Where(r => r.Status == status).Sum(r => r.Count);
            return new DeliveryCounts(chosen.Sum(r => r.Count), Of(DeliveryStatus.Queued), Of(DeliveryStatus.Sent), Of(DeliveryStatus.Delivered), Of(DeliveryStatus.Failed));
        }

        return TypedResults.Ok(new AlertDeliveriesResponse(alert.Id, alert.Status, alert.AudienceSize, Count(ChannelTokens.All),
            ChannelTokens.All.Select(c => new ChannelDeliveries(c.Token(), Count([c]))).ToList()));
    }
}
