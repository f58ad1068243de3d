using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Notifications.Channels;
using PanelPlatform.Notifications.Data;
using PanelPlatform.Notifications.Domain;
using PanelPlatform.Notifications.Templates;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Notifications.Tests;

/// <summary>
/// Issue 10's once-only rule for Notifications' scheduled jobs, with two instances on one database and broker: the
/// daily digest goes once per subscriber per day and a scheduled alert is issued once and delivered once per
/// subscriber, however the two instances' ticks (their own timers and the test's, fired together) fall. Only alerts
/// (kept in this fixture's database) feed it, no broker-wide events, so it runs beside the other classes.
/// </summary>
public sealed class ReplicaOnceOnlyTests(NotificationsReplicas replicas) : IClassFixture<NotificationsReplicas>
{
    private static readonly TimeSpan Patience = Fixtures.Patience;
    private MovableClock Clock => replicas.Time;

    private async Task<Guid> SubscribeAsync(string email, string area, Frequency frequency)
    {
        var now = DateTimeOffset.UtcNow;
        var subscriber = Subscriber.Create(email, null, null, [area], [], [], Fixtures.Topics(Channel.Email, Topics.RoadSafety), frequency, now);
        subscriber.Confirm(Channel.Email, _ => true, now);
        await replicas.QueryAsync(db =>
        {
            db.Subscribers.Add(subscriber);
            db.Joined(subscriber, now);
            return db.SaveChangesAsync();
        });
        return subscriber.Id;
    }

    private static async Task<Guid> DraftAsync(NotificationsInstance instance, string title, string body, string area, DateTimeOffset? scheduledFor = null)
    {
        var created = await instance.Client(Roles.AlertsCoordinator).PostAsJsonAsync("/api/notifications/alerts",
            new { title, body, topic = Topics.RoadSafety, areas = new[] { area }, scheduledFor });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.JsonAsync()).GetProperty("id").GetGuid();
    }

    private static async Task<string?> SendAsync(NotificationsInstance instance, Guid alertId)
    {
        var sent = await instance.Client(Roles.AlertsCoordinator).PostAsync($"/api/notifications/alerts/{alertId}/send", null);
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        return (await sent.JsonAsync()).GetProperty("status").GetString();
    }

    /// <summary>Both instances tick the job at once, a few times over, then each once more for certain; returns how many ticks ran.</summary>
    private async Task<(int One, int Two)> TickBothAsync(Func<NotificationsInstance, Task<bool>> tick)
    {
        var one = 0;
        var two = 0;
        for (var round = 0; round < 3; round++)
        {
            var ran = await Task.WhenAll(tick(replicas.One), tick(replicas.Two), tick(replicas.One), tick(replicas.Two));
            one += ran.Where((r, i) => r && i % 2 == 0).Count();
            two += ran.Where((r, i) => r && i % 2 == 1).Count();
        }

        await NotificationsInstance.TickUntilItRunsAsync(() => tick(replicas.One));
        await NotificationsInstance.TickUntilItRunsAsync(() => tick(replicas.Two));
        return (one + 1, two + 1);
    }

    [Fact]
    public async Task Two_instances_send_each_daily_digest_reader_one_digest_a_day()
    {
        const int readers = 12;
        var digestAt = Clock.NextLondon(new TimeOnly(7, 0), TimeSpan.FromMinutes(40));
        Clock.MoveTo(digestAt - TimeSpan.FromMinutes(30));
        var day = Clock.LondonToday;
        var emails = Enumerable.Range(0, readers).Select(n => Fixtures.Email($"dales-digest-{n}")).ToList();
        var ids = new List<Guid>();
        foreach (var email in emails)
        {
            ids.Add(await SubscribeAsync(email, "Derbyshire Dales", Frequency.DailyDigest));
        }

        var control = Fixtures.Email("dales-immediate");
        await SubscribeAsync(control, "Derbyshire Dales", Frequency.Immediate);

        // One alert sent through each instance; either instance may fan either out.
        await SendAsync(replicas.One, await DraftAsync(replicas.One, "Speed checks on the A6 at Matlock Bath", "Officers will be checking speeds this weekend.",
            "Derbyshire Dales"));
        await SendAsync(replicas.Two, await DraftAsync(replicas.Two, "Road closure at Cromford", "The A6 at Cromford is closed overnight for resurfacing.",
            "Derbyshire Dales"));
        await replicas.Smtp.WaitForAsync(control, 2, Patience);
        var held = await replicas.QueryAsync(db => db.Deliveries.AsNoTracking().Where(d => ids.Contains(d.SubscriberId!.Value)).ToListAsync());
        Assert.Equal(2 * readers, held.Count);
        Assert.All(held, d => Assert.True(d.HeldForDigest && d.Status == DeliveryStatus.Queued));

        Clock.MoveTo(digestAt + TimeSpan.FromSeconds(30));
        var ticks = await TickBothAsync(i => i.TickDigestAsync());

        var digestIds = ids.Select(id => TemplateCatalogue.NoticeId(id, $"digest/{day:yyyy-MM-dd}", 1)).ToList();
        var rows = await Eventually.Until(
            async () => await replicas.QueryAsync(db => db.Deliveries.AsNoTracking().Where(d => d.NoticeType == DigestJob.Type && ids.Contains(d.SubscriberId!.Value)).ToListAsync()),
            found => found!.Count >= readers && found.All(d => d.Status == DeliveryStatus.Sent), Patience, "every reader's digest to be sent");
        Assert.Equal(digestIds.Order(), rows.Select(r => r.NoticeId).Order());
        foreach (var (email, id) in emails.Zip(ids))
        {
            var digest = Assert.Single(replicas.Smtp.To(email));
            Assert.Equal("Derbyshire Alert: 2 messages", digest.Message.Subject);
            Assert.Contains("* Speed checks on the A6 at Matlock Bath\n", digest.Text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
            Assert.Contains("* Road closure at Cromford\n", digest.Text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
            Assert.Equal(Assert.Single(rows, r => r.SubscriberId == id).Id, EventAudience.DeliveryIdOf(digest));
        }

        // Both instances tick again later in the day: no second digest anywhere.
        Clock.MoveTo(digestAt + TimeSpan.FromHours(1));
        await TickBothAsync(i => i.TickDigestAsync());
        Assert.Equal(readers, await replicas.QueryAsync(db => db.Deliveries.CountAsync(d => d.NoticeType == DigestJob.Type && ids.Contains(d.SubscriberId!.Value))));
        Assert.All(emails, email => Assert.Single(replicas.Smtp.To(email)));
        TestLog.Write($"Replicas (Notifications): daily digest to {readers} readers, {readers} sent; digest ticks that took the lock: instance 1 {ticks.One}, instance 2 {ticks.Two}");
    }

    [Fact]
    public async Task Two_instances_issue_a_scheduled_alert_once_and_deliver_it_once_to_each_subscriber()
    {
        const int readers = 12;
        var emails = Enumerable.Range(0, readers).Select(n => Fixtures.Email($"chesterfield-{n}")).ToList();
        var ids = new List<Guid>();
        foreach (var email in emails)
        {
            ids.Add(await SubscribeAsync(email, "Chesterfield", Frequency.Immediate));
        }

        var elsewhere = Fixtures.Email("bolsover");
        await SubscribeAsync(elsewhere, "Bolsover", Frequency.Immediate);
        await using var hook = await WebhookListener.StartAsync();
        var hooks = new List<Guid>();
        for (var n = 0; n < readers; n++)
        {
            var registered = await replicas.One.Client().PostAsJsonAsync("/api/notifications/subscriptions",
                new { url = hook.Url, topics = new[] { Topics.RoadSafety }, areas = new[] { "Chesterfield" } });
            hooks.Add((await registered.JsonAsync()).GetProperty("id").GetGuid());
        }

        var now = Clock.GetUtcNow();
        var at = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(31);
        var alert = await DraftAsync(replicas.One, "Speed enforcement on the A61 at Whittington Moor", "Mobile speed cameras on the A61 on Friday night.",
            "Chesterfield", at);
        Assert.Equal("scheduled", await SendAsync(replicas.Two, alert));
        var before = replicas.WebhooksSent;

        Clock.MoveTo(at + TimeSpan.FromSeconds(1));
        var ticks = await TickBothAsync(i => i.TickAlertSchedulerAsync());

        var rows = await Eventually.Until(async () => await replicas.DeliveriesOfNoticeAsync(alert),
            found => found!.Count >= 2 * readers && found.All(EventAudience.Final), Patience, "every delivery of the alert to be sent");
        Assert.Equal(2 * readers, rows.Count);
        Assert.Equal(ids.Select(id => (id, Channel.Email)).Concat(hooks.Select(id => (id, Channel.Webhook))).Order(),
            rows.Select(r => (r.SubscriberId!.Value, r.Channel)).Order());
        foreach (var email in emails)
        {
            var received = Assert.Single(replicas.Smtp.To(email));
            Assert.Equal("Speed enforcement on the A61 at Whittington Moor", received.Message.Subject);
            Assert.Contains(rows, r => r.Id == EventAudience.DeliveryIdOf(received));
        }

        Assert.Equal(rows.Where(r => r.Channel == Channel.Webhook).Select(r => r.Id.ToString()).Order(), hook.All.Select(w => w.Id).Order());
        Assert.Empty(replicas.Smtp.To(elsewhere));
        Assert.Equal(1, await replicas.One.AlertIssuedEventsAsync(alert));

        // Both instances tick again: nothing is due, nothing more goes.
        Clock.MoveTo(at + TimeSpan.FromMinutes(20));
        await TickBothAsync(i => i.TickAlertSchedulerAsync());
        Assert.Equal(1, await replicas.One.AlertIssuedEventsAsync(alert));
        Assert.Equal(2 * readers, (await replicas.DeliveriesOfNoticeAsync(alert)).Count);
        Assert.All(emails, email => Assert.Single(replicas.Smtp.To(email)));
        Assert.Equal(readers, hook.All.Count);
        var after = replicas.WebhooksSent;
        TestLog.Write($"Replicas (Notifications): scheduled alert to {readers} emails and {readers} webhooks, each once; scheduler ticks that took the lock: " +
                      $"instance 1 {ticks.One}, instance 2 {ticks.Two}; webhooks sent by instance 1 {after.One - before.One}, instance 2 {after.Two - before.Two}");
    }
}
