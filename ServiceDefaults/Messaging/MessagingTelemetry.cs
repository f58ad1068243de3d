using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PanelPlatform.ServiceDefaults.Messaging;

/// <summary>Outbox and inbox figures for the dashboard: what is waiting, how old the oldest is, what went through.</summary>
public sealed class MessagingTelemetry : IDisposable
{
    public const string MeterName = "PanelPlatform.Messaging";
    public const string ActivitySourceName = "PanelPlatform.Messaging";

    public static readonly ActivitySource ActivitySource = new(ActivitySourceName);

    private readonly Meter _meter;
    private long _pending;
    private double _oldestPendingAgeSeconds;
    private long _dead;

    public MessagingTelemetry(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _meter.CreateObservableGauge("panel.outbox.pending", () => Interlocked.Read(ref _pending), "{message}",
            "Outbox messages not yet published");
        _meter.CreateObservableGauge("panel.outbox.oldest_pending_age", () => Volatile.Read(ref _oldestPendingAgeSeconds), "s",
            "Age of the oldest outbox message not yet published");
        _meter.CreateObservableGauge("panel.outbox.dead", () => Interlocked.Read(ref _dead), "{message}",
            "Outbox messages that can never be published (unknown type or unreadable body)");
        Published = _meter.CreateCounter<long>("panel.outbox.published", "{message}", "Outbox messages published");
        PublishFailures = _meter.CreateCounter<long>("panel.outbox.publish_failures", "{failure}", "Failed publish attempts");
        Consumed = _meter.CreateCounter<long>("panel.inbox.consumed", "{message}", "Messages consumed for the first time");
        Duplicates = _meter.CreateCounter<long>("panel.inbox.duplicates", "{message}", "Redelivered messages skipped by the inbox");
    }

    public Counter<long> Published { get; }
    public Counter<long> PublishFailures { get; }
    public Counter<long> Consumed { get; }
    public Counter<long> Duplicates { get; }

    public void ReportBacklog(long pending, TimeSpan oldestPendingAge, long dead)
    {
        Interlocked.Exchange(ref _pending, pending);
        Volatile.Write(ref _oldestPendingAgeSeconds, oldestPendingAge.TotalSeconds);
        Interlocked.Exchange(ref _dead, dead);
    }

    public void Dispose() => _meter.Dispose();
}
