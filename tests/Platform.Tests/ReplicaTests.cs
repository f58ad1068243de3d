using System.Net;
using System.Net.Http.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using PanelPlatform.Contracts.Meetings;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Platform.Tests;

/// <summary>The platform with <c>Panel:Replicas=2</c>: two of every service and of the gateway.</summary>
public sealed class ReplicatedPlatformApp : PlatformApp
{
    public override int Replicas => 2;
}

/// <summary>
/// Two of everything: the assembly's platform when it already runs two of each (<c>PANEL_TEST_REPLICAS=2</c>, as the
/// suite does), otherwise a second whole platform started for these tests alone.
/// </summary>
public sealed class ReplicatedPlatform(PlatformApp shared) : IAsyncLifetime
{
    private ReplicatedPlatformApp? _own;

    public PlatformApp App => _own ?? shared;

    public async ValueTask InitializeAsync()
    {
        if (shared.Replicas < 2)
        {
            _own = new ReplicatedPlatformApp();
            await _own.InitializeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_own is not null)
        {
            await _own.DisposeAsync();
        }
    }
}

/// <summary>Runs alone, after the tests that run in parallel: it kills an instance, and a second platform would share the two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Replicated : ICollectionFixture<ReplicatedPlatform>
{
    public const string Name = "platform with two replicas";
}

[Collection(Replicated.Name)]
public sealed class ReplicaTests(ReplicatedPlatform replicated)
{
    private readonly PlatformApp platform = replicated.App;

    private async Task<List<string>> ScheduleAsync(string prefix, int count)
    {
        var titles = Enumerable.Range(1, count).Select(n => $"{prefix} {n:000}").ToList();
        var clerk = platform.Client(Roles.Clerk);
        // A body meets once at a time: each meeting of the run gets its own morning.
        var first = new DateTimeOffset(2031, 1, 6, 10, 0, 0, TimeSpan.Zero).AddDays(Random.Shared.Next(0, 100) * 200);
        await Parallel.ForEachAsync(titles.Select((title, n) => (title, n)), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (meeting, cancellationToken) =>
        {
            var created = await clerk.PostAsJsonAsync("/api/meetings/meetings", EndToEndTests.Meeting(meeting.title, first.AddDays(meeting.n)), cancellationToken);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        });
        return titles;
    }

    private static async Task<Dictionary<string, List<ReceivedWebhook>>> WaitForAllAsync(WebhookListener listener, IReadOnlyList<string> titles, TimeSpan timeout)
    {
        Dictionary<string, List<ReceivedWebhook>> ByTitle() => titles.ToDictionary(
            t => t, t => listener.All.Where(w => w.Body.Contains($"\"{t}\"", StringComparison.Ordinal)).ToList());
        await Eventually.Until(() => Task.FromResult(ByTitle().Values.All(w => w.Count > 0)), timeout,
            $"a webhook for each of {titles.Count} meetings (have {ByTitle().Values.Count(w => w.Count > 0)})");
        return ByTitle();
    }

    [Fact]
    public async Task Two_of_everything_publish_each_event_once_and_deliver_each_notification_once()
    {
        Assert.Equal(2, (await platform.InstancesOfAsync("meetings")).Count);
        Assert.Equal(2, (await platform.InstancesOfAsync("notifications")).Count);
        var prefix = $"Replicated Panel {Guid.NewGuid():N}";
        await using var events = await EventCollector<MeetingScheduled>.StartAsync(
            (await platform.App.GetConnectionStringAsync("messaging"))!, e => e.Title.StartsWith(prefix, StringComparison.Ordinal));
        await using var listener = await WebhookListener.StartAsync();
        var secret = await EndToEndTests.SubscribeAsync(platform.Client(), listener.Url);

        var titles = await ScheduleAsync(prefix, 40);
        var received = await WaitForAllAsync(listener, titles, TimeSpan.FromSeconds(90));
        await events.WaitForAsync(titles.Count, TimeSpan.FromSeconds(30));
        // Time for any second copy from the other dispatcher or the other Notifications instance to turn up.
        await Task.Delay(TimeSpan.FromSeconds(5));

        Assert.Equal(titles.Count, events.Received.Count);
        Assert.Equal(titles.Order(), events.Received.Select(e => e.Message.Title).Order());
        Assert.Equal(titles.Count, events.Received.Select(e => e.MessageId).Distinct().Count());
        Assert.All(received, pair => Assert.Single(pair.Value));
        Assert.All(received.Values, webhooks => webhooks[0].Verify(secret));
    }

    [Fact]
    public async Task Killing_one_Notifications_instance_mid_run_loses_no_notification()
    {
        var prefix = $"Replica killed {Guid.NewGuid():N}";
        await using var listener = await WebhookListener.StartAsync();
        await EndToEndTests.SubscribeAsync(platform.Client(), listener.Url);
        var victim = (await platform.InstancesOfAsync("notifications"))[0];

        var scheduling = ScheduleAsync(prefix, 60);
        await Eventually.Until(() => Task.FromResult(listener.All.Count(w => w.Body.Contains(prefix, StringComparison.Ordinal)) >= 5),
            TimeSpan.FromSeconds(60), "the first webhooks of the run");
        await platform.KillAsync(victim);
        var titles = await scheduling;
        // What the dead instance had claimed waits out its lease (60 s) before the survivor takes it.
        var received = await WaitForAllAsync(listener, titles, TimeSpan.FromSeconds(150));

        // Each notification has one webhook id however often it was tried: a subscriber that dedupes sees each once.
        Assert.All(received.Values, webhooks => Assert.Single(webhooks.Select(w => w.Id).Distinct()));
        var repeats = received.Values.Sum(w => w.Count - 1);
        TestLog.Write($"Replicas: one of two Notifications instances killed mid-run; {titles.Count} of {titles.Count} notifications delivered, {repeats} repeated under the same webhook id");
    }
}
