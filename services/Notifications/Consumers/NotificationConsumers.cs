using MassTransit;
using PanelPlatform.Contracts.Notifications;
using PanelPlatform.Notifications.Templates;

namespace PanelPlatform.Notifications.Consumers;

public static class NotificationConsumers
{
    /// <summary>
    /// The generic consumer once per templated event type (its queue <c>{prefix}-{event}</c>), the alert fan-out, and
    /// the private commands on exactly the queues other services send them to (<see cref="NotificationQueues"/>).
    /// </summary>
    public static void Add(IBusRegistrationConfigurator bus, IConfiguration configuration, string serviceName, TemplateCatalogue catalogue)
    {
        var prefix = configuration["Messaging:EndpointPrefix"] ?? serviceName;
        foreach (var eventType in catalogue.EventTypes)
        {
            var name = $"{prefix}-{KebabCaseEndpointNameFormatter.Instance.SanitizeName(eventType.Name)}";
            bus.AddConsumer(typeof(TemplatedEventConsumer<>).MakeGenericType(eventType)).Endpoint(e => e.Name = name);
        }

        bus.AddConsumer<AlertIssuedConsumer>();

        // Tests that host several copies of the service on one broker give each copy its own command queues.
        var suffix = configuration["Notifications:CommandQueueSuffix"] ?? "";
        bus.AddConsumer<RegisterRecipientConsumer>().Endpoint(e => e.Name = NotificationQueues.RegisterRecipient + suffix);
        bus.AddConsumer<ForgetRecipientConsumer>().Endpoint(e => e.Name = NotificationQueues.ForgetRecipient + suffix);
        bus.AddConsumer<SendNoticeConsumer>().Endpoint(e => e.Name = NotificationQueues.SendNotice + suffix);
    }
}
