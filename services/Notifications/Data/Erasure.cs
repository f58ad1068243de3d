using Microsoft.EntityFrameworkCore;
using PanelPlatform.Notifications.Domain;

namespace PanelPlatform.Notifications.Data;

public static class Erasure
{
    public const string Erased = "(erased)";

    /// <summary>
    /// Blanks the words of every notice that was one person's (confirmations, personal notices, digests). The notices
    /// and their ledger rows stay, without personal data, so the monthly counts do not change when someone is erased.
    /// </summary>
    public static Task<int> EraseNoticesOfAsync(NotificationsDbContext db, Guid personId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Notices.Where(n => n.PersonId == personId).ExecuteUpdateAsync(n => n
            .SetProperty(x => x.Title, Erased)
            .SetProperty(x => x.Text, "")
            .SetProperty(x => x.Html, (string?)null)
            .SetProperty(x => x.Payload, "{}"), cancellationToken);

    /// <summary>Erases a subscriber: contact details, places and preferences go; queued deliveries to them are failed.</summary>
    public static async Task EraseSubscriberAsync(NotificationsDbContext db, Subscriber subscriber, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (subscriber.IsMember)
        {
            db.MembershipChanges.Add(MembershipChange.Of(-1, now));
        }

        db.Subscribers.Remove(subscriber);
        await db.SaveChangesAsync(cancellationToken);
        await EraseNoticesOfAsync(db, subscriber.Id, now, cancellationToken);
        await db.Deliveries.Where(d => d.SubscriberId == subscriber.Id && d.Status == DeliveryStatus.Queued)
            .ExecuteUpdateAsync(d => d
                .SetProperty(x => x.Status, DeliveryStatus.Failed)
                .SetProperty(x => x.HeldForDigest, false)
                .SetProperty(x => x.LastError, "The subscriber was erased before it was sent.")
                .SetProperty(x => x.CompletedAt, now), cancellationToken);
    }
}
