namespace PanelPlatform.ServiceDefaults.Messaging;

/// <summary><c>Messaging:Outbox</c> configuration.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Messaging:Outbox";

    public int BatchSize { get; set; } = 200;

    /// <summary>How often to look for rows when nobody signalled (rows written by another replica, or missed signals).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromMilliseconds(250);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Must outlast any redelivery: a message seen again after its inbox row is swept would run twice.</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);
    public TimeSpan MetricsInterval { get; set; } = TimeSpan.FromSeconds(5);
}
