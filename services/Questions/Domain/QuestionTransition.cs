namespace PanelPlatform.Questions.Domain;

/// <summary>One line of a question's history: what happened, from which status to which, who did it and when.</summary>
public sealed class QuestionTransition
{
    private QuestionTransition()
    {
    }

    public QuestionTransition(Guid questionId, int sequence, string action, QuestionStatus? from, QuestionStatus to, Actor by, DateTimeOffset at, string? note)
    {
        Id = Guid.CreateVersion7(at);
        QuestionId = questionId;
        Sequence = sequence;
        Action = action;
        From = from;
        To = to;
        BySubject = by.Subject;
        ByName = by.Name;
        At = at;
        Note = note;
    }

    public Guid Id { get; private set; }
    public Guid QuestionId { get; private set; }

    /// <summary>Order within the question's history (several changes can share an instant).</summary>
    public int Sequence { get; private set; }

    public string Action { get; private set; } = "";
    public QuestionStatus? From { get; private set; }
    public QuestionStatus To { get; private set; }
    public string BySubject { get; private set; } = "";
    public string ByName { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public string? Note { get; private set; }
}
