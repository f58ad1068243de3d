namespace PanelPlatform.Grants;

/// <summary><c>Grants</c> configuration.</summary>
public sealed class GrantsOptions
{
    public const string SectionName = "Grants";

    /// <summary>
    /// Base64 key that signs applicant tokens. Unset, it is derived from <c>Auth:SigningKey</c> (development and
    /// tests); production sets it, the same in every instance.
    /// </summary>
    public string? ApplicantTokenKey { get; set; }

    /// <summary>How often each instance looks for round announcements due (opened, closing soon, closed).</summary>
    public TimeSpan AnnouncementInterval { get; set; } = TimeSpan.FromMinutes(1);

    public OpenDataOptions OpenData { get; set; } = new();
}

/// <summary>The 360Giving publication: our identifier prefix, the publisher and the licence.</summary>
public sealed class OpenDataOptions
{
    /// <summary>
    /// The 360Giving identifier prefix for grants (and for recipients with no registered number). 360Giving issues
    /// prefixes on registration; <c>360G-derbyshirepcc</c> stands until the office registers and is given its own.
    /// </summary>
    public string IdentifierPrefix { get; set; } = "360G-derbyshirepcc";

    public string PublisherName { get; set; } = "Office of the Police and Crime Commissioner for Derbyshire";

    /// <summary>Open Government Licence v3.0, as UK public bodies publish under.</summary>
    public string License { get; set; } = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";
}
