using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PanelPlatform.Casework.Data;
using PanelPlatform.Casework.Domain;
using PanelPlatform.Contracts.Notifications;
using PanelPlatform.ServiceDefaults.Messaging;

namespace PanelPlatform.Casework.Jobs;

/// <summary>
/// Anonymises cases closed longer ago than the retention period (default six years): the subject, the free text,
/// notes and documents go; the reference, type, dates, status, outcome and clocks stay for the figures. Notifications
/// is told to forget the subject as a recipient, in the same transaction.
/// </summary>
public sealed class RetentionJob(
    IServiceScopeFactory scopes, TimeProvider time, ILogger<RetentionJob> logger, IOptions<RetentionOptions> options)
    : ScheduledJob<CaseworkDbContext>(scopes, time, logger)
{
    private const int Batch = 200;

    protected override string Name => "casework-retention";

    protected override TimeSpan Interval => options.Value.Interval;

    protected override async Task RunAsync(CaseworkDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var closedBefore = now.AddYears(-options.Value.Years);
        var due = await db.Cases
            .Where(c => c.Status == CaseStatus.Closed && c.AnonymisedAt == null && c.ClosedAt <= closedBefore)
            .OrderBy(c => c.ClosedAt)
            .Take(Batch)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return;
        }

        var ids = due.Select(c => c.Id).ToList();
        var notes = await db.Notes.Where(n => ids.Contains(n.CaseId)).ToListAsync(cancellationToken);
        var documents = await db.Documents.Where(d => ids.Contains(d.CaseId)).ToListAsync(cancellationToken);
        foreach (var @case in due)
        {
            if (@case.Anonymise(now) is { } recipient)
            {
                db.AddIntegrationCommand(new ForgetRecipient(recipient, now), NotificationQueues.ForgetRecipient);
            }
        }

        notes.ForEach(n => n.Anonymise());
        documents.ForEach(d => d.Anonymise());
    }
}
