using System.Net;
using System.Net.Http.Json;
using PanelPlatform.Notifications.Domain;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Notifications.Tests;

/// <summary>The service configured to send email through GOV.UK Notify (a loopback fake of its API) instead of SMTP.</summary>
public sealed class NotifyEmailService(PlatformInfrastructure infrastructure) : NotificationsService(infrastructure)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Notifications:Email:Provider"] = "Notify",
        ["Notifications:Email:NotifyTemplateId"] = NotifyFake.EmailTemplateId,
    };
}

[Collection(PlatformEvents.Collection)]
public sealed class NotifyEmailTests(NotifyEmailService notifications) : IClassFixture<NotifyEmailService>
{
    private const string Base = "http://localhost:5080";

    private async Task<ReceivedNotifyEmail> NextEmailAsync(string to, int count)
    {
        await Eventually.Until(() => Task.FromResult(notifications.Notify.Emails.Count(e => e.EmailAddress == to) >= count), Fixtures.Patience, $"email {count} to {to}");
        return notifications.Notify.Emails.Where(e => e.EmailAddress == to).ElementAt(count - 1);
    }

    [Fact]
    public async Task Sign_up_confirm_and_an_agenda_go_through_Notify_with_its_one_click_unsubscribe_and_nothing_by_SMTP()
    {
        var email = Fixtures.Email();
        var signedUp = await notifications.Client().PostAsJsonAsync("/api/notifications/subscribers",
            new { email, topics = new Dictionary<string, string[]> { ["meetings"] = ["email"] } });
        Assert.Equal(HttpStatusCode.Accepted, signedUp.StatusCode);

        var confirmation = await NextEmailAsync(email, 1);
        Assert.Equal("Confirm your Derbyshire Alert subscription", confirmation.Subject);
        Assert.Equal(NotifyFake.EmailTemplateId, confirmation.TemplateId);
        var prefix = $"{Base}/alerts/confirm?token=";
        var at = confirmation.Body.IndexOf(prefix, StringComparison.Ordinal);
        Assert.True(at >= 0, confirmation.Body);
        var link = confirmation.Body[at..].Split('\n')[0].Trim();
        // What the site's confirmation page asks the API when the reader presses its button.
        Assert.Equal(HttpStatusCode.OK, (await notifications.Client().PostAsync($"/api/notifications/subscribers/confirm{new Uri(link).Query}", null)).StatusCode);

        await notifications.PublishAsync(Fixtures.Agenda());
        var notice = await NextEmailAsync(email, 2);
        Assert.Equal("Agenda published: Derbyshire Police and Crime Panel, Thursday 17 November 2022", notice.Subject);
        Assert.Contains("4. Review of the Police and Crime Plan", notice.Body, StringComparison.Ordinal);
        var subscriber = await notifications.SubscriberByEmailAsync(email);
        // The ledger is written once Notify has answered, so just after the fake recorded the email.
        await Eventually.Until(async () => (await notifications.DeliveriesAsync(subscriber!.Id)).Any(d => d.Id.ToString() == notice.Reference && d.Status == DeliveryStatus.Sent),
            Fixtures.Patience, "the ledger to show the email sent");
        var delivery = Assert.Single(await notifications.DeliveriesAsync(subscriber!.Id), d => d.Id.ToString() == notice.Reference);
        Assert.Equal(notice.Id, delivery.ProviderId);
        Assert.Equal(DeliveryStatus.Sent, delivery.Status);
        Assert.Empty(notifications.Smtp.All);

        // Notify turns one_click_unsubscribe_url into the RFC 8058 headers; a POST to it unsubscribes.
        Assert.StartsWith($"{Base}/api/notifications/unsubscribe?token=", notice.OneClickUnsubscribeUrl, StringComparison.Ordinal);
        var oneClick = await notifications.Client().PostAsync(new Uri(notice.OneClickUnsubscribeUrl!).PathAndQuery,
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal(ChannelState.Unsubscribed, (await notifications.SubscriberByEmailAsync(email))!.EmailState);
    }

    [Fact]
    public async Task An_address_Notify_calls_invalid_fails_at_once_and_suspends_the_email_channel()
    {
        var email = Fixtures.Email("invalid");
        notifications.Notify.Invalid[email] = true;
        var subscriber = await Fixtures.ConfirmedSubscriberAsync(notifications, email, null, Fixtures.Topics(Channel.Email, Topics.Meetings));

        await notifications.PublishAsync(Fixtures.Agenda());

        await Eventually.Until(async () => (await notifications.SubscriberByEmailAsync(email))!.LastFailure is not null, Fixtures.Patience, "the failure");
        var delivery = Assert.Single(await notifications.DeliveriesAsync(subscriber.Id));
        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.Equal(1, delivery.Attempts);
        Assert.Equal(400, delivery.LastStatusCode);
        var suspended = await notifications.SubscriberByEmailAsync(email);
        Assert.Equal(ChannelState.Suspended, suspended!.EmailState);
        Assert.StartsWith("email: Notify 400", suspended.LastFailure, StringComparison.Ordinal);
    }
}
