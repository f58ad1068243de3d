using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PanelPlatform.Contracts.Grants;
using PanelPlatform.Grants.Data;
using PanelPlatform.Grants.Domain;
using PanelPlatform.Grants.Tests.Support;
using PanelPlatform.ServiceDefaults.Messaging;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Grants.Tests.Http;

/// <summary>Two instances of the service on one database, as two replicas behind the gateway.</summary>
public sealed class TwoInstanceTests(PlatformInfrastructure infrastructure)
{
    [Fact]
    public async Task Fifty_awards_at_once_from_two_instances_never_overspend_a_budget_that_fits_twenty()
    {
        await using var instances = await TwoInstances.StartAsync(infrastructure);
        var one = new Api(instances.One, infrastructure);
        var two = new Api(instances.Two, infrastructure);
        var scheme = await one.CreateSchemeAsync();
        // £100,000 fits exactly twenty awards of £5,000.
        var round = (await one.CreateRoundAsync(scheme, budget: 100_000m, maximumAward: 5_000m)).GetProperty("id").GetGuid();
        var applications = new List<Guid>();
        foreach (var batch in Enumerable.Range(0, 50).Chunk(10))
        {
            applications.AddRange(await Task.WhenAll(batch.Select(async n =>
                (await (n % 2 == 0 ? one : two).AssessedApplicationAsync(round, Api.Application(organisation: $"Applicant {n:00}", amount: 5_000m))).Id)));
        }

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var officers = new[] { one.Officer, two.Officer };
        var requests = applications.Select(async (id, n) =>
        {
            await gate.Task;
            return await officers[n % 2].PostAsJsonAsync($"/api/grants/applications/{id}/award", new { amount = 5_000m });
        }).ToList();
        var clock = Stopwatch.StartNew();
        gate.SetResult();
        var responses = await Task.WhenAll(requests);
        clock.Stop();
        TestLog.Write($"Grants budget race: 50 award requests over two instances answered in {clock.ElapsedMilliseconds} ms");

        Assert.Equal(20, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        Assert.Equal(30, refused.Count);
        foreach (var response in refused)
        {
            await Problem.AssertAsync(response, HttpStatusCode.Conflict, "conflict/budget-exceeded");
        }

        await using var scope = instances.One.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        Assert.Equal(100_000m, await db.Rounds.Where(r => r.Id == round).Select(r => r.AwardedTotal).SingleAsync());
        Assert.Equal(20, await db.Awards.CountAsync(a => a.RoundId == round));
        Assert.Equal(100_000m, await db.Awards.Where(a => a.RoundId == round).SumAsync(a => a.Amount));
        Assert.Equal(20, await db.Applications.CountAsync(a => a.RoundId == round && a.Status == ApplicationStatus.Awarded));
        Assert.Equal(30, await db.Applications.CountAsync(a => a.RoundId == round && a.Status == ApplicationStatus.UnderAssessment));
        var awardedEvents = await db.Set<OutboxMessage>().CountAsync(m => m.MessageType.StartsWith(typeof(GrantAwarded).FullName!));
        Assert.Equal(20, awardedEvents);
    }

    [Fact]
    public async Task With_two_instances_ticking_each_round_is_announced_opened_closing_soon_and_closed_exactly_once()
    {
        var name = Api.Unique("Short round");
        await using var opened = await EventCollector<GrantRoundOpened>.StartAsync(infrastructure, e => e.RoundName == name);
        await using var closingSoon = await EventCollector<GrantRoundClosingSoon>.StartAsync(infrastructure, e => e.RoundName == name);
        await using var closed = await EventCollector<GrantRoundClosed>.StartAsync(infrastructure, e => e.RoundName == name);
        await using var instances = await TwoInstances.StartAsync(infrastructure);
        var one = new Api(instances.One, infrastructure);
        var scheme = await one.CreateSchemeAsync();
        var opensAt = DateTimeOffset.UtcNow.AddSeconds(3);
        var closesAt = opensAt.AddSeconds(5);
        // Less than three working days long: closing soon is due the moment it opens.
        var round = (await one.CreateRoundAsync(scheme, name: name, opensAt: opensAt, closesAt: closesAt)).GetProperty("id").GetGuid();
        var (id, token) = await one.StartAsync(round);
        Assert.Empty(opened.Received);

        await opened.WaitForAsync(1, TimeSpan.FromSeconds(15));
        await new Api(instances.Two, infrastructure).SubmitAsync(id, token);
        await closingSoon.WaitForAsync(1, TimeSpan.FromSeconds(15));
        await closed.WaitForAsync(1, TimeSpan.FromSeconds(20));
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Single(opened.Received);
        Assert.Single(closingSoon.Received);
        Assert.Single(closed.Received);
        Assert.Equal(round, opened.Received[0].Message.RoundId);
        Assert.True(opened.Received[0].Message.OccurredAt >= opensAt);
        Assert.Equal(1, closed.Received[0].Message.ApplicationsReceived);
        Assert.True(closed.Received[0].Message.OccurredAt >= closesAt);
        Assert.Empty(closingSoon.Received[0].Message.Areas);
    }
}
