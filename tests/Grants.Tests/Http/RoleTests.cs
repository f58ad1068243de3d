using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PanelPlatform.Grants.Tests.Support;
using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Grants.Tests.Http;

/// <summary>Every write and every non-public read: no credentials 401, the wrong role 403, a grants officer succeeds.</summary>
public sealed class RoleTests(GrantsService grants) : IClassFixture<GrantsService>
{
    private sealed record Call(HttpMethod Method, string Path, object? Body, HttpStatusCode Success);

    public static TheoryData<string> Operations =>
    [
        "create scheme", "create round", "list a round's applications", "read an application", "update a draft", "submit",
        "withdraw", "start assessment", "declare a conflict", "score", "read the assessment", "award", "decline",
        "read award administration", "approve a condition", "record a payment", "submit the monitoring report",
    ];

    /// <summary>Sets up what the operation needs (with the officer's client) and says how to call it.</summary>
    private async Task<Call> PrepareAsync(string operation)
    {
        var api = grants.Api;
        var scheme = await api.CreateSchemeAsync();
        var round = (await api.CreateRoundAsync(scheme, standardConditions:
            [new { text = "Sign locations approved.", requiresApprovalBy = "Derbyshire County Council (highway authority)" }])).GetProperty("id").GetGuid();
        async Task<Guid> Draft() => (await api.StartAsync(round)).Id;
        async Task<Guid> Submitted()
        {
            var (id, token) = await api.StartAsync(round);
            await api.SubmitAsync(id, token);
            return id;
        }

        async Task<Guid> Assessing()
        {
            var id = await Submitted();
            await api.StartAssessmentAsync(id);
            return id;
        }

        async Task<JsonElement> Awarded() => await api.AwardAsync((await api.AssessedApplicationAsync(round)).Id, 1_000m);

        return operation switch
        {
            "create scheme" => new(HttpMethod.Post, "/api/grants/schemes", new
            {
                name = Api.Unique("Scheme"), purpose = "p", funderName = "PCC", funderIdentifier = "360G-derbyshirepcc-funder-pcc",
                eligibleOrganisationTypes = new[] { "charity" }, priorities = new[] { "rural-crime" },
            }, HttpStatusCode.Created),
            "create round" => new(HttpMethod.Post, $"/api/grants/schemes/{scheme}/rounds", new
            {
                name = "Round", opensAt = DateTimeOffset.UtcNow, closesAt = DateTimeOffset.UtcNow.AddDays(5), budget = 1000, minimumAward = 10,
                maximumAward = 100, criteria = new[] { new { name = "Need", weight = 1 } },
            }, HttpStatusCode.Created),
            "list a round's applications" => new(HttpMethod.Get, $"/api/grants/rounds/{round}/applications", null, HttpStatusCode.OK),
            "read an application" => new(HttpMethod.Get, $"/api/grants/applications/{await Draft()}", null, HttpStatusCode.OK),
            "update a draft" => new(HttpMethod.Put, $"/api/grants/applications/{await Draft()}", Api.Application(amount: 1_234m), HttpStatusCode.OK),
            "submit" => new(HttpMethod.Post, $"/api/grants/applications/{await Draft()}/submit", null, HttpStatusCode.OK),
            "withdraw" => new(HttpMethod.Post, $"/api/grants/applications/{await Draft()}/withdraw", null, HttpStatusCode.OK),
            "start assessment" => new(HttpMethod.Post, $"/api/grants/applications/{await Submitted()}/start-assessment", null, HttpStatusCode.OK),
            "declare a conflict" => new(HttpMethod.Post, $"/api/grants/applications/{await Assessing()}/conflicts", new { interest = "Relative" }, HttpStatusCode.OK),
            "score" => new(HttpMethod.Put, $"/api/grants/applications/{await Assessing()}/scores", Api.Scores(), HttpStatusCode.OK),
            "read the assessment" => new(HttpMethod.Get, $"/api/grants/applications/{await Assessing()}/assessment", null, HttpStatusCode.OK),
            "award" => new(HttpMethod.Post, $"/api/grants/applications/{(await api.AssessedApplicationAsync(round)).Id}/award", new { amount = 1_000 }, HttpStatusCode.Created),
            "decline" => new(HttpMethod.Post, $"/api/grants/applications/{await Assessing()}/decline", new { reason = "Outside the scheme." }, HttpStatusCode.OK),
            "read award administration" => new(HttpMethod.Get, $"/api/grants/awards/{(await Awarded()).GetProperty("award").GetProperty("id").GetGuid()}/administration", null, HttpStatusCode.OK),
            "approve a condition" => await ApprovalAsync(await Awarded()),
            "record a payment" => await PaymentAsync(await Awarded()),
            "submit the monitoring report" => new(HttpMethod.Post, $"/api/grants/awards/{(await Awarded()).GetProperty("award").GetProperty("id").GetGuid()}/monitoring-report",
                new { summary = "Done.", amountSpent = 1_000 }, HttpStatusCode.Created),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };

        static Task<Call> ApprovalAsync(JsonElement award) => Task.FromResult(new Call(HttpMethod.Post,
            $"/api/grants/awards/{award.GetProperty("award").GetProperty("id").GetGuid()}/conditions/{award.GetProperty("conditions")[0].GetProperty("id").GetGuid()}/approval",
            new { approvedBy = "Derbyshire County Council" }, HttpStatusCode.OK));

        async Task<Call> PaymentAsync(JsonElement award)
        {
            await Api.Expect(await Send(api.Officer, await ApprovalAsync(award)), HttpStatusCode.OK);
            return new Call(HttpMethod.Post, $"/api/grants/awards/{award.GetProperty("award").GetProperty("id").GetGuid()}/payments", new { amount = 500 }, HttpStatusCode.Created);
        }
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, Call call) =>
        client.SendAsync(new HttpRequestMessage(call.Method, call.Path) { Content = call.Body is null ? null : JsonContent.Create(call.Body) });

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Without_credentials_401_with_the_wrong_role_403_and_as_a_grants_officer_it_succeeds(string operation)
    {
        var call = await PrepareAsync(operation);
        var before = await grants.CountsAsync();

        var anonymous = await Send(grants.Api.Client(), call);
        var clerk = await Send(grants.Api.Client(Roles.Clerk), call);
        var alerts = await Send(grants.Api.Client(Roles.AlertsCoordinator, Roles.OpccStaff), call);
        var unchanged = await grants.CountsAsync();
        var officer = await Send(grants.Api.Officer, call);

        await Problem.AssertAsync(anonymous, HttpStatusCode.Unauthorized, "unauthenticated");
        await Problem.AssertAsync(clerk, HttpStatusCode.Forbidden, "forbidden");
        await Problem.AssertAsync(alerts, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(before, unchanged);
        await Api.Expect(officer, call.Success);
    }

    [Fact]
    public async Task An_admin_may_do_what_a_grants_officer_does()
    {
        var call = await PrepareAsync("decline");

        await Api.Expect(await Send(grants.Api.Client(Roles.Admin), call), call.Success);
    }

    [Fact]
    public async Task Starting_a_draft_and_reading_schemes_rounds_awards_and_open_data_need_no_credentials()
    {
        var scheme = await grants.Api.CreateSchemeAsync();
        var round = (await grants.Api.CreateRoundAsync(scheme)).GetProperty("id").GetGuid();
        var client = grants.Api.Client();

        await Api.Expect(await client.PostAsJsonAsync($"/api/grants/rounds/{round}/applications", Api.Application()), HttpStatusCode.Created);
        foreach (var path in new[] { "/api/grants/schemes", $"/api/grants/schemes/{scheme}", "/api/grants/rounds", $"/api/grants/rounds/{round}",
                     "/api/grants/awards", "/api/grants/360giving.json", "/api/grants/360giving.csv" })
        {
            await Api.Expect(await client.GetAsync(path), HttpStatusCode.OK);
        }
    }
}
