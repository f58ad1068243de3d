namespace PanelPlatform.Identity;

/// <summary>
/// The <c>Identity</c> section. <see cref="Issuer"/> is the public address browsers and tokens see (the gateway's URL
/// + <c>/identity/</c>), fixed here because services fetch discovery from the identity service's own address.
/// </summary>
public sealed class IdentityServiceOptions
{
    public const string SectionName = "Identity";

    public Uri? Issuer { get; set; }

    /// <summary>An RSA private key, PEM. Every replica must have the same one: it signs access and id tokens.</summary>
    public string? SigningKey { get; set; }

    /// <summary>32 bytes, base64: encrypts authorization codes and refresh tokens. The same on every replica.</summary>
    public string? EncryptionKey { get; set; }

    public List<ClientOptions> Clients { get; set; } = [];

    /// <summary>Development only: one account per role (<c>{role}@panel.test</c>) with <see cref="DevelopmentPassword"/>.</summary>
    public bool SeedDevelopmentAccounts { get; set; }

    public string? DevelopmentPassword { get; set; }

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromHours(10);
}

/// <summary>A relying party, registered (or brought up to date) in the database at start-up.</summary>
public sealed class ClientOptions
{
    public string ClientId { get; set; } = "";

    public string? DisplayName { get; set; }

    /// <summary>Confidential client secret; without one the client is public (PKCE alone).</summary>
    public string? Secret { get; set; }

    public List<Uri> RedirectUris { get; set; } = [];

    public List<Uri> PostLogoutRedirectUris { get; set; } = [];
}
