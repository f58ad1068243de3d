using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PanelPlatform.Grants.Access;
using PanelPlatform.Grants.Data;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Messaging;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Grants.Tests.Support;

/// <summary>The Grants service on the real database and broker, one per test class, with helpers that drive its API.</summary>
public sealed class GrantsService(PlatformInfrastructure infrastructure) : IAsyncLifetime
{
    private IAsyncDisposable? _recipients;

    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Grants:AnnouncementInterval"] = "00:00:00.200",
    };

    public ServiceFactory<GrantsApi> Factory { get; private set; } = null!;
    public PlatformInfrastructure Infrastructure => infrastructure;

    public async ValueTask InitializeAsync()
    {
        _recipients = await RecipientCommands.BindAsync(infrastructure);
        Factory = await ServiceFactory<GrantsApi>.StartAsync(infrastructure, GrantsApi.ServiceName, Settings);
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_recipients is not null)
        {
            await _recipients.DisposeAsync();
        }
    }

    public Api Api => new(Factory, infrastructure);

    public async Task<T> QueryAsync<T>(Func<GrantsDbContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<GrantsDbContext>());
    }

    /// <summary>Rows in every table a write touches: a rejected request must leave these unchanged.</summary>
    public Task<(int Schemes, int Rounds, int Applications, int Sheets, int Conflicts, int Awards, int Payments, int Outbox)> CountsAsync() =>
        QueryAsync(async db => (
            await db.Schemes.CountAsync(), await db.Rounds.CountAsync(), await db.Applications.CountAsync(),
            await db.Scoresheets.CountAsync(), await db.Conflicts.CountAsync(), await db.Awards.CountAsync(),
            await db.Payments.CountAsync(), await db.Set<OutboxMessage>().CountAsync()));
}

/// <summary>Drives the Grants API as officers and applicants do; each helper asserts its own step succeeded.</summary>
public sealed class Api(ServiceFactory<GrantsApi> factory, PlatformInfrastructure infrastructure)
{
    public HttpClient Client(params string[] roles) => factory.ClientFor(roles);

    public HttpClient Officer => factory.ClientFor(Roles.GrantsOfficer);

    /// <summary>A grants officer with their own identity, for assessments by several people.</summary>
    public HttpClient Assessor(string subject, string name)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            DevelopmentTokens.Mint(infrastructure.SigningKey, [Roles.GrantsOfficer], subject, name));
        return client;
    }

    public HttpClient Applicant(string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(ApplicantTokens.HeaderName, token);
        return client;
    }

    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    public async Task<string> CreateSchemeAsync(
        string? name = null, string[]? eligible = null, string[]? priorities = null)
    {
        name ??= Unique("ASB Prevention Grant");
        var response = await Officer.PostAsJsonAsync("/api/grants/schemes", new
        {
            name,
            purpose = "Funding for local organisations, including parish and town councils, to tackle anti-social behaviour.",
            funderName = "Police and Crime Commissioner for Derbyshire",
            funderIdentifier = "360G-derbyshirepcc-funder-pcc",
            eligibleOrganisationTypes = eligible ?? ["charity", "community-group", "parish-town-council", "cic"],
            priorities = priorities ?? ["neighbourhood-crime-and-asb", "road-safety"],
        });
        await Expect(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("slug").GetString()!;
    }

    public async Task<JsonElement> CreateRoundAsync(
        string scheme, DateTimeOffset? opensAt = null, DateTimeOffset? closesAt = null, decimal budget = 100_000m,
        decimal minimumAward = 500m, decimal maximumAward = 5_000m, string[]? areas = null, object[]? standardConditions = null, string? name = null)
    {
        var response = await Officer.PostAsJsonAsync($"/api/grants/schemes/{scheme}/rounds", new
        {
            name = name ?? Unique("2022 summer round"),
            opensAt = opensAt ?? DateTimeOffset.UtcNow.AddDays(-1),
            closesAt = closesAt ?? DateTimeOffset.UtcNow.AddDays(30),
            budget,
            minimumAward,
            maximumAward,
            areas = areas ?? [],
            criteria = new object[]
            {
                new { key = "need", name = "Evidence of need", weight = 30 },
                new { key = "deliverability", name = "Project plan and deliverability", weight = 25 },
                new { key = "community", name = "Community involvement", weight = 20 },
                new { key = "value-for-money", name = "Value for money", weight = 15 },
                new { key = "sustainability", name = "Lasting benefit", weight = 10 },
            },
            standardConditions = standardConditions ?? [],
        });
        await Expect(response, HttpStatusCode.Created);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static object Application(
        string organisation = "Bolsover Community Watch", string type = "charity", decimal amount = 4_500m,
        string[]? areas = null, string[]? priorities = null, string? charityNumber = "1012345", string email = "secretary@bolsover-watch.example") => new
    {
        organisation = new { name = organisation, type, charityNumber },
        contact = new { name = "Jo Bloggs", email, phone = "01246 123456" },
        projectTitle = "Youth diversion evenings in Shirebrook",
        projectDescription = "Friday evening sports sessions with detached youth workers, aimed at the anti-social behaviour hot spots near the market place.",
        amountRequested = amount,
        areas = areas ?? ["Bolsover"],
        priorities = priorities ?? ["neighbourhood-crime-and-asb"],
        startDate = "2022-11-01",
        endDate = "2023-10-31",
        documents = new[] { new { title = "Project budget", url = "https://documents.example/bolsover-watch/budget.pdf", documentType = "Budget" } },
    };

    /// <summary>Starts a draft (anonymously, as an applicant does) and returns its id and applicant token.</summary>
    public async Task<(Guid Id, string Token)> StartAsync(Guid roundId, object? application = null)
    {
        var response = await factory.CreateClient().PostAsJsonAsync($"/api/grants/rounds/{roundId}/applications", application ?? Application());
        await Expect(response, HttpStatusCode.Created);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("application").GetProperty("id").GetGuid(), body.GetProperty("applicantToken").GetString()!);
    }

    public async Task<JsonElement> SubmitAsync(Guid id, string token)
    {
        var response = await Applicant(token).PostAsync($"/api/grants/applications/{id}/submit", null);
        await Expect(response, HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task StartAssessmentAsync(Guid id) =>
        await Expect(await Officer.PostAsync($"/api/grants/applications/{id}/start-assessment", null), HttpStatusCode.OK);

    public static object Scores(int need = 4, int deliverability = 4, int community = 3, int value = 5, int sustainability = 2) => new
    {
        scores = new object[]
        {
            new { criterion = "need", score = need },
            new { criterion = "deliverability", score = deliverability },
            new { criterion = "community", score = community },
            new { criterion = "value-for-money", score = value },
            new { criterion = "sustainability", score = sustainability },
        },
        comment = "Clear evidence from the Safer Neighbourhood Team.",
    };

    public async Task ScoreAsync(Guid id, HttpClient? assessor = null) =>
        await Expect(await (assessor ?? Officer).PutAsJsonAsync($"/api/grants/applications/{id}/scores", Scores()), HttpStatusCode.OK);

    /// <summary>Draft → submitted → under assessment → scored: ready for a decision.</summary>
    public async Task<(Guid Id, string Token)> AssessedApplicationAsync(Guid roundId, object? application = null)
    {
        var (id, token) = await StartAsync(roundId, application);
        await SubmitAsync(id, token);
        await StartAssessmentAsync(id);
        await ScoreAsync(id);
        return (id, token);
    }

    public async Task<JsonElement> AwardAsync(Guid applicationId, decimal amount, object? agreement = null, object[]? conditions = null)
    {
        var response = await Officer.PostAsJsonAsync($"/api/grants/applications/{applicationId}/award", new
        {
            amount,
            decisionMaker = "Police and Crime Commissioner",
            agreement = agreement ?? new { title = "Grant agreement", url = $"https://www.derbyshire-pcc.gov.uk/grants/agreements/{applicationId}.pdf" },
            conditions = conditions ?? [],
        });
        await Expect(response, HttpStatusCode.Created);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status)
        {
            throw new Xunit.Sdk.XunitException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: expected {(int)status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
