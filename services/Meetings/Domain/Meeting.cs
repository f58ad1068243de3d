using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Meetings.Domain;

public enum MeetingStatus
{
    Scheduled,
    AgendaPublished,
    Held,
    MinutesDrafted,
    MinutesConfirmed,
    Cancelled,
    Rescheduled,
}

/// <summary>
/// A meeting of a body. Lifecycle: scheduled (or rescheduled) → agenda published → held → minutes drafted →
/// minutes confirmed; a meeting not yet held may be cancelled or rescheduled, with a reason.
/// </summary>
public sealed class Meeting
{
    private Meeting()
    {
    }

    public Guid Id { get; private set; }
    public Guid BodyId { get; private set; }
    public string BodySlug { get; private set; } = "";
    public string BodyName { get; private set; } = "";
    public string Title { get; private set; } = "";

    /// <summary>Stored as an instant; shown in Europe/London.</summary>
    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset? EndsAt { get; private set; }
    public string? Location { get; private set; }
    public bool IsVirtual { get; private set; }
    public MeetingStatus Status { get; private set; }

    /// <summary>Why the meeting was cancelled or last rescheduled.</summary>
    public string? StatusReason { get; private set; }

    /// <summary>iCalendar SEQUENCE: bumped each time the meeting moves or is cancelled.</summary>
    public int Sequence { get; private set; }

    public bool AgendaIsPublic { get; private set; }

    /// <summary>When the agenda went out; null for imported history where the pack does not say.</summary>
    public DateTimeOffset? AgendaPublishedAt { get; private set; }

    public bool AgendaPublishedLate { get; private set; }
    public string? AgendaUrgencyReason { get; private set; }
    public bool MinutesArePublic { get; private set; }
    public DateTimeOffset? MinutesPublishedAt { get; private set; }
    public Guid? ConfirmedAtMeetingId { get; private set; }
    public string? ConfirmingMinuteNumber { get; private set; }
    public DateTimeOffset? MinutesConfirmedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public DateOnly Date => UkTime.LondonDate(StartsAt);

    public bool IsCancelled => Status == MeetingStatus.Cancelled;

    /// <summary>Scheduled or rescheduled: the agenda may (still) be published.</summary>
    public bool IsAwaitingAgenda => Status is MeetingStatus.Scheduled or MeetingStatus.Rescheduled;

    public bool MinutesAreConfirmed => Status == MeetingStatus.MinutesConfirmed;

    public static Meeting Schedule(
        Body body, string title, DateTimeOffset startsAt, DateTimeOffset? endsAt, string? location, bool isVirtual, DateTimeOffset now)
    {
        if (endsAt is { } end && end <= startsAt)
        {
            throw new ArgumentException("A meeting must end after it starts.", nameof(endsAt));
        }

        return new Meeting
        {
            Id = Guid.CreateVersion7(now),
            BodyId = body.Id,
            BodyName = body.Name,
            BodySlug = body.Slug,
            Title = title.Trim(),
            StartsAt = startsAt.ToUniversalTime(),
            EndsAt = endsAt?.ToUniversalTime(),
            Location = string.IsNullOrWhiteSpace(location) ? null : location.Trim(),
            IsVirtual = isVirtual,
            Status = MeetingStatus.Scheduled,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>The seed loader keeps the ids the fixture derives, so loading twice finds the same rows.</summary>
    public Meeting WithId(Guid id)
    {
        Id = id;
        return this;
    }

    public void Rename(string title, DateTimeOffset now)
    {
        EnsureNotConfirmed();
        Title = title.Trim();
        UpdatedAt = now;
    }

    /// <summary>Moves a meeting not yet held. An agenda already out is withdrawn: its notice was for the old date.</summary>
    public DateTimeOffset Reschedule(
        DateTimeOffset startsAt, DateTimeOffset? endsAt, string? location, bool isVirtual, string reason, DateTimeOffset now)
    {
        if (Status is not (MeetingStatus.Scheduled or MeetingStatus.Rescheduled or MeetingStatus.AgendaPublished))
        {
            throw RuleViolation.Conflict("meeting-not-reschedulable", $"A meeting that is {Describe(Status)} cannot be rescheduled.");
        }

        if (endsAt is { } end && end <= startsAt)
        {
            throw new RuleViolation("meeting-ends-before-start", "A meeting must end after it starts.");
        }

        RequireReason(reason, "A rescheduled meeting needs a reason.");
        var previous = StartsAt;
        StartsAt = startsAt.ToUniversalTime();
        EndsAt = endsAt?.ToUniversalTime();
        Location = string.IsNullOrWhiteSpace(location) ? null : location.Trim();
        IsVirtual = isVirtual;
        Status = MeetingStatus.Rescheduled;
        StatusReason = reason.Trim();
        AgendaIsPublic = false;
        AgendaPublishedAt = null;
        AgendaPublishedLate = false;
        AgendaUrgencyReason = null;
        Sequence++;
        UpdatedAt = now;
        return previous;
    }

    public void Cancel(string reason, DateTimeOffset now)
    {
        if (Status is not (MeetingStatus.Scheduled or MeetingStatus.Rescheduled or MeetingStatus.AgendaPublished))
        {
            throw RuleViolation.Conflict("meeting-not-cancellable", $"A meeting that is {Describe(Status)} cannot be cancelled.");
        }

        RequireReason(reason, "A cancelled meeting needs a reason.");
        Status = MeetingStatus.Cancelled;
        StatusReason = reason.Trim();
        Sequence++;
        UpdatedAt = now;
    }

    /// <summary>
    /// Publishes the agenda at <paramref name="publishedAt"/>. With fewer than the body's clear working days of notice it
    /// needs a recorded urgency reason, and is flagged as late.
    /// </summary>
    public AgendaNotice PublishAgenda(DateTimeOffset publishedAt, string? urgencyReason, int requiredClearDays)
    {
        if (!IsAwaitingAgenda)
        {
            throw RuleViolation.Conflict("agenda-not-publishable", $"The agenda of a meeting that is {Describe(Status)} cannot be published.");
        }

        var notice = AgendaNotice.Of(publishedAt, StartsAt, requiredClearDays);
        if (notice.IsLate && string.IsNullOrWhiteSpace(urgencyReason))
        {
            throw new RuleViolation(
                "agenda-notice-too-short",
                $"The agenda gives {notice.ClearWorkingDays} clear working days' notice; {requiredClearDays} are required " +
                $"(the last day to publish was {notice.Deadline:d MMMM yyyy}). A late agenda needs a recorded reason for the urgency.");
        }

        Status = MeetingStatus.AgendaPublished;
        AgendaIsPublic = true;
        AgendaPublishedAt = publishedAt;
        AgendaPublishedLate = notice.IsLate;
        AgendaUrgencyReason = notice.IsLate ? urgencyReason!.Trim() : null;
        UpdatedAt = publishedAt;
        return notice;
    }

    public void MarkHeld(DateTimeOffset now)
    {
        if (Status != MeetingStatus.AgendaPublished)
        {
            throw RuleViolation.Conflict("meeting-not-holdable", $"Only a meeting whose agenda is published can be held; this one is {Describe(Status)}.");
        }

        if (now < StartsAt)
        {
            throw new RuleViolation("meeting-not-started", "A meeting cannot be recorded as held before it starts.");
        }

        Status = MeetingStatus.Held;
        UpdatedAt = now;
    }

    /// <summary>Drafting gives the minutes their numbers (the caller numbers them through <see cref="MinuteNumbering"/>).</summary>
    public void DraftMinutes(DateTimeOffset now)
    {
        if (Status is not (MeetingStatus.Held or MeetingStatus.MinutesDrafted))
        {
            throw RuleViolation.Conflict("minutes-not-draftable", $"Minutes are drafted after a meeting is held; this one is {Describe(Status)}.");
        }

        Status = MeetingStatus.MinutesDrafted;
        UpdatedAt = now;
    }

    public void PublishMinutes(DateTimeOffset now)
    {
        if (Status is not (MeetingStatus.MinutesDrafted or MeetingStatus.MinutesConfirmed))
        {
            throw RuleViolation.Conflict("minutes-not-drafted", "Only drafted minutes can be published.");
        }

        if (MinutesArePublic)
        {
            throw RuleViolation.Conflict("minutes-already-published", "These minutes are already published.");
        }

        MinutesArePublic = true;
        MinutesPublishedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Confirmed as a correct record by a resolution (minute <paramref name="minuteNumber"/>) of a later meeting of the same body.</summary>
    public void ConfirmMinutes(Meeting confirmingMeeting, string minuteNumber, DateTimeOffset now)
    {
        if (Status == MeetingStatus.MinutesConfirmed)
        {
            throw RuleViolation.Conflict("minutes-confirmed", "These minutes are already confirmed.");
        }

        if (Status != MeetingStatus.MinutesDrafted)
        {
            throw RuleViolation.Conflict("minutes-not-drafted", "Only drafted minutes can be confirmed.");
        }

        if (confirmingMeeting.BodyId != BodyId)
        {
            throw new RuleViolation("confirming-meeting-other-body", "Minutes are confirmed by a meeting of the same body.");
        }

        if (confirmingMeeting.StartsAt <= StartsAt)
        {
            throw new RuleViolation("confirming-meeting-not-later", "Minutes are confirmed at a later meeting.");
        }

        Status = MeetingStatus.MinutesConfirmed;
        ConfirmedAtMeetingId = confirmingMeeting.Id;
        ConfirmingMinuteNumber = minuteNumber;
        MinutesConfirmedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Confirmed minutes are the record: corrections are new resolutions at a later meeting.</summary>
    public void EnsureNotConfirmed()
    {
        if (Status == MeetingStatus.MinutesConfirmed)
        {
            throw RuleViolation.Conflict("minutes-confirmed", "The minutes of this meeting are confirmed and cannot change; record a correction as a new resolution at a later meeting.");
        }
    }

    /// <summary>Agenda changes are refused once the meeting is cancelled or its minutes confirmed.</summary>
    public void EnsureAgendaEditable()
    {
        EnsureNotConfirmed();
        if (Status == MeetingStatus.Cancelled)
        {
            throw RuleViolation.Conflict("meeting-cancelled", "This meeting is cancelled.");
        }
    }

    /// <summary>Restores imported history (seed loader): the state the printed record shows.</summary>
    public void Import(
        MeetingStatus status, string? reason, DateTimeOffset? agendaPublishedAt, bool agendaPublic, bool minutesPublic,
        DateTimeOffset? minutesPublishedAt)
    {
        Status = status;
        StatusReason = reason;
        AgendaIsPublic = agendaPublic;
        AgendaPublishedAt = agendaPublishedAt;
        MinutesArePublic = minutesPublic;
        MinutesPublishedAt = minutesPublishedAt;
    }

    public void ImportConfirmation(Guid confirmingMeetingId, string minuteNumber, DateTimeOffset confirmedAt)
    {
        Status = MeetingStatus.MinutesConfirmed;
        ConfirmedAtMeetingId = confirmingMeetingId;
        ConfirmingMinuteNumber = minuteNumber;
        MinutesConfirmedAt = confirmedAt;
    }

    private static void RequireReason(string? reason, string message)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleViolation("reason-required", message);
        }
    }

    private static string Describe(MeetingStatus status) => status switch
    {
        MeetingStatus.AgendaPublished => "agenda published",
        MeetingStatus.MinutesDrafted => "minutes drafted",
        MeetingStatus.MinutesConfirmed => "minutes confirmed",
        _ => status.ToString().ToLowerInvariant(),
    };
}
