namespace PanelPlatform.Notifications.Tests;

/// <summary>
/// Every copy of the service on the shared broker receives every event published in the run (each has its own
/// endpoint names), so test classes that publish events and then count what their subscribers got must not run at
/// the same time: one class's agenda would reach the other's meetings subscribers.
/// </summary>
public static class PlatformEvents
{
    public const string Collection = "platform events";
}
