using Microsoft.EntityFrameworkCore;
using PanelPlatform.Questions.Data;
using PanelPlatform.Questions.Domain;

namespace PanelPlatform.Questions.Consumers;

/// <summary>
/// The meeting an event is about, inserted as the event describes it when Questions has not heard of it yet. Each of
/// Meetings' events has its own queue (and there may be two replicas), so two consumers can find a meeting unknown at
/// once: the insert is <c>ON CONFLICT DO NOTHING</c>, so the second waits for the first's commit and then applies its
/// change to that row, instead of failing on the primary key and going round a retry.
/// </summary>
internal static class KnownMeetings
{
    public static async Task<(KnownMeeting Meeting, bool Inserted)> FindOrInsertAsync(
        QuestionsDbContext db, KnownMeeting described, CancellationToken cancellationToken)
    {
        var known = await db.Meetings.FindAsync([described.Id], cancellationToken);
        if (known is not null)
        {
            return (known, false);
        }

        // Raw SQL skips the model's UTC conversion: Npgsql takes only UTC instants for timestamptz.
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""
             INSERT INTO meetings (id, body_slug, body_name, title, starts_at, is_cancelled, changed_at, agenda_items)
             VALUES ({described.Id}, {described.BodySlug}, {described.BodyName}, {described.Title}, {described.StartsAt.ToUniversalTime()},
                     {described.IsCancelled}, {described.ChangedAt.ToUniversalTime()}, '[]'::jsonb)
             ON CONFLICT (id) DO NOTHING
             """,
            cancellationToken);
        var meeting = await db.Meetings.SingleAsync(m => m.Id == described.Id, cancellationToken);
        return (meeting, inserted == 1);
    }
}
