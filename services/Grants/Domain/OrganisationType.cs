namespace PanelPlatform.Grants.Domain;

/// <summary>Kinds of organisation a scheme can fund (JSON: kebab-case, e.g. <c>parish-town-council</c>).</summary>
public enum OrganisationType
{
    Charity,
    CommunityGroup,
    ParishTownCouncil,
    Cic,
    School,
    LocalAuthority,

    /// <summary>Not-for-profit companies and other third-sector bodies that are not registered charities.</summary>
    NonProfit,
}
