using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PanelPlatform.Notifications;
using PanelPlatform.Notifications.Data;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Notifications.Tests;

/// <summary>
/// The Notifications service on the real database and broker, with quick retries, one per test class; its email goes
/// to a loopback SMTP server and its texts to a loopback GOV.UK Notify; its clock is the real one unless a test moves
/// it (<see cref="Time"/>). Each copy has its own command queues (a suffix), except where a test class asks for the
/// real names.
/// </summary>
public class NotificationsService(PlatformInfrastructure infrastructure) : IAsyncLifetime
{
    public const string CallbackToken = "notify-callback-test-token";

    private NotificationsInstance _instance = null!;

    public SmtpSink Smtp { get; private set; } = null!;
    public NotifyFake Notify { get; private set; } = null!;
    public PlatformInfrastructure Infrastructure => infrastructure;

    /// <summary>The service's clock: the real one, until a test moves it forward.</summary>
    public MovableClock Time { get; } = new();

    public NotificationsInstance Instance => _instance;

    /// <summary>The suffix this copy's command queues carry ("" for the real names).</summary>
    public string CommandQueueSuffixInUse { get; private set; } = "";

    /// <summary>Null: the command queues' real names (only one copy of the service may do that at a time).</summary>
    protected virtual string? CommandQueueSuffix => $"-test-{Guid.NewGuid().ToString("N")[..8]}";

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>The first retry's least wait in every copy of the service under test; each later wait is at least double the one before.</summary>
    public static readonly TimeSpan RetryBaseDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>What every copy of the service under test is configured with: quick retries, the loopback providers.</summary>
    public static Dictionary<string, string?> BaseSettings(SmtpSink smtp, NotifyFake notify, string commandQueueSuffix) => new()
    {
        ["Notifications:Delivery:RetryBaseDelay"] = RetryBaseDelay.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        ["Notifications:Delivery:RetryMaxDelay"] = "00:00:01",
        ["Notifications:Delivery:MaxAttempts"] = "4",
        ["Notifications:Delivery:PollInterval"] = "00:00:00.200",
        ["Notifications:Delivery:PublicBaseUrl"] = "http://localhost:5080/",
        ["Notifications:Email:Host"] = "127.0.0.1",
        ["Notifications:Email:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notifications:Email:Security"] = "None",
        ["Notifications:Sms:BaseUrl"] = notify.BaseUrl.ToString(),
        ["Notifications:Sms:ApiKey"] = NotifyFake.ApiKey,
        ["Notifications:Sms:TemplateId"] = NotifyFake.TemplateId,
        ["Notifications:Sms:CallbackToken"] = CallbackToken,
        ["Notifications:CommandQueueSuffix"] = commandQueueSuffix,
    };

    public async ValueTask InitializeAsync()
    {
        Smtp = SmtpSink.Start();
        Notify = await NotifyFake.StartAsync();
        CommandQueueSuffixInUse = CommandQueueSuffix ?? "";
        var settings = BaseSettings(Smtp, Notify, CommandQueueSuffixInUse);
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        var database = await infrastructure.CreateDatabaseAsync(NotificationsApi.ServiceName);
        _instance = await NotificationsInstance.StartAsync(infrastructure, database, settings, Time);
    }

    public async ValueTask DisposeAsync()
    {
        await _instance.DisposeAsync();
        await Smtp.DisposeAsync();
        await Notify.DisposeAsync();
    }

    public HttpClient Client(params string[] roles) => _instance.Client(roles);

    /// <summary>Publishes an event on the real broker as its owning service's outbox would (with its message id).</summary>
    public Task PublishAsync<T>(T message, Guid messageId) where T : class =>
        _instance.Services.GetRequiredService<IBus>().Publish(message, context => context.MessageId = messageId);

    public Task PublishAsync<T>(T message) where T : class => PublishAsync(message, Guid.NewGuid());

    /// <summary>
    /// Sends a command to one of this copy's command queues (<c>NotificationQueues</c>) as another service's outbox
    /// does: to the exchange bound to the queue, with its message id.
    /// </summary>
    public async Task SendCommandAsync<T>(T command, string queue, Guid messageId) where T : class
    {
        var endpoint = await _instance.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"exchange:{queue}{CommandQueueSuffixInUse}"));
        await endpoint.Send(command, context => context.MessageId = messageId);
    }

    public Task<T> QueryAsync<T>(Func<NotificationsDbContext, Task<T>> query) => _instance.QueryAsync(query);

    public Task<List<Domain.Delivery>> DeliveriesAsync(Guid subscriberId) =>
        QueryAsync(db => db.Deliveries.AsNoTracking().Where(d => d.SubscriberId == subscriberId).ToListAsync());

    /// <summary>The ledger's rows for one notice (an event's template, an alert, a digest).</summary>
    public Task<List<Domain.Delivery>> DeliveriesOfNoticeAsync(Guid noticeId) =>
        QueryAsync(db => db.Deliveries.AsNoTracking().Where(d => d.NoticeId == noticeId).ToListAsync());

    public Task<Domain.Subscriber?> SubscriberByEmailAsync(string email) =>
        QueryAsync(db => db.Subscribers.AsNoTracking().FirstOrDefaultAsync(s => s.Email == email));
}
