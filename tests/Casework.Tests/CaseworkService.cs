using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PanelPlatform.Casework.Data;
using PanelPlatform.Contracts.Notifications;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Messaging;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Casework.Tests;

/// <summary>
/// The Casework service on the real database and broker, one per test class, with its own encryption keys and with
/// stand-ins for Notifications' command queues. The scheduled jobs are off unless a test class turns them on.
/// </summary>
public class CaseworkService(PlatformInfrastructure infrastructure) : IAsyncLifetime
{
    public static readonly string KeyOne = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    public static readonly string KeyTwo = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray());

    public ServiceFactory<CaseworkApi> Factory { get; private set; } = null!;
    public PlatformInfrastructure Infrastructure => infrastructure;
    public CommandCollector<RegisterRecipient> Registered { get; private set; } = null!;
    public CommandCollector<ForgetRecipient> Forgotten { get; private set; } = null!;

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>The deployment's names (<c>Casework__Encryption__ActiveKeyId</c>, <c>Casework__Encryption__Keys__{id}</c>), as configuration keys.</summary>
    public static Dictionary<string, string?> BaseSettings(string activeKey = "k1", params (string Id, string Key)[] keys)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Casework:Encryption:ActiveKeyId"] = activeKey,
            ["Casework:Deadlines:Enabled"] = "false",
            ["Casework:Retention:Enabled"] = "false",
        };
        foreach (var (id, key) in keys.Length == 0 ? [("k1", KeyOne)] : keys)
        {
            settings[$"Casework:Encryption:Keys:{id}"] = key;
        }

        return settings;
    }

    public virtual async ValueTask InitializeAsync()
    {
        Registered = await CommandCollector<RegisterRecipient>.StartAsync(infrastructure, NotificationQueues.RegisterRecipient);
        Forgotten = await CommandCollector<ForgetRecipient>.StartAsync(infrastructure, NotificationQueues.ForgetRecipient);
        var settings = BaseSettings();
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        Factory = await ServiceFactory<CaseworkApi>.StartAsync(infrastructure, CaseworkApi.ServiceName, settings);
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Registered.DisposeAsync();
        await Forgotten.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    public HttpClient Client(params string[] roles) => Factory.ClientFor(roles);

    /// <summary>A client for one named member of staff (their <c>sub</c> and <c>name</c> are what the audit records).</summary>
    public HttpClient ClientAs(string subject, string name, params string[] roles)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", DevelopmentTokens.Mint(infrastructure.SigningKey, roles, subject, name));
        return client;
    }

    public async Task<T> QueryAsync<T>(Func<CaseworkDbContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CaseworkDbContext>());
    }

    /// <summary>Rows in every table a write touches: a rejected request must leave these unchanged.</summary>
    public Task<(int Cases, int Notes, int Documents, int Outbox, int Counters)> CountsAsync() =>
        QueryAsync(async db => (await db.Cases.CountAsync(), await db.Notes.CountAsync(), await db.Documents.CountAsync(),
            await db.Set<OutboxMessage>().CountAsync(), await db.ReferenceCounters.SumAsync(c => c.LastNumber)));

    public Task<int> AuditCountAsync(Guid caseId) => QueryAsync(db => db.PersonalDataReads.CountAsync(r => r.CaseId == caseId));

    /// <summary>A connection straight to the service's database, as someone holding a dump or a login would have.</summary>
    public async Task<NpgsqlConnection> OpenDatabaseAsync()
    {
        var connection = new NpgsqlConnection(Factory.DatabaseConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Opens a case through the API as a caseworker and returns its id and reference.</summary>
    public async Task<(Guid Id, string Reference)> OpenCaseAsync(
        Person person, string type = "correspondence", DateTimeOffset? receivedAt = null, string? forceOutcomeNotifiedOn = null, bool withContact = true)
    {
        var response = await Client(Roles.Caseworker).PostAsJsonAsync("/api/casework/cases", new
        {
            type,
            channel = "email",
            receivedAt = receivedAt ?? DateTimeOffset.UtcNow.AddMinutes(-5),
            subject = withContact ? person.Subject : new { name = person.Name, email = (string?)null, phone = (string?)null, address = person.Address },
            summary = person.Summary,
            description = person.Description,
            forceOutcomeNotifiedOn,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("id").GetGuid(), created.GetProperty("reference").GetString()!);
    }

    public async Task<JsonElement> MoveAsync(Guid id, string to, string? outcome = null, string? reason = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Client(Roles.Caseworker).PostAsJsonAsync($"/api/casework/cases/{id}/transitions", new { to, outcome, reason });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{to}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
