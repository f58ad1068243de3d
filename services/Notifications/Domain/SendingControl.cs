namespace PanelPlatform.Notifications.Domain;

/// <summary>
/// The admin's "stop all sending" switch (one row). Paused channels' deliveries stay queued in the ledger and go out,
/// in order, when sending resumes; nothing is dropped.
/// </summary>
public sealed class SendingControl
{
    public const int SingletonId = 1;

    private SendingControl()
    {
    }

    public int Id { get; private set; } = SingletonId;
    public Channel[] PausedChannels { get; private set; } = [];
    public DateTimeOffset? ChangedAt { get; private set; }
    public string? ChangedBy { get; private set; }
    public string? Reason { get; private set; }

    public static SendingControl Initial() => new();

    public void Pause(IReadOnlyCollection<Channel> channels, string by, string? reason, DateTimeOffset now)
    {
        PausedChannels = PausedChannels.Union(channels.Count == 0 ? ChannelTokens.All : channels).Order().ToArray();
        Changed(by, reason, now);
    }

    public void Resume(IReadOnlyCollection<Channel> channels, string by, DateTimeOffset now)
    {
        PausedChannels = channels.Count == 0 ? [] : PausedChannels.Except(channels).Order().ToArray();
        Changed(by, null, now);
    }

    private void Changed(string by, string? reason, DateTimeOffset now)
    {
        ChangedAt = now;
        ChangedBy = by;
        Reason = reason;
    }
}

/// <summary>A member joined (+1) or left (-1): kept without personal data so monthly member counts survive erasure.</summary>
public sealed class MembershipChange
{
    private MembershipChange()
    {
    }

    public long Id { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public int Delta { get; private set; }

    public static MembershipChange Of(int delta, DateTimeOffset now) => new() { Delta = delta, OccurredAt = now };
}
