using PanelPlatform.Notifications.Domain;

namespace PanelPlatform.Notifications.Channels;

/// <summary>
/// This process's view of the admin's pause switch. The ledger row is the truth (every replica's worker reads it
/// before each claim); the endpoint that flips it also sets this at once, so sends already claimed here stop at the
/// next message instead of the next batch.
/// </summary>
public sealed class SendingSwitch
{
    private volatile Channel[] _paused = [];

    public IReadOnlyList<Channel> Paused => _paused;

    public bool IsPaused(Channel channel) => Array.IndexOf(_paused, channel) >= 0;

    public void Set(IEnumerable<Channel> paused) => _paused = paused.ToArray();
}

/// <summary>Wakes the delivery worker when new ledger rows commit (or sending resumes).</summary>
public sealed class DeliverySignal : PanelPlatform.ServiceDefaults.Messaging.WorkSignal;
