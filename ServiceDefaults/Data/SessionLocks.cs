using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace PanelPlatform.ServiceDefaults.Data;

public static class SessionLocks
{
    /// <summary>
    /// Runs <paramref name="work"/> holding a PostgreSQL session advisory lock on the context's connection, so that
    /// replicas starting together take turns. The lock is asked for again every quarter second rather than waited for
    /// in one <c>pg_advisory_lock</c> call: a replica whose turn comes after a slow one (password hashing for seed
    /// accounts, a long migration on a loaded machine) must not die of the 30-second command timeout while it waits.
    /// </summary>
    public static async Task WithSessionLockAsync(
        this DatabaseFacade database, long key, Func<Task> work, TimeSpan? patience = null, CancellationToken cancellationToken = default)
    {
        var deadline = DateTimeOffset.UtcNow + (patience ?? TimeSpan.FromMinutes(10));
        await database.OpenConnectionAsync(cancellationToken);
        try
        {
            while (!await database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({key}) AS \"Value\"").SingleAsync(cancellationToken))
            {
                if (DateTimeOffset.UtcNow > deadline)
                {
                    throw new TimeoutException($"The session lock {key} was not free within {patience ?? TimeSpan.FromMinutes(10)}.");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }

            try
            {
                await work();
            }
            finally
            {
                await database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({key})", CancellationToken.None);
            }
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }
}
