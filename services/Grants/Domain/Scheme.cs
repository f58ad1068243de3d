namespace PanelPlatform.Grants.Domain;

/// <summary>A grant scheme (e.g. the ASB Prevention Grant): who funds it, what for, who may apply.</summary>
public sealed class Scheme
{
    private Scheme()
    {
    }

    public string Slug { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Purpose { get; private set; } = "";
    public string FunderName { get; private set; } = "";

    /// <summary>The funder's org-id (or an identifier under our 360Giving prefix), for fundingOrganization.</summary>
    public string FunderIdentifier { get; private set; } = "";

    public List<OrganisationType> EligibleOrganisationTypes { get; private set; } = [];

    /// <summary>Slugs of the Police and Crime Plan priorities the scheme serves.</summary>
    public List<string> Priorities { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public static Scheme Create(
        string slug, string name, string purpose, string funderName, string funderIdentifier,
        IEnumerable<OrganisationType> eligible, IEnumerable<string> priorities, DateTimeOffset now) =>
        new()
        {
            Slug = slug,
            Name = name.Trim(),
            Purpose = purpose.Trim(),
            FunderName = funderName.Trim(),
            FunderIdentifier = funderIdentifier.Trim(),
            EligibleOrganisationTypes = eligible.Distinct().ToList(),
            Priorities = priorities.Distinct().ToList(),
            CreatedAt = now,
        };
}
