using Microsoft.EntityFrameworkCore;
using PanelPlatform.Meetings.Domain;

namespace PanelPlatform.Meetings.Data;

public static class MinuteCounters
{
    /// <summary>
    /// The body's counter for the year, locked (<c>FOR UPDATE</c>) until the caller's transaction ends, so two clerks
    /// drafting at once get different numbers. The caller opens the transaction.
    /// </summary>
    public static async Task<MinuteCounter> LockAsync(MeetingsDbContext db, Guid bodyId, int year, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO minute_counters (body_id, year, last) VALUES ({bodyId}, {year}, 0) ON CONFLICT DO NOTHING", cancellationToken);
        return await db.MinuteCounters
            .FromSql($"SELECT * FROM minute_counters WHERE body_id = {bodyId} AND year = {year} FOR UPDATE")
            .SingleAsync(cancellationToken);
    }
}
