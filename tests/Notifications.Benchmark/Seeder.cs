using Npgsql;
using NpgsqlTypes;
using PanelPlatform.Notifications.Domain;

namespace PanelPlatform.Notifications.Benchmark;

/// <summary>
/// Writes the synthetic subscribers with PostgreSQL binary COPY. Subscriber n is in one district (or one of its wards),
/// in a group or none, with two or three topics, all by webhook to the sink. Exactly <see cref="Matching"/> of them
/// want crime-prevention notices for Erewash: the first <see cref="Matching"/>, a fifth of those by ward.
/// </summary>
internal static class Seeder
{
    public const string Topic = Topics.CrimePrevention;
    public const string Area = "Erewash";

    public static int Matching { get; set; } = 100_000;

    private static readonly string[] OtherAreas = Areas.All.Where(a => a != Area).ToArray();
    private static readonly string[] GroupChoices = [Groups.FarmWatch, Groups.AllotmentWatch, Groups.CommunitySpeedwatch, "neighbourhood-watch/long-eaton-east", ""];

    public static async Task SeedAsync(NpgsqlDataSource dataSource, int total, Uri sink, string secret, Action<int> progress)
    {
        var now = DateTimeOffset.UtcNow;
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY subscribers (id, webhook_url, webhook_secret, webhook_state, areas, wards, ward_areas, groups, topics, topic_channels, " +
            "active_channels, frequency, created_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var n = 0; n < total; n++)
            {
                var matches = n < Matching;
                string[] areas = [], wards = [], wardAreas = [];
                if (matches && n % 5 == 0)
                {
                    wards = [$"{Area}/Long Eaton Central"];
                    wardAreas = [Area];
                }
                else
                {
                    // Erewash without the topic, or the topic elsewhere: near misses, never a match.
                    areas = matches || n % 3 == 0 ? [Area] : [OtherAreas[n % OtherAreas.Length]];
                }

                var topics = matches || n % 3 != 0
                    ? new[] { Topic, n % 2 == 0 ? Topics.Rural : Topics.Meetings }
                    : [Topics.Meetings, Topics.Appeals, Topics.Rural];
                var group = GroupChoices[n % GroupChoices.Length];
                await writer.StartRowAsync();
                await writer.WriteAsync(Guid.CreateVersion7(now.AddTicks(n)), NpgsqlDbType.Uuid);
                await writer.WriteAsync(new Uri(sink, $"/hook/{n}").ToString(), NpgsqlDbType.Varchar);
                await writer.WriteAsync(secret, NpgsqlDbType.Varchar);
                await writer.WriteAsync("Active", NpgsqlDbType.Varchar);
                await writer.WriteAsync(areas, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync(wards, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync(wardAreas, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync(group.Length == 0 ? Array.Empty<string>() : [group], NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync(topics.Order(StringComparer.Ordinal).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync(topics.Select(t => $"{t}:webhook").Order(StringComparer.Ordinal).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync(new[] { "webhook" }, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync("Immediate", NpgsqlDbType.Varchar);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
                if (n % 100_000 == 99_999)
                {
                    progress(n + 1);
                }
            }

            await writer.CompleteAsync();
        }

        await using var members = new NpgsqlCommand("INSERT INTO membership_changes (occurred_at, delta) VALUES (now(), @n); ANALYZE subscribers;", connection);
        members.Parameters.AddWithValue("n", total);
        await members.ExecuteNonQueryAsync();
    }
}
