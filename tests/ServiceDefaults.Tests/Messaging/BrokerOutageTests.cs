using Microsoft.EntityFrameworkCore;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.ServiceDefaults.Tests.Messaging;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrokerOutage
{
    /// <summary>Tests that stop the shared broker run alone, after everything else.</summary>
    public const string Name = "broker outage";
}

[Collection(BrokerOutage.Name)]
public sealed class BrokerOutageTests(PlatformInfrastructure infrastructure)
{
    private readonly string _scope = Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task Events_committed_while_the_broker_is_down_go_out_once_when_it_returns()
    {
        await using var listener = await EventCollector<Events.EntryRecorded>.StartAsync(infrastructure, e => e.Scope == _scope, durable: true);
        await using var consumer = await LedgerService.StartAsync(infrastructure, await infrastructure.CreateDatabaseAsync("ledger"), $"c{_scope}", consumes: true);
        await using var producer = await LedgerService.StartAsync(infrastructure, await infrastructure.CreateDatabaseAsync("ledger"), $"p{_scope}");

        await infrastructure.StopBrokerAsync();
        try
        {
            await producer.RecordAsync(_scope, [1, 2, 3]);
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.Equal(3, await producer.PendingAsync());
            Assert.Equal(3, await producer.QueryAsync(db => db.Entries.CountAsync()));
        }
        finally
        {
            await infrastructure.StartBrokerAsync();
        }

        await listener.WaitForAsync(3, TimeSpan.FromSeconds(60));
        await Eventually.Until(async () => await consumer.QueryAsync(db => db.Effects.CountAsync(e => e.Scope == _scope)) == 3,
            TimeSpan.FromSeconds(60), "the consumer's three effects");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal([1L, 2L, 3L], listener.Received.Select(r => r.Message.Number).Order());
        Assert.Equal(3, await consumer.QueryAsync(db => db.Effects.CountAsync(e => e.Scope == _scope)));
        Assert.Equal(0, await producer.PendingAsync());
    }
}
