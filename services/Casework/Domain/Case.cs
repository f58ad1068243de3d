using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Casework.Domain;

/// <summary>The person a case is about or from. Every field is personal data.</summary>
public sealed record Subject(string? Name, string? Email, string? Phone, string? Address);

/// <summary>
/// A piece of the office's casework, from receipt to closure:
/// <c>received → acknowledged → in progress ⇄ awaiting information → responded → closed(outcome)</c>.
/// A case may also close early when withdrawn, and a late complaint review that is not accepted closes out of time.
/// </summary>
public sealed class Case
{
    private readonly List<CasePause> _pauses = [];

    private Case()
    {
    }

    public Guid Id { get; private set; }

    /// <summary><c>OPCC-2026-000123</c>: data, not the key; sequential per year, never reused.</summary>
    public string Reference { get; private set; } = "";

    public CaseType Type { get; private set; }
    public CaseChannel Channel { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>The London date of receipt: the day the clocks start from.</summary>
    public DateOnly ReceivedOn { get; private set; }

    public CaseStatus Status { get; private set; }
    public CaseOutcome? Outcome { get; private set; }

    // Personal data: encrypted at rest, shown only to caseworkers, every read audited.
    public string? SubjectName { get; private set; }
    public string? SubjectEmail { get; private set; }
    public string? SubjectPhone { get; private set; }
    public string? SubjectAddress { get; private set; }
    public string? Summary { get; private set; }
    public string? Description { get; private set; }

    /// <summary>Keyed hashes of the subject's email and phone, so a subject access request can find their cases.</summary>
    public string? SubjectEmailFingerprint { get; private set; }

    public string? SubjectPhoneFingerprint { get; private set; }

    /// <summary>The subject as registered with Notifications (for the acknowledgment); null when there is no way to reach them.</summary>
    public Guid? SubjectRecipientId { get; private set; }

    public Guid? AssigneeId { get; private set; }

    public ClockUnit RespondUnit { get; private set; }
    public int RespondAmount { get; private set; }

    /// <summary>Working days (FOI public interest test) or months (complex subject access request) added; 0 when not extended.</summary>
    public int ExtensionAmount { get; private set; }

    public string? ExtensionReason { get; private set; }
    public DateTimeOffset? ExtendedAt { get; private set; }

    // Derived from the dates above by Recalculate(); stored so that search can filter and sort on them.
    public DateOnly AcknowledgeDueOn { get; private set; }
    public DateOnly? RespondDueOn { get; private set; }

    /// <summary>The running clock's deadline: acknowledge while received, respond while acknowledged or in progress.</summary>
    public DateOnly? NextDueOn { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public DateTimeOffset? RespondedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Complaint reviews: the day the force told the complainant its outcome.</summary>
    public DateOnly? ForceOutcomeNotifiedOn { get; private set; }

    /// <summary>Complaint reviews: applied for more than 28 days after being told the outcome.</summary>
    public bool LateApplication { get; private set; }

    public string? LateAcceptanceReason { get; private set; }
    public DateTimeOffset? LateAcceptedAt { get; private set; }
    public ReviewResult? ReviewResult { get; private set; }
    public string? ReviewRecommendations { get; private set; }
    public DateTimeOffset? ReviewRecordedAt { get; private set; }
    public DateTimeOffset? ReferredToPanelAt { get; private set; }
    public DateTimeOffset? AnonymisedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";

    public IReadOnlyList<CasePause> Pauses => _pauses;

    public ClockTarget RespondTarget => new(RespondUnit, RespondAmount);

    public ClockTarget EffectiveRespondTarget => RespondTarget.Plus(ExtensionAmount);

    public DateOnly? AcknowledgeStoppedOn => LondonDate(AcknowledgedAt ?? ClosedAt);

    public DateOnly? RespondStoppedOn => LondonDate(RespondedAt ?? ClosedAt);

    public bool IsAnonymised => AnonymisedAt is not null;

    public static Case Open(
        string reference,
        CaseType type,
        CaseChannel channel,
        DateTimeOffset receivedAt,
        Subject subject,
        string summary,
        string? description,
        DateOnly? forceOutcomeNotifiedOn,
        ClockPolicy clocks,
        string createdBy,
        DateTimeOffset now)
    {
        if (receivedAt > now.AddMinutes(5))
        {
            throw new ArgumentException("A case cannot be received in the future.", nameof(receivedAt));
        }

        var receivedOn = UkTime.LondonDate(receivedAt);
        if (type == CaseType.ComplaintReview)
        {
            if (forceOutcomeNotifiedOn is not { } told)
            {
                throw new ArgumentException("A complaint review needs the date the force told the complainant its outcome.", nameof(forceOutcomeNotifiedOn));
            }

            if (told > receivedOn)
            {
                throw new ArgumentException("The complainant cannot have been told the outcome after applying for a review.", nameof(forceOutcomeNotifiedOn));
            }
        }
        else if (forceOutcomeNotifiedOn is not null)
        {
            throw new ArgumentException("Only complaint reviews have a force outcome date.", nameof(forceOutcomeNotifiedOn));
        }

        var target = clocks.RespondTarget(type);
        var @case = new Case
        {
            Id = Guid.CreateVersion7(now),
            Reference = reference,
            Type = type,
            Channel = channel,
            ReceivedAt = receivedAt.ToUniversalTime(),
            ReceivedOn = receivedOn,
            Status = CaseStatus.Received,
            SubjectName = Clean(subject.Name),
            SubjectEmail = Clean(subject.Email),
            SubjectPhone = Clean(subject.Phone),
            SubjectAddress = Clean(subject.Address),
            Summary = summary.Trim(),
            Description = Clean(description),
            RespondUnit = target.Unit,
            RespondAmount = target.Amount,
            AcknowledgeDueOn = CaseClock.DueOn(receivedOn, clocks.Acknowledge, [])!.Value,
            ForceOutcomeNotifiedOn = forceOutcomeNotifiedOn,
            LateApplication = type == CaseType.ComplaintReview && IsLateReviewApplication(forceOutcomeNotifiedOn!.Value, receivedOn, clocks),
            ReferredToPanelAt = type == CaseType.ComplaintAboutPcc ? now : null,
            CreatedAt = now,
            CreatedBy = createdBy,
        };
        @case.Recalculate();
        return @case;
    }

    /// <summary>Valid when made within 28 days beginning with the day after the complainant was told.</summary>
    public static bool IsLateReviewApplication(DateOnly toldOn, DateOnly appliedOn, ClockPolicy clocks) =>
        appliedOn > toldOn.AddDays(clocks.ReviewApplicationDays);

    public void RegisterSubject(Guid? recipientId, string? emailFingerprint, string? phoneFingerprint)
    {
        SubjectRecipientId = recipientId;
        SubjectEmailFingerprint = emailFingerprint;
        SubjectPhoneFingerprint = phoneFingerprint;
    }

    public void Assign(Guid caseworkerId)
    {
        EnsureOpen();
        AssigneeId = caseworkerId;
    }

    /// <summary>Moves the case to <paramref name="to"/>; throws <see cref="CaseRuleException"/> when it may not go there.</summary>
    public void MoveTo(CaseStatus to, CaseOutcome? outcome, string? reason, DateTimeOffset now)
    {
        switch (to)
        {
            case CaseStatus.Acknowledged:
                Acknowledge(now);
                break;
            case CaseStatus.InProgress when Status == CaseStatus.AwaitingInformation:
                InformationReceived(now);
                break;
            case CaseStatus.InProgress:
                Start();
                break;
            case CaseStatus.AwaitingInformation:
                AwaitInformation(reason, now);
                break;
            case CaseStatus.Responded:
                Respond(now);
                break;
            case CaseStatus.Closed:
                Close(outcome ?? throw new CaseRuleException("outcome-required", "Closing a case needs an outcome."), now);
                break;
            default:
                throw InvalidTransition(to);
        }
    }

    public void Acknowledge(DateTimeOffset now)
    {
        Require(CaseStatus.Received, CaseStatus.Acknowledged);
        Status = CaseStatus.Acknowledged;
        AcknowledgedAt = now;
        Recalculate();
    }

    public void Start()
    {
        Require(CaseStatus.Acknowledged, CaseStatus.InProgress);
        if (LateApplication && LateAcceptedAt is null)
        {
            throw new CaseRuleException("late-review-not-accepted",
                "This review application was made more than 28 days after the complainant was told the outcome; record a reason to accept it first, or close it out of time.");
        }

        Status = CaseStatus.InProgress;
        Recalculate();
    }

    public void AwaitInformation(string? reason, DateTimeOffset now)
    {
        Require(CaseStatus.InProgress, CaseStatus.AwaitingInformation);
        _pauses.Add(CasePause.Start(Id, reason, now, UkTime.LondonDate(now)));
        Status = CaseStatus.AwaitingInformation;
        Recalculate();
    }

    public void InformationReceived(DateTimeOffset now)
    {
        Require(CaseStatus.AwaitingInformation, CaseStatus.InProgress);
        EndPause(now);
        Status = CaseStatus.InProgress;
        Recalculate();
    }

    public void Respond(DateTimeOffset now)
    {
        Require(CaseStatus.InProgress, CaseStatus.Responded);
        if (Type == CaseType.ComplaintReview && ReviewResult is null)
        {
            throw new CaseRuleException("review-outcome-missing", "Record the review's outcome before responding.");
        }

        Status = CaseStatus.Responded;
        RespondedAt = now;
        Recalculate();
    }

    public void Close(CaseOutcome outcome, DateTimeOffset now)
    {
        if (Status == CaseStatus.Closed)
        {
            throw InvalidTransition(CaseStatus.Closed);
        }

        if (outcome == CaseOutcome.OutOfTime && !(LateApplication && LateAcceptedAt is null))
        {
            throw new CaseRuleException("not-out-of-time", "Only a late complaint review application that was not accepted closes out of time.");
        }

        var early = outcome is CaseOutcome.Withdrawn or CaseOutcome.OutOfTime;
        if (Status != CaseStatus.Responded && !early)
        {
            throw new CaseRuleException("invalid-transition",
                $"A case that is {Status.Kebab()} closes only as withdrawn (or out of time); respond first.", isConflict: true);
        }

        if (Type == CaseType.ComplaintReview && !early && ReviewResult is { } result && (result == Domain.ReviewResult.Upheld) != (outcome == CaseOutcome.Upheld))
        {
            throw new CaseRuleException("outcome-does-not-match-review",
                $"The review was recorded as {result.Kebab()}; close it with that outcome.");
        }

        if (Status == CaseStatus.AwaitingInformation)
        {
            EndPause(now);
        }

        Status = CaseStatus.Closed;
        Outcome = outcome;
        ClosedAt = now;
        Recalculate();
    }

    /// <summary>Whether the response (or, for a case closed without one, the closure) came within the time limit.</summary>
    public bool WithinTimeLimit => RespondStoppedOn is { } stopped && RespondDueOn is { } due && stopped <= due;

    /// <summary>FOI: a public interest test adds up to the policy's maximum working days. Subject access: complex requests add two months.</summary>
    public void Extend(string reason, int? workingDays, ClockPolicy clocks, DateTimeOffset now)
    {
        EnsureRunning("extend");
        if (ExtensionAmount != 0)
        {
            throw new CaseRuleException("already-extended", "This case's time limit has already been extended.", isConflict: true);
        }

        switch (Type)
        {
            case CaseType.FoiRequest:
                if (workingDays is not { } days || days < 1 || days > clocks.FoiMaxExtensionWorkingDays)
                {
                    throw new CaseRuleException("extension-out-of-range",
                        $"A public interest test extension is between 1 and {clocks.FoiMaxExtensionWorkingDays} working days.");
                }

                ExtensionAmount = days;
                break;
            case CaseType.SubjectAccessRequest:
                if (workingDays is not null)
                {
                    throw new CaseRuleException("extension-out-of-range",
                        $"A complex subject access request is extended by {clocks.SubjectAccessExtensionMonths} months, not by working days.");
                }

                ExtensionAmount = clocks.SubjectAccessExtensionMonths;
                break;
            default:
                throw new CaseRuleException("extension-not-available",
                    "Only FOI requests (public interest test) and subject access requests (complex) can be extended.");
        }

        ExtensionReason = reason.Trim();
        ExtendedAt = now;
        Recalculate();
    }

    public void AcceptLateApplication(string reason, DateTimeOffset now)
    {
        EnsureOpen();
        if (Type != CaseType.ComplaintReview || !LateApplication)
        {
            throw new CaseRuleException("not-a-late-review", "Only a late complaint review application needs accepting.");
        }

        if (LateAcceptedAt is not null)
        {
            throw new CaseRuleException("already-accepted", "This late application has already been accepted.", isConflict: true);
        }

        LateAcceptanceReason = reason.Trim();
        LateAcceptedAt = now;
    }

    public void RecordReviewOutcome(ReviewResult result, string? recommendations, DateTimeOffset now)
    {
        if (Type != CaseType.ComplaintReview)
        {
            throw new CaseRuleException("not-a-review", "Only complaint reviews have a review outcome.");
        }

        if (ReviewResult is not null)
        {
            throw new CaseRuleException("review-outcome-recorded", "This review's outcome is already recorded.", isConflict: true);
        }

        if (Status != CaseStatus.InProgress)
        {
            throw new CaseRuleException("invalid-transition", $"A review's outcome is recorded while it is in progress; it is {Status.Kebab()}.", isConflict: true);
        }

        ReviewResult = result;
        ReviewRecommendations = Clean(recommendations);
        ReviewRecordedAt = now;
    }

    /// <summary>
    /// Removes everything that identifies the person or says what they wrote, keeping what the figures need (type,
    /// dates, status, outcome, clocks). Returns the recipient Notifications should forget.
    /// </summary>
    public Guid? Anonymise(DateTimeOffset now)
    {
        if (Status != CaseStatus.Closed)
        {
            throw new CaseRuleException("case-open", "Only closed cases are anonymised.", isConflict: true);
        }

        EnsureNotAnonymised();
        var recipient = SubjectRecipientId;
        SubjectName = SubjectEmail = SubjectPhone = SubjectAddress = null;
        SubjectEmailFingerprint = SubjectPhoneFingerprint = null;
        SubjectRecipientId = null;
        Summary = Description = null;
        ExtensionReason = LateAcceptanceReason = ReviewRecommendations = null;
        foreach (var pause in _pauses)
        {
            pause.Anonymise();
        }

        AnonymisedAt = now;
        return recipient;
    }

    public void EnsureNotAnonymised()
    {
        if (IsAnonymised)
        {
            throw new CaseRuleException("anonymised", "This case has been anonymised under the retention policy.", isConflict: true);
        }
    }

    /// <summary>Re-derives the stored deadlines from receipt, target, extension and pauses.</summary>
    private void Recalculate()
    {
        RespondDueOn = CaseClock.DueOn(ReceivedOn, EffectiveRespondTarget, _pauses.Select(p => p.Period));
        NextDueOn = Status switch
        {
            CaseStatus.Received => AcknowledgeDueOn,
            CaseStatus.Acknowledged or CaseStatus.InProgress => RespondDueOn,
            _ => null,
        };
    }

    private void EndPause(DateTimeOffset now) =>
        _pauses.Single(p => p.Until is null).End(now, UkTime.LondonDate(now));

    private void Require(CaseStatus from, CaseStatus to)
    {
        if (Status != from)
        {
            throw InvalidTransition(to);
        }
    }

    private void EnsureOpen()
    {
        if (Status == CaseStatus.Closed)
        {
            throw new CaseRuleException("case-closed", "This case is closed.", isConflict: true);
        }
    }

    private void EnsureRunning(string what)
    {
        if (Status is CaseStatus.Closed or CaseStatus.Responded)
        {
            throw new CaseRuleException("clock-stopped", $"Cannot {what} a case that is {Status.Kebab()}.", isConflict: true);
        }
    }

    private CaseRuleException InvalidTransition(CaseStatus to) =>
        new("invalid-transition", $"A case that is {Status.Kebab()} cannot become {to.Kebab()}.", isConflict: true);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateOnly? LondonDate(DateTimeOffset? instant) => instant is { } i ? UkTime.LondonDate(i) : null;
}
