using PanelPlatform.Notifications.Domain;

namespace PanelPlatform.Notifications.Tests;

public sealed class DeliveryRulesTests
{
    private static readonly RetryPolicy Policy = new(4, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1));
    private static readonly DateTimeOffset Now = new(2023, 1, 26, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("https://hooks.example.org/panel", true)]
    [InlineData("http://127.0.0.1:5000/hook", true)]
    [InlineData("http://localhost:5000/hook", true)]
    [InlineData("http://[::1]:5000/hook", true)]
    [InlineData("http://hooks.example.org/panel", false)]
    [InlineData("ftp://hooks.example.org/panel", false)]
    [InlineData("/relative/hook", false)]
    [InlineData("https://user:secret@hooks.example.org/", false)]
    public void Webhook_urls_must_be_https_or_this_machine(string url, bool acceptable) =>
        Assert.Equal(acceptable, Subscriber.IsAcceptableWebhookUrl(url, out _));

    [Fact]
    public void Retries_back_off_exponentially_up_to_the_cap()
    {
        var delays = Enumerable.Range(2, 6).Select(Policy.DelayBeforeAttempt).ToList();

        Assert.InRange(delays[0].TotalSeconds, 5, 6);
        Assert.InRange(delays[1].TotalSeconds, 10, 12);
        Assert.InRange(delays[2].TotalSeconds, 20, 24);
        Assert.All(delays.Skip(4), d => Assert.InRange(d.TotalSeconds, 60, 72));
    }

    [Fact]
    public void A_transient_failure_is_retried_and_the_last_allowed_attempt_fails_for_good()
    {
        var delivery = Delivery.Queue(Guid.NewGuid(), "meeting.scheduled", Channel.Webhook, Guid.NewGuid(), null, Now, null);

        delivery.AttemptFailed(503, "HTTP 503", permanent: false, Policy, Now);
        Assert.Equal(DeliveryStatus.Queued, delivery.Status);
        Assert.True(delivery.NextAttemptAt >= Now.AddSeconds(5));

        for (var attempt = 2; attempt <= 4; attempt++)
        {
            delivery.AttemptFailed(503, "HTTP 503", permanent: false, Policy, Now);
        }

        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.Equal(4, delivery.Attempts);
        Assert.Equal(Now, delivery.CompletedAt);
    }

    [Fact]
    public void A_permanent_failure_ends_the_delivery_at_once()
    {
        var delivery = Delivery.Queue(Guid.NewGuid(), "meeting.scheduled", Channel.Webhook, Guid.NewGuid(), null, Now, null);

        delivery.AttemptFailed(400, "HTTP 400", permanent: true, Policy, Now);

        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.Equal(1, delivery.Attempts);
    }
}
