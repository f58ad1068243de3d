using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PanelPlatform.Notifications.Channels;
using PanelPlatform.Notifications.Domain;
using PanelPlatform.Notifications.Templates;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Notifications.Tests;

/// <summary>
/// The daily digest and scheduled alerts through the API, on the real database and broker, with the service's clock
/// moved forward: a digest reader gets nothing at once and one email at the digest time (07:00 London) gathering the
/// day's notices; an alert scheduled by a coordinator goes at its time, once, and not at all if unscheduled first.
/// The jobs' own timers keep running; the tests also tick them directly, which is safe because a tick is one locked,
/// idempotent transaction.
/// </summary>
[Collection(PlatformEvents.Collection)]
public sealed class DigestAndScheduledAlertTests(NotificationsService notifications) : IClassFixture<NotificationsService>
{
    private static readonly TimeSpan Patience = Fixtures.Patience;
    private static readonly TimeOnly DigestTime = new(7, 0);
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");
    private MovableClock Clock => notifications.Time;
    private HttpClient Coordinator => notifications.Client(Roles.AlertsCoordinator);

    private async Task<Guid> SignUpAndConfirmAsync(string email, Dictionary<string, string[]> topics, string frequency, string[] areas)
    {
        var signedUp = await notifications.Client().PostAsJsonAsync("/api/notifications/subscribers", new { email, topics, frequency, areas });
        Assert.Equal(HttpStatusCode.Accepted, signedUp.StatusCode);
        var confirmation = (await notifications.Smtp.WaitForAsync(email, 1, Patience))[0];
        // The link opens the site's confirm page, whose button makes this POST with the link's token.
        var link = confirmation.Link("http://localhost:5080/alerts/confirm?token=");
        var confirmed = await notifications.Client().PostAsync("/api/notifications/subscribers/confirm" + new Uri(link).Query, null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        return (await notifications.SubscriberByEmailAsync(email))!.Id;
    }

    private async Task<Guid> DraftAsync(string title, string body, string topic, string[] areas, DateTimeOffset? scheduledFor = null)
    {
        var created = await Coordinator.PostAsJsonAsync("/api/notifications/alerts", new { title, body, topic, areas, scheduledFor });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.JsonAsync()).GetProperty("id").GetGuid();
    }

    private async Task<JsonElement> SendAsync(Guid alertId)
    {
        var sent = await Coordinator.PostAsync($"/api/notifications/alerts/{alertId}/send", null);
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        return await sent.JsonAsync();
    }

    private async Task<string?> StatusAsync(Guid alertId) =>
        (await (await Coordinator.GetAsync($"/api/notifications/alerts/{alertId}")).JsonAsync()).GetProperty("status").GetString();

    private Task TickDigestAsync() => NotificationsInstance.TickUntilItRunsAsync(notifications.Instance.TickDigestAsync);

    private Task TickSchedulerAsync() => NotificationsInstance.TickUntilItRunsAsync(notifications.Instance.TickAlertSchedulerAsync);

    private static bool IsDigest(ReceivedEmail email) => (email.Message.Subject ?? "").StartsWith("Derbyshire Alert:", StringComparison.Ordinal);

    /// <summary>The reader's rows for notices of the day: not the confirmation of their address, not the digest itself.</summary>
    private async Task<List<Delivery>> HeldAsync(Guid subscriberId) =>
        (await notifications.QueryAsync(db => db.Deliveries.AsNoTracking()
            .Where(d => d.SubscriberId == subscriberId && d.NoticeType != DigestJob.Type)
            .Join(db.Notices, d => d.NoticeId, n => n.Id, (d, n) => new { d, n.Kind })
            .ToListAsync()))
        .Where(x => x.Kind != NoticeKind.Account)
        .Select(x => x.d)
        .ToList();

    /// <summary>Whole minutes from now: what a coordinator types (and the database keeps microseconds, not ticks).</summary>
    private DateTimeOffset MinutesAhead(int minutes)
    {
        var now = Clock.GetUtcNow();
        return new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(minutes + 1);
    }

    [Fact]
    public async Task A_daily_digest_reader_gets_nothing_at_once_and_one_email_at_seven_gathering_the_day_s_notices()
    {
        var digestAt = Clock.NextLondon(DigestTime, TimeSpan.FromMinutes(40));
        Clock.MoveTo(digestAt - TimeSpan.FromMinutes(30)); // 6.30am
        var day = Clock.LondonToday;
        var digestEmail = Fixtures.Email("digest");
        var digestReader = await SignUpAndConfirmAsync(digestEmail,
            new() { [Topics.RoadSafety] = ["email"], [Topics.Grants] = ["email"] }, "daily-digest", ["Amber Valley"]);
        var immediateEmail = Fixtures.Email("immediate");
        await Fixtures.ConfirmedSubscriberAsync(notifications, immediateEmail, null, Fixtures.Topics(Channel.Email, Topics.RoadSafety, Topics.Grants),
            areas: ["Amber Valley"]);

        // The day's notices, one after another so that their order is known: two alerts, and a grant round opening.
        var belper = await DraftAsync("Speed checks on the A6 at Belper", "Community Speedwatch volunteers and officers will be checking speeds this week.",
            Topics.RoadSafety, ["Amber Valley"]);
        await SendAsync(belper);
        await notifications.Smtp.WaitForAsync(immediateEmail, 1, Patience);
        var duffield = await DraftAsync("Speed indicator signs for Duffield", "Two new speed indicator devices go up on the A6 in Duffield.",
            Topics.RoadSafety, ["Amber Valley"]);
        await SendAsync(duffield);
        await notifications.Smtp.WaitForAsync(immediateEmail, 2, Patience);
        var round = DerbyshireEvents.AsbSummerRoundOpened();
        var roundMessageId = Guid.NewGuid();
        await notifications.PublishAsync(round, roundMessageId);
        await notifications.Smtp.WaitForAsync(immediateEmail, 3, Patience);

        // Nothing at once: the rows wait in the ledger, held for the digest, untried.
        var held = await HeldAsync(digestReader);
        Assert.Equal([belper, duffield, roundMessageId], held.OrderBy(d => d.CreatedAt).Select(d => d.NoticeId));
        Assert.All(held, d =>
        {
            Assert.Equal(Channel.Email, d.Channel);
            Assert.True(d.HeldForDigest);
            Assert.Equal(DeliveryStatus.Queued, d.Status);
            Assert.Equal(0, d.Attempts);
        });
        Assert.Single(notifications.Smtp.To(digestEmail)); // the confirmation only

        // 6.59am: the job runs, and it is not yet time.
        Clock.MoveTo(digestAt - TimeSpan.FromMinutes(1));
        await TickDigestAsync();
        Assert.All(await HeldAsync(digestReader), d => Assert.True(d.HeldForDigest));
        Assert.Single(notifications.Smtp.To(digestEmail));

        // 7.00am: one email with all three.
        Clock.MoveTo(digestAt + TimeSpan.FromSeconds(30));
        await TickDigestAsync();
        var digest = Assert.Single(await notifications.Smtp.WaitForAsync(digestEmail, 1, Patience, IsDigest));
        Assert.Equal("Derbyshire Alert: 3 messages", digest.Message.Subject);
        var text = digest.Text.ReplaceLineEndings("\n");
        Assert.StartsWith($"Your Derbyshire Alert messages for {day.ToString("dddd d MMMM yyyy", British)}:\n\n" +
                          "* Speed checks on the A6 at Belper\n  Community Speedwatch volunteers and officers will be checking speeds this week.\n\n" +
                          "* Speed indicator signs for Duffield\n  Two new speed indicator devices go up on the A6 in Duffield.\n\n" +
                          "* ASB Prevention Grant: 2022 summer round is open for applications\n  The ASB Prevention Grant (2022 summer round) is open from " +
                          "Friday 1 July 2022 at 9am to Wednesday 31 August 2022 at 11.59pm.", text, StringComparison.Ordinal);
        Assert.Contains("Unsubscribe from these emails: http://localhost:5080/alerts/unsubscribe?token=", text, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", digest.Message.Headers["List-Unsubscribe-Post"]);

        var digestId = TemplateCatalogue.NoticeId(digestReader, $"digest/{day:yyyy-MM-dd}", 1);
        var digestRow = await Eventually.Until(async () => (await notifications.DeliveriesOfNoticeAsync(digestId)).SingleOrDefault(),
            row => row is { Status: DeliveryStatus.Sent }, Patience, "the digest to be recorded as sent");
        Assert.Equal(EventAudience.DeliveryIdOf(digest), digestRow.Id);
        Assert.Equal(digestReader, digestRow.SubscriberId);
        Assert.All(await HeldAsync(digestReader), d =>
        {
            Assert.False(d.HeldForDigest);
            Assert.Equal(DeliveryStatus.Sent, d.Status);
            Assert.Equal($"digest:{digestId}", d.ProviderId);
        });

        // Later the same day the job runs again, and sends no second digest.
        Clock.MoveTo(digestAt + TimeSpan.FromHours(2));
        await TickDigestAsync();
        Assert.Single(await notifications.DeliveriesOfNoticeAsync(digestId));
        Assert.Equal(2, notifications.Smtp.To(digestEmail).Count);

        // A notice after 7am waits for the next morning's digest, which holds it alone.
        var later = await DraftAsync("Road closure at Ambergate", "The A6 at Ambergate is closed after a collision; please use the A610.",
            Topics.RoadSafety, ["Amber Valley"]);
        await SendAsync(later);
        await notifications.Smtp.WaitForAsync(immediateEmail, 4, Patience);
        Assert.True(Assert.Single(await HeldAsync(digestReader), d => d.NoticeId == later).HeldForDigest);
        Clock.MoveTo(digestAt.AddDays(1) + TimeSpan.FromSeconds(30));
        await TickDigestAsync();
        var next = (await notifications.Smtp.WaitForAsync(digestEmail, 2, Patience, IsDigest))[1];
        Assert.Equal("Derbyshire Alert: 1 message", next.Message.Subject);
        Assert.StartsWith($"Your Derbyshire Alert messages for {day.AddDays(1).ToString("dddd d MMMM yyyy", British)}:\n\n* Road closure at Ambergate\n",
            next.Text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("Belper", next.Text, StringComparison.Ordinal);
        Assert.Equal(3, notifications.Smtp.To(digestEmail).Count);
    }

    [Fact]
    public async Task A_notice_whose_fan_out_commits_just_after_the_digest_went_waits_for_the_next_digest_instead_of_being_lost()
    {
        var digestAt = Clock.NextLondon(DigestTime, TimeSpan.FromMinutes(40));
        Clock.MoveTo(digestAt - TimeSpan.FromMinutes(30));
        var day = Clock.LondonToday;
        var reader = Fixtures.Email("dronfield-digest");
        var readerId = (await Fixtures.ConfirmedSubscriberAsync(notifications, reader, null, Fixtures.Topics(Channel.Email, Topics.RoadSafety),
            areas: ["North East Derbyshire"], frequency: Frequency.DailyDigest)).Id;
        var control = Fixtures.Email("dronfield-immediate");
        await Fixtures.ConfirmedSubscriberAsync(notifications, control, null, Fixtures.Topics(Channel.Email, Topics.RoadSafety), areas: ["North East Derbyshire"]);
        await SendAsync(await DraftAsync("Speed checks on the A61 at Clay Cross", "Officers will be checking speeds on the A61.", Topics.RoadSafety, ["North East Derbyshire"]));
        await notifications.Smtp.WaitForAsync(control, 1, Patience);
        Clock.MoveTo(digestAt + TimeSpan.FromSeconds(30));
        await TickDigestAsync();
        await notifications.Smtp.WaitForAsync(reader, 1, Patience, IsDigest);

        // A big fan-out that began at 6.59am (its rows carry that time) and committed after the 7am digest had gone.
        var late = await DraftAsync("Road closure at Dronfield", "Chesterfield Road in Dronfield is closed after a collision.", Topics.RoadSafety, ["North East Derbyshire"]);
        await SendAsync(late);
        // The late notice's own email, by its subject. Waiting for "two emails" once went on with no late row for the
        // reader (one transaction makes both rows), so the second email then was not the late notice's.
        await notifications.Smtp.WaitForAsync(control, 1, Patience, e => e.Message.Subject == "Road closure at Dronfield");
        await notifications.QueryAsync(db => db.Deliveries.Where(d => d.NoticeId == late)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.CreatedAt, digestAt - TimeSpan.FromSeconds(1))));
        Clock.MoveTo(digestAt + TimeSpan.FromMinutes(2));
        await TickDigestAsync();

        var waiting = Assert.Single(await HeldAsync(readerId), d => d.NoticeId == late);
        Assert.True(waiting.HeldForDigest, $"The late notice's row was marked {waiting.Status} ({waiting.ProviderId}) without being in any digest.");
        Assert.Equal(DeliveryStatus.Queued, waiting.Status);
        Assert.Single(notifications.Smtp.To(reader));

        Clock.MoveTo(digestAt.AddDays(1) + TimeSpan.FromSeconds(30));
        await TickDigestAsync();
        var next = (await notifications.Smtp.WaitForAsync(reader, 2, Patience, IsDigest))[1];
        Assert.Equal("Derbyshire Alert: 1 message", next.Message.Subject);
        Assert.StartsWith($"Your Derbyshire Alert messages for {day.AddDays(1).ToString("dddd d MMMM yyyy", British)}:\n\n* Road closure at Dronfield\n",
            next.Text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_alert_scheduled_by_a_coordinator_is_not_sent_before_its_time_and_is_sent_once_at_it()
    {
        var ockbrook = Fixtures.Email("ockbrook");
        var sandiacre = Fixtures.Email("sandiacre");
        var buxton = Fixtures.Email("buxton");
        var readers = new List<Guid>
        {
            (await Fixtures.ConfirmedSubscriberAsync(notifications, ockbrook, null, Fixtures.Topics(Channel.Email, Topics.RoadSafety), areas: ["Erewash"])).Id,
            (await Fixtures.ConfirmedSubscriberAsync(notifications, sandiacre, null, Fixtures.Topics(Channel.Email, Topics.RoadSafety), areas: ["Erewash"])).Id,
        };
        await Fixtures.ConfirmedSubscriberAsync(notifications, buxton, null, Fixtures.Topics(Channel.Email, Topics.RoadSafety), areas: ["High Peak"]);
        var at = MinutesAhead(120);
        var alert = await DraftAsync("Speed enforcement on the A52 at Ockbrook", "Mobile speed cameras will be on the A52 at Ockbrook on Saturday.",
            Topics.RoadSafety, ["Erewash"], at);

        var pressed = await SendAsync(alert);

        Assert.Equal("scheduled", pressed.GetProperty("status").GetString());
        Assert.Equal(at, pressed.GetProperty("scheduledFor").GetDateTimeOffset());
        await TickSchedulerAsync();
        Clock.MoveTo(at - TimeSpan.FromMinutes(1));
        await TickSchedulerAsync();
        Assert.Equal("scheduled", await StatusAsync(alert));
        Assert.Equal(HttpStatusCode.NotFound, (await notifications.Client().GetAsync($"/api/notifications/alerts/{alert}")).StatusCode);
        Assert.Equal(0, await notifications.Instance.AlertIssuedEventsAsync(alert));
        Assert.False(await notifications.QueryAsync(db => db.Notices.AnyAsync(n => n.Id == alert)));
        Assert.Empty(await notifications.DeliveriesOfNoticeAsync(alert));
        Assert.Empty(notifications.Smtp.To(ockbrook));

        Clock.MoveTo(at + TimeSpan.FromSeconds(1));
        await TickSchedulerAsync();

        var first = (await notifications.Smtp.WaitForAsync(ockbrook, 1, Patience))[0];
        await notifications.Smtp.WaitForAsync(sandiacre, 1, Patience);
        Assert.Equal("Speed enforcement on the A52 at Ockbrook", first.Message.Subject);
        Assert.StartsWith("Mobile speed cameras will be on the A52 at Ockbrook on Saturday.", first.Text, StringComparison.Ordinal);
        var rows = await Eventually.Until(async () => (await notifications.DeliveriesOfNoticeAsync(alert)).Where(r => readers.Contains(r.SubscriberId!.Value)).ToList(),
            found => found!.Count == 2 && found.All(EventAudience.Final), Patience, "both deliveries to be recorded as sent");
        Assert.Equal(readers.Order(), rows.Select(r => r.SubscriberId!.Value).Order());
        Assert.All(rows, r => Assert.Equal(Channel.Email, r.Channel));
        var issued = await (await Coordinator.GetAsync($"/api/notifications/alerts/{alert}")).JsonAsync();
        Assert.Equal("issued", issued.GetProperty("status").GetString());
        Assert.True(issued.GetProperty("issuedAt").GetDateTimeOffset() >= at);
        Assert.Equal(2, issued.GetProperty("audienceSize").GetInt32()); // no other test here has road-safety readers in Erewash
        Assert.Equal(1, await notifications.Instance.AlertIssuedEventsAsync(alert));

        // Later ticks find nothing due; an issued alert can no longer be unscheduled.
        Clock.MoveTo(at + TimeSpan.FromHours(1));
        await TickSchedulerAsync();
        Assert.Equal(1, await notifications.Instance.AlertIssuedEventsAsync(alert));
        Assert.Equal(HttpStatusCode.Conflict, (await Coordinator.PostAsync($"/api/notifications/alerts/{alert}/unschedule", null)).StatusCode);
        Assert.Single(notifications.Smtp.To(ockbrook));
        Assert.Single(notifications.Smtp.To(sandiacre));
        Assert.Empty(notifications.Smtp.To(buxton));
    }

    [Fact]
    public async Task An_alert_unscheduled_before_its_time_is_never_sent()
    {
        var reader = Fixtures.Email("swadlincote");
        var readerId = (await Fixtures.ConfirmedSubscriberAsync(notifications, reader, null, Fixtures.Topics(Channel.Email, Topics.RoadSafety),
            areas: ["South Derbyshire"])).Id;
        var at = MinutesAhead(180);
        var alert = await DraftAsync("Speed checks in Swadlincote", "Officers will be checking speeds on Civic Way.", Topics.RoadSafety, ["South Derbyshire"], at);
        Assert.Equal("scheduled", (await SendAsync(alert)).GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.Unauthorized, (await notifications.Client().PostAsync($"/api/notifications/alerts/{alert}/unschedule", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await notifications.Client(Roles.Clerk).PostAsync($"/api/notifications/alerts/{alert}/unschedule", null)).StatusCode);
        var unscheduled = await Coordinator.PostAsync($"/api/notifications/alerts/{alert}/unschedule", null);
        Assert.Equal(HttpStatusCode.OK, unscheduled.StatusCode);
        Assert.Equal("draft", (await unscheduled.JsonAsync()).GetProperty("status").GetString());

        Clock.MoveTo(at + TimeSpan.FromMinutes(1));
        await TickSchedulerAsync();
        Clock.MoveTo(at + TimeSpan.FromDays(1));
        await TickSchedulerAsync();

        Assert.Equal("draft", await StatusAsync(alert));
        Assert.Equal(0, await notifications.Instance.AlertIssuedEventsAsync(alert));
        Assert.False(await notifications.QueryAsync(db => db.Notices.AnyAsync(n => n.Id == alert)));
        Assert.Empty(await notifications.DeliveriesAsync(readerId));
        Assert.Empty(notifications.Smtp.To(reader));
        Assert.Equal(HttpStatusCode.NotFound, (await notifications.Client().GetAsync($"/api/notifications/alerts/{alert}")).StatusCode);
    }

    /// <summary>A transaction of the test's own on the service's database, holding the alert's row as a request in flight would.</summary>
    private async Task<(NpgsqlConnection Connection, NpgsqlTransaction Transaction)> HoldAlertAsync(Guid alertId, string update)
    {
        var connection = await notifications.Instance.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var hold = new NpgsqlCommand($"SELECT id FROM alerts WHERE id = @id FOR UPDATE; UPDATE alerts SET {update} WHERE id = @id", connection, transaction);
        hold.Parameters.AddWithValue("id", alertId);
        await hold.ExecuteNonQueryAsync();
        return (connection, transaction);
    }

    /// <summary>Waits until <paramref name="work"/> has finished or is waiting for a row lock on the database.</summary>
    private async Task BlockedOrDoneAsync(Task work)
    {
        var dataSource = notifications.Instance.Services.GetRequiredService<NpgsqlDataSource>();
        await Eventually.Until(async () =>
        {
            if (work.IsCompleted)
            {
                return true;
            }

            await using var waiting = dataSource.CreateCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
            return (long)(await waiting.ExecuteScalarAsync())! > 0;
        }, Patience, "the request to finish or to wait for the alert's row");
    }

    [Fact]
    public async Task An_unschedule_still_committing_when_the_alert_falls_due_keeps_it_from_ever_being_sent()
    {
        var reader = Fixtures.Email("belper-unschedule");
        await Fixtures.ConfirmedSubscriberAsync(notifications, reader, null, Fixtures.Topics(Channel.Email, Topics.RoadSafety), areas: ["Amber Valley"]);
        var at = MinutesAhead(10);
        var alert = await DraftAsync("Speed checks on the A517 at Belper", "Officers will be checking speeds on the A517.", Topics.RoadSafety, ["Amber Valley"], at);
        await SendAsync(alert);
        Clock.MoveTo(at + TimeSpan.FromSeconds(5));

        // The coordinator's unschedule has written its change and not yet committed when the scheduler ticks.
        var (connection, unscheduling) = await HoldAlertAsync(alert, "status = 'Draft'");
        await using (connection)
        {
            var tick = NotificationsInstance.TickUntilItRunsAsync(notifications.Instance.TickAlertSchedulerAsync);
            await BlockedOrDoneAsync(tick);
            await unscheduling.CommitAsync();
            await tick;
        }

        await TickSchedulerAsync();
        Assert.Equal("draft", await StatusAsync(alert));
        Assert.Equal(0, await notifications.Instance.AlertIssuedEventsAsync(alert));
        Assert.Empty(await notifications.DeliveriesOfNoticeAsync(alert));
        Assert.Empty(notifications.Smtp.To(reader));
    }

    [Fact]
    public async Task Unscheduling_while_the_scheduler_is_issuing_the_alert_is_refused_and_it_stays_issued()
    {
        var at = MinutesAhead(10);
        var alert = await DraftAsync("Speed checks on the A609 at Kilburn", "Officers will be checking speeds on the A609.", Topics.RoadSafety, ["Amber Valley"], at);
        await SendAsync(alert);
        Clock.MoveTo(at + TimeSpan.FromSeconds(5));

        // The scheduler has issued it in its transaction and not yet committed when the coordinator presses unschedule.
        var (connection, issuing) = await HoldAlertAsync(alert, "status = 'Issued', issued_at = now(), issued_by = 'scheduler', audience_size = 0");
        HttpResponseMessage unscheduled;
        await using (connection)
        {
            var pressed = Coordinator.PostAsync($"/api/notifications/alerts/{alert}/unschedule", null);
            await BlockedOrDoneAsync(pressed);
            await issuing.CommitAsync();
            unscheduled = await pressed;
        }

        Assert.Equal(HttpStatusCode.Conflict, unscheduled.StatusCode);
        Assert.Equal("issued", await StatusAsync(alert));
    }
}
