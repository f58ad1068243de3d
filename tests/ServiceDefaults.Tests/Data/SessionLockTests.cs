using Microsoft.EntityFrameworkCore;
using Npgsql;
using PanelPlatform.ServiceDefaults.Data;
using PanelPlatform.ServiceDefaults.Tests.Messaging;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.ServiceDefaults.Tests.Data;

/// <summary>The lock replicas take turns under at start-up (migrations, the identity service's seeding), on the real server.</summary>
public sealed class SessionLockTests(PlatformInfrastructure infrastructure)
{
    private static LedgerDbContext Context(string connectionString, int commandTimeoutSeconds = 30) =>
        new(new DbContextOptionsBuilder<LedgerDbContext>().UseNpgsql(connectionString, npgsql => npgsql.CommandTimeout(commandTimeoutSeconds)).Options);

    [Fact]
    public async Task A_replica_waiting_its_turn_outlasts_the_command_timeout_and_runs_once_the_holder_lets_go()
    {
        var connectionString = await infrastructure.CreateDatabaseAsync("locks");
        var key = Random.Shared.NextInt64(1, long.MaxValue);
        await using var holder = new NpgsqlConnection(connectionString);
        await holder.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({key})", holder))
        {
            await take.ExecuteNonQueryAsync();
        }

        // One-second commands: a single pg_advisory_lock call would have failed long before the holder is done.
        await using var db = Context(connectionString, commandTimeoutSeconds: 1);
        DateTimeOffset? ranAt = null;
        var waiting = db.Database.WithSessionLockAsync(key, () =>
        {
            ranAt = DateTimeOffset.UtcNow;
            return Task.CompletedTask;
        }, cancellationToken: TestContext.Current.CancellationToken);

        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        Assert.False(waiting.IsCompleted);
        var releasedAt = DateTimeOffset.UtcNow;
        await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({key})", holder))
        {
            await release.ExecuteNonQueryAsync();
        }

        await waiting.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.NotNull(ranAt);
        Assert.True(ranAt >= releasedAt, $"ran at {ranAt:O}, released at {releasedAt:O}");
    }

    [Fact]
    public async Task Replicas_starting_together_take_turns_and_each_lets_go_even_when_its_work_fails()
    {
        var connectionString = await infrastructure.CreateDatabaseAsync("locks");
        var key = Random.Shared.NextInt64(1, long.MaxValue);
        var inside = 0;
        var most = 0;
        async Task Replica(int n)
        {
            await using var db = Context(connectionString);
            await db.Database.WithSessionLockAsync(key, async () =>
            {
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref most, now);
                await Task.Delay(200);
                Interlocked.Decrement(ref inside);
                if (n == 0)
                {
                    throw new InvalidOperationException("the first replica's work fails");
                }
            });
        }

        var replicas = Enumerable.Range(0, 4).Select(Replica).ToList();
        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => replicas[0]);
        await Task.WhenAll(replicas.Skip(1)).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.Equal("the first replica's work fails", failed.Message);
        Assert.Equal(1, most);
        await using var check = Context(connectionString);
        Assert.True(await check.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({key}) AS \"Value\"").SingleAsync(TestContext.Current.CancellationToken));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
