using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PanelPlatform.Casework.Data;
using PanelPlatform.Contracts.Casework;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Casework.Tests;

/// <summary>A caseworker works cases through the API: assignment, every transition, notes, documents, extensions, reviews, links.</summary>
public sealed class WorkflowTests(CaseworkService casework) : IClassFixture<CaseworkService>
{
    private HttpClient Caseworker => casework.ClientAs("jo.bloggs", "Jo Bloggs", Roles.Caseworker);

    [Fact]
    public async Task A_letter_is_worked_from_received_to_closed_and_the_events_say_so_without_personal_data()
    {
        var person = Person.Unique();
        await using var acknowledged = await EventCollector<CaseAcknowledged>.StartAsync(casework.Infrastructure);
        await using var closed = await EventCollector<CaseClosed>.StartAsync(casework.Infrastructure);
        var (id, reference) = await casework.OpenCaseAsync(person);

        var assigned = await Caseworker.PostAsJsonAsync($"/api/casework/cases/{id}/assignment", new { });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        await casework.MoveAsync(id, "acknowledged");
        await casework.MoveAsync(id, "in-progress");
        var paused = await casework.MoveAsync(id, "awaiting-information", reason: $"Asked for the date of the incident {person.Tag}");
        Assert.True(paused.GetProperty("clocks").GetProperty("paused").GetBoolean());
        Assert.Equal("paused", paused.GetProperty("clocks").GetProperty("respond").GetProperty("state").GetString());
        Assert.All(person.Traces, t => Assert.DoesNotContain(t, paused.ToString(), StringComparison.Ordinal));
        await casework.MoveAsync(id, "in-progress");
        var note = await Caseworker.PostAsJsonAsync($"/api/casework/cases/{id}/notes", new { text = $"Spoke to the Safer Neighbourhood Team {person.Tag}" });
        Assert.Equal(HttpStatusCode.Created, note.StatusCode);
        Assert.DoesNotContain(person.Tag, await note.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var letter = Encoding.UTF8.GetBytes($"Dear {person.Name}, thank you for your letter.");
        var upload = await UploadAsync(id, letter, "text/plain", "response letter.txt");
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        await casework.MoveAsync(id, "responded");
        var done = await casework.MoveAsync(id, "closed", outcome: "resolved");

        Assert.Equal("closed", done.GetProperty("status").GetString());
        Assert.Equal("resolved", done.GetProperty("outcome").GetString());
        Assert.Equal("met", done.GetProperty("clocks").GetProperty("respond").GetProperty("state").GetString());

        var file = (await Caseworker.GetFromJsonAsync<JsonElement>($"/api/casework/cases/{id}")).GetProperty("restricted");
        Assert.Equal("Jo Bloggs", file.GetProperty("assignee").GetProperty("name").GetString());
        Assert.Contains(person.Tag, file.GetProperty("pauses")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains(person.Tag, file.GetProperty("notes")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        var document = file.GetProperty("documents")[0];
        Assert.Equal(("response letter.txt", letter.Length), (document.GetProperty("fileName").GetString(), document.GetProperty("length").GetInt32()));
        var downloaded = await Caseworker.GetAsync(upload.Headers.Location);
        Assert.Equal(letter, await downloaded.Content.ReadAsByteArrayAsync());
        Assert.Equal("text/plain", downloaded.Content.Headers.ContentType?.MediaType);

        await Eventually.Until(() => Task.FromResult(closed.Received.Any(e => e.Message.CaseId == id)), TimeSpan.FromSeconds(15), "CaseClosed");
        var closedEvent = closed.Received.Single(e => e.Message.CaseId == id).Message;
        Assert.Equal((reference, "correspondence", "resolved", true), (closedEvent.Reference, closedEvent.CaseType, closedEvent.Outcome, closedEvent.WithinTimeLimit));
        await Eventually.Until(() => Task.FromResult(acknowledged.Received.Any(e => e.Message.CaseId == id)), TimeSpan.FromSeconds(15), "CaseAcknowledged");
        Assert.Single(acknowledged.Received, e => e.Message.CaseId == id);
    }

    [Fact]
    public async Task Moves_out_of_order_are_409_and_change_nothing()
    {
        var (id, _) = await casework.OpenCaseAsync(Person.Unique());

        var response = await Caseworker.PostAsJsonAsync($"/api/casework/cases/{id}/transitions", new { to = "responded" });
        await Problems.AssertProblemTypeAsync(response, HttpStatusCode.Conflict, "/conflict/invalid-transition");
        var early = await Caseworker.PostAsJsonAsync($"/api/casework/cases/{id}/transitions", new { to = "closed", outcome = "resolved" });
        await Problems.AssertProblemTypeAsync(early, HttpStatusCode.Conflict, "/conflict/invalid-transition");

        var read = await Caseworker.GetFromJsonAsync<JsonElement>($"/api/casework/cases/{id}");
        Assert.Equal("received", read.GetProperty("status").GetString());
        var withdrawn = await casework.MoveAsync(id, "closed", outcome: "withdrawn");
        Assert.Equal("withdrawn", withdrawn.GetProperty("outcome").GetString());
    }

    public static TheoryData<string, string> BadTransitions => new()
    {
        { """{"to":"closed"}""", "outcome" },
        { """{"to":"acknowledged","outcome":"resolved"}""", "outcome" },
        { """{"to":"acknowledged","reason":"because"}""", "reason" },
        { """{"to":"finished"}""", "to" },
        { """{}""", "to" },
        { """{"to":"awaiting-information","reason":"<script>x</script>"}""", "reason" },
    };

    [Theory]
    [MemberData(nameof(BadTransitions))]
    public async Task Malformed_transitions_are_400_problems(string body, string field)
    {
        var (id, _) = await casework.OpenCaseAsync(Person.Unique());

        var response = await Caseworker.PostAsync($"/api/casework/cases/{id}/transitions", new StringContent(body, Encoding.UTF8, "application/json"));

        await Problems.AssertNamesFieldAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task A_late_complaint_review_needs_a_recorded_reason_and_its_outcome_is_recorded()
    {
        var received = DateTimeOffset.UtcNow.AddHours(-1);
        var told = DateOnly.FromDateTime(received.UtcDateTime.AddDays(-40)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (id, _) = await casework.OpenCaseAsync(Person.Unique(), "complaint-review", received, told);
        await casework.MoveAsync(id, "acknowledged");

        var refused = await Caseworker.PostAsJsonAsync($"/api/casework/cases/{id}/transitions", new { to = "in-progress" });
        await Problems.AssertProblemTypeAsync(refused, HttpStatusCode.UnprocessableEntity, "/late-review-not-accepted");
        var noReason = await Caseworker.PostAsJsonAsync($"/api/casework/cases/{id}/review/late-acceptance", new { reason = " " });
        await Problems.AssertNamesFieldAsync(noReason, HttpStatusCode.BadRequest, "reason");
        var accepted = await Caseworker.PostAsJsonAsync($"/api/casework/cases/{id}/review/late-acceptance",
            new { reason = "The force's outcome letter went to an old address." });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        await casework.MoveAsync(id, "in-progress");
        var notYet = await Caseworker.PostAsJsonAsync($"/api/casework/cases/{id}/transitions", new { to = "responded" });
        await Problems.AssertProblemTypeAsync(notYet, HttpStatusCode.UnprocessableEntity, "/review-outcome-missing");
        var outcome = await Caseworker.PostAsJsonAsync($"/api/casework/cases/{id}/review/outcome",
            new { result = "upheld", recommendations = "The force should reassess the complaint and write to the complainant." });
        Assert.Equal(HttpStatusCode.OK, outcome.StatusCode);
        await casework.MoveAsync(id, "responded");
        var mismatch = await Caseworker.PostAsJsonAsync($"/api/casework/cases/{id}/transitions", new { to = "closed", outcome = "not-upheld" });
        await Problems.AssertProblemTypeAsync(mismatch, HttpStatusCode.UnprocessableEntity, "/outcome-does-not-match-review");
        await casework.MoveAsync(id, "closed", outcome: "upheld");

        var review = (await Caseworker.GetFromJsonAsync<JsonElement>($"/api/casework/cases/{id}")).GetProperty("restricted").GetProperty("review");
        Assert.True(review.GetProperty("lateApplication").GetBoolean());
        Assert.Equal("The force's outcome letter went to an old address.", review.GetProperty("lateAcceptanceReason").GetString());
        Assert.Equal("upheld", review.GetProperty("result").GetString());
        Assert.StartsWith("The force should reassess", review.GetProperty("recommendations").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_FOI_request_is_extended_for_a_public_interest_test_and_other_cases_are_not()
    {
        var (foi, _) = await casework.OpenCaseAsync(Person.Unique(), "foi-request", new DateTimeOffset(2026, 3, 25, 12, 0, 0, TimeSpan.Zero));
        var (letter, _) = await casework.OpenCaseAsync(Person.Unique());

        var extended = await Caseworker.PostAsJsonAsync($"/api/casework/cases/{foi}/extension", new { reason = "Public interest test, s.31", workingDays = 10 });
        var refused = await Caseworker.PostAsJsonAsync($"/api/casework/cases/{letter}/extension", new { reason = "Busy", workingDays = 10 });
        var again = await Caseworker.PostAsJsonAsync($"/api/casework/cases/{foi}/extension", new { reason = "More", workingDays = 5 });
        var noReason = await Caseworker.PostAsJsonAsync($"/api/casework/cases/{foi}/extension", new { workingDays = 5 });

        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        var respond = (await extended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clocks").GetProperty("respond");
        Assert.Equal("2026-05-11", respond.GetProperty("dueOn").GetString()); // 24 April + 10 working days, skipping 4 May
        Assert.Equal("30 working days", respond.GetProperty("target").GetString());
        await Problems.AssertProblemTypeAsync(refused, HttpStatusCode.UnprocessableEntity, "/extension-not-available");
        await Problems.AssertProblemTypeAsync(again, HttpStatusCode.Conflict, "/conflict/already-extended");
        await Problems.AssertNamesFieldAsync(noReason, HttpStatusCode.BadRequest, "reason");
    }

    [Fact]
    public async Task Cases_are_linked_both_ways_once()
    {
        var (complaint, complaintReference) = await casework.OpenCaseAsync(Person.Unique(), "complaint-chief-constable");
        var (review, reviewReference) = await casework.OpenCaseAsync(Person.Unique(), "correspondence");

        var linked = await Caseworker.PostAsJsonAsync($"/api/casework/cases/{review}/links", new { reference = complaintReference.ToLowerInvariant() });
        var twice = await Caseworker.PostAsJsonAsync($"/api/casework/cases/{complaint}/links", new { reference = reviewReference });
        var unknown = await Caseworker.PostAsJsonAsync($"/api/casework/cases/{complaint}/links", new { reference = "OPCC-1999-999999" });
        var itself = await Caseworker.PostAsJsonAsync($"/api/casework/cases/{complaint}/links", new { reference = complaintReference });

        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        await Problems.AssertProblemTypeAsync(twice, HttpStatusCode.Conflict, "/conflict/already-linked");
        await Problems.AssertProblemTypeAsync(unknown, HttpStatusCode.UnprocessableEntity, "/unknown-reference");
        await Problems.AssertProblemTypeAsync(itself, HttpStatusCode.UnprocessableEntity, "/link-to-itself");
        var links = (await Caseworker.GetFromJsonAsync<JsonElement>($"/api/casework/cases/{complaint}")).GetProperty("restricted").GetProperty("links");
        Assert.Equal(reviewReference, Assert.Single(links.EnumerateArray()).GetProperty("reference").GetString());
    }

    [Fact]
    public async Task Assigning_to_a_registered_colleague_works_and_to_a_stranger_is_422()
    {
        var (id, _) = await casework.OpenCaseAsync(Person.Unique());
        var colleague = await casework.ClientAs("sam.smith", "Sam Smith", Roles.Caseworker).PostAsync("/api/casework/caseworkers/me", null);
        var colleagueId = (await colleague.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var stranger = await Caseworker.PostAsJsonAsync($"/api/casework/cases/{id}/assignment", new { caseworkerId = Guid.NewGuid() });
        var assigned = await Caseworker.PostAsJsonAsync($"/api/casework/cases/{id}/assignment", new { caseworkerId = colleagueId });

        await Problems.AssertProblemTypeAsync(stranger, HttpStatusCode.UnprocessableEntity, "/unknown-caseworker");
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        var mine = await casework.ClientAs("sam.smith", "Sam Smith", Roles.Caseworker).GetFromJsonAsync<JsonElement>("/api/casework/cases?assignee=me");
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);
        // The colleague is a recipient with Notifications under their caseworker id, for deadline reminders.
        var registered = await casework.Registered.WaitForAsync(r => r.RecipientId == colleagueId);
        Assert.Equal("Sam Smith", registered.Name);
        var listed = await Caseworker.GetFromJsonAsync<JsonElement>("/api/casework/caseworkers");
        Assert.Contains(listed.EnumerateArray(), w => w.GetProperty("id").GetGuid() == colleagueId);
    }

    [Fact]
    public async Task Documents_must_be_an_accepted_type_named_plainly_and_at_most_ten_megabytes()
    {
        var (id, _) = await casework.OpenCaseAsync(Person.Unique());
        var before = await casework.CountsAsync();

        var script = await UploadAsync(id, "<script>"u8.ToArray(), "text/html", "page.html");
        var path = await UploadAsync(id, "letter"u8.ToArray(), "text/plain", "../../etc/passwd");
        var empty = await UploadAsync(id, [], "text/plain", "empty.txt");
        var huge = await UploadAsync(id, new byte[(10 * 1024 * 1024) + 1], "application/pdf", "huge.pdf");

        await Problems.AssertNamesFieldAsync(script, HttpStatusCode.BadRequest, "contentType");
        await Problems.AssertNamesFieldAsync(path, HttpStatusCode.BadRequest, "fileName");
        await Problems.AssertNamesFieldAsync(empty, HttpStatusCode.BadRequest, "body");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(before, await casework.CountsAsync());
        var pdf = await UploadAsync(id, new byte[2 * 1024 * 1024], "application/pdf", "statement.pdf");
        Assert.Equal(HttpStatusCode.Created, pdf.StatusCode);
    }

    public static TheoryData<string, string> WriteEndpoints => new()
    {
        { "assignment", """{}""" },
        { "transitions", """{"to":"acknowledged"}""" },
        { "extension", """{"reason":"x","workingDays":5}""" },
        { "review/late-acceptance", """{"reason":"x"}""" },
        { "review/outcome", """{"result":"upheld"}""" },
        { "links", """{"reference":"OPCC-2026-000001"}""" },
        { "notes", """{"text":"x"}""" },
        { "documents?fileName=a.txt", "hello" },
    };

    [Theory]
    [MemberData(nameof(WriteEndpoints))]
    public async Task Every_write_is_401_without_a_token_403_for_other_staff_and_404_for_an_unknown_case(string path, string body)
    {
        var (id, _) = await casework.OpenCaseAsync(Person.Unique());
        var contentType = path.StartsWith("documents", StringComparison.Ordinal) ? "text/plain" : "application/json";
        HttpContent Content() => new StringContent(body, Encoding.UTF8, contentType);
        var before = await casework.CountsAsync();

        var anonymous = await casework.Client().PostAsync($"/api/casework/cases/{id}/{path}", Content());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        foreach (var role in new[] { Roles.OpccStaff, Roles.Clerk, Roles.PanelMember, Roles.GrantsOfficer, Roles.AlertsCoordinator })
        {
            var response = await casework.Client(role).PostAsync($"/api/casework/cases/{id}/{path}", Content());
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} {path}: {(int)response.StatusCode}");
        }

        Assert.Equal(before, await casework.CountsAsync());
        var missing = await Caseworker.PostAsync($"/api/casework/cases/{Guid.NewGuid()}/{path}", Content());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Two_changes_to_one_case_at_once_cannot_both_win()
    {
        var (id, _) = await casework.OpenCaseAsync(Person.Unique());
        await using var one = casework.Factory.Services.CreateAsyncScope();
        await using var two = casework.Factory.Services.CreateAsyncScope();
        var first = await one.ServiceProvider.GetRequiredService<CaseworkDbContext>().Cases.SingleAsync(c => c.Id == id);
        var dbTwo = two.ServiceProvider.GetRequiredService<CaseworkDbContext>();
        var second = await dbTwo.Cases.SingleAsync(c => c.Id == id);

        first.Acknowledge(DateTimeOffset.UtcNow);
        await one.ServiceProvider.GetRequiredService<CaseworkDbContext>().SaveChangesAsync();
        second.Close(Domain.CaseOutcome.Withdrawn, DateTimeOffset.UtcNow);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => dbTwo.SaveChangesAsync());
    }

    private Task<HttpResponseMessage> UploadAsync(Guid id, byte[] content, string contentType, string fileName)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return Caseworker.PostAsync($"/api/casework/cases/{id}/documents?fileName={Uri.EscapeDataString(fileName)}", body);
    }
}
