using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Contracts.Notifications;
using PanelPlatform.Notifications.Domain;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Notifications.Tests;

/// <summary>What one reader received of one notice: the ledger's rows and the messages themselves.</summary>
public sealed record BroadcastReceived(ReceivedEmail Email, ReceivedText Text, ReceivedWebhook Webhook, JsonElement Payload, ReceivedEmail? CountyWideEmail);

/// <summary>
/// The people one broadcast test sets up, on this test's own addresses: a reader who chose email and texts for the
/// topic (in the event's area, or elsewhere for a county-wide event), a webhook subscription, a county-wide reader
/// when the event names areas — and those who must get nothing: a reader of another topic, one of another area, one
/// who never confirmed. Removed again at the end, so that later tests' events do not reach them.
/// </summary>
public sealed class EventAudience : IAsyncDisposable
{
    private readonly NotificationsService _notifications;
    private readonly List<Guid> _noticesChecked = [];
    private readonly List<Guid> _mustGetNothing = [];

    private EventAudience(NotificationsService notifications, string topic, string? area)
    {
        _notifications = notifications;
        Topic = topic;
        Area = area;
    }

    public string Topic { get; }

    /// <summary>The area the event concerns; null for a county-wide event.</summary>
    public string? Area { get; }

    public Subscriber Reader { get; private set; } = null!;
    public Subscriber? CountyWide { get; private set; }
    public Guid WebhookId { get; private set; }
    public string WebhookSecret { get; private set; } = "";
    public WebhookListener Hook { get; private set; } = null!;
    public IReadOnlyList<Guid> MustGetNothing => _mustGetNothing;

    private IEnumerable<(Guid Subscriber, Channel Channel)> Expected =>
    [
        (Reader.Id, Channel.Email), (Reader.Id, Channel.Sms), (WebhookId, Channel.Webhook),
        .. CountyWide is null ? [] : new[] { (CountyWide.Id, Channel.Email) },
    ];

    public static async Task<EventAudience> CreateAsync(NotificationsService notifications, string topic, string? area = null)
    {
        var audience = new EventAudience(notifications, topic, area);
        var readerArea = area ?? "Bolsover";
        var otherTopic = topic == Topics.Meetings ? Topics.Questions : Topics.Meetings;
        audience.Reader = await Fixtures.ConfirmedSubscriberAsync(notifications, Fixtures.Email("reader"), Fixtures.Mobile(),
            new Dictionary<string, Channel[]> { [topic] = [Channel.Email, Channel.Sms] }, areas: [readerArea]);
        audience.Hook = await WebhookListener.StartAsync();
        var registered = await notifications.Client().PostAsJsonAsync("/api/notifications/subscriptions",
            new { url = audience.Hook.Url, topics = new[] { topic }, areas = area is null ? Array.Empty<string>() : [area] });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var body = await registered.JsonAsync();
        audience.WebhookId = body.GetProperty("id").GetGuid();
        audience.WebhookSecret = body.GetProperty("secret").GetString()!;
        if (area is not null)
        {
            audience.CountyWide = await Fixtures.ConfirmedSubscriberAsync(notifications, Fixtures.Email("county-wide"), null,
                Fixtures.Topics(Channel.Email, topic));
            var elsewhere = area == "High Peak" ? "Erewash" : "High Peak";
            audience._mustGetNothing.Add((await Fixtures.ConfirmedSubscriberAsync(notifications, Fixtures.Email("elsewhere"), Fixtures.Mobile(),
                new Dictionary<string, Channel[]> { [topic] = [Channel.Email, Channel.Sms] }, areas: [elsewhere])).Id);
        }

        audience._mustGetNothing.Add((await Fixtures.ConfirmedSubscriberAsync(notifications, Fixtures.Email("other-topic"), Fixtures.Mobile(),
            new Dictionary<string, Channel[]> { [otherTopic] = [Channel.Email, Channel.Sms] }, areas: [readerArea])).Id);
        var pending = Subscriber.Create(Fixtures.Email("unconfirmed"), null, null, [readerArea], [], [], Fixtures.Topics(Channel.Email, topic),
            Frequency.Immediate, DateTimeOffset.UtcNow);
        await notifications.QueryAsync(db =>
        {
            db.Subscribers.Add(pending);
            return db.SaveChangesAsync();
        });
        audience._mustGetNothing.Add(pending.Id);
        return audience;
    }

    /// <summary>
    /// Waits for the notice <paramref name="noticeId"/> to have gone to exactly the readers who match, one ledger row per
    /// (notice, subscriber, channel), and checks what arrived: the email (title, text, footer, unsubscribe headers),
    /// the text and the signed webhook.
    /// </summary>
    public async Task<BroadcastReceived> ReceivedAsync(Guid noticeId, string key, string title, string text)
    {
        var expected = Expected.ToHashSet();
        var mine = expected.Select(e => e.Subscriber).Concat(_mustGetNothing).ToHashSet();
        var rows = await Eventually.Until(
            async () => (await _notifications.DeliveriesOfNoticeAsync(noticeId)).Where(d => mine.Contains(d.SubscriberId!.Value)).ToList(),
            found => found!.Count >= expected.Count && found.All(Final),
            Fixtures.Patience, $"'{key}' to reach the {expected.Count} matching deliveries and each to be sent");

        Assert.Equal(expected.OrderBy(e => e.ToString()), rows.Select(r => (r.SubscriberId!.Value, r.Channel)).OrderBy(e => e.ToString()));
        Assert.All(rows, r =>
        {
            Assert.Equal(key, r.NoticeType);
            Assert.Equal(1, r.Attempts);
            Assert.Null(r.RecipientId);
        });

        var email = Assert.Single(_notifications.Smtp.To(Reader.Email!));
        Assert.Equal(Row(rows, Reader.Id, Channel.Email).Id, DeliveryIdOf(email));
        AssertEmail(email, title, text);
        ReceivedEmail? countyWide = null;
        if (CountyWide is not null)
        {
            countyWide = Assert.Single(_notifications.Smtp.To(CountyWide.Email!));
            Assert.Equal(Row(rows, CountyWide.Id, Channel.Email).Id, DeliveryIdOf(countyWide));
            AssertEmail(countyWide, title, text);
        }

        var sms = Assert.Single(_notifications.Notify.Texts, t => t.PhoneNumber == Reader.Mobile);
        Assert.Equal(Row(rows, Reader.Id, Channel.Sms).Id.ToString(), sms.Reference);
        AssertText(sms.Body, title, text);

        var webhook = Assert.Single(Hook.All);
        Assert.Equal(Row(rows, WebhookId, Channel.Webhook).Id.ToString(), webhook.Id);
        webhook.Verify(WebhookSecret);
        var payload = JsonDocument.Parse(webhook.Body).RootElement;
        Assert.Equal(key, payload.GetProperty("type").GetString());
        Assert.Equal(noticeId, payload.GetProperty("id").GetGuid());

        _noticesChecked.Add(noticeId);
        return new BroadcastReceived(email, sms, webhook, payload.GetProperty("data"), countyWide);
    }

    /// <summary>After the event came again: the ledger has the same rows, and nobody got any message twice.</summary>
    public async Task AssertNothingSentTwiceAsync()
    {
        foreach (var noticeId in _noticesChecked)
        {
            var rows = (await _notifications.DeliveriesOfNoticeAsync(noticeId)).Where(d => Expected.Any(e => e.Subscriber == d.SubscriberId)).ToList();
            Assert.Equal(Expected.Count(), rows.Count);
            Assert.All(rows, r => Assert.True(Final(r), $"{r.Channel} row {r.Id} is {r.Status}"));
        }

        Assert.Equal(_noticesChecked.Count, _notifications.Smtp.To(Reader.Email!).Count);
        Assert.Equal(_noticesChecked.Count, _notifications.Notify.Texts.Count(t => t.PhoneNumber == Reader.Mobile));
        Assert.Equal(_noticesChecked.Count, Hook.All.Count);
        if (CountyWide is not null)
        {
            Assert.Equal(_noticesChecked.Count, _notifications.Smtp.To(CountyWide.Email!).Count);
        }

        await AssertOthersGotNothingAsync();
    }

    public async Task AssertOthersGotNothingAsync()
    {
        var others = _mustGetNothing.ToHashSet();
        var rows = await _notifications.QueryAsync(db => db.Deliveries.AsNoTracking().Where(d => others.Contains(d.SubscriberId!.Value)).ToListAsync());
        Assert.Empty(rows);
    }

    public static void AssertEmail(ReceivedEmail email, string title, string text)
    {
        Assert.Equal(title, email.Message.Subject);
        Assert.StartsWith(text + "\n\n--\n", email.Text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.StartsWith("<http://localhost:5080/api/notifications/unsubscribe?token=", email.Message.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", email.Message.Headers["List-Unsubscribe-Post"]);
    }

    /// <summary>A text is the title and the text, cut to fit four fragments, then the link that stops texts.</summary>
    public static void AssertText(string body, string title, string text)
    {
        var words = $"{title}: {text}";
        Assert.StartsWith(words[..Math.Min(words.Length, 160)], body, StringComparison.Ordinal);
        Assert.Contains("\nStop texts: http://localhost:5080/alerts/unsubscribe?token=", body, StringComparison.Ordinal);
        Assert.True(body.Length <= Channels.SmsSender.MaxLength, $"A text of {body.Length} characters");
    }

    /// <summary>The ledger row an email came from (its Message-ID is made from the delivery id).</summary>
    public static Guid DeliveryIdOf(ReceivedEmail email) => Guid.ParseExact((email.Message.MessageId ?? "").Split('@')[0], "N");

    public static bool Final(Delivery row) => row.Channel == Channel.Webhook ? row.Status == DeliveryStatus.Delivered : row.Status == DeliveryStatus.Sent;

    private static Delivery Row(List<Delivery> rows, Guid subscriberId, Channel channel) =>
        Assert.Single(rows, r => r.SubscriberId == subscriberId && r.Channel == channel);

    public async ValueTask DisposeAsync()
    {
        await Hook.DisposeAsync();
        var ids = Expected.Select(e => e.Subscriber).Concat(_mustGetNothing).Distinct().ToList();
        await _notifications.QueryAsync(db => db.Subscribers.Where(s => ids.Contains(s.Id)).ExecuteDeleteAsync());
    }
}

/// <summary>One person another service registered with Notifications (an asker, an applicant, a complainant, a caseworker).</summary>
public sealed class EventRecipient
{
    private readonly NotificationsService _notifications;
    private readonly List<Guid> _noticesChecked = [];

    private EventRecipient(NotificationsService notifications, Guid id, string name, string? email, string? mobile)
    {
        _notifications = notifications;
        Id = id;
        Name = name;
        Email = email;
        Mobile = mobile;
    }

    public Guid Id { get; }
    public string Name { get; }
    public string? Email { get; }
    public string? Mobile { get; }

    /// <summary>Sends <c>RegisterRecipient</c> to the service's queue, as Questions, Grants and Casework do; waits for it unless told not to.</summary>
    public static async Task<EventRecipient> RegisterAsync(NotificationsService notifications, string name, string? email, string? mobile, bool wait = true)
    {
        var recipient = new EventRecipient(notifications, Guid.NewGuid(), name, email, mobile);
        await notifications.SendCommandAsync(new RegisterRecipient(recipient.Id, name, email, mobile, DateTimeOffset.UtcNow),
            NotificationQueues.RegisterRecipient, Guid.NewGuid());
        if (wait)
        {
            await Eventually.Until(() => notifications.QueryAsync(db => db.Recipients.AnyAsync(r => r.Id == recipient.Id)),
                Fixtures.Patience, $"recipient {name} to be registered");
        }

        return recipient;
    }

    /// <summary>
    /// Waits for the personal notice <paramref name="noticeId"/>: one ledger row, to this person alone, on
    /// <paramref name="channel"/>; checks the message that arrived. Returns its text body.
    /// </summary>
    public async Task<string> ReceivedAsync(Guid noticeId, string key, Channel channel, string title, string text)
    {
        var row = await Eventually.Until(
            async () => (await _notifications.DeliveriesOfNoticeAsync(noticeId)).SingleOrDefault(),
            found => found is not null && EventAudience.Final(found), Fixtures.Patience, $"'{key}' to be sent to {Name}");
        var rows = await _notifications.DeliveriesOfNoticeAsync(noticeId);
        Assert.Single(rows); // the one person the event concerns, and no one else
        Assert.Equal(Id, row.RecipientId);
        Assert.Null(row.SubscriberId);
        Assert.Equal(channel, row.Channel);
        Assert.Equal(key, row.NoticeType);
        Assert.Equal(1, row.Attempts);
        _noticesChecked.Add(noticeId);

        if (channel == Channel.Email)
        {
            var email = Assert.Single(_notifications.Smtp.To(Email!), e => EventAudience.DeliveryIdOf(e) == row.Id);
            EventAudience.AssertEmail(email, title, text);
            Assert.Contains("\n--\nSent by the Office of the Police and Crime Commissioner for Derbyshire. Stop emails like this: http://localhost:5080/alerts/unsubscribe?token=",
                email.Text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
            Assert.DoesNotContain(_notifications.Notify.Texts, t => t.PhoneNumber == Mobile); // the first channel they can be reached on, only
            return email.Text;
        }

        var sms = Assert.Single(_notifications.Notify.Texts, t => t.Reference == row.Id.ToString());
        Assert.Equal(Mobile, sms.PhoneNumber);
        EventAudience.AssertText(sms.Body, title, text);
        return sms.Body;
    }

    /// <summary>After the event came again: still one row and one message per notice.</summary>
    public async Task AssertNothingSentTwiceAsync()
    {
        foreach (var noticeId in _noticesChecked)
        {
            var row = Assert.Single(await _notifications.DeliveriesOfNoticeAsync(noticeId));
            Assert.True(EventAudience.Final(row), $"row {row.Id} is {row.Status}");
        }

        var received = (Email is null ? 0 : _notifications.Smtp.To(Email).Count) + _notifications.Notify.Texts.Count(t => t.PhoneNumber == Mobile);
        Assert.Equal(_noticesChecked.Count, received);
    }

    /// <summary>This person has had nothing at all: no ledger row, no email, no text.</summary>
    public async Task AssertGotNothingAsync()
    {
        Assert.Empty(await _notifications.QueryAsync(db => db.Deliveries.AsNoTracking().Where(d => d.RecipientId == Id).ToListAsync()));
        Assert.Empty(Email is null ? [] : _notifications.Smtp.To(Email));
        Assert.DoesNotContain(_notifications.Notify.Texts, t => t.PhoneNumber == Mobile);
    }
}
