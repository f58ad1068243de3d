namespace PanelPlatform.Web.Gateway;

public static class GatewayAddress
{
    /// <summary><c>Web:GatewayUrl</c>: the gateway the site calls for everything (the AppHost or the cluster sets it).</summary>
    public static Uri From(IConfiguration configuration)
    {
        var configured = configuration["Web:GatewayUrl"] ?? "http://gateway";
        return new Uri(configured.EndsWith('/') ? configured : configured + "/");
    }
}
