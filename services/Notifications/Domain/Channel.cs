namespace PanelPlatform.Notifications.Domain;

public enum Channel
{
    Webhook,
    Email,
    Sms,
}

public static class ChannelTokens
{
    /// <summary>The lower-case name used in subscribers' channel arrays and in the API (<c>email</c>, <c>sms</c>, <c>webhook</c>).</summary>
    public static string Token(this Channel channel) => channel switch
    {
        Channel.Email => "email",
        Channel.Sms => "sms",
        _ => "webhook",
    };

    public static readonly IReadOnlyList<Channel> All = [Channel.Email, Channel.Sms, Channel.Webhook];
}
