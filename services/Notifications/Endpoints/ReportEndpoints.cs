using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Http;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Notifications.Endpoints;

/// <summary>
/// Members, messages and deliveries per month (London months) — the table the Chief Constable's report prints. A month
/// with no data is missing (null in JSON, an empty cell in CSV), never 0: members before the first join are unknown,
/// and a month in which nothing was sent has no figure.
/// </summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder routes)
    {
        var reports = routes.MapGroup("/api/notifications/reports").WithTags("Reports").RequireAuthorization(Roles.AlertsCoordinator);
        reports.MapGet("/monthly", Monthly);
        reports.MapGet("/monthly.csv", MonthlyCsv);
        return routes;
    }

    /// <param name="Month">yyyy-MM.</param>
    /// <param name="Members">Members (subscribers with a channel we may send to) at the end of the month.</param>
    /// <param name="Messages">Broadcast messages (alerts and event notices to subscribers) made in the month.</param>
    /// <param name="Deliveries">Ledger rows created in the month, every channel.</param>
    public sealed record MonthRow(string Month, int? Members, int? Messages, int? Deliveries);

    private static async Task<Results<Ok<List<MonthRow>>, ValidationProblem>> Monthly(
        string? from, string? to, NpgsqlDataSource dataSource, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (!TryRange(from, to, time, validation, out var first, out var last))
        {
            return validation.ToProblem();
        }

        return TypedResults.Ok(await RowsAsync(dataSource, first, last, cancellationToken));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> MonthlyCsv(
        string? from, string? to, NpgsqlDataSource dataSource, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (!TryRange(from, to, time, validation, out var first, out var last))
        {
            return validation.ToProblem();
        }

        var csv = new StringBuilder("MONTH,MEMBERS,MESSAGES,DELIVERIES\r\n");
        foreach (var row in await RowsAsync(dataSource, first, last, cancellationToken))
        {
            csv.Append(CultureInfo.InvariantCulture, $"{row.Month},{row.Members},{row.Messages},{row.Deliveries}\r\n");
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"notifications-{first:yyyy-MM}-to-{last:yyyy-MM}.csv");
    }

    private static bool TryRange(string? from, string? to, TimeProvider time, Validation validation, out DateOnly first, out DateOnly last)
    {
        var today = UkTime.LondonDate(time.GetUtcNow());
        last = new DateOnly(today.Year, today.Month, 1);
        first = last.AddMonths(-11);
        if (from is not null && !DateOnly.TryParseExact(from, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out first))
        {
            validation.Add("from", "from must be a month, yyyy-MM.");
        }

        if (to is not null && !DateOnly.TryParseExact(to, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out last))
        {
            validation.Add("to", "to must be a month, yyyy-MM.");
        }

        if (validation.IsValid && (last < first || first.AddYears(10) < last))
        {
            validation.Add("to", "to must be the same as or after from, and at most ten years later.");
        }

        return validation.IsValid;
    }

    private static async Task<List<MonthRow>> RowsAsync(NpgsqlDataSource dataSource, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        // Months are London months; counts with nothing behind them come back NULL, not 0.
        await using var command = dataSource.CreateCommand("""
            WITH months AS (
                SELECT m::date AS month,
                       (m AT TIME ZONE 'Europe/London') AS starts,
                       ((m + interval '1 month') AT TIME ZONE 'Europe/London') AS ends
                FROM generate_series(@first::timestamp, @last::timestamp, interval '1 month') AS m)
            SELECT to_char(months.month, 'YYYY-MM'),
                   (SELECT CASE WHEN count(*) = 0 THEN NULL ELSE sum(delta)::int END
                      FROM membership_changes WHERE occurred_at < months.ends),
                   (SELECT NULLIF(count(*), 0)::int FROM notices
                      WHERE kind = 'Broadcast' AND created_at >= months.starts AND created_at < months.ends),
                   (SELECT NULLIF(count(*), 0)::int FROM deliveries
                      WHERE created_at >= months.starts AND created_at < months.ends)
            FROM months ORDER BY months.month
            """);
        command.Parameters.Add(new("first", NpgsqlTypes.NpgsqlDbType.Timestamp) { Value = first.ToDateTime(TimeOnly.MinValue) });
        command.Parameters.Add(new("last", NpgsqlTypes.NpgsqlDbType.Timestamp) { Value = last.ToDateTime(TimeOnly.MinValue) });
        var rows = new List<MonthRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new MonthRow(reader.GetString(0), Int(reader, 1), Int(reader, 2), Int(reader, 3)));
        }

        return rows;
    }

    private static int? Int(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);
}
