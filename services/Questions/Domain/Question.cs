namespace PanelPlatform.Questions.Domain;

/// <summary>
/// A question to the Commissioner for a meeting: what a democratic services officer tracks today by email and Word.
/// Every change of status goes through a method here that checks the lifecycle and writes a line of history.
/// </summary>
public sealed class Question
{
    private readonly List<QuestionTransition> _history = [];

    private Question()
    {
    }

    public Guid Id { get; private set; }
    public QuestionKind Kind { get; private set; }
    public Guid MeetingId { get; private set; }

    /// <summary>The meeting's body, kept with the question: it decides the deadline and who moderates.</summary>
    public string BodySlug { get; private set; } = "";

    public Guid? AgendaItemId { get; private set; }
    public string Topic { get; private set; } = "";
    public string Text { get; private set; } = "";
    public Asker Asker { get; private set; } = null!;

    /// <summary>The asker as registered with Notifications (public questions); events carry this, never the address.</summary>
    public Guid? RecipientId { get; private set; }

    /// <summary>A keyed hash of the submitting client's address, for the per-address limit; never the address.</summary>
    public string? ClientHash { get; private set; }

    public QuestionStatus Status { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public DateTimeOffset? EmailConfirmedAt { get; private set; }
    public RejectionReason? RejectionReason { get; private set; }
    public string? RejectionNote { get; private set; }
    public string? Answer { get; private set; }
    public string? AnsweredBy { get; private set; }
    public string? AnswerDraftedBy { get; private set; }
    public DateTimeOffset? AnswerApprovedAt { get; private set; }

    /// <summary>Marked at approval: may be published before the meeting starts.</summary>
    public bool PublishEarly { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>PostgreSQL's row version (xmin): two moderators acting at once cannot both win.</summary>
    public uint Version { get; private set; }

    public IReadOnlyList<QuestionTransition> History => _history;

    public static Question SubmitPublic(
        Guid meetingId, string bodySlug, string topic, string text, Asker asker, Guid? recipientId, string? clientHash, DateTimeOffset now,
        Guid? id = null)
    {
        var question = New(id, QuestionKind.Public, meetingId, bodySlug, topic, text, asker, now);
        question.RecipientId = recipientId;
        question.ClientHash = clientHash;
        question.Status = QuestionStatus.AwaitingConfirmation;
        question.Record("submitted", null, Actor.Asker, now, null);
        return question;
    }

    public static Question SubmitMember(
        Guid meetingId, string bodySlug, string topic, string text, Asker asker, Actor by, DateTimeOffset now, Guid? id = null)
    {
        if (asker.MemberId is null)
        {
            throw new ArgumentException("A member question needs the member's id.", nameof(asker));
        }

        var question = New(id, QuestionKind.Member, meetingId, bodySlug, topic, text, asker, now);
        question.Status = QuestionStatus.Submitted;
        question.Record("submitted", null, by, now, null);
        return question;
    }

    /// <summary>The asker followed the email link. False when it had already been followed (the link may be used twice).</summary>
    public bool ConfirmEmail(bool meetingCancelled, DateTimeOffset now)
    {
        if (Status != QuestionStatus.AwaitingConfirmation)
        {
            if (EmailConfirmedAt is not null)
            {
                return false;
            }

            throw new QuestionRuleException("not-awaiting-confirmation", $"The question is {Describe(Status)}.");
        }

        EmailConfirmedAt = now;
        // A meeting cancelled while the link waited: the question goes straight to reassignment.
        Move(meetingCancelled ? QuestionStatus.NeedsReassignment : QuestionStatus.Submitted, "email-confirmed", Actor.Asker, now, null,
            QuestionStatus.AwaitingConfirmation);
        return true;
    }

    public void Accept(Guid? agendaItemId, Actor by, DateTimeOffset now)
    {
        Move(QuestionStatus.Accepted, "accepted", by, now, null, QuestionStatus.Submitted);
        AgendaItemId = agendaItemId;
    }

    public void Reject(RejectionReason reason, string? note, Actor by, DateTimeOffset now)
    {
        Move(QuestionStatus.Rejected, "rejected", by, now, JoinNote(RejectionReasons.Code(reason), note),
            QuestionStatus.Submitted, QuestionStatus.Accepted, QuestionStatus.NeedsReassignment);
        RejectionReason = reason;
        RejectionNote = note;
    }

    /// <summary>The asker asked (by email, to the officer) for the question to be withdrawn; any time before publication.</summary>
    public void Withdraw(string? note, Actor by, DateTimeOffset now) =>
        Move(QuestionStatus.Withdrawn, "withdrawn", by, now, note,
            QuestionStatus.AwaitingConfirmation, QuestionStatus.Submitted, QuestionStatus.Accepted, QuestionStatus.Answered,
            QuestionStatus.NeedsReassignment);

    /// <summary>Commissioner's office staff write (or rewrite) the answer of an accepted question; it waits for approval.</summary>
    public void DraftAnswer(string answer, string answeredBy, Actor by, DateTimeOffset now)
    {
        Require("answered", QuestionStatus.Accepted);
        Answer = answer;
        AnsweredBy = answeredBy;
        AnswerDraftedBy = by.Subject;
        Record("answer-drafted", Status, by, now, null);
    }

    /// <summary>The Commissioner's office approves the answer: a second person, never the one who wrote it.</summary>
    public void ApproveAnswer(bool publishEarly, Actor by, DateTimeOffset now)
    {
        Require("approved", QuestionStatus.Accepted);
        if (Answer is null)
        {
            throw new QuestionRuleException("no-answer", "There is no answer to approve yet.");
        }

        if (string.Equals(AnswerDraftedBy, by.Subject, StringComparison.Ordinal))
        {
            throw new QuestionRuleException("approver-wrote-answer", "An answer must be approved by someone other than its author.");
        }

        PublishEarly = publishEarly;
        AnswerApprovedAt = now;
        Move(QuestionStatus.Answered, "answer-approved", by, now, publishEarly ? "marked for early publication" : null, QuestionStatus.Accepted);
    }

    /// <summary>Published with the meeting: once it has started, or before where marked for early publication.</summary>
    public bool CanPublish(DateTimeOffset meetingStartsAt, DateTimeOffset now) =>
        Status == QuestionStatus.Answered && (PublishEarly || now >= meetingStartsAt);

    public void Publish(DateTimeOffset meetingStartsAt, Actor by, DateTimeOffset now)
    {
        Require("published", QuestionStatus.Answered);
        if (!CanPublish(meetingStartsAt, now))
        {
            throw new QuestionRuleException("meeting-not-started",
                "An answer is published with the meeting; this one is not marked for early publication.");
        }

        PublishedAt = now;
        Move(QuestionStatus.Published, "published", by, now, null, QuestionStatus.Answered);
    }

    /// <summary>The meeting was cancelled. False for questions that are closed (or not yet confirmed) and stay as they are.</summary>
    public bool MarkNeedsReassignment(DateTimeOffset now)
    {
        if (Status is not (QuestionStatus.Submitted or QuestionStatus.Accepted or QuestionStatus.Answered))
        {
            return false;
        }

        // An approved answer was for the cancelled meeting; it is approved again for the new one.
        AnswerApprovedAt = null;
        PublishEarly = false;
        Move(QuestionStatus.NeedsReassignment, "needs-reassignment", Actor.System, now, "the meeting was cancelled", Status);
        return true;
    }

    /// <summary>A moderator moves the question to another meeting; it is moderated again there.</summary>
    public void Reassign(Guid meetingId, string bodySlug, Actor by, DateTimeOffset now)
    {
        if (meetingId == MeetingId)
        {
            throw new QuestionRuleException("same-meeting", "The question is already for that meeting.");
        }

        var previous = MeetingId;
        Move(QuestionStatus.Submitted, "reassigned", by, now, $"from meeting {previous}",
            QuestionStatus.NeedsReassignment, QuestionStatus.Submitted);
        MeetingId = meetingId;
        BodySlug = bodySlug;
        AgendaItemId = null;
    }

    /// <summary>Whether a moderator may see the question at all: a public one only after its email link was followed.</summary>
    public bool IsVisibleToStaff => Status != QuestionStatus.AwaitingConfirmation;

    private static Question New(Guid? id, QuestionKind kind, Guid meetingId, string bodySlug, string topic, string text, Asker asker, DateTimeOffset now) =>
        new()
        {
            Id = id ?? Guid.CreateVersion7(now),
            Kind = kind,
            MeetingId = meetingId,
            BodySlug = bodySlug,
            Topic = topic.Trim(),
            Text = text.Trim(),
            Asker = asker,
            SubmittedAt = now,
        };

    private void Require(string action, params QuestionStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new QuestionRuleException("invalid-transition", $"A question that is {Describe(Status)} cannot be {action.Replace('-', ' ')}.");
        }
    }

    private void Move(QuestionStatus to, string action, Actor by, DateTimeOffset now, string? note, params QuestionStatus[] from)
    {
        Require(action, from);
        var previous = Status;
        Status = to;
        Record(action, previous, by, now, note);
    }

    private void Record(string action, QuestionStatus? from, Actor by, DateTimeOffset now, string? note) =>
        _history.Add(new QuestionTransition(Id, _history.Count + 1, action, from, Status, by, now, note));

    private static string JoinNote(string code, string? note) => string.IsNullOrWhiteSpace(note) ? code : $"{code}: {note}";

    private static string Describe(QuestionStatus status) => RejectionReasons.Kebab(status.ToString());
}
