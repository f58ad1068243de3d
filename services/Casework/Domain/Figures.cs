using System.Globalization;

namespace PanelPlatform.Casework.Domain;

/// <summary>The facts about one case the figures need: no personal data.</summary>
public sealed record CaseFacts(
    CaseType Type, DateOnly ReceivedOn, DateOnly? RespondedOn, DateOnly? ClosedOn, DateOnly? RespondDueOn, IReadOnlyList<PausePeriod> Pauses);

/// <summary>
/// One type in one month (or, with <see cref="Month"/> <c>total</c>, over the whole period): cases received and closed,
/// and of the cases responded to, how long they took in working days (paused days not counted) and how many were in time.
/// </summary>
public sealed record FigureRow(
    string Month,
    string Type,
    int Received,
    int Closed,
    int Responded,
    decimal? MedianWorkingDaysToRespond,
    decimal? P90WorkingDaysToRespond,
    int RespondedWithinTimeLimit,
    decimal? PercentWithinTimeLimit);

public sealed record FiguresReport(string From, string To, DateTimeOffset GeneratedAt, IReadOnlyList<FigureRow> Months, IReadOnlyList<FigureRow> Totals);

public static class Figures
{
    public const string Total = "total";
    public const string AllTypes = "all";

    public static FiguresReport Compute(IReadOnlyList<CaseFacts> cases, DateOnly fromMonth, DateOnly toMonth, DateTimeOffset generatedAt)
    {
        var months = new List<DateOnly>();
        for (var m = fromMonth; m <= toMonth; m = m.AddMonths(1))
        {
            months.Add(m);
        }

        var end = toMonth.AddMonths(1);
        var rows = new List<FigureRow>();
        foreach (var month in months)
        {
            var next = month.AddMonths(1);
            rows.AddRange(Enum.GetValues<CaseType>().Select(type => Row(Label(month), type.Kebab(), cases.Where(c => c.Type == type).ToList(), month, next)));
        }

        var totals = Enum.GetValues<CaseType>()
            .Select(type => Row(Total, type.Kebab(), cases.Where(c => c.Type == type).ToList(), fromMonth, end))
            .Append(Row(Total, AllTypes, cases, fromMonth, end))
            .ToList();
        return new FiguresReport(Label(fromMonth), Label(toMonth), generatedAt, rows, totals);
    }

    private static FigureRow Row(string month, string type, IReadOnlyList<CaseFacts> cases, DateOnly from, DateOnly until)
    {
        bool In(DateOnly? date) => date is { } d && d >= from && d < until;
        var responded = cases.Where(c => In(c.RespondedOn)).ToList();
        var taken = responded.Select(c => (decimal)CaseClock.WorkingDaysTaken(c.ReceivedOn, c.RespondedOn!.Value, c.Pauses)).Order().ToList();
        var inTime = responded.Count(c => c.RespondDueOn is { } due && c.RespondedOn <= due);
        return new FigureRow(
            month,
            type,
            cases.Count(c => In(c.ReceivedOn)),
            cases.Count(c => In(c.ClosedOn)),
            responded.Count,
            Percentile(taken, 0.5m),
            Percentile(taken, 0.9m),
            inTime,
            responded.Count == 0 ? null : Math.Round(100m * inTime / responded.Count, 1, MidpointRounding.AwayFromZero));
    }

    /// <summary>Linear interpolation between closest ranks (as PostgreSQL's percentile_cont and Excel's PERCENTILE.INC).</summary>
    public static decimal? Percentile(IReadOnlyList<decimal> sorted, decimal p)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = p * (sorted.Count - 1);
        var lower = (int)Math.Floor(rank);
        var upper = (int)Math.Ceiling(rank);
        var value = sorted[lower] + ((sorted[upper] - sorted[lower]) * (rank - lower));
        return Math.Round(value, 1, MidpointRounding.AwayFromZero);
    }

    public static string Label(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary><c>yyyy-MM</c>, in a plausible range (the office's records, not the calendar's edges).</summary>
    public static bool TryParseMonth(string? value, out DateOnly month) =>
        DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month)
        && month.Year is >= 2000 and <= 2100;

    public static string ToCsv(FiguresReport report)
    {
        var csv = new System.Text.StringBuilder();
        csv.Append("month,type,received,closed,responded,median_working_days_to_respond,p90_working_days_to_respond,responded_within_time_limit,percent_within_time_limit\r\n");
        foreach (var row in report.Months.Concat(report.Totals))
        {
            csv.Append(CultureInfo.InvariantCulture, $"{row.Month},{row.Type},{row.Received},{row.Closed},{row.Responded},{row.MedianWorkingDaysToRespond},{row.P90WorkingDaysToRespond},{row.RespondedWithinTimeLimit},{row.PercentWithinTimeLimit}\r\n");
        }

        return csv.ToString();
    }
}
