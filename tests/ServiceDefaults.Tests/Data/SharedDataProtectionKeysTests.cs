using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PanelPlatform.ServiceDefaults.Data;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.ServiceDefaults.Tests.Data;

/// <summary>Two replicas of a site starting together on an empty key ring in the real database (the web site and the identity service do this).</summary>
public sealed class SharedDataProtectionKeysTests(PlatformInfrastructure infrastructure)
{
    public sealed class KeysDb(DbContextOptions<KeysDb> options) : DbContext(options), IDataProtectionKeyContext
    {
        public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    }

    private static ServiceProvider Replica(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<KeysDb>(db => db.UseNpgsql(connectionString));
        services.AddDataProtection().SetApplicationName("panel-platform-test").PersistKeysToDbContext<KeysDb>();
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Replicas_starting_together_make_one_key_and_read_each_others_cookies()
    {
        var connectionString = await infrastructure.CreateDatabaseAsync("keys");
        await using var first = Replica(connectionString);
        await using var second = Replica(connectionString);
        await using (var scope = first.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<KeysDb>().Database.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        }

        await Task.WhenAll(
            first.EnsureDataProtectionKeyAsync<KeysDb>(TestContext.Current.CancellationToken),
            second.EnsureDataProtectionKeyAsync<KeysDb>(TestContext.Current.CancellationToken));

        var cookieOfFirst = first.GetDataProtector("cookie").Protect("signed in as clerk@panel.test");
        var cookieOfSecond = second.GetDataProtector("cookie").Protect("signed in as caseworker@panel.test");
        Assert.Equal("signed in as clerk@panel.test", second.GetDataProtector("cookie").Unprotect(cookieOfFirst));
        Assert.Equal("signed in as caseworker@panel.test", first.GetDataProtector("cookie").Unprotect(cookieOfSecond));

        // A replica starting later finds the key in use and makes none.
        await using var third = Replica(connectionString);
        await third.EnsureDataProtectionKeyAsync<KeysDb>(TestContext.Current.CancellationToken);
        await using var check = first.CreateAsyncScope();
        Assert.Equal(1, await check.ServiceProvider.GetRequiredService<KeysDb>().DataProtectionKeys.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal("signed in as clerk@panel.test", third.GetDataProtector("cookie").Unprotect(cookieOfFirst));
    }
}
