namespace PanelPlatform.Casework.Domain;

/// <summary>Two cases that belong together (a complaint and its review, repeat correspondence). Stored both ways.</summary>
public sealed class CaseLink
{
    private CaseLink()
    {
    }

    public Guid CaseId { get; private set; }
    public Guid LinkedCaseId { get; private set; }
    public DateTimeOffset LinkedAt { get; private set; }
    public string LinkedBy { get; private set; } = "";

    public static IReadOnlyList<CaseLink> Between(Case one, Case other, string linkedBy, DateTimeOffset now)
    {
        if (one.Id == other.Id)
        {
            throw new CaseRuleException("link-to-itself", "A case cannot be linked to itself.");
        }

        return
        [
            new CaseLink { CaseId = one.Id, LinkedCaseId = other.Id, LinkedAt = now, LinkedBy = linkedBy },
            new CaseLink { CaseId = other.Id, LinkedCaseId = one.Id, LinkedAt = now, LinkedBy = linkedBy },
        ];
    }
}
