using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PanelPlatform.Notifications.Channels;

namespace PanelPlatform.Notifications.Benchmark;

/// <summary>
/// The real Notifications service, hosted in this process on the benchmark's database and broker. Several of these are
/// replicas: same database, same broker, same endpoint names (competing consumers), each with its own delivery worker.
/// </summary>
internal sealed class BenchmarkService(int number, string database, string rabbitMq, string signingKey, Arguments options) : WebApplicationFactory<NotificationsApi>
{
    private int _accepted;

    /// <summary>1 for the first replica (the one the benchmark talks to), 2 for the next, ...</summary>
    public int Number => number;

    /// <summary>Webhook POSTs this replica sent that the sink answered with 2xx since the last <see cref="ResetCount"/>.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    public void ResetCount() => Interlocked.Exchange(ref _accepted, 0);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Counted here, in the replica's own webhook client: the ledger does not record which worker sent a row.
        builder.ConfigureServices(services => services.AddHttpClient(WebhookSender.HttpClientName)
            .AddHttpMessageHandler(() => new CountingHandler(this)));
        builder.UseEnvironment("Production");
        builder.UseContentRoot(ServiceDirectory());
        builder.UseSetting("ConnectionStrings:notificationsdb", database);
        builder.UseSetting("ConnectionStrings:messaging", rabbitMq);
        builder.UseSetting("Auth:SigningKey", signingKey);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:MassTransit", "Error");
        builder.UseSetting("Logging:LogLevel:PanelPlatform.Notifications.Channels.DeliveryWorker", "Error");
        builder.UseSetting("Messaging:Outbox:PollInterval", "00:00:00.200");
        builder.UseSetting("Messaging:Outbox:MaxBackoff", "00:00:01");
        builder.UseSetting("Notifications:Delivery:BatchSize", options.BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Notifications:Delivery:Lanes", options.Lanes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Notifications:Delivery:MaxConcurrentSends", options.Concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Notifications:Delivery:PollInterval", "00:00:00.200");
    }

    /// <summary>services/Notifications (its appsettings and notice templates), found from here up to the solution.</summary>
    private static string ServiceDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PanelPlatform.sln")))
            {
                return Path.Combine(directory.FullName, "services", "Notifications");
            }
        }

        throw new DirectoryNotFoundException("PanelPlatform.sln was not found above " + AppContext.BaseDirectory);
    }

    public async Task WaitForBusAsync()
    {
        var bus = Services.GetRequiredService<IBusControl>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (bus.CheckHealth().Status != BusHealthStatus.Healthy)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The service's bus did not become ready.");
            }

            await Task.Delay(100);
        }
    }

    private sealed class CountingHandler(BenchmarkService owner) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref owner._accepted);
            }

            return response;
        }
    }
}
