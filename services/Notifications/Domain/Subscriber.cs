using System.Security.Cryptography;

namespace PanelPlatform.Notifications.Domain;

public enum Frequency
{
    /// <summary>Each notice as it happens.</summary>
    Immediate,

    /// <summary>Email notices gathered into one message a day (texts and webhooks still go at once).</summary>
    DailyDigest,
}

public enum ChannelState
{
    /// <summary>Given but not yet confirmed: only the confirmation message may be sent to it.</summary>
    Pending,
    Active,
    Unsubscribed,

    /// <summary>The provider said the address is no good (bounced mailbox, not a mobile, webhook gone).</summary>
    Suspended,
}

/// <summary>
/// A member of the alert service: how to reach them (email, mobile, webhook; each confirmed separately), where and
/// what they want to hear about, and on which channel for each topic.
/// </summary>
public sealed class Subscriber
{
    private Subscriber()
    {
    }

    public Guid Id { get; private set; }
    public string? Email { get; private set; }
    public ChannelState? EmailState { get; private set; }
    public string? Mobile { get; private set; }
    public ChannelState? MobileState { get; private set; }
    public string? WebhookUrl { get; private set; }

    /// <summary><c>whsec_</c> + base64 key; shown to the subscriber once, kept to sign every delivery.</summary>
    public string? WebhookSecret { get; private set; }

    public ChannelState? WebhookState { get; private set; }

    /// <summary>Districts wanted whole; empty with <see cref="Wards"/> empty means the whole county.</summary>
    public string[] Areas { get; private set; } = [];

    /// <summary><c>Area/Ward</c> tokens.</summary>
    public string[] Wards { get; private set; } = [];

    /// <summary>The districts of <see cref="Wards"/>, so an alert to a whole district finds its wards' subscribers.</summary>
    public string[] WardAreas { get; private set; } = [];

    public string[] Groups { get; private set; } = [];
    public string[] Topics { get; private set; } = [];

    /// <summary><c>topic:channel</c> tokens (e.g. <c>crime-prevention:sms</c>): the per-topic channel choice.</summary>
    public string[] TopicChannels { get; private set; } = [];

    /// <summary>Tokens of the channels that may be sent to now (<c>email</c>, <c>sms</c>, <c>webhook</c>).</summary>
    public string[] ActiveChannels { get; private set; } = [];

    public Frequency Frequency { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? EmailConfirmedAt { get; private set; }
    public DateTimeOffset? MobileConfirmedAt { get; private set; }

    /// <summary>The last permanent failure on any channel, kept so coordinators can see why it stopped.</summary>
    public string? LastFailure { get; private set; }

    public DateTimeOffset? LastFailureAt { get; private set; }

    public bool IsMember => ActiveChannels.Length > 0;

    public static Subscriber Create(
        string? email,
        string? mobile,
        Uri? webhookUrl,
        IEnumerable<string> areas,
        IEnumerable<string> wards,
        IEnumerable<string> groups,
        IReadOnlyDictionary<string, Channel[]> topicChannels,
        Frequency frequency,
        DateTimeOffset now)
    {
        var wardList = Sorted(wards);
        var subscriber = new Subscriber
        {
            Id = Guid.CreateVersion7(now),
            Email = email,
            EmailState = email is null ? null : ChannelState.Pending,
            Mobile = mobile,
            MobileState = mobile is null ? null : ChannelState.Pending,
            WebhookUrl = webhookUrl?.ToString(),
            WebhookSecret = webhookUrl is null ? null : NewWebhookSecret(),
            // A webhook is a machine endpoint its owner registered with the secret in hand: nothing to confirm.
            WebhookState = webhookUrl is null ? null : ChannelState.Active,
            Wards = wardList,
            WardAreas = Sorted(wardList.Select(Domain.Wards.AreaOf)),
            Groups = Sorted(groups),
            Frequency = frequency,
            CreatedAt = now,
        };
        // A ward inside a district already wanted whole adds nothing.
        subscriber.Areas = Sorted(areas);
        subscriber.Wards = subscriber.Wards.Where(w => !subscriber.Areas.Contains(Domain.Wards.AreaOf(w))).ToArray();
        subscriber.WardAreas = Sorted(subscriber.Wards.Select(Domain.Wards.AreaOf));
        subscriber.Topics = Sorted(topicChannels.Keys);
        subscriber.TopicChannels = Sorted(topicChannels.SelectMany(t => t.Value.Select(c => $"{t.Key}:{c.Token()}")));
        subscriber.Recount();
        return subscriber;
    }

    public static string NewWebhookSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The subscriber changed where, what and how often (through their manage link).</summary>
    public void ChangePreferences(
        IEnumerable<string> areas, IEnumerable<string> wards, IEnumerable<string> groups,
        IReadOnlyDictionary<string, Channel[]> topicChannels, Frequency frequency)
    {
        Areas = Sorted(areas);
        Wards = Sorted(wards).Where(w => !Areas.Contains(Domain.Wards.AreaOf(w))).ToArray();
        WardAreas = Sorted(Wards.Select(Domain.Wards.AreaOf));
        Groups = Sorted(groups);
        Topics = Sorted(topicChannels.Keys);
        TopicChannels = Sorted(topicChannels.SelectMany(t => t.Value.Select(c => $"{t.Key}:{c.Token()}")));
        Frequency = frequency;
    }

    /// <summary>
    /// The address was given again at sign-up after it had stopped (unsubscribed or bounced): it must be confirmed
    /// afresh before anything but the confirmation goes to it. True when a confirmation should be sent.
    /// </summary>
    public bool NeedsConfirming(Channel channel)
    {
        var state = StateOf(channel);
        if (state is ChannelState.Unsubscribed or ChannelState.Suspended)
        {
            SetState(channel, ChannelState.Pending);
            Recount();
        }

        return StateOf(channel) == ChannelState.Pending;
    }

    /// <summary>Per-topic channel choice, as the API shows it.</summary>
    public Dictionary<string, Channel[]> ChannelsByTopic() => TopicChannels
        .Select(t => t.Split(':', 2))
        .GroupBy(t => t[0], t => ChannelTokens.All.First(c => c.Token() == t[1]), StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    public string? AddressOf(Channel channel) => channel switch
    {
        Channel.Email => Email,
        Channel.Sms => Mobile,
        Channel.Webhook => WebhookUrl,
        _ => null,
    };

    public ChannelState? StateOf(Channel channel) => channel switch
    {
        Channel.Email => EmailState,
        Channel.Sms => MobileState,
        Channel.Webhook => WebhookState,
        _ => null,
    };

    /// <summary>
    /// The person followed a confirmation link for <paramref name="channel"/>. The link names the address it was sent
    /// to; a link for an address since changed confirms nothing. Confirming twice is harmless.
    /// </summary>
    public bool Confirm(Channel channel, Func<string, bool> linkWasFor, DateTimeOffset now)
    {
        if (AddressOf(channel) is not { } address || !linkWasFor(address) || StateOf(channel) is not (ChannelState.Pending or ChannelState.Active))
        {
            return false;
        }

        switch (channel)
        {
            case Channel.Email:
                EmailState = ChannelState.Active;
                EmailConfirmedAt ??= now;
                break;
            case Channel.Sms:
                MobileState = ChannelState.Active;
                MobileConfirmedAt ??= now;
                break;
            default:
                return false;
        }

        Recount();
        return true;
    }

    /// <summary>One-click unsubscribe from one channel; the others, and the record, stay until erased.</summary>
    public void Unsubscribe(Channel channel)
    {
        SetState(channel, ChannelState.Unsubscribed);
        Recount();
    }

    /// <summary>A permanent failure: the address is no good, so nothing more is sent to it until it is given again.</summary>
    public void Suspend(Channel channel, string reason, DateTimeOffset now)
    {
        SetState(channel, ChannelState.Suspended);
        MarkFailure(reason, now);
        Recount();
    }

    /// <summary>A notice was refused for good (not the address itself): noted, the channel stays on.</summary>
    public void MarkFailure(string reason, DateTimeOffset now)
    {
        LastFailure = reason.Length <= 500 ? reason : reason[..500];
        LastFailureAt = now;
    }

    private void SetState(Channel channel, ChannelState state)
    {
        switch (channel)
        {
            case Channel.Email when EmailState is not null:
                EmailState = state;
                break;
            case Channel.Sms when MobileState is not null:
                MobileState = state;
                break;
            case Channel.Webhook when WebhookState is not null:
                WebhookState = state;
                break;
        }
    }

    private void Recount() => ActiveChannels =
    [
        .. EmailState == ChannelState.Active ? [Channel.Email.Token()] : Array.Empty<string>(),
        .. MobileState == ChannelState.Active ? [Channel.Sms.Token()] : Array.Empty<string>(),
        .. WebhookState == ChannelState.Active ? [Channel.Webhook.Token()] : Array.Empty<string>(),
    ];

    private static string[] Sorted(IEnumerable<string> values) => values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>HTTPS anywhere, or plain HTTP to this machine (development and tests).</summary>
    public static bool IsAcceptableWebhookUrl(string? url, out Uri? uri)
    {
        uri = null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || !string.IsNullOrEmpty(parsed.UserInfo))
        {
            return false;
        }

        var ok = parsed.Scheme == Uri.UriSchemeHttps || (parsed.Scheme == Uri.UriSchemeHttp && parsed.IsLoopback);
        uri = ok ? parsed : null;
        return ok;
    }
}
