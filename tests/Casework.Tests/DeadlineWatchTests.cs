using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PanelPlatform.Casework.Data;
using PanelPlatform.Casework.Jobs;
using PanelPlatform.Contracts.Casework;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Time;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Casework.Tests;

/// <summary>
/// CaseDeadlineApproaching and CaseDeadlineBreached, from two instances of the service ticking on one database:
/// each announced exactly once per case and deadline.
/// </summary>
public sealed class DeadlineWatchTests(PlatformInfrastructure infrastructure)
{
    private static ServiceFactory<CaseworkApi> Start(PlatformInfrastructure infrastructure, string database, bool watch)
    {
        var settings = CaseworkService.BaseSettings();
        settings["Casework:Deadlines:Enabled"] = watch ? "true" : "false";
        settings["Casework:Deadlines:Interval"] = "00:00:00.100";
        var factory = new ServiceFactory<CaseworkApi>(infrastructure, CaseworkApi.ServiceName, database, settings);
        factory.StartServer();
        return factory;
    }

    [Fact]
    public async Task Two_instances_announce_each_approaching_and_breached_deadline_exactly_once()
    {
        var database = await infrastructure.CreateDatabaseAsync("casework");
        var today = UkTime.LondonDate(DateTimeOffset.UtcNow);
        DateTimeOffset WorkingDaysAgo(int days) => UkTime.FromLondon(WorkingDays.Add(today, -days), new TimeOnly(11, 0));
        await using var approaching = await EventCollector<CaseDeadlineApproaching>.StartAsync(infrastructure);
        await using var breached = await EventCollector<CaseDeadlineBreached>.StartAsync(infrastructure);

        // The cases are written by an instance that does not watch, so none is announced before it reaches its state.
        Guid ackLate, ackSoon, respondLate, respondSoon, paused, closed, onTrack;
        Guid assignee;
        await using (var writer = Start(infrastructure, database, watch: false))
        {
            await writer.Services.WaitForBusAsync();
            var service = new Writer(writer, infrastructure);
            ackLate = await service.OpenAsync(WorkingDaysAgo(10));
            ackSoon = await service.OpenAsync(WorkingDaysAgo(3));
            respondLate = await service.OpenAsync(WorkingDaysAgo(25), "acknowledged");
            respondSoon = await service.OpenAsync(WorkingDaysAgo(18), "acknowledged", "in-progress");
            paused = await service.OpenAsync(WorkingDaysAgo(25), "acknowledged", "in-progress", "awaiting-information");
            closed = await service.OpenAsync(WorkingDaysAgo(25), "acknowledged", "in-progress", "responded", "closed");
            onTrack = await service.OpenAsync(WorkingDaysAgo(1));
            assignee = await service.AssignAsync(respondSoon);
        }

        var ours = new HashSet<Guid> { ackLate, ackSoon, respondLate, respondSoon, paused, closed, onTrack };
        await using var one = Start(infrastructure, database, watch: true);
        await using var two = Start(infrastructure, database, watch: true);
        // Besides their own 100 ms ticks, both instances tick at once, repeatedly, to contend for the same work.
        var jobs = new[] { one, two }.Select(f => f.Services.GetRequiredService<DeadlineWatchJob>()).ToList();
        await Task.WhenAll(Enumerable.Range(0, 10).SelectMany(_ => jobs.Select(j => j.TickAsync(CancellationToken.None))));

        await Eventually.Until(() => Task.FromResult(
                approaching.Received.Count(e => ours.Contains(e.Message.CaseId)) >= 2 && breached.Received.Count(e => ours.Contains(e.Message.CaseId)) >= 2),
            TimeSpan.FromSeconds(30), "two approaching and two breached deadlines");
        await Task.Delay(TimeSpan.FromSeconds(3)); // dozens more ticks from each instance

        var soon = approaching.Received.Select(r => r.Message).Where(e => ours.Contains(e.CaseId)).ToList();
        var late = breached.Received.Select(r => r.Message).Where(e => ours.Contains(e.CaseId)).ToList();
        Assert.Equal([(ackSoon, "acknowledge"), (respondSoon, "respond")], soon.Select(e => (e.CaseId, e.Deadline)).Order());
        Assert.Equal([(ackLate, "acknowledge"), (respondLate, "respond")], late.Select(e => (e.CaseId, e.Deadline)).Order());
        Assert.Equal(WorkingDays.Add(today, 2), soon.Single(e => e.CaseId == ackSoon).DueOn);
        Assert.Equal(WorkingDays.Add(today, -5), late.Single(e => e.CaseId == ackLate).DueOn);
        Assert.Equal(assignee, soon.Single(e => e.CaseId == respondSoon).AssigneeRecipientId);
        Assert.Null(soon.Single(e => e.CaseId == ackSoon).AssigneeRecipientId);
        Assert.All(soon, e => Assert.Equal("correspondence", e.CaseType));

        await using var scope = one.Services.CreateAsyncScope();
        var alerts = await scope.ServiceProvider.GetRequiredService<CaseworkDbContext>().DeadlineAlerts.CountAsync();
        Assert.Equal(4, alerts);
    }

    /// <summary>Opens cases received in the past and walks them to a status, through the writer instance's API.</summary>
    private sealed class Writer(ServiceFactory<CaseworkApi> factory, PlatformInfrastructure infrastructure)
    {
        private readonly HttpClient _client = Client(factory, infrastructure);

        private static HttpClient Client(ServiceFactory<CaseworkApi> factory, PlatformInfrastructure infrastructure)
        {
            var client = factory.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", DevelopmentTokens.Mint(infrastructure.SigningKey, [Roles.Caseworker], "watcher", "Wren Watcher"));
            return client;
        }

        public async Task<Guid> OpenAsync(DateTimeOffset receivedAt, params string[] steps)
        {
            // No contact details: nothing goes to Notifications, which this test does not stand in for.
            var created = await _client.PostAsJsonAsync("/api/casework/cases", new
            {
                type = "correspondence",
                channel = "letter",
                receivedAt,
                subject = new { name = "Ray Resident" },
                summary = "Anti-social behaviour in Long Eaton",
            });
            created.EnsureSuccessStatusCode();
            var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
            foreach (var step in steps)
            {
                var moved = await _client.PostAsJsonAsync($"/api/casework/cases/{id}/transitions",
                    new { to = step, outcome = step == "closed" ? "resolved" : null });
                moved.EnsureSuccessStatusCode();
            }

            return id;
        }

        /// <summary>Assigns to a caseworker known by id only (no command to Notifications): returns the id.</summary>
        public async Task<Guid> AssignAsync(Guid caseId)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
            var caseworker = Domain.Caseworker.Register("watcher", "Wren Watcher", null, DateTimeOffset.UtcNow);
            db.Caseworkers.Add(caseworker);
            (await db.Cases.SingleAsync(c => c.Id == caseId)).Assign(caseworker.Id);
            await db.SaveChangesAsync();
            return caseworker.Id;
        }
    }
}
