using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Contracts.Grants;
using PanelPlatform.Grants.Domain;
using PanelPlatform.Grants.Tests.Support;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Messaging;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Grants.Tests.Http;

/// <summary>The applicant's side: drafts, the applicant token, submission and withdrawal.</summary>
public sealed class ApplicationTests(GrantsService grants) : IClassFixture<GrantsService>
{
    private async Task<Guid> OpenRoundAsync(DateTimeOffset? opensAt = null, DateTimeOffset? closesAt = null) =>
        (await grants.Api.CreateRoundAsync(await grants.Api.CreateSchemeAsync(), opensAt: opensAt, closesAt: closesAt)).GetProperty("id").GetGuid();

    [Fact]
    public async Task Anyone_may_start_a_draft_and_only_its_token_or_a_grants_officer_may_read_it()
    {
        var round = await OpenRoundAsync();
        var (id, token) = await grants.Api.StartAsync(round);
        var (_, otherToken) = await grants.Api.StartAsync(round);

        var anonymous = await grants.Api.Client().GetAsync($"/api/grants/applications/{id}");
        var otherApplicant = await grants.Api.Applicant(otherToken).GetAsync($"/api/grants/applications/{id}");
        var clerk = await grants.Api.Client(Roles.Clerk).GetAsync($"/api/grants/applications/{id}");
        var garbage = await grants.Api.Applicant("not-a-token").GetAsync($"/api/grants/applications/{id}");
        var applicant = await grants.Api.Applicant(token).GetFromJsonAsync<JsonElement>($"/api/grants/applications/{id}");
        var officer = await grants.Api.Officer.GetFromJsonAsync<JsonElement>($"/api/grants/applications/{id}");

        await Problem.AssertAsync(anonymous, HttpStatusCode.Unauthorized, "unauthenticated");
        await Problem.AssertAsync(otherApplicant, HttpStatusCode.Forbidden, "forbidden");
        await Problem.AssertAsync(clerk, HttpStatusCode.Forbidden, "forbidden");
        await Problem.AssertAsync(garbage, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("draft", applicant.GetProperty("status").GetString());
        Assert.Equal("secretary@bolsover-watch.example", applicant.GetProperty("contact").GetProperty("email").GetString());
        Assert.Equal(id, officer.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Submitting_registers_the_contact_with_Notifications_and_publishes_an_event_without_personal_data()
    {
        var round = await OpenRoundAsync();
        await using var submitted = await EventCollector<GrantApplicationSubmitted>.StartAsync(grants.Infrastructure, e => e.RoundId == round);
        var (id, token) = await grants.Api.StartAsync(round, Api.Application(email: "chair@shirebrook-watch.example", amount: 4_000m));
        var update = await grants.Api.Applicant(token).PutAsJsonAsync($"/api/grants/applications/{id}",
            Api.Application(email: "chair@shirebrook-watch.example", amount: 4_250m, areas: ["Bolsover", "chesterfield"]));
        await Api.Expect(update, HttpStatusCode.OK);

        var response = await grants.Api.SubmitAsync(id, token);

        Assert.Equal("submitted", response.GetProperty("status").GetString());
        await submitted.WaitForAsync(1, TimeSpan.FromSeconds(15));
        Assert.False(await submitted.MoreThanAsync(1, TimeSpan.FromSeconds(1)));
        var e = submitted.Received.Single().Message;
        Assert.Equal(id, e.ApplicationId);
        Assert.Equal("charity", e.OrganisationType);
        Assert.Equal(4_250m, e.AmountRequested);
        Assert.Equal(["Bolsover", "Chesterfield"], e.Areas);
        Assert.NotNull(e.RecipientId);
        var json = JsonSerializer.Serialize(e);
        Assert.DoesNotContain("shirebrook-watch.example", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Jo Bloggs", json, StringComparison.Ordinal);
        Assert.DoesNotContain("01246", json, StringComparison.Ordinal);

        var registered = await RecipientCommands.WaitForAsync(e.RecipientId!.Value, TimeSpan.FromSeconds(15));
        Assert.Equal("chair@shirebrook-watch.example", registered.Email);
        Assert.Equal("Jo Bloggs", registered.Name);
        Assert.Equal("01246 123456", registered.MobileNumber);
        var commands = await grants.QueryAsync(db => db.Set<OutboxMessage>().Where(m => m.Destination != null).ToListAsync());
        var command = Assert.Single(commands, m => m.Body.Contains(e.RecipientId.Value.ToString(), StringComparison.Ordinal));
        Assert.Equal("exchange:notifications-register-recipient", command.Destination);

        var twice = await grants.Api.Applicant(token).PostAsync($"/api/grants/applications/{id}/submit", null);
        await Problem.AssertAsync(twice, HttpStatusCode.Conflict, "not-a-draft");
        var edit = await grants.Api.Applicant(token).PutAsJsonAsync($"/api/grants/applications/{id}", Api.Application());
        await Problem.AssertAsync(edit, HttpStatusCode.Conflict, "not-a-draft");
    }

    [Fact]
    public async Task An_incomplete_or_ineligible_draft_is_refused_with_422_naming_each_field_and_stays_a_draft()
    {
        var round = await OpenRoundAsync();
        var (id, token) = await grants.Api.StartAsync(round, new
        {
            organisation = new { name = "Glossop Primary School", type = "school" },
            contact = new { name = "Head Teacher", email = "head@glossop-primary.example" },
            amountRequested = 9_000,
            areas = new[] { "High Peak" },
        });
        var before = await grants.CountsAsync();

        var response = await grants.Api.Applicant(token).PostAsync($"/api/grants/applications/{id}/submit", null);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity, "application-incomplete");
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToArray();
        Assert.Equal(["amountRequested", "endDate", "organisation.type", "priorities", "projectDescription", "projectTitle", "startDate"], fields);
        Assert.Equal(before, await grants.CountsAsync());
        var read = await grants.Api.Applicant(token).GetFromJsonAsync<JsonElement>($"/api/grants/applications/{id}");
        Assert.Equal("draft", read.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_draft_saved_before_the_round_opens_cannot_be_submitted_yet()
    {
        var round = await OpenRoundAsync(DateTimeOffset.UtcNow.AddDays(3), DateTimeOffset.UtcNow.AddDays(40));
        var (id, token) = await grants.Api.StartAsync(round);

        var response = await grants.Api.Applicant(token).PostAsync($"/api/grants/applications/{id}/submit", null);

        await Problem.AssertAsync(response, HttpStatusCode.Conflict, "round-not-open");
        Assert.Equal(ApplicationStatus.Draft, await grants.QueryAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task No_draft_is_started_once_the_round_has_closed()
    {
        var round = await OpenRoundAsync(DateTimeOffset.UtcNow.AddSeconds(-10), DateTimeOffset.UtcNow.AddSeconds(1));
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var response = await grants.Api.Client().PostAsJsonAsync($"/api/grants/rounds/{round}/applications", Api.Application());

        await Problem.AssertAsync(response, HttpStatusCode.Conflict, "round-closed");
    }

    [Fact]
    public async Task The_applicant_may_withdraw_and_then_nothing_more_happens_to_the_application()
    {
        var round = await OpenRoundAsync();
        var (id, token) = await grants.Api.StartAsync(round);
        await grants.Api.SubmitAsync(id, token);

        var withdrawn = await grants.Api.Applicant(token).PostAsync($"/api/grants/applications/{id}/withdraw", null);
        var again = await grants.Api.Applicant(token).PostAsync($"/api/grants/applications/{id}/withdraw", null);
        var assess = await grants.Api.Officer.PostAsync($"/api/grants/applications/{id}/start-assessment", null);

        await Api.Expect(withdrawn, HttpStatusCode.OK);
        Assert.Equal("withdrawn", (await withdrawn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        await Problem.AssertAsync(again, HttpStatusCode.Conflict, "already-decided");
        await Problem.AssertAsync(assess, HttpStatusCode.Conflict, "not-submitted");
    }

    public static TheoryData<string, string, string> BadApplications => new()
    {
        { "charity number of the wrong form", Body(organisation: """{"name":"Watch","type":"charity","charityNumber":"CH-12"}"""), "organisation.charityNumber" },
        { "company number of the wrong form", Body(organisation: """{"name":"Watch CIC","type":"cic","companyNumber":"ABC"}"""), "organisation.companyNumber" },
        { "no organisation type", Body(organisation: """{"name":"Watch"}"""), "organisation.type" },
        { "unknown organisation type", Body(organisation: """{"name":"Watch","type":"cartel"}"""), "organisation.type" },
        { "e-mail that is not one", Body(contact: """{"name":"Jo","email":"jo at example"}"""), "contact.email" },
        { "no contact", Body(contact: "null"), "contact" },
        { "not a district", Body(extra: "\"areas\":[\"Sheffield\"]"), "areas[0]" },
        { "not a priority", Body(extra: "\"priorities\":[\"parking\"]"), "priorities[0]" },
        { "fractions of a penny", Body(extra: "\"amountRequested\":100.001"), "amountRequested" },
        { "ends before it starts", Body(extra: "\"startDate\":\"2023-01-01\",\"endDate\":\"2022-01-01\""), "endDate" },
        { "markup in the title", Body(extra: "\"projectTitle\":\"<script>alert(1)</script>\""), "projectTitle" },
        { "document link that is not http", Body(extra: "\"documents\":[{\"title\":\"Budget\",\"url\":\"file:///etc/passwd\"}]"), "documents[0].url" },
        { "unknown field", Body(extra: "\"bankAccount\":\"12345678\""), "bankAccount" },
        { "date of the wrong type", Body(extra: "\"startDate\":42"), "startDate" },
    };

    private static string Body(
        string organisation = """{"name":"Bolsover Community Watch","type":"charity","charityNumber":"1012345"}""",
        string contact = """{"name":"Jo Bloggs","email":"jo@example.org"}""", string? extra = null) =>
        $$"""{"organisation":{{organisation}},"contact":{{contact}}{{(extra is null ? "" : "," + extra)}}}""";

    [Theory]
    [MemberData(nameof(BadApplications))]
    public async Task Bad_application_input_is_a_400_problem_naming_the_field_and_stores_nothing(string why, string body, string field)
    {
        var round = await OpenRoundAsync();
        var before = await grants.CountsAsync();

        var response = await grants.Api.Client().PostAsync($"/api/grants/rounds/{round}/applications", new StringContent(body, Encoding.UTF8, "application/json"));

        await Problem.AssertNamesFieldAsync(response, HttpStatusCode.BadRequest, field, why);
        Assert.Equal(before, await grants.CountsAsync());
    }

    [Fact]
    public async Task Registration_numbers_are_stored_in_their_normal_form()
    {
        var round = await OpenRoundAsync();
        var (id, token) = await grants.Api.StartAsync(round, new
        {
            organisation = new { name = "Erewash Youth CIC", type = "cic", companyNumber = "1234567", charityNumber = "sc 012345" },
            contact = new { name = "Jo", email = "jo@example.org" },
        });

        var read = await grants.Api.Applicant(token).GetFromJsonAsync<JsonElement>($"/api/grants/applications/{id}");

        Assert.Equal("01234567", read.GetProperty("organisation").GetProperty("companyNumber").GetString());
        Assert.Equal("SC012345", read.GetProperty("organisation").GetProperty("charityNumber").GetString());
        Assert.Equal("cic", read.GetProperty("organisation").GetProperty("type").GetString());
    }
}
