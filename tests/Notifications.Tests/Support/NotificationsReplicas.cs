using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PanelPlatform.Notifications.Channels;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Notifications.Tests;

/// <summary>
/// Two instances of the Notifications service as replicas: one database, one broker, the same queue names (competing
/// consumers) and command queues, one clock, one SMTP server, and each with its own delivery worker, daily digest job
/// and alert scheduler — as <c>Panel__Replicas=2</c> runs them. Small delivery batches, so that both workers take a
/// share of a fan-out. Each counts the webhooks it sent, to show both did work.
/// </summary>
public sealed class NotificationsReplicas(PlatformInfrastructure infrastructure) : IAsyncLifetime
{
    private readonly int[] _webhooksSent = new int[2];

    public SmtpSink Smtp { get; private set; } = null!;
    public NotifyFake Notify { get; private set; } = null!;
    public MovableClock Time { get; } = new();
    public NotificationsInstance One { get; private set; } = null!;
    public NotificationsInstance Two { get; private set; } = null!;
    public IReadOnlyList<NotificationsInstance> Both => [One, Two];

    /// <summary>Webhook POSTs instance 1 and instance 2 sent that were answered 2xx.</summary>
    public (int One, int Two) WebhooksSent => (Volatile.Read(ref _webhooksSent[0]), Volatile.Read(ref _webhooksSent[1]));

    public async ValueTask InitializeAsync()
    {
        Smtp = SmtpSink.Start();
        Notify = await NotifyFake.StartAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var settings = NotificationsService.BaseSettings(Smtp, Notify, $"-replicas-{tag}");
        settings["Messaging:EndpointPrefix"] = $"{NotificationsApi.ServiceName}-replicas-{tag}";
        settings["Notifications:Delivery:BatchSize"] = "4";
        var database = await infrastructure.CreateDatabaseAsync(NotificationsApi.ServiceName);
        // One after the other, as the benchmark starts its replicas: the first migrates the database.
        One = await NotificationsInstance.StartAsync(infrastructure, database, settings, Time, s => Count(s, 0));
        Two = await NotificationsInstance.StartAsync(infrastructure, database, settings, Time, s => Count(s, 1));
    }

    private void Count(IServiceCollection services, int instance) =>
        services.AddHttpClient(WebhookSender.HttpClientName).AddHttpMessageHandler(() => new CountingHandler(_webhooksSent, instance));

    public Task<T> QueryAsync<T>(Func<Data.NotificationsDbContext, Task<T>> query) => One.QueryAsync(query);

    public Task<List<Domain.Delivery>> DeliveriesOfNoticeAsync(Guid noticeId) =>
        QueryAsync(db => db.Deliveries.AsNoTracking().Where(d => d.NoticeId == noticeId).ToListAsync());

    public async ValueTask DisposeAsync()
    {
        await Two.DisposeAsync();
        await One.DisposeAsync();
        await Smtp.DisposeAsync();
        await Notify.DisposeAsync();
    }

    private sealed class CountingHandler(int[] counts, int instance) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref counts[instance]);
            }

            return response;
        }
    }
}
