namespace PanelPlatform.Contracts.Questions;

/// <summary>Question kinds: <c>public</c> (a resident) or <c>member</c> (a Panel member).</summary>
public static class QuestionKinds
{
    public const string Public = "public";
    public const string Member = "member";
}

/// <summary>A question arrived. No personal data: not the asker, not the text (it is not yet moderated).</summary>
public sealed record QuestionSubmitted(Guid QuestionId, Guid MeetingId, string Kind, string Topic, DateTimeOffset OccurredAt);

/// <summary>
/// A moderator accepted a question for a meeting (and agenda item). <paramref name="AskedBy"/> is the published name:
/// the asker's name only with their consent, else "a member of the public".
/// </summary>
/// <param name="RecipientId">The asker, as registered with Notifications; never their address.</param>
public sealed record QuestionAccepted(
    Guid QuestionId,
    Guid MeetingId,
    Guid? AgendaItemId,
    string Kind,
    string Topic,
    string Text,
    string AskedBy,
    Guid? RecipientId,
    DateTimeOffset OccurredAt);

/// <summary>A question was rejected for one of the fixed reasons (e.g. <c>not-about-the-topic</c>, <c>after-the-deadline</c>).</summary>
public sealed record QuestionRejected(Guid QuestionId, Guid MeetingId, string Kind, string Reason, Guid? RecipientId, DateTimeOffset OccurredAt);

/// <summary>An answer was approved. The answer itself is public only when the questions are published.</summary>
public sealed record QuestionAnswered(Guid QuestionId, Guid MeetingId, string Kind, Guid? RecipientId, DateTimeOffset OccurredAt);

/// <summary>The meeting a question was for was cancelled: the question waits for a new meeting.</summary>
public sealed record QuestionNeedsReassignment(Guid QuestionId, Guid MeetingId, string Kind, Guid? RecipientId, DateTimeOffset OccurredAt);

/// <summary>One published question and its answer.</summary>
public sealed record PublishedQuestion(
    Guid QuestionId, string Kind, Guid? AgendaItemId, string AskedBy, string Text, string Answer, string AnsweredBy);

/// <summary>A meeting's answered questions were published (with the meeting, or early where marked).</summary>
/// <remarks>
/// The meeting's facts after <paramref name="OccurredAt"/> were added later (additive), as Questions knows them from
/// Meetings' events: a message published before them has none, and reads with them null.
/// </remarks>
/// <param name="BodyName">The name of the body whose meeting it is (e.g. "Derbyshire Police and Crime Panel").</param>
/// <param name="MeetingTitle">The meeting's title.</param>
/// <param name="MeetingStartsAt">When the meeting starts, with the Europe/London offset of the day.</param>
public sealed record QuestionsPublished(
    Guid MeetingId,
    IReadOnlyList<PublishedQuestion> Questions,
    DateTimeOffset OccurredAt,
    string? BodyName = null,
    string? MeetingTitle = null,
    DateTimeOffset? MeetingStartsAt = null);

/// <summary>
/// An accepted (or answered) question was withdrawn at the asker's request before publication: whoever lists
/// accepted questions under the meeting removes it. (Added after the first contracts; additive.)
/// </summary>
public sealed record QuestionWithdrawn(Guid QuestionId, Guid MeetingId, string Kind, Guid? RecipientId, DateTimeOffset OccurredAt);
