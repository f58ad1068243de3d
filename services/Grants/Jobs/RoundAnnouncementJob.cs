using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PanelPlatform.Grants.Data;
using PanelPlatform.Grants.Endpoints;
using PanelPlatform.ServiceDefaults.Messaging;

namespace PanelPlatform.Grants.Jobs;

/// <summary>
/// Raises GrantRoundOpened, GrantRoundClosingSoon (3 working days before close) and GrantRoundClosed when their time
/// comes. Every instance runs it; the ScheduledJob lock serialises the ticks and each round's announced-at columns
/// commit with the events, so each event is raised once however many instances tick.
/// </summary>
public sealed class RoundAnnouncementJob(
    IServiceScopeFactory scopes, TimeProvider time, ILogger<RoundAnnouncementJob> logger, IOptions<GrantsOptions> options)
    : ScheduledJob<GrantsDbContext>(scopes, time, logger)
{
    protected override string Name => "grants-round-announcements";

    protected override TimeSpan Interval => options.Value.AnnouncementInterval;

    protected override async Task RunAsync(GrantsDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Rounds with something still to announce whose first moment has come (closing-soon is never before opening).
        var rounds = await db.Rounds
            .Where(r => r.ClosedAnnouncedAt == null && r.OpensAt <= now)
            .OrderBy(r => r.ClosesAt)
            .Take(100)
            .ToListAsync(cancellationToken);
        foreach (var round in rounds)
        {
            var due = round.TakeDueAnnouncements(now);
            if (due.Count == 0)
            {
                continue;
            }

            var scheme = await db.Schemes.AsNoTracking().FirstAsync(s => s.Slug == round.SchemeSlug, cancellationToken);
            await RoundEvents.RaiseAsync(db, round, scheme, due, now, cancellationToken);
        }
    }
}
