using PanelPlatform.Notifications.Alerts;
using PanelPlatform.Notifications.Links;

namespace PanelPlatform.Notifications.Channels;

public static class DeliveryExtensions
{
    /// <summary>The channels, the ledger's worker, the daily digest and the alert scheduler.</summary>
    public static IHostApplicationBuilder AddNotificationDelivery(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.SectionName);
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName);
        services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.SectionName);
        services.AddOptions<Links.LinkOptions>().BindConfiguration(Links.LinkOptions.SectionName);
        services.AddSingleton<DeliverySignal>();
        services.AddSingleton<SendingSwitch>();
        services.AddSingleton<LinkTokens>();
        services.AddSingleton<MessageLinks>();
        services.AddSingleton<MessageComposer>();
        services.AddScoped<Fanout>();

        services.AddSingleton<WebhookSender>();
        services.AddSingleton<EmailSender>();
        services.AddSingleton<SmsSender>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<WebhookSender>());
        services.AddSingleton<NotifyEmailSender>();
        // One email sender: the configured provider (the worker keys its senders by channel).
        services.AddSingleton<IChannelSender>(sp =>
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<EmailOptions>>().Value.Provider == EmailProvider.Notify
                ? sp.GetRequiredService<NotifyEmailSender>()
                : sp.GetRequiredService<EmailSender>());
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<SmsSender>());

        // The ledger does the retrying, with its own backoff: no resilience handler retrying underneath it.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; it is the documented way to opt one client out.
        services.AddHttpClient(WebhookSender.HttpClientName)
            .RemoveAllResilienceHandlers()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                // A subscriber's endpoint must not redirect our signed POSTs elsewhere.
                AllowAutoRedirect = false,
            })
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddHttpClient(SmsSender.HttpClientName)
            .RemoveAllResilienceHandlers()
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan);
#pragma warning restore EXTEXP0001

        services.AddSingleton<DeliveryWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryWorker>());
        services.AddSingleton<DigestJob>();
        services.AddHostedService(sp => sp.GetRequiredService<DigestJob>());
        services.AddSingleton<AlertScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertScheduler>());
        return builder;
    }
}
