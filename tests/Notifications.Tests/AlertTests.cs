using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Notifications.Domain;
using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Notifications.Tests;

/// <summary>
/// Alerts written by coordinators, through the API on the real database and broker: roles, the audience preview,
/// sending to the matching subscribers only, CAP 1.2, "stop all sending" and the monthly report. Its subscribers take
/// topics no test class publishes events for (not meetings), so it may run beside the <see cref="PlatformEvents"/> ones.
/// </summary>
public sealed class AlertTests(NotificationsService notifications) : IClassFixture<NotificationsService>
{
    private static object LockYourVehicles(params string[] areas) => new
    {
        title = "Vehicle crime in Erewash",
        body = "Please **lock your vehicles** overnight. Report anything suspicious on 101.",
        topic = Topics.CrimePrevention,
        areas,
    };

    private async Task<Guid> DraftAsync(object alert)
    {
        var created = await notifications.Client(Roles.AlertsCoordinator).PostAsJsonAsync("/api/notifications/alerts", alert);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.JsonAsync()).GetProperty("id").GetGuid();
    }

    private async Task<int> AudienceAsync(Guid alertId) =>
        (await (await notifications.Client(Roles.AlertsCoordinator).GetAsync($"/api/notifications/alerts/{alertId}/audience")).JsonAsync())
        .GetProperty("subscribers").GetInt32();

    [Fact]
    public async Task Writing_previewing_and_sending_alerts_needs_the_alerts_coordinator_role()
    {
        var anonymous = await notifications.Client().PostAsJsonAsync("/api/notifications/alerts", LockYourVehicles("Erewash"));
        var clerk = await notifications.Client(Roles.Clerk).PostAsJsonAsync("/api/notifications/alerts", LockYourVehicles("Erewash"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, clerk.StatusCode);

        var id = await DraftAsync(LockYourVehicles("Erewash"));
        Assert.Equal(HttpStatusCode.Forbidden, (await notifications.Client(Roles.Clerk).PostAsync($"/api/notifications/alerts/{id}/send", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await notifications.Client().GetAsync($"/api/notifications/alerts/{id}/audience")).StatusCode);
        // A draft does not exist for the public, in any form.
        Assert.Equal(HttpStatusCode.NotFound, (await notifications.Client().GetAsync($"/api/notifications/alerts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await notifications.Client().GetAsync($"/api/notifications/alerts/{id}.cap.xml")).StatusCode);
        var list = await (await notifications.Client().GetAsync("/api/notifications/alerts")).JsonAsync();
        Assert.DoesNotContain(id.ToString(), list.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await notifications.Client(Roles.AlertsCoordinator).GetAsync($"/api/notifications/alerts/{id}")).StatusCode);
    }

    [Fact]
    public async Task An_alert_reaches_the_confirmed_subscribers_of_its_topic_and_area_only_and_is_published_as_CAP()
    {
        var draft = await DraftAsync(LockYourVehicles("Erewash"));
        var before = await AudienceAsync(draft);
        var erewash = Fixtures.Email("erewash");
        var highPeak = Fixtures.Email("high-peak");
        var otherTopic = Fixtures.Email("road-safety");
        await Fixtures.ConfirmedSubscriberAsync(notifications, erewash, null, Fixtures.Topics(Channel.Email, Topics.CrimePrevention), areas: ["Erewash"]);
        await Fixtures.ConfirmedSubscriberAsync(notifications, highPeak, null, Fixtures.Topics(Channel.Email, Topics.CrimePrevention), areas: ["High Peak"]);
        await Fixtures.ConfirmedSubscriberAsync(notifications, otherTopic, null, Fixtures.Topics(Channel.Email, Topics.RoadSafety), areas: ["Erewash"]);
        Assert.Equal(before + 1, await AudienceAsync(draft));

        var sent = await notifications.Client(Roles.AlertsCoordinator).PostAsync($"/api/notifications/alerts/{draft}/send", null);
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);

        var email = await notifications.Smtp.NextToAsync(erewash, Fixtures.Patience);
        Assert.Equal("Vehicle crime in Erewash", email.Message.Subject);
        Assert.Contains("lock your vehicles", email.Text, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", email.Message.Headers["List-Unsubscribe-Post"]);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(notifications.Smtp.To(highPeak));
        Assert.Empty(notifications.Smtp.To(otherTopic));

        var again = await notifications.Client(Roles.AlertsCoordinator).PostAsync($"/api/notifications/alerts/{draft}/send", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(notifications.Smtp.To(erewash));

        var cap = await notifications.Client().GetAsync($"/api/notifications/alerts/{draft}.cap.xml");
        Assert.Equal(HttpStatusCode.OK, cap.StatusCode);
        Assert.Equal("application/cap+xml", cap.Content.Headers.ContentType?.MediaType);
        XNamespace ns = "urn:oasis:names:tc:emergency:cap:1.2";
        var document = XDocument.Parse(await cap.Content.ReadAsStringAsync());
        Assert.Equal(draft.ToString(), document.Root!.Element(ns + "identifier")?.Value);
        Assert.Equal("Vehicle crime in Erewash", document.Root.Element(ns + "info")?.Element(ns + "headline")?.Value);
        Assert.Equal("Erewash", document.Root.Element(ns + "info")?.Element(ns + "area")?.Element(ns + "areaDesc")?.Value);
    }

    [Fact]
    public async Task Bad_alerts_are_a_400_naming_the_field_and_store_nothing()
    {
        var before = await notifications.QueryAsync(db => db.Alerts.CountAsync());
        var coordinator = notifications.Client(Roles.AlertsCoordinator);

        var noTitle = await coordinator.PostAsJsonAsync("/api/notifications/alerts", new { body = "x", topic = Topics.Rural });
        var badTopic = await coordinator.PostAsJsonAsync("/api/notifications/alerts", new { title = "t", body = "x", topic = "parking" });
        var badLink = await coordinator.PostAsJsonAsync("/api/notifications/alerts", new { title = "t", body = "[click](javascript:alert(1))", topic = Topics.Rural });
        var badArea = await coordinator.PostAsJsonAsync("/api/notifications/alerts", new { title = "t", body = "x", topic = Topics.Rural, areas = new[] { "Gotham" } });

        foreach (var (response, field) in new[] { (noTitle, "title"), (badTopic, "topic"), (badLink, "body"), (badArea, "areas") })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains((await response.JsonAsync()).GetProperty("errors").EnumerateObject(), e => e.Name.StartsWith(field, StringComparison.OrdinalIgnoreCase));
        }

        Assert.Equal(before, await notifications.QueryAsync(db => db.Alerts.CountAsync()));
    }

    [Fact]
    public async Task Stop_all_sending_holds_deliveries_in_the_ledger_and_resume_sends_them_once()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await notifications.Client().PostAsJsonAsync("/api/notifications/sending/pause", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await notifications.Client(Roles.AlertsCoordinator).PostAsJsonAsync("/api/notifications/sending/pause", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await notifications.Client(Roles.AlertsCoordinator).PostAsJsonAsync("/api/notifications/sending/resume", new { })).StatusCode);
        var email = Fixtures.Email("bolsover");
        var subscriber = await Fixtures.ConfirmedSubscriberAsync(notifications, email, null, Fixtures.Topics(Channel.Email, Topics.Rural), areas: ["Bolsover"]);
        var admin = notifications.Client(Roles.Admin);

        var paused = await admin.PostAsJsonAsync("/api/notifications/sending/pause", new { reason = "Wrong alert template in use" });
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        Assert.True((await paused.JsonAsync()).GetProperty("allPaused").GetBoolean());
        try
        {
            var draft = await DraftAsync(new { title = "Quad bike thefts near Bolsover", body = "Mark your machinery.", topic = Topics.Rural, areas = new[] { "Bolsover" } });
            Assert.Equal(HttpStatusCode.Accepted, (await notifications.Client(Roles.AlertsCoordinator).PostAsync($"/api/notifications/alerts/{draft}/send", null)).StatusCode);

            await Eventually(async () => (await notifications.DeliveriesAsync(subscriber.Id)).Count == 1, "the delivery to be queued");
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.Empty(notifications.Smtp.To(email));
            Assert.Equal(DeliveryStatus.Queued, Assert.Single(await notifications.DeliveriesAsync(subscriber.Id)).Status);
            var state = await (await notifications.Client(Roles.AlertsCoordinator).GetAsync("/api/notifications/sending")).JsonAsync();
            Assert.True(state.GetProperty("waitingDeliveries").GetInt32() >= 1);
            Assert.Equal("Wrong alert template in use", state.GetProperty("reason").GetString());
        }
        finally
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/notifications/sending/resume", new { })).StatusCode);
        }

        var arrived = await notifications.Smtp.NextToAsync(email, Fixtures.Patience);
        Assert.Equal("Quad bike thefts near Bolsover", arrived.Message.Subject);
        await Eventually(async () => (await notifications.DeliveriesAsync(subscriber.Id)).Single().Status == DeliveryStatus.Sent, "the delivery to be sent");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(notifications.Smtp.To(email));
    }

    [Fact]
    public async Task The_monthly_report_is_for_coordinators_and_counts_this_months_members_messages_and_deliveries()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await notifications.Client().GetAsync("/api/notifications/reports/monthly")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await notifications.Client(Roles.Clerk).GetAsync("/api/notifications/reports/monthly.csv")).StatusCode);
        var email = Fixtures.Email("report");
        await Fixtures.ConfirmedSubscriberAsync(notifications, email, null, Fixtures.Topics(Channel.Email, Topics.Appeals), areas: ["South Derbyshire"]);
        var draft = await DraftAsync(new { title = "Witness appeal: Swadlincote", body = "Call 101 quoting the reference.", topic = Topics.Appeals, areas = new[] { "South Derbyshire" } });
        await notifications.Client(Roles.AlertsCoordinator).PostAsync($"/api/notifications/alerts/{draft}/send", null);
        await notifications.Smtp.NextToAsync(email, Fixtures.Patience);
        var members = (await notifications.QueryAsync(db => db.Subscribers.AsNoTracking().ToListAsync())).Count(s => s.IsMember);
        var month = DateTimeOffset.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

        var rows = await (await notifications.Client(Roles.AlertsCoordinator).GetAsync("/api/notifications/reports/monthly")).JsonAsync();
        var thisMonth = Assert.Single(rows.EnumerateArray(), r => r.GetProperty("month").GetString() == month);
        Assert.Equal(members, thisMonth.GetProperty("members").GetInt32());
        Assert.True(thisMonth.GetProperty("messages").GetInt32() >= 1);
        Assert.True(thisMonth.GetProperty("deliveries").GetInt32() >= 1);

        var csv = await notifications.Client(Roles.AlertsCoordinator).GetAsync("/api/notifications/reports/monthly.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("MONTH,MEMBERS,MESSAGES,DELIVERIES", lines[0]);
        Assert.Contains(lines, l => l.StartsWith($"{month},{members},", StringComparison.Ordinal));
    }

    private static Task Eventually(Func<Task<bool>> condition, string what) =>
        TestInfrastructure.Eventually.Until(condition, Fixtures.Patience, what);
}
