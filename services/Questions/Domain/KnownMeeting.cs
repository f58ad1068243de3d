namespace PanelPlatform.Questions.Domain;

/// <summary>One public agenda item of a meeting, as announced by Meetings.</summary>
public sealed record KnownAgendaItem(Guid ItemId, string Number, string Title);

/// <summary>
/// What Questions knows of a meeting, learnt only from Meetings' events: enough for deadlines, moderation and
/// publication. Events may arrive out of order; one older than the last applied change is ignored.
/// </summary>
public sealed class KnownMeeting
{
    private KnownMeeting()
    {
    }

    public Guid Id { get; private set; }
    public string BodySlug { get; private set; } = "";
    public string BodyName { get; private set; } = "";
    public string Title { get; private set; } = "";

    /// <summary>Stored as an instant; the meeting's date for deadlines is its date in Europe/London.</summary>
    public DateTimeOffset StartsAt { get; private set; }

    public bool IsCancelled { get; private set; }

    /// <summary>The <c>OccurredAt</c> of the last event applied.</summary>
    public DateTimeOffset ChangedAt { get; private set; }

    public List<KnownAgendaItem> AgendaItems { get; private set; } = [];

    public static KnownMeeting Scheduled(
        Guid id, string bodySlug, string bodyName, string title, DateTimeOffset startsAt, DateTimeOffset occurredAt) =>
        new()
        {
            Id = id,
            BodySlug = bodySlug,
            BodyName = bodyName,
            Title = title,
            StartsAt = startsAt.ToUniversalTime(),
            ChangedAt = occurredAt,
        };

    /// <summary>A later MeetingScheduled for the same id (a redelivery, or a correction): applied only if newer.</summary>
    public bool Update(string bodySlug, string bodyName, string title, DateTimeOffset startsAt, DateTimeOffset occurredAt)
    {
        if (occurredAt < ChangedAt)
        {
            return false;
        }

        BodySlug = bodySlug;
        BodyName = bodyName;
        Title = title;
        StartsAt = startsAt.ToUniversalTime();
        ChangedAt = occurredAt;
        return true;
    }

    /// <summary>Moves the meeting (and with it every deadline, which is derived from the date). A reschedule reinstates.</summary>
    public bool Reschedule(string bodySlug, string bodyName, string title, DateTimeOffset startsAt, DateTimeOffset occurredAt)
    {
        if (!Update(bodySlug, bodyName, title, startsAt, occurredAt))
        {
            return false;
        }

        IsCancelled = false;
        return true;
    }

    public bool Cancel(DateTimeOffset occurredAt)
    {
        if (occurredAt < ChangedAt || IsCancelled)
        {
            return false;
        }

        IsCancelled = true;
        ChangedAt = occurredAt;
        return true;
    }

    public static KnownMeeting Cancelled(Guid id, string bodySlug, string bodyName, string title, DateTimeOffset startsAt, DateTimeOffset occurredAt)
    {
        var meeting = Scheduled(id, bodySlug, bodyName, title, startsAt, occurredAt);
        meeting.IsCancelled = true;
        return meeting;
    }

    public void SetAgenda(IEnumerable<KnownAgendaItem> items) => AgendaItems = items.ToList();

    /// <summary>The item questions of this kind go under ("Member questions to the PCC", "Public questions on …"), if the agenda names one.</summary>
    public KnownAgendaItem? QuestionsItem(QuestionKind kind)
    {
        var word = kind == QuestionKind.Member ? "member" : "public";
        return AgendaItems.FirstOrDefault(i =>
            i.Title.Contains("question", StringComparison.OrdinalIgnoreCase) && i.Title.Contains(word, StringComparison.OrdinalIgnoreCase));
    }
}
