using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PanelPlatform.ServiceDefaults.Messaging;

/// <summary>
/// A job that runs every <see cref="Interval"/> in every replica, but one tick at a time across all of them: each tick
/// runs in a transaction holding a PostgreSQL advisory lock named after the job, and whatever it decides (state
/// changes and the outbox rows of its events) commits together. A tick must be idempotent through that state — e.g.
/// set <c>closing_soon_announced_at</c> with the event — so each event is raised exactly once however many replicas
/// run and however often they tick.
/// </summary>
public abstract partial class ScheduledJob<TDbContext>(IServiceScopeFactory scopes, TimeProvider time, ILogger logger) : BackgroundService
    where TDbContext : DbContext
{
    /// <summary>Names the job; also the advisory lock's key.</summary>
    protected abstract string Name { get; }

    protected virtual TimeSpan Interval => TimeSpan.FromMinutes(1);

    /// <summary>One tick's work, in the locked transaction; changes are saved and committed after it returns.</summary>
    protected abstract Task RunAsync(TDbContext db, DateTimeOffset now, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogTickFailed(logger, e, Name);
            }

            try
            {
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Runs one tick now; false if another instance holds the job's lock. Tests call it directly.</summary>
    public async Task<bool> TickAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await db.Database
            .SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({LockKey(Name)}) AS \"Value\"")
            .SingleAsync(cancellationToken);
        if (!locked)
        {
            return false;
        }

        await RunAsync(db, time.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static long LockKey(string name) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"panel-platform:job:{name}")), 0);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled job {Job} failed; it runs again at its next tick")]
    private static partial void LogTickFailed(ILogger logger, Exception exception, string job);
}
