using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PanelPlatform.Contracts.Grants;
using PanelPlatform.Grants.Tests.Support;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Grants.Tests.Http;

/// <summary>Schemes and rounds through the API, on the real database and broker.</summary>
public sealed class RoundTests(GrantsService grants) : IClassFixture<GrantsService>
{
    [Fact]
    public async Task A_round_that_opens_on_creation_publishes_GrantRoundOpened_once_with_its_eligibility()
    {
        var name = Api.Unique("2022 summer round");
        await using var opened = await EventCollector<GrantRoundOpened>.StartAsync(grants.Infrastructure, e => e.RoundName == name);
        var scheme = await grants.Api.CreateSchemeAsync();

        var round = await grants.Api.CreateRoundAsync(scheme, name: name, areas: ["Bolsover", "chesterfield"], budget: 60_000m);

        Assert.Equal("open", round.GetProperty("status").GetString());
        Assert.Equal(["Bolsover", "Chesterfield"], round.GetProperty("areas").EnumerateArray().Select(a => a.GetString()));
        await opened.WaitForAsync(1, TimeSpan.FromSeconds(15));
        Assert.False(await opened.MoreThanAsync(1, TimeSpan.FromSeconds(1)));
        var e = opened.Received.Single().Message;
        Assert.Equal(round.GetProperty("id").GetGuid(), e.RoundId);
        Assert.Equal(scheme, e.SchemeSlug);
        Assert.Equal(60_000m, e.Budget);
        Assert.Equal(500m, e.MinimumAward);
        Assert.Equal(5_000m, e.MaximumAward);
        Assert.Equal(["Bolsover", "Chesterfield"], e.Areas);
        Assert.Equal(["charity", "community-group", "parish-town-council", "cic"], e.EligibleOrganisationTypes);
    }

    [Fact]
    public async Task A_county_wide_round_is_announced_with_no_areas_and_listed_publicly_in_London_time()
    {
        var name = Api.Unique("Road Safety round");
        await using var opened = await EventCollector<GrantRoundOpened>.StartAsync(grants.Infrastructure, e => e.RoundName == name);
        var scheme = await grants.Api.CreateSchemeAsync(priorities: ["road-safety"]);
        var closes = new DateTimeOffset(DateTime.UtcNow.Year + 1, 6, 30, 16, 0, 0, TimeSpan.Zero);
        var round = await grants.Api.CreateRoundAsync(scheme, name: name, closesAt: closes);
        var id = round.GetProperty("id").GetGuid();

        var list = await grants.Api.Client().GetFromJsonAsync<JsonElement>($"/api/grants/rounds?scheme={scheme}");
        var listed = Assert.Single(list.GetProperty("items").EnumerateArray());

        Assert.Equal(id, listed.GetProperty("id").GetGuid());
        Assert.Equal(9, listed.GetProperty("areas").GetArrayLength());
        Assert.Equal($"{closes.Year}-06-30T17:00:00+01:00", listed.GetProperty("closesAt").GetString());
        Assert.Equal("road-safety", listed.GetProperty("priorities")[0].GetProperty("slug").GetString());
        await opened.WaitForAsync(1, TimeSpan.FromSeconds(15));
        Assert.Empty(opened.Received.Single().Message.Areas);
    }

    [Fact]
    public async Task An_upcoming_round_is_not_announced_or_listed_as_open_until_it_opens()
    {
        var name = Api.Unique("Upcoming round");
        await using var opened = await EventCollector<GrantRoundOpened>.StartAsync(grants.Infrastructure, e => e.RoundName == name);
        var scheme = await grants.Api.CreateSchemeAsync();
        await grants.Api.CreateRoundAsync(scheme, name: name, opensAt: DateTimeOffset.UtcNow.AddDays(10), closesAt: DateTimeOffset.UtcNow.AddDays(40));

        var open = await grants.Api.Client().GetFromJsonAsync<JsonElement>($"/api/grants/rounds?scheme={scheme}");
        var upcoming = await grants.Api.Client().GetFromJsonAsync<JsonElement>($"/api/grants/rounds?scheme={scheme}&status=upcoming");

        Assert.Empty(open.GetProperty("items").EnumerateArray());
        Assert.Single(upcoming.GetProperty("items").EnumerateArray());
        Assert.False(await opened.MoreThanAsync(0, TimeSpan.FromSeconds(1.5)));
    }

    public static TheoryData<string, string, string> BadRounds => new()
    {
        { "closes before it opens", """{"name":"R","opensAt":"2030-07-01T09:00:00+01:00","closesAt":"2030-06-01T09:00:00+01:00","budget":1000,"minimumAward":10,"maximumAward":100,"criteria":[{"name":"Need","weight":1}]}""", "closesAt" },
        { "closed already", """{"name":"R","opensAt":"2020-07-01T09:00:00+01:00","closesAt":"2020-08-01T09:00:00+01:00","budget":1000,"minimumAward":10,"maximumAward":100,"criteria":[{"name":"Need","weight":1}]}""", "closesAt" },
        { "maximum above budget", """{"name":"R","opensAt":"2030-07-01T09:00:00+01:00","closesAt":"2030-08-01T09:00:00+01:00","budget":1000,"minimumAward":10,"maximumAward":1001,"criteria":[{"name":"Need","weight":1}]}""", "maximumAward" },
        { "budget in fractions of a penny", """{"name":"R","opensAt":"2030-07-01T09:00:00+01:00","closesAt":"2030-08-01T09:00:00+01:00","budget":1000.001,"minimumAward":10,"maximumAward":100,"criteria":[{"name":"Need","weight":1}]}""", "budget" },
        { "not a district", """{"name":"R","opensAt":"2030-07-01T09:00:00+01:00","closesAt":"2030-08-01T09:00:00+01:00","budget":1000,"minimumAward":10,"maximumAward":100,"areas":["Nottingham"],"criteria":[{"name":"Need","weight":1}]}""", "areas[0]" },
        { "no criteria", """{"name":"R","opensAt":"2030-07-01T09:00:00+01:00","closesAt":"2030-08-01T09:00:00+01:00","budget":1000,"minimumAward":10,"maximumAward":100,"criteria":[]}""", "criteria" },
        { "weight zero", """{"name":"R","opensAt":"2030-07-01T09:00:00+01:00","closesAt":"2030-08-01T09:00:00+01:00","budget":1000,"minimumAward":10,"maximumAward":100,"criteria":[{"name":"Need","weight":0}]}""", "criteria[0].weight" },
        { "unknown field", """{"name":"R","opensAt":"2030-07-01T09:00:00+01:00","closesAt":"2030-08-01T09:00:00+01:00","budget":1000,"minimumAward":10,"maximumAward":100,"criteria":[{"name":"Need","weight":1}],"budgett":5}""", "budgett" },
    };

    [Theory]
    [MemberData(nameof(BadRounds))]
    public async Task Bad_round_input_is_a_400_problem_naming_the_field_and_stores_nothing(string why, string body, string field)
    {
        var scheme = await grants.Api.CreateSchemeAsync();
        var before = await grants.CountsAsync();

        var response = await grants.Api.Officer.PostAsync($"/api/grants/schemes/{scheme}/rounds", new StringContent(body, Encoding.UTF8, "application/json"));

        await Problem.AssertNamesFieldAsync(response, HttpStatusCode.BadRequest, field, why);
        Assert.Equal(before, await grants.CountsAsync());
    }

    [Fact]
    public async Task Schemes_have_unique_slugs_known_priorities_and_an_organisation_identifier_for_the_funder()
    {
        var name = Api.Unique("Community Safety Fund");
        var created = await grants.Api.CreateSchemeAsync(name: name);
        var again = await grants.Api.Officer.PostAsJsonAsync("/api/grants/schemes", new
        {
            name, purpose = "p", funderName = "PCC", funderIdentifier = "360G-derbyshirepcc-funder-pcc",
            eligibleOrganisationTypes = new[] { "local-authority" }, priorities = new[] { "road-safety" },
        });
        var badPriority = await grants.Api.Officer.PostAsJsonAsync("/api/grants/schemes", new
        {
            name = Api.Unique("x"), purpose = "p", funderName = "PCC", funderIdentifier = "PCC",
            eligibleOrganisationTypes = new[] { "local-authority" }, priorities = new[] { "knitting" },
        });

        Assert.Equal(Slugs(name), created);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        await Problem.AssertNamesFieldAsync(badPriority, HttpStatusCode.BadRequest, "priorities[0]", "unknown priority");
        await Problem.AssertNamesFieldAsync(badPriority, HttpStatusCode.BadRequest, "funderIdentifier", "funder identifier");
        var read = await grants.Api.Client().GetFromJsonAsync<JsonElement>($"/api/grants/schemes/{created}");
        Assert.Equal("Neighbourhood Crime and Anti-Social Behaviour", read.GetProperty("priorities")[0].GetProperty("name").GetString());
    }

    private static string Slugs(string name) => PanelPlatform.ServiceDefaults.Http.Slugs.From(name);
}
