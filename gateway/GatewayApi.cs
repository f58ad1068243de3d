namespace PanelPlatform.Gateway;

/// <summary>What stands behind the gateway.</summary>
public sealed class GatewayApi
{
    /// <summary>The APIs; each is a plain prefix route <c>/api/{service}/**</c>.</summary>
    public static readonly IReadOnlyList<string> Services = ["meetings", "questions", "grants", "casework", "notifications"];

    /// <summary>Staff sign-in (OpenID Connect): <c>/identity/**</c>, path unchanged, to <c>http://identity</c>.</summary>
    public const string Identity = "identity";

    /// <summary>The web site: every path no other route claims.</summary>
    public const string Site = "web";

    /// <summary>Everything the gateway reports on at <c>/health</c>.</summary>
    public static IReadOnlyList<string> Backends => [.. Services, Identity, Site];
}
