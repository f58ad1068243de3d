namespace PanelPlatform.ServiceDefaults.Auth;

/// <summary>
/// <c>Auth</c> configuration. Production names an OpenID Connect <see cref="Authority"/> (the issuer its tokens carry);
/// development and tests give a symmetric <see cref="SigningKey"/> (base64) that the AppHost or the test fixture made.
/// With both, tokens of either kind are accepted (development: mint-token.sh and the Identity service side by side).
/// </summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";
    public const string DevelopmentIssuer = "panel-platform-dev";
    public const string DefaultAudience = "panel-platform";
    public const string RoleClaim = "role";
    public const string NameClaim = "name";

    public string? Authority { get; set; }

    /// <summary>
    /// Where to fetch the authority's discovery document when that is not the public address: the identity service's
    /// own (internal) address, e.g. <c>http://identity/identity/.well-known/openid-configuration</c>, resolved by
    /// service discovery. The document's issuer must still be <see cref="Authority"/>.
    /// </summary>
    public string? MetadataAddress { get; set; }
    public string Audience { get; set; } = DefaultAudience;
    public string? SigningKey { get; set; }
    public string Issuer { get; set; } = DevelopmentIssuer;
    /// <summary>False only where the metadata address is plain HTTP (development, or inside the cluster).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
