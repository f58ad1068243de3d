namespace PanelPlatform.Casework.Domain;

/// <summary>
/// One read of a case's personal data: who, when, which case, which fields, through what. Append-only: the database
/// refuses to update or delete these rows, and no endpoint offers to. Holds no personal data of the case itself.
/// </summary>
public sealed class PersonalDataRead
{
    private PersonalDataRead()
    {
    }

    public Guid Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string ActorSubject { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public Guid CaseId { get; private set; }
    public string Reference { get; private set; } = "";

    /// <summary>What was read through: <c>case</c>, <c>search</c>, <c>document</c>, <c>subject-access-export</c>.</summary>
    public string Purpose { get; private set; } = "";

    public List<string> Fields { get; private set; } = [];

    public static PersonalDataRead Record(
        string actorSubject, string actorName, Guid caseId, string reference, string purpose, IEnumerable<string> fields, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        At = now,
        ActorSubject = actorSubject,
        ActorName = actorName,
        CaseId = caseId,
        Reference = reference,
        Purpose = purpose,
        Fields = fields.Distinct(StringComparer.Ordinal).ToList(),
    };
}
