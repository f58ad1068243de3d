using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PanelPlatform.ServiceDefaults.Data;
using PanelPlatform.ServiceDefaults.Messaging;

namespace PanelPlatform.ServiceDefaults.Tests.Messaging;

public sealed class UsageTelemetryTests
{
    [Fact]
    public void A_service_bus_does_not_report_usage_to_MassTransit()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:ledgerdb"] = "Host=127.0.0.1;Port=1;Database=ledger;Username=panel",
            ["ConnectionStrings:messaging"] = "amqp://guest:guest@127.0.0.1:1/",
        });
        builder.AddServiceDatabase<LedgerDbContext>("ledgerdb");
        builder.AddMessaging<LedgerDbContext>("ledger");

        using var services = builder.Services.BuildServiceProvider();

        Assert.False(services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
    }
}
