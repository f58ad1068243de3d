using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Casework.Tests;

/// <summary>
/// A role without <c>caseworker</c> gets no personal field from any endpoint; caseworkers get them, and every such
/// read leaves an audit row.
/// </summary>
public sealed class SealedDataTests(CaseFileService casework) : IClassFixture<CaseFileService>
{
    public static TheoryData<string> StaffWithoutCaseworker => [Roles.OpccStaff, Roles.Clerk, Roles.PanelMember, Roles.GrantsOfficer, Roles.AlertsCoordinator];

    private static readonly string[] PersonalPropertyNames =
        ["restricted", "subject", "summary", "description", "notes", "documents", "pauses", "links", "review", "extension", "assignee"];

    /// <summary>Every GET, and the POSTs that could return personal data, with what a sealed role should get.</summary>
    private IEnumerable<(string Method, string Path, object? Body, HttpStatusCode Expected, string? MustMention)> Endpoints()
    {
        var p = casework.Person;
        yield return ("GET", $"/api/casework/cases/{casework.Foi}", null, HttpStatusCode.OK, casework.FoiReference);
        yield return ("GET", $"/api/casework/cases/{casework.Review}", null, HttpStatusCode.OK, casework.ReviewReference);
        yield return ("GET", "/api/casework/cases", null, HttpStatusCode.OK, casework.FoiReference);
        yield return ("GET", $"/api/casework/cases?reference={casework.ReviewReference}", null, HttpStatusCode.OK, casework.ReviewReference);
        yield return ("GET", "/api/casework/cases?sort=due&limit=200", null, HttpStatusCode.OK, casework.FoiReference);
        yield return ("GET", "/api/casework/cases?type=foi-request&status=in-progress", null, HttpStatusCode.OK, casework.FoiReference);
        yield return ("GET", "/api/casework/cases?assignee=unassigned", null, HttpStatusCode.OK, casework.ReviewReference);
        yield return ("GET", "/api/casework/figures", null, HttpStatusCode.OK, "foi-request");
        yield return ("GET", "/api/casework/figures.csv", null, HttpStatusCode.OK, "foi-request");
        yield return ("GET", $"/api/casework/cases/{casework.Foi}/documents/{casework.DocumentId}", null, HttpStatusCode.Forbidden, null);
        yield return ("GET", "/api/casework/audit", null, HttpStatusCode.Forbidden, null);
        yield return ("GET", "/api/casework/caseworkers", null, HttpStatusCode.Forbidden, null);
        yield return ("POST", "/api/casework/subject-access-exports", new { email = p.Email }, HttpStatusCode.Forbidden, null);
        yield return ("POST", "/api/casework/caseworkers/me", new { }, HttpStatusCode.Forbidden, null);
        yield return ("POST", "/api/casework/admin/re-encrypt", new { }, HttpStatusCode.Forbidden, null);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, object? body) =>
        method == "GET" ? client.GetAsync(path) : client.PostAsJsonAsync(path, body);

    [Theory]
    [MemberData(nameof(StaffWithoutCaseworker))]
    public async Task A_role_without_caseworker_gets_no_personal_field_from_any_endpoint(string role)
    {
        var client = casework.Client(role);
        var auditRows = await casework.AuditCountAsync(casework.Foi) + await casework.AuditCountAsync(casework.Review);

        foreach (var (method, path, body, expected, mention) in Endpoints())
        {
            var response = await SendAsync(client, method, path, body);
            var text = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == expected, $"{role} {method} {path}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
            Assert.All(casework.Person.Traces, trace => Assert.DoesNotContain(trace, text, StringComparison.Ordinal));
            if (mention is not null)
            {
                Assert.Contains(mention, text, StringComparison.Ordinal);
            }

            if (response.Content.Headers.ContentType?.MediaType == "application/json")
            {
                var names = PropertyNames(JsonDocument.Parse(text).RootElement).ToHashSet(StringComparer.Ordinal);
                Assert.True(!names.Overlaps(PersonalPropertyNames), $"{role} {path} has {string.Join(", ", names.Intersect(PersonalPropertyNames))}");
            }
        }

        Assert.Equal(auditRows, await casework.AuditCountAsync(casework.Foi) + await casework.AuditCountAsync(casework.Review));
    }

    [Fact]
    public async Task Without_a_token_every_casework_endpoint_but_the_public_form_is_401()
    {
        foreach (var (method, path, body, _, _) in Endpoints())
        {
            var response = await SendAsync(casework.Client(), method, path, body);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_caseworker_sees_the_whole_file_and_the_read_is_audited_with_its_fields()
    {
        var reader = casework.ClientAs("audit.reader.1", "Avery Reader", Roles.Caseworker);
        var before = await casework.AuditCountAsync(casework.Foi);

        var file = (await reader.GetFromJsonAsync<JsonElement>($"/api/casework/cases/{casework.Foi}")).GetProperty("restricted");

        Assert.Equal(casework.Person.Email, file.GetProperty("subject").GetProperty("email").GetString());
        Assert.Equal(casework.Person.Description, file.GetProperty("description").GetString());
        var row = await LatestAuditAsync(casework.Foi, before + 1);
        Assert.Equal(("audit.reader.1", "Avery Reader", "case", casework.FoiReference), (row.ActorSubject, row.ActorName, row.Purpose, row.Reference));
        Assert.Equal(
            ["description", "documents.fileName", "extension.reason", "links", "notes", "pauses.reason", "subject.address", "subject.email", "subject.name", "subject.phone", "summary"],
            row.Fields.Order(StringComparer.Ordinal));
        Assert.True(DateTimeOffset.UtcNow - row.At < TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Reading_a_review_audits_its_reasons_and_recommendations()
    {
        var before = await casework.AuditCountAsync(casework.Review);

        await casework.ClientAs("audit.reader.2", "Bo Reader", Roles.Caseworker).GetFromJsonAsync<JsonElement>($"/api/casework/cases/{casework.Review}");

        var row = await LatestAuditAsync(casework.Review, before + 1);
        Assert.Contains("review.lateAcceptanceReason", row.Fields);
        Assert.Contains("review.recommendations", row.Fields);
    }

    [Fact]
    public async Task Search_results_for_a_caseworker_audit_each_case_listed()
    {
        var before = (await casework.AuditCountAsync(casework.Foi), await casework.AuditCountAsync(casework.Review));

        var page = await casework.ClientAs("audit.reader.3", "Cam Reader", Roles.Caseworker).GetFromJsonAsync<JsonElement>("/api/casework/cases?limit=200");

        var foi = page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == casework.Foi);
        Assert.Equal(casework.Person.Name, foi.GetProperty("restricted").GetProperty("subjectName").GetString());
        Assert.Equal("Casey Owner", foi.GetProperty("restricted").GetProperty("assignee").GetProperty("name").GetString());
        var row = await LatestAuditAsync(casework.Foi, before.Item1 + 1);
        Assert.Equal(("search", "audit.reader.3"), (row.Purpose, row.ActorSubject));
        Assert.Equal(["subject.name", "summary"], row.Fields.Order(StringComparer.Ordinal));
        Assert.Equal(before.Item2 + 1, await casework.AuditCountAsync(casework.Review));
    }

    [Fact]
    public async Task Downloading_a_document_is_audited()
    {
        var before = await casework.AuditCountAsync(casework.Foi);

        var response = await casework.ClientAs("audit.reader.4", "Dee Reader", Roles.Caseworker)
            .GetAsync($"/api/casework/cases/{casework.Foi}/documents/{casework.DocumentId}");

        Assert.Contains(casework.Person.Address, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var row = await LatestAuditAsync(casework.Foi, before + 1);
        Assert.Equal(("document", $"documents.{casework.DocumentId}"), (row.Purpose, Assert.Single(row.Fields)));
    }

    [Fact]
    public async Task A_subject_access_export_holds_everything_on_the_person_and_audits_each_case()
    {
        var before = (await casework.AuditCountAsync(casework.Foi), await casework.AuditCountAsync(casework.Review));
        var other = await casework.OpenCaseAsync(Person.Unique());

        var response = await casework.ClientAs("audit.reader.5", "Eli Reader", Roles.Caseworker)
            .PostAsJsonAsync("/api/casework/subject-access-exports", new { email = casework.Person.Email.ToUpperInvariant() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains($"cases/{casework.FoiReference}.json", names);
        Assert.Contains($"cases/{casework.ReviewReference}.json", names);
        Assert.DoesNotContain($"cases/{other.Reference}.json", names);
        Assert.Contains(names, n => n.StartsWith($"cases/{casework.FoiReference}/documents/{casework.DocumentId}-request-", StringComparison.Ordinal));
        var foi = JsonDocument.Parse(await ReadAsync(zip, $"cases/{casework.FoiReference}.json")).RootElement;
        Assert.Equal(casework.Person.Name, foi.GetProperty("restricted").GetProperty("subject").GetProperty("name").GetString());
        Assert.Contains(casework.Person.Tag, foi.GetProperty("restricted").GetProperty("notes")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        var manifest = JsonDocument.Parse(await ReadAsync(zip, "subject-access-export.json")).RootElement;
        Assert.Equal(2, manifest.GetProperty("cases").GetArrayLength());

        var row = await LatestAuditAsync(casework.Foi, before.Item1 + 1);
        Assert.Equal("subject-access-export", row.Purpose);
        Assert.Contains($"documents.{casework.DocumentId}", row.Fields);
        Assert.Equal(before.Item2 + 1, await casework.AuditCountAsync(casework.Review));

        var byPhone = await casework.Client(Roles.Caseworker).PostAsJsonAsync("/api/casework/subject-access-exports", new { phone = "+44 " + casework.Person.Phone[1..] });
        using var phoneZip = new ZipArchive(await byPhone.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        Assert.Contains(phoneZip.Entries, e => e.FullName == $"cases/{casework.FoiReference}.json");
        var nothing = await casework.Client(Roles.Caseworker).PostAsJsonAsync("/api/casework/subject-access-exports", new { });
        await Problems.AssertNamesFieldAsync(nothing, HttpStatusCode.BadRequest, "email");
    }

    [Fact]
    public async Task Admin_reads_the_audit_log_and_caseworkers_cannot()
    {
        await casework.ClientAs("audit.reader.6", "Fen Reader", Roles.Caseworker).GetAsync($"/api/casework/cases/{casework.Foi}");

        var log = await casework.Client(Roles.Admin).GetFromJsonAsync<JsonElement>($"/api/casework/audit?caseId={casework.Foi}&actor=audit.reader.6");
        var forbidden = await casework.Client(Roles.Caseworker).GetAsync("/api/casework/audit");

        var entry = Assert.Single(log.GetProperty("items").EnumerateArray());
        Assert.Equal(casework.FoiReference, entry.GetProperty("reference").GetString());
        Assert.Contains("subject.email", entry.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.All(casework.Person.Traces, t => Assert.DoesNotContain(t, log.ToString(), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task No_endpoint_changes_or_removes_audit_rows()
    {
        foreach (var method in new[] { HttpMethod.Delete, HttpMethod.Put, HttpMethod.Patch })
        {
            foreach (var client in new[] { casework.Client(Roles.Caseworker), casework.Client(Roles.Admin) })
            {
                var response = await client.SendAsync(new HttpRequestMessage(method, "/api/casework/audit"));
                Assert.False(response.IsSuccessStatusCode, $"{method} /api/casework/audit answered {(int)response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task The_database_refuses_to_update_delete_or_truncate_audit_rows()
    {
        await casework.Client(Roles.Caseworker).GetAsync($"/api/casework/cases/{casework.Foi}");
        var before = await casework.AuditCountAsync(casework.Foi);
        await using var connection = await casework.OpenDatabaseAsync();

        foreach (var sql in new[]
                 {
                     "UPDATE personal_data_read SET actor_subject = 'someone-else'",
                     "DELETE FROM personal_data_read",
                     "TRUNCATE personal_data_read",
                 })
        {
            await using var command = new Npgsql.NpgsqlCommand(sql, connection);
            var refused = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.Equal("42501", refused.SqlState);
        }

        Assert.Equal(before, await casework.AuditCountAsync(casework.Foi));
        Assert.Equal(0, await casework.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.PersonalDataReads, r => r.ActorSubject == "someone-else")));
    }

    private async Task<Domain.PersonalDataRead> LatestAuditAsync(Guid caseId, int expectedCount)
    {
        Assert.Equal(expectedCount, await casework.AuditCountAsync(caseId));
        return await casework.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.PersonalDataReads.Where(r => r.CaseId == caseId).OrderByDescending(r => r.At).ThenByDescending(r => r.Id)));
    }

    private static async Task<string> ReadAsync(ZipArchive zip, string name)
    {
        await using var stream = zip.GetEntry(name)!.Open();
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    private static IEnumerable<string> PropertyNames(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                yield return property.Name;
                foreach (var nested in PropertyNames(property.Value))
                {
                    yield return nested;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var nested in element.EnumerateArray().SelectMany(PropertyNames))
            {
                yield return nested;
            }
        }
    }
}
