using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PanelPlatform.Casework.Jobs;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Casework.Tests;

/// <summary>The service with a retention period of zero years: a closed case is due for anonymising straight away.</summary>
public sealed class ImmediateRetentionService(PlatformInfrastructure infrastructure) : CaseworkService(infrastructure)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Casework:Retention:Years"] = "0" };
}

/// <summary>Closed cases lose their personal data after the retention period; the figures keep their facts.</summary>
public sealed class RetentionTests(ImmediateRetentionService casework) : IClassFixture<ImmediateRetentionService>
{
    [Fact]
    public async Task A_closed_case_past_retention_is_anonymised_and_Notifications_is_told_to_forget_the_person()
    {
        var person = Person.Unique();
        var (id, reference) = await casework.OpenCaseAsync(person);
        var (open, _) = await casework.OpenCaseAsync(Person.Unique());
        var caseworker = casework.Client(Roles.Caseworker);
        await caseworker.PostAsJsonAsync($"/api/casework/cases/{id}/notes", new { text = $"Called back {person.Tag}" });
        var document = new ByteArrayContent("letter"u8.ToArray());
        document.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        var uploaded = await caseworker.PostAsync($"/api/casework/cases/{id}/documents?fileName=letter-{person.Tag}.txt", document);
        foreach (var step in new[] { "acknowledged", "in-progress", "responded" })
        {
            await casework.MoveAsync(id, step);
        }

        await casework.MoveAsync(id, "closed", outcome: "resolved");
        var registered = await casework.Registered.WaitForAsync(r => r.Email == person.Email);

        Assert.True(await casework.Factory.Services.GetRequiredService<RetentionJob>().TickAsync(CancellationToken.None));

        var forgotten = await casework.Forgotten.WaitForAsync(f => f.RecipientId == registered.RecipientId);
        Assert.Equal(registered.RecipientId, forgotten.RecipientId);
        var before = await casework.AuditCountAsync(id);
        var read = await caseworker.GetFromJsonAsync<JsonElement>($"/api/casework/cases/{id}");
        Assert.Equal((reference, "closed", "resolved"), (read.GetProperty("reference").GetString(), read.GetProperty("status").GetString(), read.GetProperty("outcome").GetString()));
        Assert.Equal(JsonValueKind.String, read.GetProperty("anonymisedAt").ValueKind);
        var file = read.GetProperty("restricted");
        Assert.All(person.Traces, t => Assert.DoesNotContain(t, read.ToString(), StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Null, file.GetProperty("subject").GetProperty("name").ValueKind);
        Assert.Equal(JsonValueKind.Null, file.GetProperty("notes")[0].GetProperty("text").ValueKind);
        Assert.Equal(before, await casework.AuditCountAsync(id)); // nothing personal was left to read
        var download = await caseworker.GetAsync(uploaded.Headers.Location);
        Assert.Equal(HttpStatusCode.Conflict, download.StatusCode);

        await using var connection = await casework.OpenDatabaseAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT count(*) FROM cases WHERE id = @id AND subject_name IS NULL AND subject_email IS NULL AND summary IS NULL AND description IS NULL AND subject_email_fingerprint IS NULL", connection);
        command.Parameters.AddWithValue("id", id);
        Assert.Equal(1L, await command.ExecuteScalarAsync());
        // The letter's bytes and name are gone from the table, not only hidden by the API.
        await using var documents = new Npgsql.NpgsqlCommand(
            "SELECT count(*) FILTER (WHERE content IS NULL AND file_name IS NULL), count(*) FROM case_documents WHERE case_id = @id", connection);
        documents.Parameters.AddWithValue("id", id);
        await using (var counts = await documents.ExecuteReaderAsync())
        {
            Assert.True(await counts.ReadAsync());
            Assert.Equal((1L, 1L), (counts.GetInt64(0), counts.GetInt64(1)));
        }

        var export = await caseworker.PostAsJsonAsync("/api/casework/subject-access-exports", new { email = person.Email });
        using var zip = new ZipArchive(await export.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        Assert.Equal(["subject-access-export.json"], zip.Entries.Select(e => e.FullName));

        var stillOpen = await casework.QueryAsync(db => db.Cases.SingleAsync(c => c.Id == open));
        Assert.Null(stillOpen.AnonymisedAt);
        Assert.NotNull(stillOpen.SubjectName);
        var figures = await caseworker.GetFromJsonAsync<JsonElement>("/api/casework/figures");
        Assert.True(figures.GetProperty("totals").EnumerateArray().Single(r => r.GetProperty("type").GetString() == "correspondence").GetProperty("closed").GetInt32() >= 1);

        // A second tick finds nothing more to do.
        Assert.True(await casework.Factory.Services.GetRequiredService<RetentionJob>().TickAsync(CancellationToken.None));
        Assert.Single(casework.Forgotten.Received, f => f.RecipientId == registered.RecipientId);
    }
}

/// <summary>The default retention period: six years.</summary>
public sealed class DefaultRetentionTests(CaseworkService casework) : IClassFixture<CaseworkService>
{
    [Fact]
    public async Task A_case_closed_today_keeps_its_personal_data()
    {
        var person = Person.Unique();
        var (id, _) = await casework.OpenCaseAsync(person);
        await casework.MoveAsync(id, "closed", outcome: "withdrawn");

        await casework.Factory.Services.GetRequiredService<RetentionJob>().TickAsync(CancellationToken.None);

        var stored = await casework.QueryAsync(db => db.Cases.SingleAsync(c => c.Id == id));
        Assert.Equal(person.Name, stored.SubjectName);
        Assert.Null(stored.AnonymisedAt);
    }
}
