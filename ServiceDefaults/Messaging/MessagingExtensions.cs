using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace PanelPlatform.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    public const string ConnectionName = "messaging";

    /// <summary>
    /// MassTransit on RabbitMQ for one service: queues named <c>{service}-{consumer}</c>, quorum queues, retries with
    /// exponential backoff then the <c>_error</c> queue, our inbox around every consumer and our outbox dispatcher.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging<TDbContext>(
        this IHostApplicationBuilder builder,
        string serviceName,
        Action<IBusRegistrationConfigurator>? configureConsumers = null)
        where TDbContext : DbContext
    {
        var services = builder.Services;
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MessagingTelemetry>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxSignalInterceptor>();
        services.AddScoped(sp => new InboxDbContext(sp.GetRequiredService<TDbContext>()));
        services.AddScoped<AfterCommit>();
        services.AddSingleton<OutboxDispatcher<TDbContext>>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher<TDbContext>>());

        var retry = builder.Configuration.GetSection(RetryOptions.SectionName).Get<RetryOptions>() ?? new RetryOptions();
        services.AddMassTransit(bus =>
        {
            // Replicas of a service share its queues (competing consumers). Tests that host several copies of a service
            // on separate databases give each its own prefix, so each copy receives every event.
            var prefix = builder.Configuration["Messaging:EndpointPrefix"] ?? serviceName;
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(prefix + "-", includeNamespace: false));
            // MassTransit 8.5 otherwise reports each bus's shape to usage-tracking.masstransit.io: nothing leaves the platform uninvited.
            bus.DisableUsageTelemetry();
            configureConsumers?.Invoke(bus);
            bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    // Durable and replicated across a cluster's nodes; a single local node serves them as well.
                    rabbit.SetQuorumQueue();
                }

                // After the last retry MassTransit moves the message to the endpoint's _error queue: kept, not dropped.
                endpoint.UseMessageRetry(r => r.Exponential(retry.Limit, retry.MinInterval, retry.MaxInterval, retry.Delta));
                endpoint.UseConsumeFilter(typeof(InboxFilter<>), context);
            });

            bus.UsingRabbitMq((context, rabbit) =>
            {
                var broker = RabbitMqAddress.Parse(builder.Configuration.GetConnectionString(ConnectionName)
                    ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not configured."));
                broker.ConfigureHost(rabbit, host =>
                {
                    host.PublisherConfirmation = true;
                    host.RequestedConnectionTimeout(TimeSpan.FromSeconds(5));
                });
                rabbit.ConfigureEndpoints(context);
            });
        });

        return builder;
    }
}

/// <summary><c>Messaging:Retry</c>: how a failing consumer is retried before its message goes to the <c>_error</c> queue.</summary>
public sealed class RetryOptions
{
    public const string SectionName = "Messaging:Retry";

    public int Limit { get; set; } = 5;
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan Delta { get; set; } = TimeSpan.FromMilliseconds(500);
}

/// <summary>An <c>amqp://user:password@host:port/vhost</c> connection string, as Aspire hands it out.</summary>
public sealed record RabbitMqAddress(string Host, ushort Port, string VirtualHost, string Username, string Password)
{
    public static RabbitMqAddress Parse(string connectionString)
    {
        var uri = new Uri(connectionString);
        var userInfo = uri.UserInfo.Split(':', 2);
        var vhost = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        return new RabbitMqAddress(
            uri.Host,
            (ushort)(uri.IsDefaultPort || uri.Port <= 0 ? 5672 : uri.Port),
            string.IsNullOrEmpty(vhost) ? "/" : vhost,
            userInfo.Length > 0 && userInfo[0].Length > 0 ? Uri.UnescapeDataString(userInfo[0]) : "guest",
            userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : "guest");
    }

    /// <summary>Points a bus at this broker with these credentials; <paramref name="configure"/> adds host settings.</summary>
    public void ConfigureHost(IRabbitMqBusFactoryConfigurator rabbit, Action<IRabbitMqHostConfigurator>? configure = null) =>
        rabbit.Host(Host, Port, VirtualHost, host =>
        {
            host.Username(Username);
            host.Password(Password);
            configure?.Invoke(host);
        });
}
