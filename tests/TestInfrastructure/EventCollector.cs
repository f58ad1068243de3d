using MassTransit;
using PanelPlatform.ServiceDefaults.Messaging;

namespace PanelPlatform.TestInfrastructure;

/// <summary>
/// A plain MassTransit receive endpoint on the real broker, with no inbox: it sees every copy the broker delivers
/// (so a test can count duplicates the inbox would hide), in arrival order. <paramref name="accept"/> keeps one
/// test's messages apart from others' on the shared broker.
/// </summary>
public sealed class EventCollector<T> : IAsyncDisposable where T : class
{
    private readonly IBusControl _bus;
    private readonly List<(Guid MessageId, T Message)> _received;
    private readonly Deliveries _deliveries;

    private EventCollector(IBusControl bus, List<(Guid, T)> received, Deliveries deliveries, string queueName)
    {
        _bus = bus;
        _received = received;
        _deliveries = deliveries;
        QueueName = queueName;
    }

    /// <summary>The collector's own queue: commands sent here arrive too.</summary>
    public string QueueName { get; }

    public IReadOnlyList<(Guid MessageId, T Message)> Received
    {
        get
        {
            lock (_received)
            {
                return _received.ToList();
            }
        }
    }

    /// <param name="durable">A durable queue outlives a broker restart; the default vanishes with the collector.</param>
    /// <param name="quorum">A quorum queue, as every service's receive endpoint is (implies durable).</param>
    /// <param name="queueName">An existing queue to read (e.g. a service's <c>_error</c> queue) instead of a new one.</param>
    /// <param name="subscribe">Bind the queue to <typeparamref name="T"/>'s exchange; false reads only what is sent to the queue.</param>
    /// <param name="from">Only messages published by the bus at this address (<c>IBus.Address</c> of one service under test).</param>
    public static Task<EventCollector<T>> StartAsync(
        PlatformInfrastructure infrastructure, Func<T, bool>? accept = null, bool durable = false, bool quorum = false, string? queueName = null,
        bool subscribe = true, Uri? from = null) =>
        StartAsync(infrastructure.RabbitMqConnectionString, accept, durable, quorum, queueName, subscribe, from);

    /// <summary>The same on any broker, e.g. the one an AppHost under test runs.</summary>
    public static async Task<EventCollector<T>> StartAsync(
        string rabbitMqConnectionString, Func<T, bool>? accept = null, bool durable = false, bool quorum = false, string? queueName = null,
        bool subscribe = true, Uri? from = null)
    {
        var received = new List<(Guid, T)>();
        queueName ??= $"test-collector-{typeof(T).Name}-{Guid.NewGuid():N}";
        var deliveries = new Deliveries(queueName);
        var broker = RabbitMqAddress.Parse(rabbitMqConnectionString);
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            broker.ConfigureHost(rabbit);
            rabbit.ReceiveEndpoint(queueName, endpoint =>
            {
                endpoint.ConfigureConsumeTopology = subscribe;
                endpoint.AutoDelete = !(durable || quorum);
                endpoint.Durable = durable || quorum;
                if (quorum)
                {
                    endpoint.SetQuorumQueue();
                }

                // One at a time, so the order recorded is the order the broker delivered.
                endpoint.ConcurrentMessageLimit = 1;
                endpoint.PrefetchCount = 200;
                endpoint.Handler<T>(context =>
                {
                    deliveries.Delivered();
                    if ((from is null || from == context.SourceAddress) && (accept?.Invoke(context.Message) ?? true))
                    {
                        lock (received)
                        {
                            received.Add((context.MessageId!.Value, context.Message));
                        }
                    }

                    return Task.CompletedTask;
                });
            });
        });
        bus.ConnectReceiveEndpointObserver(deliveries);
        await bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        return new EventCollector<T>(bus, received, deliveries, queueName);
    }

    /// <summary>
    /// What the collector saw, for a failure's message: deliveries of any scope, the last one's time, and every time its
    /// endpoint became ready, faulted or stopped (a reconnect shows as a fault and a second ready).
    /// </summary>
    public string Describe() => $"collector {QueueName}: kept {Received.Count}, {_deliveries}";

    public Task WaitForAsync(int count, TimeSpan timeout) =>
        Eventually.Until(() => Task.FromResult(Received.Count >= count), timeout,
            $"{count} {typeof(T).Name} messages (have {Received.Count})");

    /// <summary>Waits <paramref name="wait"/> and says whether more than <paramref name="expected"/> arrived.</summary>
    public async Task<bool> MoreThanAsync(int expected, TimeSpan wait)
    {
        await Task.Delay(wait);
        return Received.Count > expected;
    }

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}

/// <summary>Counts deliveries and records the collector's own endpoint's events (not the bus's temporary endpoint's).</summary>
internal sealed class Deliveries(string queueName) : IReceiveEndpointObserver
{
    private readonly List<string> _events = [];
    private long _count;
    private DateTimeOffset? _last;

    public void Delivered()
    {
        Interlocked.Increment(ref _count);
        _last = DateTimeOffset.UtcNow;
    }

    public Task Ready(ReceiveEndpointReady ready) => Record(ready, "ready");

    public Task Stopping(ReceiveEndpointStopping stopping) => Record(stopping, stopping.Removed ? "stopping (removed)" : "stopping");

    public Task Completed(ReceiveEndpointCompleted completed) => Record(completed, $"completed after {completed.DeliveryCount} deliveries");

    public Task Faulted(ReceiveEndpointFaulted faulted) => Record(faulted, $"faulted: {faulted.Exception?.GetBaseException().Message}");

    public override string ToString()
    {
        lock (_events)
        {
            return $"{Interlocked.Read(ref _count)} delivered, the last at {_last:HH:mm:ss.fff}; endpoint: {string.Join(", ", _events)}";
        }
    }

    private Task Record(ReceiveEndpointEvent endpoint, string what)
    {
        if (endpoint.InputAddress.AbsolutePath.TrimEnd('/').Split('/')[^1] != queueName)
        {
            return Task.CompletedTask;
        }

        lock (_events)
        {
            _events.Add($"{what} {DateTimeOffset.UtcNow:HH:mm:ss.fff}");
        }

        return Task.CompletedTask;
    }
}
