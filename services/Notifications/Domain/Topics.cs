namespace PanelPlatform.Notifications.Domain;

/// <summary>What a subscriber can ask to hear about.</summary>
public static class Topics
{
    public const string Meetings = "meetings";
    public const string Questions = "questions";
    public const string Grants = "grants";
    public const string CrimePrevention = "crime-prevention";
    public const string Appeals = "appeals";
    public const string Rural = "rural";
    public const string RoadSafety = "road-safety";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Meetings, Questions, Grants, CrimePrevention, Appeals, Rural, RoadSafety,
    };

    /// <summary>Each topic as a resident chooses it: its name and what it brings, in the order a sign-up form lists them.</summary>
    public static readonly IReadOnlyList<(string Slug, string Name, string Description)> Described =
    [
        (Meetings, "Police and Crime Panel meetings", "When a meeting is arranged or changed, and when its agenda and minutes are published"),
        (Questions, "Questions to the Commissioner", "When answers to public questions are published"),
        (Grants, "Grants and funding", "When a grant round opens or is about to close, and when grants are awarded"),
        (CrimePrevention, "Crime prevention", "Advice and warnings about crime where you live"),
        (Appeals, "Police appeals", "Appeals for witnesses and information"),
        (Rural, "Rural crime", "Farm, wildlife and countryside crime"),
        (RoadSafety, "Road safety", "Speed checks, road safety campaigns and warnings"),
    ];
}

/// <summary>Derbyshire's districts and boroughs, and Derby City: the areas alerts are sent by.</summary>
public static class Areas
{
    public static readonly IReadOnlyList<string> All =
    [
        "Amber Valley", "Bolsover", "Chesterfield", "Derby City", "Derbyshire Dales", "Erewash",
        "High Peak", "North East Derbyshire", "South Derbyshire",
    ];

    private static readonly Dictionary<string, string> ByLowerName =
        All.Concat(["Derby"]).ToDictionary(a => a.ToLowerInvariant(), a => a == "Derby" ? "Derby City" : a, StringComparer.Ordinal);

    /// <summary>The canonical spelling of an area name given in any case (or as a slug), or null if it is not one of ours.</summary>
    public static string? Canonical(string name) =>
        ByLowerName.GetValueOrDefault(name.Trim().Replace('-', ' ').ToLowerInvariant());
}

/// <summary>
/// A ward within an area, written <c>Area/Ward</c> (e.g. <c>Erewash/Long Eaton Central</c>). Ward names are not a
/// closed list here (there are hundreds and boundaries change), so the area must be ours and the ward plain text.
/// </summary>
public static class Wards
{
    public const int MaxWardLength = 80;

    public static string? Canonical(string token)
    {
        var slash = token.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || Areas.Canonical(token[..slash]) is not { } area)
        {
            return null;
        }

        var ward = string.Join(' ', token[(slash + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (ward.Length is 0 or > MaxWardLength || ward.Contains('/', StringComparison.Ordinal) || ward.Any(char.IsControl) ||
            ward.Contains('<', StringComparison.Ordinal))
        {
            return null;
        }

        return $"{area}/{ward}";
    }

    public static string AreaOf(string ward) => ward[..ward.IndexOf('/', StringComparison.Ordinal)];
}

/// <summary>
/// Community groups a subscriber can join: the county-wide watch schemes, or a named Neighbourhood Watch scheme
/// (<c>neighbourhood-watch/&lt;scheme&gt;</c>).
/// </summary>
public static partial class Groups
{
    public const string FarmWatch = "farm-watch";
    public const string AllotmentWatch = "allotment-watch";
    public const string CommunitySpeedwatch = "community-speedwatch";
    public const string HorseWatch = "horse-watch";
    public const string BusinessWatch = "business-watch";
    public const string NeighbourhoodWatchPrefix = "neighbourhood-watch/";

    public static readonly IReadOnlySet<string> Schemes = new HashSet<string>(StringComparer.Ordinal)
    {
        FarmWatch, AllotmentWatch, CommunitySpeedwatch, HorseWatch, BusinessWatch,
    };

    /// <summary>The county-wide schemes by the names residents know them by.</summary>
    public static readonly IReadOnlyList<(string Slug, string Name)> Named =
    [
        (FarmWatch, "Farm Watch"), (AllotmentWatch, "Allotment Watch"), (CommunitySpeedwatch, "Community Speedwatch"),
        (HorseWatch, "Horse Watch"), (BusinessWatch, "Business Watch"),
    ];

    public static string? Canonical(string group)
    {
        var slug = group.Trim().ToLowerInvariant();
        if (Schemes.Contains(slug))
        {
            return slug;
        }

        return slug.StartsWith(NeighbourhoodWatchPrefix, StringComparison.Ordinal) &&
               SchemeSlug().IsMatch(slug[NeighbourhoodWatchPrefix.Length..])
            ? slug
            : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial System.Text.RegularExpressions.Regex SchemeSlug();
}
