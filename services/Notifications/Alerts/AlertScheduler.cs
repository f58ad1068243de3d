using Microsoft.EntityFrameworkCore;
using Npgsql;
using PanelPlatform.Contracts.Notifications;
using PanelPlatform.Notifications.Channels;
using PanelPlatform.Notifications.Data;
using PanelPlatform.Notifications.Domain;
using PanelPlatform.ServiceDefaults.Messaging;

namespace PanelPlatform.Notifications.Alerts;

/// <summary>Issues scheduled alerts when their time comes: once, whatever the number of replicas (the alert's status is the state).</summary>
public sealed class AlertScheduler(IServiceScopeFactory scopes, NpgsqlDataSource dataSource, TimeProvider time, ILogger<AlertScheduler> logger)
    : ScheduledJob<NotificationsDbContext>(scopes, time, logger)
{
    protected override string Name => "notifications-alert-scheduler";

    protected override TimeSpan Interval => TimeSpan.FromSeconds(15);

    protected override async Task RunAsync(NotificationsDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Locked, as sending, editing and unscheduling lock it: an alert a coordinator is changing this moment is left
        // for the next tick, which sees what they committed (a plain read would issue an alert being unscheduled).
        var due = await db.Alerts
            .FromSqlInterpolated($"""
                SELECT * FROM alerts WHERE status = {nameof(AlertStatus.Scheduled)} AND scheduled_for <= {now}
                ORDER BY scheduled_for LIMIT 20
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);
        foreach (var alert in due)
        {
            var audience = await Audience.CountAsync(dataSource, alert.Audience, cancellationToken);
            AlertIssuing.Issue(db, alert, alert.IssuedBy ?? "scheduler", audience.Subscribers, now);
        }
    }
}

public static class AlertIssuing
{
    /// <summary>Marks the alert issued and raises <c>AlertIssued</c> in the same transaction; the fan-out consumes it.</summary>
    public static void Issue(NotificationsDbContext db, Alert alert, string by, int audienceSize, DateTimeOffset now)
    {
        alert.Issue(by, audienceSize, now);
        db.AddIntegrationEvent(new AlertIssued(alert.Id, alert.Title, alert.Topic, [.. alert.Areas, .. alert.Wards], alert.Groups, audienceSize, now));
    }
}
