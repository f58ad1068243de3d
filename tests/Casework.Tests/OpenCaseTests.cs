using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Contracts.Casework;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Casework.Tests;

/// <summary>POST /api/casework/cases: staff log a letter, an email or a call.</summary>
public sealed class OpenCaseTests(CaseworkService casework) : IClassFixture<CaseworkService>
{
    private static object Letter(Person person, string type = "correspondence") => new
    {
        type,
        channel = "letter",
        receivedAt = "2026-03-03T09:30:00+00:00",
        subject = person.Subject,
        summary = person.Summary,
        description = person.Description,
    };

    [Fact]
    public async Task A_caseworker_opens_a_case_with_the_next_reference_and_CaseOpened_carries_no_personal_data()
    {
        var person = Person.Unique();
        await using var opened = await EventCollector<CaseOpened>.StartAsync(casework.Infrastructure);

        var response = await casework.Client(Roles.Caseworker).PostAsJsonAsync("/api/casework/cases", Letter(person));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var created = JsonDocument.Parse(body).RootElement;
        var id = created.GetProperty("id").GetGuid();
        var reference = created.GetProperty("reference").GetString()!;
        Assert.Matches($"^OPCC-{DateTime.UtcNow.Year}-\\d{{6}}$", reference);
        Assert.Equal($"/api/casework/cases/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("received", created.GetProperty("status").GetString());
        Assert.Equal("2026-03-10", created.GetProperty("clocks").GetProperty("acknowledge").GetProperty("dueOn").GetString());
        Assert.Equal("2026-03-31", created.GetProperty("clocks").GetProperty("respond").GetProperty("dueOn").GetString());
        Assert.All(person.Traces, t => Assert.DoesNotContain(t, body, StringComparison.Ordinal));

        await Eventually.Until(() => Task.FromResult(opened.Received.Any(e => e.Message.CaseId == id)), TimeSpan.FromSeconds(15), "CaseOpened");
        var (_, e) = opened.Received.Single(e => e.Message.CaseId == id);
        Assert.Equal((reference, "correspondence", "letter"), (e.Reference, e.CaseType, e.Channel));
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 9, 30, 0, TimeSpan.Zero), e.ReceivedAt);
        Assert.NotNull(e.RecipientId);
        Assert.All(person.Traces, t => Assert.DoesNotContain(t, JsonSerializer.Serialize(e), StringComparison.Ordinal));

        // The contact details went to Notifications alone, under the recipient id the event names.
        var registered = await casework.Registered.WaitForAsync(r => r.RecipientId == e.RecipientId);
        Assert.Equal((person.Name, person.Email, person.Phone), (registered.Name, registered.Email, registered.MobileNumber));
    }

    [Fact]
    public async Task References_are_sequential_within_the_year_and_unique_when_opened_together()
    {
        var people = Enumerable.Range(0, 20).Select(_ => Person.Unique()).ToList();

        var responses = await Task.WhenAll(people.Select(p => casework.Client(Roles.Caseworker).PostAsJsonAsync("/api/casework/cases", Letter(p))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var numbers = new List<int>();
        foreach (var response in responses)
        {
            var reference = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
            numbers.Add(int.Parse(reference[^6..], System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(20, numbers.Distinct().Count());
        // No number is skipped or given twice: the twenty are consecutive.
        Assert.Equal(19, numbers.Max() - numbers.Min());
        var stored = await casework.QueryAsync(db => db.Cases.Select(c => c.Reference).ToListAsync());
        Assert.Equal(stored.Count, stored.Distinct().Count());
    }

    [Fact]
    public async Task OPCC_staff_may_log_a_case_but_see_only_the_sealed_view_of_it()
    {
        var person = Person.Unique();

        var response = await casework.Client(Roles.OpccStaff).PostAsJsonAsync("/api/casework/cases", Letter(person, "mp-enquiry"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.All(person.Traces, t => Assert.DoesNotContain(t, body, StringComparison.Ordinal));
        Assert.DoesNotContain("restricted", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_complaint_about_the_Commissioner_is_referred_to_the_Panel()
    {
        await using var referred = await EventCollector<CaseReferredToPanel>.StartAsync(casework.Infrastructure);

        var (id, reference) = await casework.OpenCaseAsync(Person.Unique(), "complaint-about-pcc");

        await Eventually.Until(() => Task.FromResult(referred.Received.Any(e => e.Message.CaseId == id)), TimeSpan.FromSeconds(15), "CaseReferredToPanel");
        Assert.Equal(reference, referred.Received.Single(e => e.Message.CaseId == id).Message.Reference);
        var read = await casework.Client(Roles.Clerk).GetFromJsonAsync<JsonElement>($"/api/casework/cases/{id}");
        Assert.Equal(JsonValueKind.String, read.GetProperty("referredToPanelAt").ValueKind);
    }

    [Fact]
    public async Task Without_a_token_opening_is_401_and_with_a_role_that_does_not_handle_cases_403()
    {
        var before = await casework.CountsAsync();

        var anonymous = await casework.Client().PostAsJsonAsync("/api/casework/cases", Letter(Person.Unique()));
        var clerk = await casework.Client(Roles.Clerk).PostAsJsonAsync("/api/casework/cases", Letter(Person.Unique()));
        var panel = await casework.Client(Roles.PanelMember).PostAsJsonAsync("/api/casework/cases", Letter(Person.Unique()));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, clerk.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, panel.StatusCode);
        Assert.Equal(before, await casework.CountsAsync());
        var admin = await casework.Client(Roles.Admin).PostAsJsonAsync("/api/casework/cases", Letter(Person.Unique()));
        Assert.Equal(HttpStatusCode.Created, admin.StatusCode);
    }

    public static TheoryData<string, string, string> BadRequests => new()
    {
        { "no type", """{"channel":"letter","receivedAt":"2026-03-03T09:30:00Z","subject":{"name":"A Person"},"summary":"Speeding"}""", "type" },
        { "unknown type", """{"type":"parking-fine","channel":"letter","receivedAt":"2026-03-03T09:30:00Z","subject":{"name":"A Person"},"summary":"Speeding"}""", "type" },
        { "no subject", """{"type":"correspondence","channel":"letter","receivedAt":"2026-03-03T09:30:00Z","summary":"Speeding"}""", "subject" },
        { "no name", """{"type":"correspondence","channel":"letter","receivedAt":"2026-03-03T09:30:00Z","subject":{"email":"a@example.org"},"summary":"Speeding"}""", "subject.name" },
        { "bad email", """{"type":"correspondence","channel":"letter","receivedAt":"2026-03-03T09:30:00Z","subject":{"name":"A Person","email":"not-an-email"},"summary":"Speeding"}""", "subject.email" },
        { "bad phone", """{"type":"correspondence","channel":"letter","receivedAt":"2026-03-03T09:30:00Z","subject":{"name":"A Person","phone":"call me maybe"},"summary":"Speeding"}""", "subject.phone" },
        { "script in the summary", """{"type":"correspondence","channel":"letter","receivedAt":"2026-03-03T09:30:00Z","subject":{"name":"A Person"},"summary":"<script>alert(1)</script>"}""", "summary" },
        { "markup in the description", """{"type":"correspondence","channel":"letter","receivedAt":"2026-03-03T09:30:00Z","subject":{"name":"A Person"},"summary":"Speeding","description":"<img src=x onerror=alert(1)>"}""", "description" },
        { "received in the future", """{"type":"correspondence","channel":"letter","receivedAt":"2099-03-03T09:30:00Z","subject":{"name":"A Person"},"summary":"Speeding"}""", "receivedAt" },
        { "received at the dawn of time", """{"type":"complaint-review","channel":"letter","receivedAt":"0001-01-01T00:00:00Z","subject":{"name":"A Person"},"summary":"Review","forceOutcomeNotifiedOn":"0001-01-01"}""", "receivedAt" },
        { "review without the force's date", """{"type":"complaint-review","channel":"letter","receivedAt":"2026-03-03T09:30:00Z","subject":{"name":"A Person"},"summary":"Review"}""", "forceOutcomeNotifiedOn" },
        { "force date on a letter", """{"type":"correspondence","channel":"letter","receivedAt":"2026-03-03T09:30:00Z","subject":{"name":"A Person"},"summary":"Speeding","forceOutcomeNotifiedOn":"2026-02-01"}""", "forceOutcomeNotifiedOn" },
        { "unknown field", """{"type":"correspondence","channel":"letter","receivedAt":"2026-03-03T09:30:00Z","subject":{"name":"A Person"},"summary":"Speeding","priority":"high"}""", "priority" },
        { "wrong type of value", """{"type":"correspondence","channel":"letter","receivedAt":42,"subject":{"name":"A Person"},"summary":"Speeding"}""", "receivedAt" },
        { "malformed JSON", """{"type":"correspondence","channel":""", "channel" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_is_a_400_problem_naming_the_field_and_stores_nothing(string why, string body, string field)
    {
        var before = await casework.CountsAsync();

        var response = await casework.Client(Roles.Caseworker).PostAsync("/api/casework/cases", new StringContent(body, Encoding.UTF8, "application/json"));

        await Problems.AssertNamesFieldAsync(response, HttpStatusCode.BadRequest, field, why);
        Assert.Equal(before, await casework.CountsAsync());
    }

    [Fact]
    public async Task An_overlong_summary_is_refused()
    {
        var person = Person.Unique() with { Summary = new string('a', 201) };

        var response = await casework.Client(Roles.Caseworker).PostAsJsonAsync("/api/casework/cases", Letter(person));

        await Problems.AssertNamesFieldAsync(response, HttpStatusCode.BadRequest, "summary", "201 characters");
    }
}
