namespace PanelPlatform.Meetings;

/// <summary>Names this service; also the marker type tests give WebApplicationFactory (every service has a Program).</summary>
public sealed class MeetingsApi
{
    public const string ServiceName = "meetings";
}
