namespace PanelPlatform.Grants;

/// <summary>Names this service; also the marker type tests give WebApplicationFactory.</summary>
public sealed class GrantsApi
{
    public const string ServiceName = "grants";
}
