namespace PanelPlatform.Contracts.Notifications;

/// <summary>An alerts coordinator's alert went out (Derbyshire Alert-style message to an area, group or topic).</summary>
public sealed record AlertIssued(
    Guid AlertId,
    string Title,
    string Topic,
    IReadOnlyList<string> Areas,
    IReadOnlyList<string> Groups,
    int AudienceSize,
    DateTimeOffset OccurredAt);
