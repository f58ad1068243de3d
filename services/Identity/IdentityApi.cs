namespace PanelPlatform.Identity;

/// <summary>Names this service; also the marker type tests give WebApplicationFactory (every service has a Program).</summary>
public sealed class IdentityApi
{
    public const string ServiceName = "identity";

    /// <summary>Everything the service serves is under this prefix, so the gateway routes <c>/identity/**</c> unchanged.</summary>
    public const string PathPrefix = "/identity";
}
