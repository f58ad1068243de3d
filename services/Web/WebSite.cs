namespace PanelPlatform.Web;

/// <summary>The web site: the public pages residents use and the staff console, served at the gateway's root.</summary>
public sealed class WebSite
{
    public const string ServiceName = "web";
}
