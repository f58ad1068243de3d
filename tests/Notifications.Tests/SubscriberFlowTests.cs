using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Notifications.Domain;
using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Notifications.Tests;

/// <summary>Sign-up, double opt-in by the link in the real email, one-click unsubscribe, export and erase.</summary>
[Collection(PlatformEvents.Collection)]
public sealed class SubscriberFlowTests(NotificationsService notifications) : IClassFixture<NotificationsService>
{
    private const string Base = "http://localhost:5080";

    private static string PathOf(string link) => new Uri(link).PathAndQuery;

    /// <summary>
    /// The link in the text that opens the web site's <paramref name="page"/> (e.g. <c>alerts/confirm</c>), as the API
    /// path <paramref name="api"/> with the link's token: what that page asks the API when the reader presses its button.
    /// </summary>
    private static string ApiPathOf(ReceivedEmail email, string page, string api) => api + new Uri(email.Link($"{Base}/{page}?token=")).Query;

    private static string ConfirmPath(ReceivedEmail email) => ApiPathOf(email, "alerts/confirm", "/api/notifications/subscribers/confirm");

    private static string ManagePath(ReceivedEmail email) => ApiPathOf(email, "alerts/manage", "/api/notifications/subscribers/me");

    /// <summary>The RFC 8058 URL in the List-Unsubscribe header (which must be there).</summary>
    private static string UnsubscribeUrl(ReceivedEmail email)
    {
        var header = email.Message.Headers["List-Unsubscribe"];
        Assert.False(string.IsNullOrEmpty(header), "The email has no List-Unsubscribe header.");
        return header.Trim('<', '>');
    }

    private async Task<HttpResponseMessage> SignUpAsync(object body)
    {
        var response = await notifications.Client().PostAsJsonAsync("/api/notifications/subscribers", body);
        return response;
    }

    [Fact]
    public async Task Subscribe_confirm_from_the_inbox_receive_an_agenda_and_unsubscribe_in_one_click()
    {
        var email = Fixtures.Email();
        var mobile = Fixtures.Mobile();
        var signedUp = await SignUpAsync(new
        {
            email, mobile, areas = new[] { "Amber Valley" }, frequency = "immediate",
            topics = new Dictionary<string, string[]> { ["meetings"] = ["email", "sms"] },
        });
        Assert.Equal(HttpStatusCode.Accepted, signedUp.StatusCode);
        Assert.Equal(["email", "sms"], (await signedUp.JsonAsync()).GetProperty("confirming").EnumerateArray().Select(c => c.GetString()));

        // The confirmation is the only thing that may reach an unconfirmed address.
        var confirmation = await notifications.Smtp.NextToAsync(email, Fixtures.Patience);
        Assert.Equal("Confirm your Derbyshire Alert subscription", confirmation.Message.Subject);
        Assert.NotNull(confirmation.Message.Headers["List-Unsubscribe"]);
        await Eventually(() => notifications.Notify.Texts.Any(t => t.PhoneNumber == mobile), "the confirmation text");
        await notifications.PublishAsync(Fixtures.Agenda());
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(notifications.Smtp.To(email));
        Assert.Single(notifications.Notify.Texts, t => t.PhoneNumber == mobile);

        // The link opens the web site's page; the API's own page (for links sent before the site had one) still works.
        var link = ConfirmPath(confirmation);
        var page = await notifications.Client().GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<form method=\"post\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var subscriber = await notifications.SubscriberByEmailAsync(email);
        Assert.Equal(ChannelState.Pending, subscriber!.EmailState); // a GET (a link scanner) confirms nothing
        var confirmed = await notifications.Client().PostAsync(link, null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("active", (await confirmed.JsonAsync()).GetProperty("state").GetString());

        var agenda = Fixtures.Agenda();
        await notifications.PublishAsync(agenda);
        var notice = await notifications.Smtp.NextToAsync(email, Fixtures.Patience);
        Assert.Equal("Agenda published: Derbyshire Police and Crime Panel, Thursday 17 November 2022", notice.Message.Subject);
        Assert.Contains("4. Review of the Police and Crime Plan", notice.Text, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", notice.Message.Headers["List-Unsubscribe-Post"]);
        var unsubscribe = UnsubscribeUrl(notice);
        Assert.StartsWith($"{Base}/api/notifications/unsubscribe?token=", unsubscribe, StringComparison.Ordinal);
        // The reader's links open the web site's pages; the unsubscribe page carries the header's token.
        Assert.Equal(new Uri(unsubscribe).Query, new Uri(notice.Link($"{Base}/alerts/unsubscribe?token=")).Query);
        Assert.Contains($"{Base}/alerts/manage?token=", notice.Text, StringComparison.Ordinal);
        Assert.DoesNotContain($"{Base}/api/", notice.Text, StringComparison.Ordinal);
        // The text was confirmed by nobody: no agenda by text.
        Assert.Single(notifications.Notify.Texts, t => t.PhoneNumber == mobile);

        // RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" to the URL, with no cookie and no token of ours.
        var oneClick = await notifications.Client().PostAsync(PathOf(unsubscribe),
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        subscriber = await notifications.SubscriberByEmailAsync(email);
        Assert.Equal(ChannelState.Unsubscribed, subscriber!.EmailState);

        await notifications.PublishAsync(Fixtures.Agenda());
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(2, notifications.Smtp.To(email).Count);
    }

    [Fact]
    public async Task A_link_that_was_altered_or_was_for_another_purpose_confirms_nothing()
    {
        var email = Fixtures.Email();
        await SignUpAsync(new { email, topics = new Dictionary<string, string[]> { ["grants"] = ["email"] } });
        var confirmation = await notifications.Smtp.NextToAsync(email, Fixtures.Patience);
        var link = ConfirmPath(confirmation);
        var unsubscribe = PathOf(UnsubscribeUrl(confirmation));

        var altered = await notifications.Client().PostAsync(link[..^3] + (link[^3] == 'A' ? "B" : "A") + link[^2..], null);
        var wrongPurpose = await notifications.Client().PostAsync(unsubscribe.Replace("/unsubscribe?", "/subscribers/confirm?", StringComparison.Ordinal), null);

        Assert.Equal(HttpStatusCode.BadRequest, altered.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongPurpose.StatusCode);
        Assert.Equal(ChannelState.Pending, (await notifications.SubscriberByEmailAsync(email))!.EmailState);
    }

    [Fact]
    public async Task Signing_up_again_with_a_known_address_says_the_same_and_sends_the_manage_link_instead()
    {
        var email = Fixtures.Email();
        var first = await SignUpAsync(new { email, topics = new Dictionary<string, string[]> { ["meetings"] = ["email"] } });
        var confirmation = await notifications.Smtp.NextToAsync(email, Fixtures.Patience);
        await notifications.Client().PostAsync(ConfirmPath(confirmation), null);

        var again = await SignUpAsync(new { email, topics = new Dictionary<string, string[]> { ["grants"] = ["email"] } });

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal((await first.Content.ReadAsStringAsync()).Length, (await again.Content.ReadAsStringAsync()).Length);
        var manage = await notifications.Smtp.NextToAsync(email, Fixtures.Patience);
        Assert.Contains($"{Base}/alerts/manage?token=", manage.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await notifications.Client().GetAsync(ManagePath(manage))).StatusCode);
        Assert.Equal(1, await notifications.QueryAsync(db => db.Subscribers.CountAsync(s => s.Email == email)));
        Assert.Equal([Topics.Meetings], (await notifications.SubscriberByEmailAsync(email))!.Topics);
    }

    [Fact]
    public async Task A_subscriber_exports_changes_and_erases_their_own_data_through_the_manage_link()
    {
        var email = Fixtures.Email();
        await SignUpAsync(new { email, topics = new Dictionary<string, string[]> { ["meetings"] = ["email"] }, areas = new[] { "Bolsover" } });
        var confirmation = await notifications.Smtp.NextToAsync(email, Fixtures.Patience);
        await notifications.Client().PostAsync(ConfirmPath(confirmation), null);
        await notifications.PublishAsync(Fixtures.Agenda());
        var notice = await notifications.Smtp.NextToAsync(email, Fixtures.Patience);
        var manage = ManagePath(notice);

        var exported = await notifications.Client().GetAsync(manage);
        Assert.True(exported.IsSuccessStatusCode, await exported.Content.ReadAsStringAsync());
        var export = await exported.JsonAsync();
        Assert.Equal(email, export.GetProperty("subscriber").GetProperty("email").GetString());
        Assert.Equal(["Bolsover"], export.GetProperty("subscriber").GetProperty("areas").EnumerateArray().Select(a => a.GetString()));
        var titles = export.GetProperty("deliveries").EnumerateArray().Select(d => d.GetProperty("noticeTitle").GetString()).ToList();
        Assert.Contains("Confirm your Derbyshire Alert subscription", titles);
        Assert.Contains(titles, t => t!.StartsWith("Agenda published", StringComparison.Ordinal));

        var changed = await notifications.Client().PutAsJsonAsync(manage, new
        {
            areas = new[] { "High Peak" }, topics = new Dictionary<string, string[]> { ["rural"] = ["email"] }, frequency = "daily-digest",
        });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("daily-digest", (await changed.JsonAsync()).GetProperty("frequency").GetString());
        var refused = await notifications.Client().PutAsJsonAsync(manage, new { topics = new Dictionary<string, string[]> { ["rural"] = ["sms"] } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode); // no mobile was given

        var id = export.GetProperty("subscriber").GetProperty("id").GetGuid();
        var erased = await notifications.Client().DeleteAsync(manage);
        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        Assert.Null(await notifications.SubscriberByEmailAsync(email));
        var confirmationNotices = await notifications.QueryAsync(db => db.Notices.Where(n => n.PersonId == id).ToListAsync());
        Assert.NotEmpty(confirmationNotices);
        Assert.All(confirmationNotices, n => Assert.DoesNotContain("token=", n.Text, StringComparison.Ordinal));
        // The ledger keeps its rows (the monthly counts), with nothing left to say who they were.
        Assert.NotEmpty(await notifications.DeliveriesAsync(id));
        Assert.Equal(HttpStatusCode.NotFound, (await notifications.Client().GetAsync(manage)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await notifications.Client(Roles.AlertsCoordinator).GetAsync($"/api/notifications/subscribers/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_mailbox_that_does_not_exist_fails_at_once_and_suspends_the_email_channel()
    {
        var email = Fixtures.Email("nobody");
        notifications.Smtp.Rejected[email] = true;
        var subscriber = await Fixtures.ConfirmedSubscriberAsync(notifications, email, null, Fixtures.Topics(Channel.Email, Topics.Meetings));

        await notifications.PublishAsync(Fixtures.Agenda());

        // The ledger row and the subscriber are written one after the other: wait for both.
        await Eventually(async () => (await notifications.DeliveriesAsync(subscriber.Id)).Any(d => d.Status == DeliveryStatus.Failed) &&
                                     (await notifications.SubscriberByEmailAsync(email))!.LastFailure is not null, "the delivery to fail");
        var delivery = Assert.Single(await notifications.DeliveriesAsync(subscriber.Id));
        Assert.Equal(1, delivery.Attempts);
        Assert.Equal(550, delivery.LastStatusCode);
        var suspended = await notifications.SubscriberByEmailAsync(email);
        Assert.Equal(ChannelState.Suspended, suspended!.EmailState);
        Assert.StartsWith("email: SMTP 550", suspended.LastFailure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mail_server_that_says_try_again_later_is_retried_until_it_takes_the_email_once()
    {
        var email = Fixtures.Email("retry");
        var subscriber = await Fixtures.ConfirmedSubscriberAsync(notifications, email, null, Fixtures.Topics(Channel.Email, Topics.Meetings));
        notifications.Smtp.FailNext(email, 2);

        await notifications.PublishAsync(Fixtures.Agenda());

        var arrived = await notifications.Smtp.NextToAsync(email, Fixtures.Patience);
        Assert.StartsWith("Agenda published", arrived.Message.Subject, StringComparison.Ordinal);
        await Eventually(async () => (await notifications.DeliveriesAsync(subscriber.Id)).Any(d => d.Status == DeliveryStatus.Sent), "the ledger to show it sent");
        var delivery = Assert.Single(await notifications.DeliveriesAsync(subscriber.Id));
        Assert.Equal(3, delivery.Attempts);
        Assert.Equal(ChannelState.Active, (await notifications.SubscriberByEmailAsync(email))!.EmailState);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(notifications.Smtp.To(email));
    }

    [Fact]
    public async Task A_text_to_a_number_Notify_refuses_suspends_the_channel_and_a_receipt_confirms_delivery()
    {
        var good = Fixtures.Mobile();
        var bad = Fixtures.Mobile();
        notifications.Notify.Invalid[bad] = true;
        var goodSubscriber = await Fixtures.ConfirmedSubscriberAsync(notifications, null, good, Fixtures.Topics(Channel.Sms, Topics.Meetings));
        var badSubscriber = await Fixtures.ConfirmedSubscriberAsync(notifications, null, bad, Fixtures.Topics(Channel.Sms, Topics.Meetings));

        await notifications.PublishAsync(Fixtures.Meeting());

        await Eventually(async () => (await notifications.DeliveriesAsync(goodSubscriber.Id)).Any(d => d.Status == DeliveryStatus.Sent) &&
                                     (await notifications.DeliveriesAsync(badSubscriber.Id)).Any(d => d.Status == DeliveryStatus.Failed), "the texts");
        var text = Assert.Single(notifications.Notify.Texts, t => t.PhoneNumber == good);
        Assert.StartsWith("Derbyshire Police and Crime Panel: Police and Crime Panel on Thursday 26 January 2023", text.Body, StringComparison.Ordinal);
        Assert.Contains("Stop texts: http://localhost:5080/alerts/unsubscribe?token=", text.Body, StringComparison.Ordinal);
        var sent = Assert.Single(await notifications.DeliveriesAsync(goodSubscriber.Id));
        Assert.Equal(text.Id, sent.ProviderId);
        Assert.Equal(sent.Id.ToString(), text.Reference);
        // The channel is suspended just after the failed delivery is recorded, in a transaction of its own.
        await Eventually(async () => (await notifications.QueryAsync(db => db.Subscribers.SingleAsync(s => s.Id == badSubscriber.Id))).MobileState == ChannelState.Suspended,
            "the bad number's channel suspended");

        var receipt = new { id = text.Id, reference = text.Reference, to = good, status = "delivered" };
        var unsigned = await notifications.Client().PostAsJsonAsync("/api/notifications/providers/notify/receipts", receipt);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        var client = notifications.Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer", NotificationsService.CallbackToken);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/notifications/providers/notify/receipts", receipt)).StatusCode);
        Assert.Equal(DeliveryStatus.Delivered, Assert.Single(await notifications.DeliveriesAsync(goodSubscriber.Id)).Status);
    }

    [Fact]
    public async Task The_choices_a_form_offers_are_exactly_what_sign_up_takes()
    {
        var response = await notifications.Client().GetAsync("/api/notifications/choices");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var choices = await response.JsonAsync();
        var areas = choices.GetProperty("areas").EnumerateArray().Select(a => a.GetString()!).ToList();
        var groups = choices.GetProperty("groups").EnumerateArray().ToList();
        var topics = choices.GetProperty("topics").EnumerateArray().ToList();
        Assert.Equal(Areas.All, areas);
        Assert.Contains(groups, g => (g.GetProperty("slug").GetString(), g.GetProperty("name").GetString()) == ("farm-watch", "Farm Watch"));
        Assert.Equal(Groups.Schemes.Order(StringComparer.Ordinal), groups.Select(g => g.GetProperty("slug").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(Topics.All.Order(StringComparer.Ordinal), topics.Select(t => t.GetProperty("slug").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(topics, t => Assert.False(string.IsNullOrWhiteSpace(t.GetProperty("name").GetString())));
        Assert.Equal(["email", "sms"], choices.GetProperty("channels").EnumerateArray().Select(c => c.GetProperty("slug").GetString()));
        Assert.Equal(["immediate", "daily-digest"], choices.GetProperty("frequencies").EnumerateArray().Select(c => c.GetProperty("slug").GetString()));
        Assert.Equal("neighbourhood-watch/", choices.GetProperty("neighbourhoodWatchPrefix").GetString());

        // Everything offered is accepted, together.
        var signedUp = await SignUpAsync(new
        {
            email = Fixtures.Email(), mobile = Fixtures.Mobile(), areas, frequency = "daily-digest",
            groups = groups.Select(g => g.GetProperty("slug").GetString()).Append("neighbourhood-watch/wirksworth-road").ToArray(),
            topics = topics.ToDictionary(t => t.GetProperty("slug").GetString()!, _ => new[] { "email", "sms" }),
        });
        Assert.Equal(HttpStatusCode.Accepted, signedUp.StatusCode);
    }

    [Theory]
    [InlineData("""{"topics":{"meetings":["email"]}}""", "email")]
    [InlineData("""{"email":"not-an-address","topics":{"meetings":["email"]}}""", "email")]
    [InlineData("""{"mobile":"01629 580000","topics":{"meetings":["sms"]}}""", "mobile")]
    [InlineData("""{"email":"a@example.org","topics":{}}""", "topics")]
    [InlineData("""{"email":"a@example.org","topics":{"parking":["email"]}}""", "topics")]
    [InlineData("""{"email":"a@example.org","topics":{"meetings":["sms"]}}""", "topics")]
    [InlineData("""{"email":"a@example.org","topics":{"meetings":["pigeon"]}}""", "topics")]
    [InlineData("""{"email":"a@example.org","topics":{"meetings":["email"]},"areas":["Gotham"]}""", "areas")]
    [InlineData("""{"email":"a@example.org","topics":{"meetings":["email"]},"wards":["Long Eaton"]}""", "wards")]
    [InlineData("""{"email":"a@example.org","topics":{"meetings":["email"]},"groups":["book-club"]}""", "groups")]
    [InlineData("""{"webhookUrl":"http://hooks.example.org/","topics":{"meetings":["webhook"]}}""", "webhookUrl")]
    [InlineData("""{"email":"a@example.org","topics":{"meetings":["email"]},"frequency":"hourly"}""", "frequency")]
    public async Task Bad_sign_ups_are_a_400_naming_the_field_and_store_nothing(string body, string field)
    {
        var before = await notifications.QueryAsync(db => db.Subscribers.CountAsync());

        var response = await notifications.Client().PostAsync("/api/notifications/subscribers",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.True(problem.GetProperty("errors").EnumerateObject().Any(e => e.Name.Equals(field, StringComparison.OrdinalIgnoreCase) ||
            e.Name.StartsWith(field, StringComparison.OrdinalIgnoreCase) || e.Name.Contains(field, StringComparison.OrdinalIgnoreCase)), problem.ToString());
        Assert.Equal(before, await notifications.QueryAsync(db => db.Subscribers.CountAsync()));
    }

    private static Task Eventually(Func<bool> condition, string what) =>
        TestInfrastructure.Eventually.Until(() => Task.FromResult(condition()), Fixtures.Patience, what);

    private static Task Eventually(Func<Task<bool>> condition, string what) =>
        TestInfrastructure.Eventually.Until(condition, Fixtures.Patience, what);
}
