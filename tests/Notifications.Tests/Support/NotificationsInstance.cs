using MassTransit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PanelPlatform.Notifications.Alerts;
using PanelPlatform.Notifications.Channels;
using PanelPlatform.Notifications.Data;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Notifications.Tests;

/// <summary>
/// One running copy of the Notifications service in the test process: its database, broker settings and clock are
/// the caller's, so two copies given the same ones are replicas (same queues, competing consumers, one database).
/// </summary>
public sealed class NotificationsInstance : IAsyncDisposable
{
    private readonly PlatformInfrastructure _infrastructure;
    private readonly ServiceFactory<NotificationsApi> _base;
    private readonly ConnectHandle _receives;

    private NotificationsInstance(PlatformInfrastructure infrastructure, ServiceFactory<NotificationsApi> serviceBase,
        WebApplicationFactory<NotificationsApi> factory, ReceiveLog log)
    {
        _infrastructure = infrastructure;
        _base = serviceBase;
        Factory = factory;
        Receives = log;
        _receives = factory.Services.GetRequiredService<IBusControl>().ConnectReceiveObserver(log);
    }

    public WebApplicationFactory<NotificationsApi> Factory { get; }
    public IServiceProvider Services => Factory.Services;

    /// <summary>The messages this copy's receive endpoints have finished with.</summary>
    public ReceiveLog Receives { get; }

    public static async Task<NotificationsInstance> StartAsync(
        PlatformInfrastructure infrastructure, string database, IReadOnlyDictionary<string, string?> settings, TimeProvider time,
        Action<IServiceCollection>? services = null)
    {
        var serviceBase = new ServiceFactory<NotificationsApi>(infrastructure, NotificationsApi.ServiceName, database, settings);
        var factory = serviceBase.WithWebHostBuilder(web => web.ConfigureTestServices(s =>
        {
            s.AddSingleton(time);
            services?.Invoke(s);
        }));
        factory.StartServer();
        var instance = new NotificationsInstance(infrastructure, serviceBase, factory, new ReceiveLog());
        await factory.Services.WaitForBusAsync();
        return instance;
    }

    /// <summary>
    /// A client whose requests carry a development token for <paramref name="roles"/> (none: the public). The tokens
    /// last days, not hours, so that they stay valid for a service whose clock a test has moved on.
    /// </summary>
    public HttpClient Client(params string[] roles)
    {
        var client = Factory.CreateClient();
        if (roles.Length > 0)
        {
            var subject = $"test-{string.Join('-', roles)}";
            client.DefaultRequestHeaders.Authorization = new("Bearer",
                DevelopmentTokens.Mint(_infrastructure.SigningKey, roles, subject, lifetime: TimeSpan.FromDays(3)));
        }

        return client;
    }

    public async Task<T> QueryAsync<T>(Func<NotificationsDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<NotificationsDbContext>());
    }

    /// <summary>Runs one tick of the daily digest job; false if another copy held the job's lock.</summary>
    public Task<bool> TickDigestAsync() => Services.GetRequiredService<DigestJob>().TickAsync(CancellationToken.None);

    /// <summary>Runs one tick of the alert scheduler; false if another copy held the job's lock.</summary>
    public Task<bool> TickAlertSchedulerAsync() => Services.GetRequiredService<AlertScheduler>().TickAsync(CancellationToken.None);

    /// <summary>
    /// Forgets that this service's consumers have seen <paramref name="messageId"/>, as the inbox sweep does with old
    /// rows: a copy of the message that arrives after that is consumed again, and only the ledger's keys stand between
    /// it and a second send.
    /// </summary>
    public Task<int> ForgetInboxAsync(Guid messageId) =>
        QueryAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM inbox_message WHERE message_id = {messageId}"));

    /// <summary>How many <c>AlertIssued</c> events this copy's outbox holds for the alert (sent or not): once issued, one.</summary>
    public Task<int> AlertIssuedEventsAsync(Guid alertId) =>
        QueryAsync(db => db.Database
            .SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM outbox_message WHERE message_type LIKE 'PanelPlatform.Contracts.Notifications.AlertIssued,%' AND body->>'alertId' = {alertId.ToString()}")
            .SingleAsync());

    /// <summary>
    /// Runs <paramref name="tick"/> until it has run (a false means another tick, this copy's own timer or a replica's,
    /// held the job's lock at that moment).
    /// </summary>
    public static async Task TickUntilItRunsAsync(Func<Task<bool>> tick)
    {
        var deadline = DateTimeOffset.UtcNow + Fixtures.Patience;
        while (!await tick())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "The job's lock stayed taken.");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _receives.Disconnect();
        await Factory.DisposeAsync();
        await _base.DisposeAsync();
    }
}
