using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PanelPlatform.Meetings;
using PanelPlatform.Meetings.Data;
using PanelPlatform.ServiceDefaults.Messaging;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Meetings.Tests;

/// <summary>The Meetings service on the real database and broker, one per test class.</summary>
public class MeetingsService(PlatformInfrastructure infrastructure) : IAsyncLifetime
{
    public ServiceFactory<MeetingsApi> Factory { get; private set; } = null!;
    public PlatformInfrastructure Infrastructure => infrastructure;

    /// <summary>Extra configuration for the hosted service (e.g. the seed endpoint).</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    public async ValueTask InitializeAsync() =>
        Factory = await ServiceFactory<MeetingsApi>.StartAsync(infrastructure, MeetingsApi.ServiceName, Settings);

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    public HttpClient Client(params string[] roles) => Factory.ClientFor(roles);

    public async Task<T> QueryAsync<T>(Func<MeetingsDbContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MeetingsDbContext>());
    }

    /// <summary>Rows in every table a write touches: a rejected request must leave these unchanged.</summary>
    public Task<(int Meetings, int Outbox)> CountsAsync() =>
        QueryAsync(async db => (await db.Meetings.CountAsync(), await db.Set<OutboxMessage>().CountAsync()));
}
