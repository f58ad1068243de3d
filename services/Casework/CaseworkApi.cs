namespace PanelPlatform.Casework;

/// <summary>Names this service; also the marker type tests give WebApplicationFactory.</summary>
public sealed class CaseworkApi
{
    public const string ServiceName = "casework";
}
