namespace PanelPlatform.Notifications;

/// <summary>Names this service; also the marker type tests give WebApplicationFactory.</summary>
public sealed class NotificationsApi
{
    public const string ServiceName = "notifications";
}
