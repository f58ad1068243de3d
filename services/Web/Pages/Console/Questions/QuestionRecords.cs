namespace PanelPlatform.Web.Pages.Console.Questions;

// The Questions API's answers as the console reads them (enums stay kebab-case strings, as the API writes them).

/// <summary>The asker's details: only in answers to the moderator of the question's body.</summary>
public sealed record AskerRecord(Guid? MemberId, string Name, string? Email, string? Postcode, string? Area, bool ConsentToPublishName);

public sealed record RejectionRecord(string Reason, string? Note);

public sealed record AnswerRecord(string Text, string AnsweredBy, bool Approved, bool PublishEarly, DateTimeOffset? ApprovedAt);

public sealed record TransitionRecord(string Action, string? From, string To, string By, DateTimeOffset At, string? Note);

public sealed record SimilarQuestionRecord(Guid Id, string Status, string Text, double Similarity);

public sealed record QuestionRecord(
    Guid Id, string Kind, string Status, Guid MeetingId, string BodySlug, Guid? AgendaItemId, string Topic, string Text, string AskedBy,
    AskerRecord? Asker, DateTimeOffset SubmittedAt, DateTimeOffset? Deadline, bool? ArrivedOnTime, RejectionRecord? Rejection,
    AnswerRecord? Answer, DateTimeOffset? PublishedAt, IReadOnlyList<TransitionRecord>? History, IReadOnlyList<SimilarQuestionRecord>? Similar)
{
    /// <summary>The API gives the asker's contact details to the body's moderator only.</summary>
    public bool Moderated => Asker is not null;
}

public sealed record PublishResultRecord(Guid MeetingId, int Published, IReadOnlyList<Guid> QuestionIds, int WaitingForMeeting);

/// <summary>GET /api/questions/meetings/{id}: what Questions knows of a meeting.</summary>
public sealed record QuestionMeetingRecord(Guid MeetingId, string BodySlug, string BodyName, string Title, DateTimeOffset StartsAt, bool Cancelled);
