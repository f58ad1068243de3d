namespace PanelPlatform.Meetings.Domain;

public enum MembershipRole
{
    Chair,
    ViceChair,
    Member,
    CoOptedMember,
    IndependentMember,
    Officer,
    AlsoPresent,
}

/// <summary>A person's place on a body for a period: role, the council a councillor represents, start and end dates.</summary>
public sealed class Membership
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public Guid BodyId { get; set; }
    public MembershipRole Role { get; set; }

    /// <summary>One of <see cref="Councils.All"/> for a councillor; null for independent members and officers.</summary>
    public string? Council { get; set; }

    public string? Party { get; set; }
    public DateOnly StartsOn { get; set; }

    /// <summary>The last day of the membership (inclusive); null while it continues.</summary>
    public DateOnly? EndsOn { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Chairs, vice-chairs, members, co-opted and independent members sit and vote; officers and those "also present" do not.</summary>
    public static bool IsSeat(MembershipRole role) => role is not (MembershipRole.Officer or MembershipRole.AlsoPresent);

    public bool IsActiveOn(DateOnly date) => StartsOn <= date && (EndsOn is null || date <= EndsOn);

    /// <summary>A member of the body (in office) on <paramref name="date"/>.</summary>
    public bool IsMemberOn(DateOnly date) => IsSeat(Role) && IsActiveOn(date);
}

/// <summary>The councils whose councillors sit on the Derbyshire Police and Crime Panel: the city, the county and the eight districts and boroughs.</summary>
public static class Councils
{
    public static readonly IReadOnlyList<string> All =
    [
        "Derby City Council",
        "Derbyshire County Council",
        "Amber Valley Borough Council",
        "Bolsover District Council",
        "Chesterfield Borough Council",
        "Derbyshire Dales District Council",
        "Erewash Borough Council",
        "High Peak Borough Council",
        "North East Derbyshire District Council",
        "South Derbyshire District Council",
    ];

    public static string? Canonical(string? council) =>
        council is null ? null : All.FirstOrDefault(c => string.Equals(c, council.Trim(), StringComparison.OrdinalIgnoreCase));
}
