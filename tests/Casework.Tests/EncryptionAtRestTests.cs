using System.Diagnostics;
using System.Text;
using Npgsql;
using PanelPlatform.Casework.Jobs;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Casework.Tests;

/// <summary>What someone holding the database (or a dump of it) could read: no personal data.</summary>
public sealed class EncryptionAtRestTests(CaseFileService casework) : IClassFixture<CaseFileService>
{
    [Fact]
    public async Task Every_personal_column_holds_ciphertext_under_the_configured_key()
    {
        await using var connection = await casework.OpenDatabaseAsync();
        var values = new List<string?>();
        values.AddRange(await RowAsync(connection,
            "SELECT subject_name, subject_email, subject_phone, subject_address, summary, description, extension_reason FROM cases WHERE id = @id", casework.Foi));
        values.AddRange(await RowAsync(connection,
            "SELECT late_acceptance_reason, review_recommendations FROM cases WHERE id = @id", casework.Review));
        values.AddRange(await RowAsync(connection, "SELECT text FROM case_notes WHERE case_id = @id", casework.Foi));
        values.AddRange(await RowAsync(connection, "SELECT reason FROM case_pauses WHERE case_id = @id", casework.Foi));
        values.AddRange(await RowAsync(connection, "SELECT file_name FROM case_documents WHERE case_id = @id", casework.Foi));

        Assert.Equal(12, values.Count);
        Assert.All(values, value =>
        {
            Assert.NotNull(value);
            Assert.StartsWith("v1.k1.", value, StringComparison.Ordinal);
            Assert.All(casework.Person.Traces, trace => Assert.DoesNotContain(trace, value, StringComparison.Ordinal));
        });

        await using var command = new NpgsqlCommand("SELECT content FROM case_documents WHERE case_id = @id", connection);
        command.Parameters.AddWithValue("id", casework.Foi);
        var content = (byte[])(await command.ExecuteScalarAsync())!;
        Assert.Equal(1, content[0]);
        Assert.DoesNotContain(casework.Person.Tag, Encoding.UTF8.GetString(content), StringComparison.Ordinal);
        Assert.DoesNotContain(casework.Person.Tag, Encoding.Latin1.GetString(content), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dump_of_the_database_reveals_nothing_about_the_person()
    {
        // Commands to Notifications carry contact details until sent; the scrub job then blanks them.
        await Eventually.Until(async () =>
        {
            await using var connection = await casework.OpenDatabaseAsync();
            await using var pending = new NpgsqlCommand(
                $"SELECT count(*) FROM outbox_message WHERE destination IS NOT NULL AND body <> '{SentCommandScrubJob.Stub}'::jsonb", connection);
            return (long)(await pending.ExecuteScalarAsync())! == 0;
        }, TimeSpan.FromSeconds(20), "sent commands to be scrubbed");

        var dump = await DumpAsync();

        Assert.Contains(casework.FoiReference, dump, StringComparison.Ordinal);
        Assert.Contains("personal_data_read", dump, StringComparison.Ordinal);
        Assert.All(casework.Person.Traces, trace => Assert.DoesNotContain(trace, dump, StringComparison.Ordinal));
        Assert.DoesNotContain(casework.Person.Email, dump, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<List<string?>> RowAsync(NpgsqlConnection connection, string sql, Guid id)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string?>();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                values.Add(await reader.IsDBNullAsync(i) ? null : reader.GetString(i));
            }
        }

        return values;
    }

    /// <summary>pg_dump of the whole database, as a backup would be taken.</summary>
    private async Task<string> DumpAsync()
    {
        var connection = new NpgsqlConnectionStringBuilder(casework.Factory.DatabaseConnectionString);
        var start = new ProcessStartInfo("pg_dump")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "--host", connection.Host!, "--port", connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--username", connection.Username!, "--dbname", connection.Database!, "--no-password" },
        };
        start.Environment["PGPASSWORD"] = connection.Password ?? "";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"pg_dump failed: {await error}");
        return await output;
    }
}
