using System.Net;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Casework.Tests;

/// <summary>Replicas start together on a fresh database: both migrate-or-wait and both serve.</summary>
public sealed class ReplicaStartTests(PlatformInfrastructure infrastructure)
{
    [Fact]
    public async Task Two_instances_started_at_once_on_a_fresh_database_both_become_healthy()
    {
        var database = await infrastructure.CreateDatabaseAsync("casework");
        var factories = Enumerable.Range(0, 2)
            .Select(_ => new ServiceFactory<CaseworkApi>(infrastructure, CaseworkApi.ServiceName, database, CaseworkService.BaseSettings()))
            .ToList();
        try
        {
            await Task.WhenAll(factories.Select(f => Task.Run(f.StartServer)));

            foreach (var factory in factories)
            {
                var health = await factory.CreateClient().GetAsync("/health");
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            }
        }
        finally
        {
            foreach (var factory in factories)
            {
                await factory.DisposeAsync();
            }
        }
    }
}
