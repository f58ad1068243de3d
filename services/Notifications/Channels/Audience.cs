using Npgsql;
using NpgsqlTypes;
using PanelPlatform.Notifications.Domain;

namespace PanelPlatform.Notifications.Channels;

/// <summary>
/// <see cref="AudienceRule"/> as one set-based SQL condition over <c>subscribers s</c> joined to the channels
/// <c>ch(name, token)</c>: the same rule <see cref="AudienceRule.Matches"/> states in C#, for the fan-out's
/// <c>INSERT … SELECT</c> and the coordinator's preview count.
/// </summary>
public static class Audience
{
    public const string Channels = "(VALUES ('Email', 'email'), ('Sms', 'sms'), ('Webhook', 'webhook')) AS ch(name, token)";

    public const string Where = """
        s.topics @> ARRAY[@topic]::text[]
        AND s.active_channels @> ARRAY[ch.token]::text[]
        AND s.topic_channels @> ARRAY[@topic || ':' || ch.token]::text[]
        AND (cardinality(@groups::text[]) = 0 OR s.groups && @groups::text[])
        AND (@county_wide
             OR (cardinality(s.areas) = 0 AND cardinality(s.wards) = 0)
             OR s.areas && @districts::text[]
             OR s.ward_areas && @areas::text[]
             OR s.wards && @wards::text[])
        """;

    public static NpgsqlParameter[] Parameters(AudienceRule rule) =>
    [
        new("topic", NpgsqlDbType.Text) { Value = rule.Topic },
        new("groups", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rule.Groups.ToArray() },
        new("county_wide", NpgsqlDbType.Boolean) { Value = rule.CountyWide },
        new("districts", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rule.Areas.Concat(rule.Wards.Select(Wards.AreaOf)).Distinct().ToArray() },
        new("areas", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rule.Areas.ToArray() },
        new("wards", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rule.Wards.ToArray() },
    ];

    /// <summary>How many would receive it now: subscribers, and deliveries per channel.</summary>
    public sealed record Size(int Subscribers, int Email, int Sms, int Webhook)
    {
        public int Deliveries => Email + Sms + Webhook;
    }

    public static async Task<Size> CountAsync(NpgsqlDataSource dataSource, AudienceRule rule, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT count(DISTINCT s.id)::int,
                   count(*) FILTER (WHERE ch.name = 'Email')::int,
                   count(*) FILTER (WHERE ch.name = 'Sms')::int,
                   count(*) FILTER (WHERE ch.name = 'Webhook')::int
            FROM subscribers s CROSS JOIN {Channels}
            WHERE {Where}
            """);
        command.Parameters.AddRange(Parameters(rule));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new Size(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3));
    }
}
