using Microsoft.EntityFrameworkCore;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.ServiceDefaults.Tests.Messaging;

public sealed class ScheduledJobTests(PlatformInfrastructure infrastructure)
{
    private readonly string _scope = Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task Two_instances_ticking_together_raise_each_event_exactly_once()
    {
        const int count = 60;
        var database = await infrastructure.CreateDatabaseAsync("ledger");
        await using var listener = await EventCollector<Events.EntryRecorded>.StartAsync(infrastructure, e => e.Scope == _scope);
        var withJob = new Dictionary<string, string?> { ["Ledger:AnnounceJob"] = "true" };
        await using var writer = await LedgerService.StartAsync(infrastructure, database, $"p{_scope}");
        await writer.RecordAsync(_scope, Enumerable.Range(0, count).Select(n => (long)n), announce: false);

        await using var one = await LedgerService.StartAsync(infrastructure, database, $"p{_scope}", settings: withJob);
        await using var two = await LedgerService.StartAsync(infrastructure, database, $"p{_scope}", settings: withJob);

        await listener.WaitForAsync(count, TimeSpan.FromSeconds(60));
        Assert.False(await listener.MoreThanAsync(count, TimeSpan.FromSeconds(2)));
        Assert.Equal(count, listener.Received.Select(r => r.Message.EntryId).Distinct().Count());
        Assert.Equal(0, await one.QueryAsync(db => db.Entries.CountAsync(e => e.AnnouncedAt == null)));
    }
}
