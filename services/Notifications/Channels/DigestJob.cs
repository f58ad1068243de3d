using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PanelPlatform.Notifications.Data;
using PanelPlatform.Notifications.Domain;
using PanelPlatform.Notifications.Templates;
using PanelPlatform.ServiceDefaults.Messaging;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Notifications.Channels;

/// <summary>
/// Once a day (at <see cref="DeliveryOptions.DigestTime"/>, London time) gathers each daily-digest subscriber's held
/// email notices into one email. The digest is a notice of its own with an id made from (subscriber, day), and the
/// held rows are handed to it in the same transaction, so a second tick or replica cannot make a second digest.
/// </summary>
public sealed class DigestJob(
    IServiceScopeFactory scopes, DeliverySignal signal, IOptions<DeliveryOptions> options, TimeProvider time, ILogger<DigestJob> logger)
    : ScheduledJob<NotificationsDbContext>(scopes, time, logger)
{
    public const string Type = "digest.daily";
    private const int SubscribersPerTick = 200;

    protected override string Name => "notifications-daily-digest";

    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    protected override async Task RunAsync(NotificationsDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = UkTime.LondonDate(now);
        var cutoff = UkTime.FromLondon(today, options.Value.DigestTime);
        if (now < cutoff)
        {
            return;
        }

        // Not those whose digest for today has gone: rows of theirs that committed after it (a fan-out that began
        // before the digest time and finished after) wait for tomorrow's digest.
        var subscriberIds = await db.Deliveries
            .Where(d => d.HeldForDigest && d.Status == DeliveryStatus.Queued && d.CreatedAt < cutoff)
            .Where(d => !db.Notices.Any(n => n.Type == Type && n.PersonId == d.SubscriberId && n.CreatedAt >= cutoff))
            .Select(d => d.SubscriberId!.Value)
            .Distinct()
            .OrderBy(id => id)
            .Take(SubscribersPerTick)
            .ToListAsync(cancellationToken);
        foreach (var subscriberId in subscriberIds)
        {
            var digestId = TemplateCatalogue.NoticeId(subscriberId, $"digest/{today:yyyy-MM-dd}", 1);
            if (await db.Notices.AnyAsync(n => n.Id == digestId, cancellationToken))
            {
                continue; // today's digest has gone without these: they are tomorrow's, not marked as handed to it
            }

            var held = await db.Deliveries
                .Where(d => d.SubscriberId == subscriberId && d.HeldForDigest && d.Status == DeliveryStatus.Queued && d.CreatedAt < cutoff)
                .Join(db.Notices, d => d.NoticeId, n => n.Id, (d, n) => new { d.Id, n.Title, n.Text, n.CreatedAt })
                .OrderBy(x => x.CreatedAt)
                .ToListAsync(cancellationToken);
            var text = new StringBuilder($"Your Derbyshire Alert messages for {today.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}:\n");
            foreach (var item in held)
            {
                text.Append("\n* ").Append(item.Title).Append("\n  ").Append(item.Text.Replace("\n", "\n  ", StringComparison.Ordinal)).Append('\n');
            }

            var notice = Notice.Create(digestId, NoticeKind.Personal, Type, null, $"Derbyshire Alert: {held.Count} message{(held.Count == 1 ? "" : "s")}",
                text.ToString(), null, "{}", [], [], null, subscriberId, now, now);
            db.Notices.Add(notice);
            db.Deliveries.Add(Delivery.Queue(digestId, Type, Channel.Email, subscriberId, null, now, null));
            notice.Reached(1);
            await db.SaveChangesAsync(cancellationToken);

            var ids = held.Select(h => h.Id).ToList();
            var handedOver = $"digest:{digestId}";
            // Handed to the digest: the digest's own row records whether it went.
            await db.Deliveries.Where(d => ids.Contains(d.Id)).ExecuteUpdateAsync(d => d
                .SetProperty(x => x.HeldForDigest, false)
                .SetProperty(x => x.Status, DeliveryStatus.Sent)
                .SetProperty(x => x.ProviderId, handedOver)
                .SetProperty(x => x.SentAt, now), cancellationToken);
        }

        if (subscriberIds.Count > 0)
        {
            // Woken after the tick commits would be better; a wake-up now costs at most one empty claim.
            _ = Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None).ContinueWith(_ => signal.Notify(), TaskScheduler.Default);
        }
    }
}
