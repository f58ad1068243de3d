namespace PanelPlatform.Casework.Domain;

public enum DeadlineAlertKind
{
    Approaching,
    Breached,
}

/// <summary>
/// That an approaching or breached deadline was announced, committed with the event it raised. Its key
/// (case, clock, due date, kind) is what makes each announcement happen once however many instances tick.
/// </summary>
public sealed class DeadlineAlert
{
    private DeadlineAlert()
    {
    }

    public Guid CaseId { get; private set; }
    public DeadlineClock Clock { get; private set; }
    public DateOnly DueOn { get; private set; }
    public DeadlineAlertKind Kind { get; private set; }
    public DateTimeOffset RaisedAt { get; private set; }

    public static DeadlineAlert Raise(Guid caseId, DeadlineClock clock, DateOnly dueOn, DeadlineAlertKind kind, DateTimeOffset now) =>
        new() { CaseId = caseId, Clock = clock, DueOn = dueOn, Kind = kind, RaisedAt = now };
}
