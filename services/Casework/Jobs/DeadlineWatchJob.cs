using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PanelPlatform.Casework.Data;
using PanelPlatform.Casework.Domain;
using PanelPlatform.Contracts.Casework;
using PanelPlatform.ServiceDefaults.Messaging;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Casework.Jobs;

/// <summary>
/// Announces running clocks that are due soon (<c>CaseDeadlineApproaching</c>) or past due (<c>CaseDeadlineBreached</c>),
/// once per case, clock, due date and kind: the <see cref="DeadlineAlert"/> row commits with its event, and its key
/// refuses a second. Ticks are serialised across instances by <see cref="ScheduledJob{TDbContext}"/>'s lock. A deadline
/// that moves (an extension, a pause) is a new deadline and is announced again when it comes near.
/// </summary>
public sealed class DeadlineWatchJob(
    IServiceScopeFactory scopes, TimeProvider time, ILogger<DeadlineWatchJob> logger, IOptions<DeadlineWatchOptions> options, ClockPolicy clocks)
    : ScheduledJob<CaseworkDbContext>(scopes, time, logger)
{
    protected override string Name => "casework-deadline-watch";

    protected override TimeSpan Interval => options.Value.Interval;

    protected override async Task RunAsync(CaseworkDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = UkTime.LondonDate(now);
        var horizon = WorkingDays.Add(today, clocks.DueSoonWorkingDays);
        var candidates = await db.Cases.AsNoTracking()
            .Where(c => c.Status == CaseStatus.Received || c.Status == CaseStatus.Acknowledged || c.Status == CaseStatus.InProgress)
            .Where(c => (c.Status == CaseStatus.Received && c.AcknowledgeDueOn <= horizon) || c.RespondDueOn <= horizon)
            .Select(c => new { c.Id, c.Reference, c.Type, c.Status, c.AcknowledgeDueOn, c.RespondDueOn, c.AssigneeId })
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return;
        }

        var ids = candidates.Select(c => c.Id).ToList();
        var raised = (await db.DeadlineAlerts.AsNoTracking().Where(a => ids.Contains(a.CaseId)).ToListAsync(cancellationToken))
            .Select(a => (a.CaseId, a.Clock, a.DueOn, a.Kind))
            .ToHashSet();

        foreach (var c in candidates)
        {
            var running = new List<(DeadlineClock Clock, DateOnly DueOn)>();
            if (c.Status == CaseStatus.Received)
            {
                running.Add((DeadlineClock.Acknowledge, c.AcknowledgeDueOn));
            }

            if (c.RespondDueOn is { } respondDue)
            {
                running.Add((DeadlineClock.Respond, respondDue));
            }

            foreach (var (clock, due) in running)
            {
                var state = CaseClock.StateOn(today, due, null, clocks.DueSoonWorkingDays);
                var kind = state switch
                {
                    ClockState.Breached => DeadlineAlertKind.Breached,
                    ClockState.DueSoon => DeadlineAlertKind.Approaching,
                    _ => (DeadlineAlertKind?)null,
                };
                if (kind is not { } k || !raised.Add((c.Id, clock, due, k)))
                {
                    continue;
                }

                db.DeadlineAlerts.Add(DeadlineAlert.Raise(c.Id, clock, due, k, now));
                var type = c.Type.Kebab();
                var deadline = clock.Kebab();
                db.AddIntegrationEvent<object>(k == DeadlineAlertKind.Breached
                    ? new CaseDeadlineBreached(c.Id, c.Reference, type, deadline, due, c.AssigneeId, now)
                    : new CaseDeadlineApproaching(c.Id, c.Reference, type, deadline, due, c.AssigneeId, now));
            }
        }
    }
}
