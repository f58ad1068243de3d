using MassTransit;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Contracts.Notifications;
using PanelPlatform.Notifications.Alerts;
using PanelPlatform.Notifications.Channels;
using PanelPlatform.Notifications.Data;
using PanelPlatform.Notifications.Domain;
using PanelPlatform.ServiceDefaults.Messaging;

namespace PanelPlatform.Notifications.Consumers;

/// <summary>
/// Fans an issued alert out to its audience. Issuing commits the alert with its <c>AlertIssued</c> event; this consumer
/// (on the broker, so a crash or broker restart between the two loses nothing) queues the deliveries in one statement.
/// </summary>
public sealed class AlertIssuedConsumer(NotificationsDbContext db, Fanout fanout, AfterCommit afterCommit, TimeProvider time) : IConsumer<AlertIssued>
{
    public async Task Consume(ConsumeContext<AlertIssued> context)
    {
        var alert = await db.Alerts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == context.Message.AlertId, context.CancellationToken);
        if (alert is null || alert.Status != AlertStatus.Issued)
        {
            return; // another service's alert, or a copy of ours on another database: nothing of ours to send
        }

        var notice = AlertNotice.From(alert, time.GetUtcNow());
        await fanout.BroadcastAsync(notice, alert.Audience, context.CancellationToken);
        afterCommit.Add(fanout.Wake);
    }
}
