using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PanelPlatform.Contracts.Meetings;
using PanelPlatform.Contracts.Notifications;
using PanelPlatform.Questions.Abuse;
using PanelPlatform.Questions.Data;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Messaging;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Questions.Tests;

/// <summary>
/// The Questions service on the real database and broker, one per test class, with a clock tests can move forward
/// and every log line captured (to prove no email address or postcode is ever logged).
/// </summary>
public sealed class QuestionsService(PlatformInfrastructure infrastructure) : IAsyncLifetime
{
    public const string Approver = "approver-chief-executive";

    private static readonly Lazy<Task> NotificationQueues = new(() => DeclareNotificationQueuesAsync(CurrentInfrastructure!));
    private static PlatformInfrastructure? CurrentInfrastructure;
    private ServiceFactory<QuestionsApi> _base = null!;

    public WebApplicationFactory<QuestionsApi> Factory { get; private set; } = null!;
    public PlatformInfrastructure Infrastructure => infrastructure;
    public ShiftedTime Time { get; } = new();
    public CapturedLogs Logs { get; } = new();

    public async ValueTask InitializeAsync()
    {
        // Commands to Notifications are sent mandatory: their queues must exist before the first public question,
        // or the outbox holds every later event behind it. Declared once per run; no test class but one reads them.
        CurrentInfrastructure ??= infrastructure;
        await NotificationQueues.Value;

        var database = await infrastructure.CreateDatabaseAsync(QuestionsApi.ServiceName);
        _base = new ServiceFactory<QuestionsApi>(infrastructure, QuestionsApi.ServiceName, database, new Dictionary<string, string?>
        {
            ["Questions:SeedEndpoint"] = "true",
            ["Questions:AnswerApprovers:0"] = Approver,
            ["Messaging:Retry:Limit"] = "3",
            ["Messaging:Retry:MinInterval"] = "00:00:00.100",
            ["Messaging:Retry:MaxInterval"] = "00:00:00.500",
        });
        Factory = _base.WithWebHostBuilder(web =>
        {
            web.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
            web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
        });
        Factory.StartServer();
        await Factory.Services.WaitForBusAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _base.DisposeAsync();
    }

    public HttpClient Client(params string[] roles) => ClientAs(roles.Length == 0 ? null : $"test-{string.Join('-', roles)}", roles);

    public HttpClient ClientAs(string? subject, params string[] roles)
    {
        var client = Factory.CreateClient();
        if (subject is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
                DevelopmentTokens.Mint(infrastructure.SigningKey, roles, subject: subject, name: $"{subject} (name)"));
        }

        return client;
    }

    public Task PublishAsync<T>(T message, Guid? messageId = null) where T : class =>
        Factory.Services.GetRequiredService<IBus>().Publish(message, context => context.MessageId = messageId ?? Guid.NewGuid());

    public async Task<T> QueryAsync<T>(Func<QuestionsDbContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<QuestionsDbContext>());
    }

    private readonly ConcurrentDictionary<string, Task<Guid>> _shared = new(StringComparer.Ordinal);

    /// <summary>A meeting (or other id) made once per test class and shared by its tests.</summary>
    public Task<Guid> SharedAsync(string key, Func<Task<Guid>> create) => _shared.GetOrAdd(key, _ => create());

    /// <summary>The service's errors so far, for a failing test's message.</summary>
    public string Errors() => string.Join("\n", Logs.Lines.Where(l => l.Contains(" Error:", StringComparison.Ordinal) || l.Contains(" Critical:", StringComparison.Ordinal)));

    /// <summary>Rows in every table a write touches: a refused request must leave these unchanged.</summary>
    public Task<(int Questions, int Transitions, int Outbox)> CountsAsync() =>
        QueryAsync(async db => (await db.Questions.CountAsync(), await db.Transitions.CountAsync(), await db.Set<OutboxMessage>().CountAsync()));

    /// <summary>Announces a meeting as Meetings would, and waits until Questions knows it.</summary>
    public async Task<Guid> ScheduleMeetingAsync(
        DateTimeOffset startsAt, string bodySlug = "performance-scrutiny-meeting", string title = "Violence Against Women and Girls")
    {
        var id = Guid.NewGuid();
        var bodyName = bodySlug == "performance-scrutiny-meeting" ? "Performance Scrutiny Meeting" : "Derbyshire Police and Crime Panel";
        await PublishAsync(new MeetingScheduled(id, bodySlug, bodyName, title, startsAt, null, null, true, [], DateTimeOffset.UtcNow));
        await Eventually.Until(() => QueryAsync(db => db.Meetings.AnyAsync(m => m.Id == id)), TimeSpan.FromSeconds(15), $"meeting {id}");
        return id;
    }

    public Task<Guid> SchedulePanelMeetingAsync(DateTimeOffset startsAt) =>
        ScheduleMeetingAsync(startsAt, "derbyshire-police-and-crime-panel", "Police and Crime Panel");

    public static object PublicQuestion(Guid meetingId, string text, string email = "jo.bloggs@example.org", bool consent = false,
        string name = "Jo Bloggs", string? postcode = "DE4 3AG") => new
    {
        meetingId,
        name,
        email,
        postcode,
        area = "Matlock",
        consentToPublishName = consent,
        text,
    };

    /// <summary>Submits a public question from a fresh client address; returns its id.</summary>
    public async Task<Guid> SubmitPublicAsync(Guid meetingId, string text, string? email = null, bool consent = false, string name = "Jo Bloggs")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/questions")
        {
            Content = JsonContent.Create(PublicQuestion(meetingId, text, email ?? $"asker-{Guid.NewGuid():N}@example.org", consent, name)),
        };
        request.Headers.Add("X-Forwarded-For", $"192.0.2.{Random.Shared.Next(1, 254)}, 198.51.100.{Random.Shared.Next(1, 254)}");
        var response = await Client().SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>The token the confirmation email carries (the tests of the email itself read it from SendNotice).</summary>
    public string TokenFor(Guid questionId) =>
        Factory.Services.GetRequiredService<ConfirmationTokens>().Issue(questionId, Time.GetUtcNow());

    public async Task<Guid> SubmitAndConfirmAsync(Guid meetingId, string text, bool consent = false, string name = "Jo Bloggs")
    {
        var id = await SubmitPublicAsync(meetingId, text, consent: consent, name: name);
        var confirmed = await Client().PostAsJsonAsync("/api/questions/confirm", new { token = TokenFor(id) });
        Assert.True(confirmed.StatusCode == System.Net.HttpStatusCode.OK, $"{await confirmed.Content.ReadAsStringAsync()} {Errors()}");
        return id;
    }

    public async Task<JsonElement> PostOkAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text} {Errors()}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task DeclareNotificationQueuesAsync(PlatformInfrastructure infrastructure)
    {
        await (await EventCollector<RegisterRecipient>.StartAsync(infrastructure, quorum: true,
            queueName: Contracts.Notifications.NotificationQueues.RegisterRecipient, subscribe: false)).DisposeAsync();
        await (await EventCollector<SendNotice>.StartAsync(infrastructure, quorum: true,
            queueName: Contracts.Notifications.NotificationQueues.SendNotice, subscribe: false)).DisposeAsync();
    }
}

/// <summary>The real clock, moved forward by <see cref="Offset"/> (timers stay real, so the outbox keeps its pace).</summary>
public sealed class ShiftedTime : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}

/// <summary>Every log line the service writes: message, state values and exception text.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            lines.Enqueue($"{category} scope: {Describe(state)}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} | {Describe(state)} | {exception}");

        private static string Describe(object? state) =>
            state is IEnumerable<KeyValuePair<string, object?>> values ? string.Join(", ", values.Select(v => $"{v.Key}={v.Value}")) : $"{state}";
    }
}
