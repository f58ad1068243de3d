using PanelPlatform.Questions.Domain;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Questions.Endpoints;

/// <summary>The asker's details: only in responses to the moderator of the question's body.</summary>
public sealed record AskerView(Guid? MemberId, string Name, string? Email, string? Postcode, string? Area, bool ConsentToPublishName)
{
    public static AskerView From(Asker a) => new(a.MemberId, a.Name, a.Email, a.Postcode, a.Area, a.ConsentToPublishName);
}

public sealed record RejectionView(RejectionReason Reason, string? Note);

public sealed record AnswerView(string Text, string AnsweredBy, bool Approved, bool PublishEarly, DateTimeOffset? ApprovedAt);

public sealed record TransitionView(string Action, QuestionStatus? From, QuestionStatus To, string By, DateTimeOffset At, string? Note)
{
    public static TransitionView Of(QuestionTransition t) =>
        new(t.Action, t.From, t.To, t.ByName, UkTime.ToLondon(t.At), t.Note);
}

public sealed record SimilarQuestionView(Guid Id, QuestionStatus Status, string Text, double Similarity);

/// <summary>A question as staff see it. <see cref="Asker"/> is null unless the caller moderates the question's body.</summary>
public sealed record QuestionView(
    Guid Id,
    QuestionKind Kind,
    QuestionStatus Status,
    Guid MeetingId,
    string BodySlug,
    Guid? AgendaItemId,
    string Topic,
    string Text,
    string AskedBy,
    AskerView? Asker,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? Deadline,
    bool? ArrivedOnTime,
    RejectionView? Rejection,
    AnswerView? Answer,
    DateTimeOffset? PublishedAt,
    IReadOnlyList<TransitionView>? History,
    IReadOnlyList<SimilarQuestionView>? Similar)
{
    public static QuestionView From(
        Question q, bool withContact, DateTimeOffset? deadline,
        IReadOnlyList<TransitionView>? history = null, IReadOnlyList<SimilarQuestionView>? similar = null) => new(
        q.Id, q.Kind, q.Status, q.MeetingId, q.BodySlug, q.AgendaItemId, q.Topic, q.Text, q.Asker.PublishedName,
        withContact ? AskerView.From(q.Asker) : null,
        UkTime.ToLondon(q.SubmittedAt),
        deadline is { } d ? UkTime.ToLondon(d) : null,
        deadline is { } due ? q.SubmittedAt < due : null,
        q.RejectionReason is { } reason ? new RejectionView(reason, q.RejectionNote) : null,
        q.Answer is { } answer
            ? new AnswerView(answer, q.AnsweredBy ?? "", q.AnswerApprovedAt is not null, q.PublishEarly,
                q.AnswerApprovedAt is { } approved ? UkTime.ToLondon(approved) : null)
            : null,
        q.PublishedAt is { } published ? UkTime.ToLondon(published) : null,
        history,
        similar);
}

/// <summary>What a resident is told after submitting or confirming: nothing of anyone else's question.</summary>
public sealed record PublicReceipt(
    Guid Id,
    QuestionStatus Status,
    Guid MeetingId,
    string MeetingTitle,
    DateTimeOffset Deadline,
    string Message,
    bool SimilarQuestionAccepted);

/// <summary>A meeting as the question form shows it.</summary>
public sealed record MeetingQuestionsInfo(
    Guid MeetingId,
    string BodySlug,
    string BodyName,
    string Title,
    DateTimeOffset StartsAt,
    bool Cancelled,
    DateTimeOffset PublicDeadline,
    DateTimeOffset MemberDeadline,
    bool OpenForPublicQuestions,
    bool OpenForMemberQuestions);

/// <summary>One published question and its answer.</summary>
public sealed record PublishedQuestionView(
    Guid Id, QuestionKind Kind, Guid? AgendaItemId, string AskedBy, string Topic, string Text, string Answer, string AnsweredBy,
    DateTimeOffset PublishedAt);

public sealed record PublishedQuestionsView(Guid MeetingId, string Title, DateTimeOffset StartsAt, IReadOnlyList<PublishedQuestionView> Questions);
