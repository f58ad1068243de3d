using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PanelPlatform.Grants.Data;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Grants.Tests;

public sealed class ServiceStartsTests(PlatformInfrastructure infrastructure)
{
    [Fact]
    public async Task The_service_migrates_its_own_database_and_reports_healthy()
    {
        await using var factory = await ServiceFactory<GrantsApi>.StartAsync(infrastructure, GrantsApi.ServiceName);

        var health = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/health");

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("masstransit-bus").GetProperty("status").GetString());
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }
}
