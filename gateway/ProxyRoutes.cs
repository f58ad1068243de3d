using Yarp.ReverseProxy.Configuration;

namespace PanelPlatform.Gateway;

/// <summary>
/// One route and one cluster per service: <c>/api/{service}/**</c> goes, path unchanged, to <c>http://{service}</c>,
/// which service discovery resolves to the instances the AppHost (or the cluster) runs; <c>/identity/**</c> goes to the
/// sign-in service. Every other path goes to the web site, so a browser never needs any address but the gateway's.
/// </summary>
public static class ProxyRoutes
{
    /// <summary>Evaluated after every specific route and after the gateway's own <c>/health</c> and <c>/alive</c>.</summary>
    private const int SiteOrder = 1000;

    /// <summary>
    /// A meeting's document (up to 10 MB, and the console's form around it) may be bigger than the 1 MB every other
    /// request is held to: only the two requests that carry one are let through with more, and the service (or the
    /// site) behind still checks the file itself.
    /// </summary>
    public const long DocumentUploadBytes = 11L * 1024 * 1024;

    public static IReadOnlyList<RouteConfig> Routes(IEnumerable<string> services) =>
    [
        new RouteConfig
        {
            RouteId = "meetings-document-upload",
            ClusterId = "meetings",
            RateLimiterPolicy = GatewayRateLimiting.AnonymousWritesPolicy,
            MaxRequestBodySize = DocumentUploadBytes,
            Match = new RouteMatch { Path = "/api/meetings/meetings/{id}/documents", Methods = ["POST"] },
        },
        new RouteConfig
        {
            RouteId = "console-document-upload",
            ClusterId = GatewayApi.Site,
            MaxRequestBodySize = DocumentUploadBytes,
            Match = new RouteMatch { Path = "/console/meetings/{id}/documents", Methods = ["POST"] },
        },
        .. services.Select(service => new RouteConfig
        {
            RouteId = service,
            ClusterId = service,
            RateLimiterPolicy = GatewayRateLimiting.AnonymousWritesPolicy,
            Match = new RouteMatch { Path = $"/api/{service}/{{**rest}}" },
        }),
        new RouteConfig
        {
            // Sign-in pages, OpenID Connect endpoints and discovery. Not the anonymous-writes limit: every sign-in is an
            // anonymous write; the login form has its own per-address limit and the accounts their lockout. YARP's
            // X-Forwarded-Host/-Proto tell the identity service the public address it names in discovery and redirects.
            RouteId = GatewayApi.Identity,
            ClusterId = GatewayApi.Identity,
            RateLimiterPolicy = GatewayRateLimiting.SignInPolicy,
            Match = new RouteMatch { Path = "/identity/{**rest}" },
        },
        // The site's own form posts are not limited here: what they write goes through the APIs above, limited per
        // resident by the address the site signs (ForwardedClient).
        new RouteConfig
        {
            RouteId = GatewayApi.Site,
            ClusterId = GatewayApi.Site,
            Order = SiteOrder,
            Match = new RouteMatch { Path = "/{**rest}" },
        },
    ];

    public static IReadOnlyList<ClusterConfig> Clusters(IEnumerable<string> services) =>
        [.. services.Append(GatewayApi.Identity).Append(GatewayApi.Site).Select(Cluster)];

    private static ClusterConfig Cluster(string service) => new()
    {
        ClusterId = service,
        LoadBalancingPolicy = "RoundRobin",
        Destinations = new Dictionary<string, DestinationConfig>
        {
            [service] = new() { Address = $"http://{service}" },
        },
    };
}
