using System.Net;
using System.Net.Http.Json;
using PanelPlatform.Notifications.Domain;
using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Notifications.Tests;

/// <summary>
/// The console's audience preview of an alert not yet saved, and an issued alert's delivery counts. Each test's
/// subscribers belong to a neighbourhood watch scheme of its own, so counts are exact beside other tests.
/// </summary>
public sealed class AlertConsoleTests(NotificationsService notifications) : IClassFixture<NotificationsService>
{
    private static string Scheme() => $"neighbourhood-watch/console-{Guid.NewGuid():N}"[..48];

    private static string Preview(string topic, string group, params string[] areas) =>
        $"/api/notifications/alerts/audience?topic={topic}&groups={Uri.EscapeDataString(group)}" +
        string.Concat(areas.Select(a => $"&areas={Uri.EscapeDataString(a)}"));

    [Fact]
    public async Task The_preview_counts_who_an_unsaved_alert_would_reach_and_follows_each_area_added()
    {
        var group = Scheme();
        var emailOnly = Fixtures.Topics(Channel.Email, Topics.Rural);
        await Fixtures.ConfirmedSubscriberAsync(notifications, Fixtures.Email("erewash"), null, emailOnly, areas: ["Erewash"], groups: [group]);
        await Fixtures.ConfirmedSubscriberAsync(notifications, Fixtures.Email("high-peak"), Fixtures.Mobile(),
            new Dictionary<string, Channel[]> { [Topics.Rural] = [Channel.Email, Channel.Sms] }, areas: ["High Peak"], groups: [group]);
        // Everywhere in the county: in every area's audience.
        await Fixtures.ConfirmedSubscriberAsync(notifications, Fixtures.Email("county"), null, emailOnly, groups: [group]);
        await Fixtures.ConfirmedSubscriberAsync(notifications, Fixtures.Email("other-topic"), null, Fixtures.Topics(Channel.Email, Topics.Appeals),
            areas: ["Erewash"], groups: [group]);
        await Fixtures.ConfirmedSubscriberAsync(notifications, Fixtures.Email("other-group"), null, emailOnly, areas: ["Erewash"], groups: [Scheme()]);
        var coordinator = notifications.Client(Roles.AlertsCoordinator);

        var erewash = await (await coordinator.GetAsync(Preview(Topics.Rural, group, "Erewash"))).JsonAsync();
        var both = await (await coordinator.GetAsync(Preview(Topics.Rural, group, "Erewash", "High Peak"))).JsonAsync();
        var county = await (await coordinator.GetAsync(Preview(Topics.Rural, group))).JsonAsync();

        Assert.Equal((2, 2, 0), (erewash.GetProperty("subscribers").GetInt32(), erewash.GetProperty("email").GetInt32(), erewash.GetProperty("sms").GetInt32()));
        Assert.Equal((3, 3, 1, 4), (both.GetProperty("subscribers").GetInt32(), both.GetProperty("email").GetInt32(), both.GetProperty("sms").GetInt32(),
            both.GetProperty("deliveries").GetInt32()));
        Assert.Equal(3, county.GetProperty("subscribers").GetInt32());

        // The same count a saved draft's audience gives.
        var created = await coordinator.PostAsJsonAsync("/api/notifications/alerts",
            new { title = "Sheep worrying", body = "Keep dogs on leads.", topic = Topics.Rural, areas = new[] { "Erewash", "High Peak" }, groups = new[] { group } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var saved = await (await coordinator.GetAsync($"/api/notifications/alerts/{(await created.JsonAsync()).GetProperty("id").GetGuid()}/audience")).JsonAsync();
        Assert.Equal(both.GetProperty("subscribers").GetInt32(), saved.GetProperty("subscribers").GetInt32());
    }

    [Fact]
    public async Task The_preview_is_for_coordinators_and_names_a_bad_topic_area_or_group()
    {
        var path = Preview(Topics.Rural, Scheme(), "Erewash");
        Assert.Equal(HttpStatusCode.Unauthorized, (await notifications.Client().GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await notifications.Client(Roles.Clerk).GetAsync(path)).StatusCode);
        var coordinator = notifications.Client(Roles.AlertsCoordinator);

        foreach (var (query, field) in new[]
                 {
                     ("/api/notifications/alerts/audience?areas=Erewash", "topic"),
                     ("/api/notifications/alerts/audience?topic=parking", "topic"),
                     ("/api/notifications/alerts/audience?topic=rural&areas=Gotham", "areas"),
                     ("/api/notifications/alerts/audience?topic=rural&groups=book-club", "groups"),
                 })
        {
            var response = await coordinator.GetAsync(query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains((await response.JsonAsync()).GetProperty("errors").EnumerateObject(), e => e.Name.StartsWith(field, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task An_issued_alerts_deliveries_are_counted_by_channel_and_status_a_drafts_are_none()
    {
        var group = Scheme();
        var first = Fixtures.Email("delivered-1");
        var second = Fixtures.Email("delivered-2");
        await Fixtures.ConfirmedSubscriberAsync(notifications, first, null, Fixtures.Topics(Channel.Email, Topics.Rural), areas: ["Bolsover"], groups: [group]);
        await Fixtures.ConfirmedSubscriberAsync(notifications, second, null, Fixtures.Topics(Channel.Email, Topics.Rural), areas: ["Bolsover"], groups: [group]);
        var coordinator = notifications.Client(Roles.AlertsCoordinator);
        var created = await coordinator.PostAsJsonAsync("/api/notifications/alerts",
            new { title = "Diesel thefts from farms", body = "Check your tanks.", topic = Topics.Rural, areas = new[] { "Bolsover" }, groups = new[] { group } });
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();

        var draft = await (await coordinator.GetAsync($"/api/notifications/alerts/{id}/deliveries")).JsonAsync();
        Assert.Equal(("draft", 0), (draft.GetProperty("status").GetString(), draft.GetProperty("all").GetProperty("total").GetInt32()));
        Assert.Equal(HttpStatusCode.Forbidden, (await notifications.Client(Roles.Clerk).GetAsync($"/api/notifications/alerts/{id}/deliveries")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/api/notifications/alerts/{Guid.NewGuid()}/deliveries")).StatusCode);

        Assert.Equal(HttpStatusCode.Accepted, (await coordinator.PostAsync($"/api/notifications/alerts/{id}/send", null)).StatusCode);
        await notifications.Smtp.WaitForAsync(first, 1, Fixtures.Patience);
        await notifications.Smtp.WaitForAsync(second, 1, Fixtures.Patience);

        await TestInfrastructure.Eventually.Until(async () =>
        {
            var counts = await (await coordinator.GetAsync($"/api/notifications/alerts/{id}/deliveries")).JsonAsync();
            return counts.GetProperty("all").GetProperty("sent").GetInt32() == 2;
        }, Fixtures.Patience, "both deliveries to be recorded sent");
        var issued = await (await coordinator.GetAsync($"/api/notifications/alerts/{id}/deliveries")).JsonAsync();
        Assert.Equal(("issued", 2, 2), (issued.GetProperty("status").GetString(), issued.GetProperty("audienceSize").GetInt32(),
            issued.GetProperty("all").GetProperty("total").GetInt32()));
        var email = Assert.Single(issued.GetProperty("channels").EnumerateArray(), c => c.GetProperty("channel").GetString() == "email");
        Assert.Equal((2, 2, 0), (email.GetProperty("counts").GetProperty("total").GetInt32(), email.GetProperty("counts").GetProperty("sent").GetInt32(),
            email.GetProperty("counts").GetProperty("failed").GetInt32()));
        var sms = Assert.Single(issued.GetProperty("channels").EnumerateArray(), c => c.GetProperty("channel").GetString() == "sms");
        Assert.Equal(0, sms.GetProperty("counts").GetProperty("total").GetInt32());
    }
}
