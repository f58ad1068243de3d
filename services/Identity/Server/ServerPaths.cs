namespace PanelPlatform.Identity.Server;

/// <summary>Every path the service answers on, all under <see cref="IdentityApi.PathPrefix"/>.</summary>
public static class ServerPaths
{
    public const string Authorize = IdentityApi.PathPrefix + "/connect/authorize";
    public const string Token = IdentityApi.PathPrefix + "/connect/token";
    public const string EndSession = IdentityApi.PathPrefix + "/connect/logout";
    public const string UserInfo = IdentityApi.PathPrefix + "/connect/userinfo";
    public const string Configuration = IdentityApi.PathPrefix + "/.well-known/openid-configuration";
    public const string JsonWebKeySet = IdentityApi.PathPrefix + "/.well-known/jwks";

    public const string Login = IdentityApi.PathPrefix + "/account/login";
    public const string SignedOut = IdentityApi.PathPrefix + "/account/signed-out";
    public const string SignedIn = IdentityApi.PathPrefix + "/account/signed-in";

    /// <summary>OpenIddict resolves relative endpoint URIs against the request's base address (scheme, host, path base).</summary>
    public static Uri Relative(string path) => new(path.TrimStart('/'), UriKind.Relative);
}
