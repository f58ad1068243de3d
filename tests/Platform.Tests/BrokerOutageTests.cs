using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Platform.Tests;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrokerOutage
{
    /// <summary>Stops the platform's broker: runs alone, after the other tests.</summary>
    public const string Name = "platform broker outage";
}

[Collection(BrokerOutage.Name)]
public sealed class BrokerOutageTests(PlatformApp platform)
{
    [Fact]
    public async Task With_the_broker_stopped_scheduling_still_succeeds_and_the_notification_arrives_once_after_it_returns()
    {
        await using var listener = await WebhookListener.StartAsync();
        var secret = await EndToEndTests.SubscribeAsync(platform.Client(), listener.Url);
        var title = $"Police and Crime Panel (broker outage) {Guid.NewGuid():N}";

        await platform.StopAsync(platform.BrokerResource);
        string location;
        try
        {
            await platform.App.ResourceNotifications.WaitForResourceAsync(platform.BrokerResource, KnownResourceStates.TerminalStates);
            var created = await platform.Client(Roles.Clerk).PostAsJsonAsync("/api/meetings/meetings", EndToEndTests.Meeting(title));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            location = created.Headers.Location!.OriginalString;
            var stored = await platform.Client().GetFromJsonAsync<JsonElement>(location);
            Assert.Equal(title, stored.GetProperty("title").GetString());
            Assert.False(await listener.AnyMoreAsync(TimeSpan.FromSeconds(3)));
        }
        finally
        {
            await platform.StartAsync(platform.BrokerResource);
        }

        var webhook = await EndToEndTests.WaitForTitleAsync(listener, title, TimeSpan.FromSeconds(90));
        webhook.Verify(secret);
        Assert.False(await listener.AnyMoreAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(1, listener.All.Count(w => w.Body.Contains(title, StringComparison.Ordinal)));
    }
}
