namespace PanelPlatform.Casework.Domain;

/// <summary>A time the office waited for information it had asked for; the respond clock does not run meanwhile.</summary>
public sealed class CasePause
{
    private CasePause()
    {
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }

    /// <summary>The first day that does not count.</summary>
    public DateOnly From { get; private set; }

    /// <summary>The day the clock ran again (it counts); null while still waiting.</summary>
    public DateOnly? Until { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>What was asked for: free text, personal data.</summary>
    public string? Reason { get; private set; }

    public PausePeriod Period => new(From, Until);

    internal static CasePause Start(Guid caseId, string? reason, DateTimeOffset now, DateOnly today) => new()
    {
        Id = Guid.CreateVersion7(now),
        CaseId = caseId,
        From = today,
        StartedAt = now,
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
    };

    internal void End(DateTimeOffset now, DateOnly today)
    {
        EndedAt = now;
        Until = today;
    }

    public void Anonymise() => Reason = null;
}
