namespace PanelPlatform.Meetings.Domain;

public enum ActionStatus
{
    Open,
    InProgress,
    Done,
}

/// <summary>An action arising from a minute; shown as a matter arising at the body's later meetings until done.</summary>
public sealed class MeetingAction
{
    public Guid Id { get; set; }
    public Guid BodyId { get; set; }
    public Guid MeetingId { get; set; }
    public Guid MinuteId { get; set; }
    public string MinuteNumber { get; set; } = "";
    public string What { get; set; } = "";
    public string Owner { get; set; } = "";
    public DateOnly? DueOn { get; set; }
    public ActionStatus Status { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public bool IsExempt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// A matter arising at a meeting on <paramref name="meetingDate"/>: raised at an earlier meeting of the body and not
    /// done before that day.
    /// </summary>
    public static bool IsMatterArisingOn(DateOnly raisedOn, ActionStatus status, DateOnly? completedOn, DateOnly meetingDate) =>
        raisedOn < meetingDate && (status != ActionStatus.Done || (completedOn is { } done && done >= meetingDate));

    public void SetStatus(ActionStatus status, DateOnly today)
    {
        Status = status;
        CompletedOn = status == ActionStatus.Done ? CompletedOn ?? today : null;
    }
}

public enum WorkProgrammeStatus
{
    Proposed,
    Planned,
    Done,
    Deferred,
}

public sealed class WorkProgrammeEntry
{
    public Guid Id { get; set; }
    public Guid BodyId { get; set; }
    public string Topic { get; set; } = "";
    public string? Description { get; set; }
    public string? Lead { get; set; }
    public DateOnly? PlannedFor { get; set; }
    public Guid? MeetingId { get; set; }
    public WorkProgrammeStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Announced under "Forthcoming Events": a seminar, a scrutiny meeting, a briefing.</summary>
public sealed class ForthcomingEvent
{
    public Guid Id { get; set; }
    public Guid BodyId { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public DateOnly On { get; set; }
    public string? Location { get; set; }
    public Guid? AnnouncedAtMeetingId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A question accepted for a meeting (from Questions' events), listed under its questions item.</summary>
public sealed class MeetingQuestion
{
    public Guid QuestionId { get; set; }
    public Guid MeetingId { get; set; }
    public Guid? AgendaItemId { get; set; }
    public string Kind { get; set; } = "";
    public string Topic { get; set; } = "";
    public string Text { get; set; } = "";
    public string AskedBy { get; set; } = "";
    public string? Answer { get; set; }
    public string? AnsweredBy { get; set; }
    public DateTimeOffset AcceptedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
}

/// <summary>A complaint about the Commissioner referred to the Panel: that it exists and its reference, nothing more.</summary>
public sealed class PanelMatter
{
    public Guid CaseId { get; set; }
    public string Reference { get; set; } = "";
    public DateTimeOffset ReferredAt { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
