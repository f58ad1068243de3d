using MassTransit;
using PanelPlatform.ServiceDefaults.Messaging;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Casework.Tests;

/// <summary>
/// Receives the commands the service sends to one of Notifications' queues, standing in for Notifications: its own
/// queue bound to the exchange the outbox sends to, so every collector sees every command (and the mandatory send
/// finds a route, as it would with Notifications running).
/// </summary>
public sealed class CommandCollector<T> : IAsyncDisposable where T : class
{
    private readonly IBusControl _bus;
    private readonly List<T> _received;

    private CommandCollector(IBusControl bus, List<T> received)
    {
        _bus = bus;
        _received = received;
    }

    public IReadOnlyList<T> Received
    {
        get
        {
            lock (_received)
            {
                return _received.ToList();
            }
        }
    }

    public static async Task<CommandCollector<T>> StartAsync(PlatformInfrastructure infrastructure, string exchange)
    {
        var received = new List<T>();
        var broker = RabbitMqAddress.Parse(infrastructure.RabbitMqConnectionString);
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            broker.ConfigureHost(rabbit);
            rabbit.ReceiveEndpoint($"test-{exchange}-{Guid.NewGuid():N}", endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                endpoint.ConfigureConsumeTopology = false;
                endpoint.Bind(exchange);
                endpoint.Handler<T>(context =>
                {
                    lock (received)
                    {
                        received.Add(context.Message);
                    }

                    return Task.CompletedTask;
                });
            });
        });
        await bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        return new CommandCollector<T>(bus, received);
    }

    public Task<T> WaitForAsync(Func<T, bool> match, TimeSpan? timeout = null) =>
        Eventually.Until(() => Task.FromResult(Received.FirstOrDefault(match)), found => found is not null,
            timeout ?? TimeSpan.FromSeconds(20), $"a {typeof(T).Name} command");

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
