using System.Text.RegularExpressions;
using MassTransit;
using PanelPlatform.ServiceDefaults.Messaging;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.ServiceDefaults.Tests.Messaging;

/// <summary>The diagnostics a stalled messaging test prints: they must tell a waiting queue from a consumer gone quiet.</summary>
public sealed class BrokerStateTests(PlatformInfrastructure infrastructure)
{
    private readonly string _scope = Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task The_broker_state_names_a_queue_holding_messages_nobody_consumes_and_one_that_does_not_exist()
    {
        // A durable queue with no binding and, once the collector stops, no consumer.
        var parked = await EventCollector<Events.EntryRecorded>.StartAsync(infrastructure, durable: true, subscribe: false);
        await parked.DisposeAsync();
        var bus = await StartPublisherAsync();
        try
        {
            // To the exchange the endpoint bound to its queue, as the outbox sends commands.
            var endpoint = await bus.GetSendEndpoint(new Uri($"exchange:{parked.QueueName}"));
            for (var n = 0; n < 3; n++)
            {
                await endpoint.Send(new Events.EntryRecorded(_scope, Guid.NewGuid(), n, false, DateTimeOffset.UtcNow), Soon());
            }
        }
        finally
        {
            await bus.StopAsync();
        }

        // The management API samples queue figures every five seconds.
        var state = "";
        await Eventually.Until(async () =>
            {
                state = await infrastructure.BrokerStateAsync(parked.QueueName);
                return state.Contains($"{parked.QueueName} ready 3 unacked 0 consumers 0", StringComparison.Ordinal);
            },
            TimeSpan.FromSeconds(30), "the parked queue's three messages in the broker state");
        Assert.Contains("alarm false", state, StringComparison.Ordinal);

        var missing = await infrastructure.BrokerStateAsync("no-such-queue");
        Assert.Contains("no-such-queue absent", missing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_collector_counts_every_delivery_and_says_when_its_endpoint_was_ready()
    {
        await using var collector = await EventCollector<Events.EntryRecorded>.StartAsync(infrastructure, e => e.Scope == _scope, durable: true, subscribe: false);
        var bus = await StartPublisherAsync();
        try
        {
            var endpoint = await bus.GetSendEndpoint(new Uri($"exchange:{collector.QueueName}"));
            await endpoint.Send(new Events.EntryRecorded(_scope, Guid.NewGuid(), 1, false, DateTimeOffset.UtcNow), Soon());
            await endpoint.Send(new Events.EntryRecorded("another test", Guid.NewGuid(), 2, false, DateTimeOffset.UtcNow), Soon());
        }
        finally
        {
            await bus.StopAsync();
        }

        await Eventually.Until(() => Task.FromResult(collector.Describe().Contains("2 delivered", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30), "both deliveries counted");
        var description = collector.Describe();
        Assert.StartsWith($"collector {collector.QueueName}: kept 1, 2 delivered", description, StringComparison.Ordinal);
        Assert.True(Regex.IsMatch(description, @"endpoint: ready \d\d:\d\d:\d\d\.\d{3}$"), description);
    }

    // A send whose declaration the broker refuses is retried until cancelled.
    private static CancellationToken Soon() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    private async Task<IBusControl> StartPublisherAsync()
    {
        var broker = RabbitMqAddress.Parse(infrastructure.RabbitMqConnectionString);
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => broker.ConfigureHost(rabbit));
        await bus.StartAsync(Soon());
        return bus;
    }
}
