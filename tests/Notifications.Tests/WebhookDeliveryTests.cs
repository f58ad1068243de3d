using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PanelPlatform.Contracts.Meetings;
using PanelPlatform.Notifications.Domain;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Notifications.Tests;

/// <summary>MeetingScheduled → signed webhook POSTs, with the delivery ledger, on the real database and broker.</summary>
[Collection(PlatformEvents.Collection)]
public sealed class WebhookDeliveryTests(NotificationsService notifications) : IClassFixture<NotificationsService>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static MeetingScheduled PanelMeeting(params string[] areas) => new(
        Guid.NewGuid(), "derbyshire-police-and-crime-panel", "Derbyshire Police and Crime Panel", "Police and Crime Panel",
        new DateTimeOffset(2023, 1, 26, 10, 0, 0, TimeSpan.Zero), null, "Council Chamber, County Hall, Matlock", false, areas,
        DateTimeOffset.UtcNow);

    private async Task<(Guid Id, string Secret)> SubscribeAsync(Uri url, string[] topics, string[]? areas = null)
    {
        var response = await notifications.Client().PostAsJsonAsync("/api/notifications/subscriptions", new { url, topics, areas });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetGuid(), body.GetProperty("secret").GetString()!);
    }

    [Fact]
    public async Task A_scheduled_meeting_reaches_a_meetings_subscriber_as_one_correctly_signed_POST()
    {
        await using var listener = await WebhookListener.StartAsync();
        var (subscriptionId, secret) = await SubscribeAsync(listener.Url, [Topics.Meetings], ["Erewash"]);
        var meeting = PanelMeeting();
        var messageId = Guid.NewGuid();

        await notifications.PublishAsync(meeting, messageId);

        var webhook = await listener.NextAsync(Patience);
        webhook.Verify(secret);
        var payload = JsonDocument.Parse(webhook.Body).RootElement;
        Assert.Equal("meeting.scheduled", payload.GetProperty("type").GetString());
        Assert.Equal(messageId, payload.GetProperty("id").GetGuid());
        Assert.Equal(meeting.MeetingId, payload.GetProperty("data").GetProperty("meetingId").GetGuid());
        Assert.Equal("Council Chamber, County Hall, Matlock", payload.GetProperty("data").GetProperty("location").GetString());
        Assert.False(await listener.AnyMoreAsync(TimeSpan.FromSeconds(2)));

        await Eventually.Until(async () => (await notifications.DeliveriesAsync(subscriptionId)).All(d => d.Status == DeliveryStatus.Delivered),
            Patience, "the ledger to show the delivery");
        var delivery = Assert.Single(await notifications.DeliveriesAsync(subscriptionId));
        Assert.Equal(DeliveryStatus.Delivered, delivery.Status);
        Assert.Equal(1, delivery.Attempts);
        Assert.Equal(204, delivery.LastStatusCode);
        Assert.Equal(delivery.Id.ToString(), webhook.Id);
    }

    [Fact]
    public async Task A_tampered_body_fails_verification()
    {
        await using var listener = await WebhookListener.StartAsync();
        var (_, secret) = await SubscribeAsync(listener.Url, [Topics.Meetings]);
        await notifications.PublishAsync(PanelMeeting(), Guid.NewGuid());

        var webhook = await listener.NextAsync(Patience);

        Assert.ThrowsAny<Exception>(() => (webhook with { Body = webhook.Body.Replace("Matlock", "Belper", StringComparison.Ordinal) }).Verify(secret));
        Assert.ThrowsAny<Exception>(() => webhook.Verify("whsec_" + Convert.ToBase64String(new byte[32])));
    }

    [Fact]
    public async Task The_same_event_delivered_twice_is_sent_once()
    {
        await using var listener = await WebhookListener.StartAsync();
        var (subscriptionId, _) = await SubscribeAsync(listener.Url, [Topics.Meetings]);
        var meeting = PanelMeeting();
        var messageId = Guid.NewGuid();

        await notifications.PublishAsync(meeting, messageId);
        await notifications.PublishAsync(meeting, messageId);

        await listener.NextAsync(Patience);
        Assert.False(await listener.AnyMoreAsync(TimeSpan.FromSeconds(3)));
        Assert.Single(await notifications.DeliveriesAsync(subscriptionId));
    }

    [Fact]
    public async Task Only_subscribers_of_the_topic_and_area_are_sent_to()
    {
        await using var meetingsAnywhere = await WebhookListener.StartAsync();
        await using var grantsOnly = await WebhookListener.StartAsync();
        await using var meetingsInBolsover = await WebhookListener.StartAsync();
        await SubscribeAsync(meetingsAnywhere.Url, [Topics.Meetings]);
        var (grantsId, _) = await SubscribeAsync(grantsOnly.Url, [Topics.Grants]);
        var (bolsoverId, _) = await SubscribeAsync(meetingsInBolsover.Url, [Topics.Meetings], ["Bolsover"]);

        // A meeting about Erewash only: county-wide and Erewash subscribers hear of it, Bolsover's do not.
        await notifications.PublishAsync(PanelMeeting("Erewash"), Guid.NewGuid());

        await meetingsAnywhere.NextAsync(Patience);
        Assert.False(await grantsOnly.AnyMoreAsync(TimeSpan.FromSeconds(2)));
        Assert.False(await meetingsInBolsover.AnyMoreAsync(TimeSpan.FromMilliseconds(100)));
        Assert.Empty(await notifications.DeliveriesAsync(grantsId));
        Assert.Empty(await notifications.DeliveriesAsync(bolsoverId));
    }

    [Fact]
    public async Task A_failing_endpoint_is_retried_with_backoff_until_it_accepts()
    {
        await using var listener = await WebhookListener.StartAsync();
        listener.RespondWith(HttpStatusCode.InternalServerError, HttpStatusCode.ServiceUnavailable);
        var (subscriptionId, secret) = await SubscribeAsync(listener.Url, [Topics.Meetings]);

        await notifications.PublishAsync(PanelMeeting(), Guid.NewGuid());

        var webhook = await listener.NextAsync(Patience);
        webhook.Verify(secret);
        Assert.Equal(3, listener.All.Count);
        Assert.Single(listener.All.Select(w => w.Id).Distinct());
        // Each retry waits at least its backoff after the failure before it (jitter and a busy machine only add to it):
        // the base delay, then double. The service notes each failure after the endpoint answered, so after its arrival here.
        var attempts = listener.All.OrderBy(w => w.ReceivedAt).Select(w => w.ReceivedAt).ToList();
        Assert.True(attempts[1] - attempts[0] >= NotificationsService.RetryBaseDelay,
            $"the first retry came {(attempts[1] - attempts[0]).TotalMilliseconds:0} ms after the first attempt");
        Assert.True(attempts[2] - attempts[1] >= 2 * NotificationsService.RetryBaseDelay,
            $"the second retry came {(attempts[2] - attempts[1]).TotalMilliseconds:0} ms after the first retry");
        // The ledger is written once the endpoint has answered, so just after the sink saw the POST.
        await Eventually.Until(async () => (await notifications.DeliveriesAsync(subscriptionId)).All(d => d.Status == DeliveryStatus.Delivered),
            Patience, "the ledger to show the delivery");
        var delivery = Assert.Single(await notifications.DeliveriesAsync(subscriptionId));
        Assert.Equal(DeliveryStatus.Delivered, delivery.Status);
        Assert.Equal(3, delivery.Attempts);
    }

    [Fact]
    public async Task An_endpoint_that_refuses_the_notice_is_not_retried_and_one_that_is_gone_is_suspended()
    {
        await using var refusing = await WebhookListener.StartAsync();
        await using var gone = await WebhookListener.StartAsync();
        refusing.RespondWith(HttpStatusCode.BadRequest);
        gone.RespondWith(HttpStatusCode.Gone);
        var (refusingId, _) = await SubscribeAsync(refusing.Url, [Topics.Meetings]);
        var (goneId, _) = await SubscribeAsync(gone.Url, [Topics.Meetings]);

        await notifications.PublishAsync(PanelMeeting(), Guid.NewGuid());

        await Eventually.Until(async () =>
            (await notifications.DeliveriesAsync(refusingId)).All(d => d.Status == DeliveryStatus.Failed) &&
            (await notifications.DeliveriesAsync(goneId)).All(d => d.Status == DeliveryStatus.Failed) &&
            refusing.All.Count == 1 && gone.All.Count == 1, Patience, "both deliveries to fail");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(refusing.All);
        Assert.Equal(400, Assert.Single(await notifications.DeliveriesAsync(refusingId)).LastStatusCode);
        var suspended = await notifications.QueryAsync(db => Task.FromResult(db.Subscribers.Single(s => s.Id == goneId)));
        Assert.Equal(ChannelState.Suspended, suspended.WebhookState);
        Assert.False(suspended.IsMember);
        // A refusal of one notice (400) is noted on the subscription, which stays on.
        var refused = await notifications.QueryAsync(db => Task.FromResult(db.Subscribers.Single(s => s.Id == refusingId)));
        Assert.Equal(ChannelState.Active, refused.WebhookState);
        Assert.Contains("400", refused.LastFailure, StringComparison.Ordinal);

        // A suspended subscription is not sent the next notice.
        await notifications.PublishAsync(PanelMeeting(), Guid.NewGuid());
        Assert.False(await gone.AnyMoreAsync(TimeSpan.FromSeconds(2)));
    }
}
