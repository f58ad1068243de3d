using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Casework.Tests;

/// <summary>
/// Rotating the personal data key: a new key becomes active, old values still read and old fingerprints still find the
/// person, re-encryption retires the old key.
/// </summary>
public sealed class KeyRotationTests(PlatformInfrastructure infrastructure)
{
    private ServiceFactory<CaseworkApi> Start(string database, string active, params (string, string)[] keys)
    {
        var factory = new ServiceFactory<CaseworkApi>(infrastructure, CaseworkApi.ServiceName, database, CaseworkService.BaseSettings(active, keys));
        factory.StartServer();
        return factory;
    }

    /// <summary>The key ids the case's stored name, note, pause reason, document names and document contents are under.</summary>
    private static async Task<string[]> KeysOfStoredValuesAsync(string database, Guid id)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT c.subject_name, n.text, p.reason, d.file_name, d.content
            FROM cases c JOIN case_notes n ON n.case_id = c.id JOIN case_pauses p ON p.case_id = c.id JOIN case_documents d ON d.case_id = c.id
            WHERE c.id = @id
            """, connection);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
            keys.UnionWith([.. Enumerable.Range(0, 4).Select(i => reader.GetString(i).Split('.')[1]), FieldCipherKeyOf((byte[])reader[4])]);
        }

        Assert.Equal(6, rows); // one per document
        return [.. keys];
    }

    private static string FieldCipherKeyOf(byte[] stored) => Security.FieldCipher.KeyIdOf(stored)!;

    /// <summary>The case references a subject access export by phone finds.</summary>
    private static async Task<string[]> ExportedCasesAsync(ServiceFactory<CaseworkApi> factory, string phone)
    {
        var export = await factory.ClientFor(Roles.Caseworker).PostAsJsonAsync("/api/casework/subject-access-exports", new { phone });
        Assert.Equal(System.Net.HttpStatusCode.OK, export.StatusCode);
        using var zip = new ZipArchive(await export.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        return zip.Entries.Select(e => e.FullName).Where(n => n.EndsWith(".json", StringComparison.Ordinal) && n.StartsWith("cases/", StringComparison.Ordinal)).ToArray();
    }

    [Fact]
    public async Task Old_values_read_under_a_new_key_and_re_encryption_lets_the_old_key_go()
    {
        var database = await infrastructure.CreateDatabaseAsync("casework");
        var person = Person.Unique();
        Guid id;
        string reference;
        Uri document;
        // A landline: fingerprinted, but not a mobile, so nothing goes to Notifications (not stood in for here).
        var phone = $"01332 {Random.Shared.Next(100000, 999999)}";
        await using (var first = Start(database, "k1", ("k1", CaseworkService.KeyOne)))
        {
            var created = await first.ClientFor(Roles.Caseworker).PostAsJsonAsync("/api/casework/cases", new
            {
                type = "subject-access-request",
                channel = "letter",
                receivedAt = DateTimeOffset.UtcNow.AddDays(-1),
                subject = new { name = person.Name, phone, address = person.Address },
                summary = person.Summary,
            });
            var body = await created.Content.ReadFromJsonAsync<JsonElement>();
            (id, reference) = (body.GetProperty("id").GetGuid(), body.GetProperty("reference").GetString()!);
            Assert.Equal([$"cases/{reference}.json"], await ExportedCasesAsync(first, phone));

            var caseworker = first.ClientFor(Roles.Caseworker);
            foreach (var (to, reason) in new[] { ("acknowledged", (string?)null), ("in-progress", null), ("awaiting-information", person.Summary), ("in-progress", null) })
            {
                (await caseworker.PostAsJsonAsync($"/api/casework/cases/{id}/transitions", new { to, reason })).EnsureSuccessStatusCode();
            }

            (await caseworker.PostAsJsonAsync($"/api/casework/cases/{id}/notes", new { text = person.Description })).EnsureSuccessStatusCode();
            var letter = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(person.Name));
            letter.Headers.ContentType = new("text/plain");
            var upload = await caseworker.PostAsync($"/api/casework/cases/{id}/documents?fileName=letter.txt", letter);
            Assert.Equal(System.Net.HttpStatusCode.Created, upload.StatusCode);
            document = upload.Headers.Location!;

            // More documents than one re-encryption batch holds.
            for (var i = 2; i <= 6; i++)
            {
                var enclosure = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes($"{person.Tag} enclosure {i}"));
                enclosure.Headers.ContentType = new("text/plain");
                Assert.Equal(System.Net.HttpStatusCode.Created,
                    (await caseworker.PostAsync($"/api/casework/cases/{id}/documents?fileName=enclosure-{i}.txt", enclosure)).StatusCode);
            }
        }

        Assert.Equal(["k1"], await KeysOfStoredValuesAsync(database, id));
        await using (var rotated = Start(database, "k2", ("k1", CaseworkService.KeyOne), ("k2", CaseworkService.KeyTwo)))
        {
            var read = await rotated.ClientFor(Roles.Caseworker).GetFromJsonAsync<JsonElement>($"/api/casework/cases/{id}");
            Assert.Equal(person.Name, read.GetProperty("restricted").GetProperty("subject").GetProperty("name").GetString());
            Assert.Equal([$"cases/{reference}.json"], await ExportedCasesAsync(rotated, "+44 " + phone[1..]));

            var forbidden = await rotated.ClientFor(Roles.Caseworker).PostAsync("/api/casework/admin/re-encrypt", null);
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, forbidden.StatusCode);
            var rewritten = await rotated.ClientFor(Roles.Admin).PostAsync("/api/casework/admin/re-encrypt", null);
            var counts = await rewritten.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(("k2", 1, 1, 6), (counts.GetProperty("activeKeyId").GetString(), counts.GetProperty("cases").GetInt32(),
                counts.GetProperty("notes").GetInt32(), counts.GetProperty("documents").GetInt32()));
        }

        Assert.Equal(["k2"], await KeysOfStoredValuesAsync(database, id));
        await using var retired = Start(database, "k2", ("k2", CaseworkService.KeyTwo));
        var again = await retired.ClientFor(Roles.Caseworker).GetFromJsonAsync<JsonElement>($"/api/casework/cases/{id}");
        var file = again.GetProperty("restricted");
        Assert.Equal(person.Address, file.GetProperty("subject").GetProperty("address").GetString());
        Assert.Equal(person.Description, file.GetProperty("notes")[0].GetProperty("text").GetString());
        Assert.Equal(person.Summary, file.GetProperty("pauses")[0].GetProperty("reason").GetString());
        Assert.Equal(["enclosure-2.txt", "enclosure-3.txt", "enclosure-4.txt", "enclosure-5.txt", "enclosure-6.txt", "letter.txt"],
            file.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("fileName").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(person.Name, await retired.ClientFor(Roles.Caseworker).GetStringAsync(document));
        foreach (var enclosure in file.GetProperty("documents").EnumerateArray().Where(d => d.GetProperty("fileName").GetString() != "letter.txt"))
        {
            var content = await retired.ClientFor(Roles.Caseworker).GetStringAsync($"/api/casework/cases/{id}/documents/{enclosure.GetProperty("id").GetGuid()}");
            Assert.StartsWith($"{person.Tag} enclosure ", content, StringComparison.Ordinal);
        }
        Assert.Equal([$"cases/{reference}.json"], await ExportedCasesAsync(retired, phone));
    }
}
