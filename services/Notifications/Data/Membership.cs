using PanelPlatform.Notifications.Domain;

namespace PanelPlatform.Notifications.Data;

public static class Membership
{
    /// <summary>
    /// Applies <paramref name="change"/> and records a join or a leave when it moved the subscriber across "has a
    /// channel we may send to" — the member count the monthly report prints.
    /// </summary>
    public static void ChangeMembership(this NotificationsDbContext db, Subscriber subscriber, Action<Subscriber> change, DateTimeOffset now)
    {
        var before = subscriber.IsMember;
        change(subscriber);
        if (before != subscriber.IsMember)
        {
            db.MembershipChanges.Add(MembershipChange.Of(subscriber.IsMember ? 1 : -1, now));
        }
    }

    /// <summary>A new subscriber who is a member from the start (a webhook needs no confirming).</summary>
    public static void Joined(this NotificationsDbContext db, Subscriber subscriber, DateTimeOffset now)
    {
        if (subscriber.IsMember)
        {
            db.MembershipChanges.Add(MembershipChange.Of(1, now));
        }
    }
}
