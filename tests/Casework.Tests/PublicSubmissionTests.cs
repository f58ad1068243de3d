using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Contracts.Casework;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Time;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Casework.Tests;

/// <summary>POST /api/casework/public/submissions: a resident writes in or complains, with no account.</summary>
public sealed class PublicSubmissionTests(CaseworkService casework) : IClassFixture<CaseworkService>
{
    private static object Complaint(Person person, string type = "complaint-chief-constable") => new
    {
        type,
        name = person.Name,
        email = person.Email,
        phone = person.Phone,
        address = person.Address,
        summary = person.Summary,
        description = person.Description,
    };

    [Fact]
    public async Task A_resident_complains_and_gets_a_reference_and_an_acknowledgment_with_nothing_else()
    {
        var person = Person.Unique();
        await using var acknowledged = await EventCollector<CaseAcknowledged>.StartAsync(casework.Infrastructure);
        await using var opened = await EventCollector<CaseOpened>.StartAsync(casework.Infrastructure);

        var response = await casework.Client().PostAsJsonAsync("/api/casework/public/submissions", Complaint(person));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        var reference = receipt.GetProperty("reference").GetString()!;
        Assert.Matches("^OPCC-\\d{4}-\\d{6}$", reference);
        Assert.True(receipt.GetProperty("acknowledgmentSent").GetBoolean());
        Assert.Equal(["acknowledgeBy", "acknowledgmentSent", "receivedAt", "reference", "respondBy", "respondWithin"],
            receipt.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        // The time limits, for the page's "what happens next": 5 and 20 England and Wales working days from today.
        var today = UkTime.LondonDate(DateTimeOffset.UtcNow);
        Assert.Equal(WorkingDays.Add(today, 5), DateOnly.Parse(receipt.GetProperty("acknowledgeBy").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal(WorkingDays.Add(today, 20), DateOnly.Parse(receipt.GetProperty("respondBy").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal("20 working days", receipt.GetProperty("respondWithin").GetString());

        var caseId = await casework.QueryAsync(db => db.Cases.Where(c => c.Reference == reference).Select(c => c.Id).SingleAsync());
        var ack = await Eventually.Until(() => Task.FromResult(acknowledged.Received.Select(r => r.Message).FirstOrDefault(e => e.CaseId == caseId)),
            e => e is not null, TimeSpan.FromSeconds(15), "CaseAcknowledged");
        Assert.Equal("complaint-chief-constable", ack.CaseType);
        Assert.NotNull(ack.RecipientId);
        var open = await Eventually.Until(() => Task.FromResult(opened.Received.Select(r => r.Message).FirstOrDefault(e => e.CaseId == ack.CaseId)),
            e => e is not null, TimeSpan.FromSeconds(15), "CaseOpened");
        Assert.Equal(("web-form", ack.RecipientId), (open.Channel, open.RecipientId));
        Assert.All(person.Traces, t => Assert.DoesNotContain(t, JsonSerializer.Serialize(ack) + JsonSerializer.Serialize(open), StringComparison.Ordinal));

        // Notifications gets the contact under that recipient id, so it can send the acknowledgment with the reference.
        var registered = await casework.Registered.WaitForAsync(r => r.RecipientId == ack.RecipientId);
        Assert.Equal(person.Email, registered.Email);

        var read = await casework.Client(Roles.Caseworker).GetFromJsonAsync<JsonElement>($"/api/casework/cases/{ack.CaseId}");
        Assert.Equal("acknowledged", read.GetProperty("status").GetString());
        Assert.Equal("met", read.GetProperty("clocks").GetProperty("acknowledge").GetProperty("state").GetString());
        Assert.Equal(person.Name, read.GetProperty("restricted").GetProperty("subject").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_late_review_application_from_the_public_is_recorded_as_late()
    {
        var person = Person.Unique();
        var told = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-60)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var response = await casework.Client().PostAsJsonAsync("/api/casework/public/submissions", new
        {
            type = "complaint-review",
            name = person.Name,
            email = person.Email,
            summary = person.Summary,
            description = person.Description,
            forceOutcomeNotifiedOn = told,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var reference = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString();
        var found = await casework.Client(Roles.Caseworker).GetFromJsonAsync<JsonElement>($"/api/casework/cases?reference={reference}");
        var id = found.GetProperty("items")[0].GetProperty("id").GetGuid();
        var read = await casework.Client(Roles.Caseworker).GetFromJsonAsync<JsonElement>($"/api/casework/cases/{id}");
        Assert.True(read.GetProperty("restricted").GetProperty("review").GetProperty("lateApplication").GetBoolean());
    }

    public static TheoryData<string, string, string> BadSubmissions => new()
    {
        { "no email to reply to", """{"type":"correspondence","name":"A Resident","summary":"Street lights","description":"They are out."}""", "email" },
        { "not an email", """{"type":"correspondence","name":"A Resident","email":"resident at example dot org","summary":"Street lights","description":"They are out."}""", "email" },
        { "no description", """{"type":"correspondence","name":"A Resident","email":"a@example.org","summary":"Street lights"}""", "description" },
        { "a type the public cannot open", """{"type":"foi-request","name":"A Resident","email":"a@example.org","summary":"FOI","description":"Please send."}""", "type" },
        { "script", """{"type":"correspondence","name":"A Resident","email":"a@example.org","summary":"Hello","description":"<script>document.location='https://evil.example'</script>"}""", "description" },
        { "markup in the name", """{"type":"correspondence","name":"<b>A Resident</b>","email":"a@example.org","summary":"Hello","description":"Hi"}""", "name" },
        { "control characters", "{\"type\":\"correspondence\",\"name\":\"A Resident\",\"email\":\"a@example.org\",\"summary\":\"Hello\\u0007\",\"description\":\"Hi\"}", "summary" },
        { "unknown field", """{"type":"correspondence","name":"A Resident","email":"a@example.org","summary":"Hello","description":"Hi","channel":"email"}""", "channel" },
        { "review without the force's date", """{"type":"complaint-review","name":"A Resident","email":"a@example.org","summary":"Review","description":"Please review."}""", "forceOutcomeNotifiedOn" },
    };

    [Theory]
    [MemberData(nameof(BadSubmissions))]
    public async Task Bad_submissions_are_400_problems_and_store_nothing(string why, string body, string field)
    {
        var before = await casework.CountsAsync();

        var response = await casework.Client().PostAsync("/api/casework/public/submissions", new StringContent(body, Encoding.UTF8, "application/json"));

        await Problems.AssertNamesFieldAsync(response, HttpStatusCode.BadRequest, field, why);
        Assert.Equal(before, await casework.CountsAsync());
    }

    [Fact]
    public async Task An_overlong_description_is_refused_and_a_huge_body_is_413()
    {
        var person = Person.Unique() with { Description = new string('x', 5_001) };
        var before = await casework.CountsAsync();

        var overlong = await casework.Client().PostAsJsonAsync("/api/casework/public/submissions", Complaint(person));
        var huge = await casework.Client().PostAsJsonAsync("/api/casework/public/submissions", Complaint(person with { Description = new string('x', 2_000_000) }));

        await Problems.AssertNamesFieldAsync(overlong, HttpStatusCode.BadRequest, "description");
        Assert.True(huge.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"got {(int)huge.StatusCode}");
        Assert.Equal(before, await casework.CountsAsync());
    }
}
