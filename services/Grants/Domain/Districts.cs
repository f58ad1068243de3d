namespace PanelPlatform.Grants.Domain;

/// <summary>
/// The areas a round can be open to: the eight districts and boroughs of Derbyshire and Derby City, spelt as
/// Notifications spells them, with the ONS local authority district code 360Giving's beneficiaryLocation takes.
/// </summary>
public static class Districts
{
    public sealed record District(string Name, string OnsCode);

    public static readonly IReadOnlyList<District> All =
    [
        new("Amber Valley", "E07000032"),
        new("Bolsover", "E07000033"),
        new("Chesterfield", "E07000034"),
        new("Derby City", "E06000015"),
        new("Derbyshire Dales", "E07000035"),
        new("Erewash", "E07000036"),
        new("High Peak", "E07000037"),
        new("North East Derbyshire", "E07000038"),
        new("South Derbyshire", "E07000039"),
    ];

    public static readonly IReadOnlyList<string> Names = All.Select(d => d.Name).ToList();

    private static readonly Dictionary<string, District> ByKey = All
        .SelectMany(d => new[] { (Key: d.Name.ToLowerInvariant(), d), (Key: Slug(d.Name), d) })
        .DistinctBy(p => p.Key)
        .ToDictionary(p => p.Key, p => p.d, StringComparer.Ordinal);

    /// <summary>The canonical name of an area given by name (any case) or slug (<c>amber-valley</c>); null if not ours.</summary>
    public static string? Canonical(string? nameOrSlug) =>
        nameOrSlug is null ? null : ByKey.GetValueOrDefault(nameOrSlug.Trim().ToLowerInvariant())?.Name;

    public static string OnsCode(string name) => ByKey[name.ToLowerInvariant()].OnsCode;

    /// <summary>Canonical names in the order of <see cref="All"/>, duplicates removed.</summary>
    public static List<string> Normalise(IEnumerable<string> names) =>
        Names.Where(n => names.Any(x => string.Equals(Canonical(x), n, StringComparison.Ordinal))).ToList();

    public static bool IsWholeCounty(IReadOnlyCollection<string> names) => Names.All(names.Contains);

    private static string Slug(string name) => name.ToLowerInvariant().Replace(' ', '-');
}
