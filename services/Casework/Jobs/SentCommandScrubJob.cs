using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PanelPlatform.Casework.Data;
using PanelPlatform.ServiceDefaults.Messaging;

namespace PanelPlatform.Casework.Jobs;

/// <summary><c>Casework:OutboxScrub</c>.</summary>
public sealed class SentCommandScrubOptions
{
    public const string SectionName = "Casework:OutboxScrub";

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>
/// Commands to Notifications carry a person's contact details in the outbox row's body. Once a command has been sent,
/// its body is replaced by a stub, so the contact details do not stay in this database (and its dumps) until the
/// outbox's sweep deletes the row days later. Events carry no personal data and are left alone.
/// </summary>
public sealed class SentCommandScrubJob(
    IServiceScopeFactory scopes, TimeProvider time, ILogger<SentCommandScrubJob> logger, IOptions<SentCommandScrubOptions> options)
    : ScheduledJob<CaseworkDbContext>(scopes, time, logger)
{
    public const string Stub = """{"scrubbed": true}""";

    protected override string Name => "casework-outbox-scrub";

    protected override TimeSpan Interval => options.Value.Interval;

    protected override Task RunAsync(CaseworkDbContext db, DateTimeOffset now, CancellationToken cancellationToken) =>
        // outbox_message is OutboxModel.OutboxTable; a table name cannot be a parameter.
        db.Database.ExecuteSqlAsync(
            $"UPDATE outbox_message SET body = {Stub}::jsonb WHERE sent_at IS NOT NULL AND destination IS NOT NULL AND body <> {Stub}::jsonb",
            cancellationToken);
}
