using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PanelPlatform.Web.Gateway;
using PanelPlatform.Web.Pages.Console.Cases;

namespace PanelPlatform.Web.Pages.Console.Figures;

/// <summary>
/// The office's figures for any member of staff, drawn as charts with their numbers in tables: cases answered within
/// their time limit (by month and by type), questions per meeting, grants awarded by area, and Derbyshire Alert's
/// members and messages per month (a month without data is shown as missing, never as 0). Each comes from its
/// service's own figures; one a role may not read says so and the others still show.
/// </summary>
public sealed class IndexModel(PanelApi api, TimeProvider time) : PageModel
{
    /// <summary>The register is read whole for its totals; this many pages of 200 is far more than the office awards.</summary>
    private const int MaxRegisterPages = 25;

    /// <summary>Drawn at most; the table beneath has every meeting.</summary>
    public const int MaxMeetingsDrawn = 16;

    public static readonly IReadOnlyList<string> Districts =
    [
        "Amber Valley", "Bolsover", "Chesterfield", "Derby City", "Derbyshire Dales", "Erewash", "High Peak", "North East Derbyshire", "South Derbyshire",
    ];

    public sealed record MonthCases(DateOnly Month, int Received, int Responded, int WithinTimeLimit)
    {
        public decimal? Percent => Responded == 0 ? null : Math.Round(100m * WithinTimeLimit / Responded, 1, MidpointRounding.AwayFromZero);
    }

    public sealed record AreaTotal(string Area, int Awards, decimal Amount);

    /// <summary><c>last-12-months</c> or a calendar year, <c>2022</c>.</summary>
    public string Period { get; private set; } = "last-12-months";

    public IReadOnlyList<(string Value, string Text)> Periods { get; private set; } = [];

    public DateOnly FromMonth { get; private set; }

    public DateOnly ToMonth { get; private set; }

    public IReadOnlyList<MonthCases>? CaseMonths { get; private set; }

    public IReadOnlyList<CaseFigureRow>? CaseTypes { get; private set; }

    public IReadOnlyList<MeetingQuestionFigures>? Meetings { get; private set; }

    public IReadOnlyList<AreaTotal>? Areas { get; private set; }

    public int AwardCount { get; private set; }

    public decimal AwardTotal { get; private set; }

    public IReadOnlyList<AlertMonth>? AlertMonths { get; private set; }

    /// <summary>Why a section has nothing to show (the role may not read it), by section.</summary>
    public Dictionary<string, string> Unavailable { get; } = new(StringComparer.Ordinal);

    public async Task OnGetAsync(string? period, CancellationToken cancellationToken)
    {
        var today = Govuk.Display.InLondon(time.GetUtcNow());
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        Periods = [("last-12-months", "The last 12 months"), .. Enumerable.Range(0, 6).Select(i => today.Year - i).Select(y => (y.ToString(CultureInfo.InvariantCulture), y.ToString(CultureInfo.InvariantCulture)))];
        Period = Periods.Any(p => p.Value == period) ? period! : "last-12-months";
        if (Period == "last-12-months")
        {
            (FromMonth, ToMonth) = (thisMonth.AddMonths(-11), thisMonth);
        }
        else
        {
            var year = int.Parse(Period, CultureInfo.InvariantCulture);
            (FromMonth, ToMonth) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 1));
        }

        // One after another: each call carries the member of staff's token from this request.
        await LoadCasesAsync(cancellationToken);
        await LoadQuestionsAsync(cancellationToken);
        await LoadGrantsAsync(cancellationToken);
        await LoadAlertsAsync(cancellationToken);
    }

    public IReadOnlyList<DateOnly> MonthsInPeriod()
    {
        var months = new List<DateOnly>();
        for (var m = FromMonth; m <= ToMonth; m = m.AddMonths(1))
        {
            months.Add(m);
        }

        return months;
    }

    public static string Short(DateOnly month) => month.ToString("MMM yy", CultureInfo.GetCultureInfo("en-GB"));

    public static string Long(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    public static DateOnly MonthOf(string label) => DateOnly.ParseExact(label + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string TypeName(string type) => type == "all" ? "All types" : CaseWords.Type(type);

    private string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private async Task LoadCasesAsync(CancellationToken cancellationToken)
    {
        var result = await api.GetAsync<CaseFigures>($"api/casework/figures?from={Month(FromMonth)}&to={Month(ToMonth)}", cancellationToken);
        if (!Available(result, "cases", "casework"))
        {
            return;
        }

        var report = result.Value!;
        CaseMonths = report.Months.GroupBy(r => r.Month).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new MonthCases(MonthOf(g.Key), g.Sum(r => r.Received), g.Sum(r => r.Responded), g.Sum(r => r.RespondedWithinTimeLimit)))
            .ToList();
        CaseTypes = report.Totals;
    }

    private async Task LoadQuestionsAsync(CancellationToken cancellationToken)
    {
        var result = await api.GetAsync<QuestionFigures>($"api/questions/figures?from={Month(FromMonth)}&to={Month(ToMonth)}", cancellationToken);
        if (Available(result, "questions", "questions"))
        {
            Meetings = result.Value!.Meetings.Where(m => !m.Cancelled || m.All.Received > 0).ToList();
        }
    }

    private async Task LoadGrantsAsync(CancellationToken cancellationToken)
    {
        var awards = new List<RegisteredAward>();
        string? cursor = null;
        var years = Enumerable.Range(FromMonth.Year, ToMonth.Year - FromMonth.Year + 1);
        foreach (var year in years)
        {
            cursor = null;
            for (var page = 0; page < MaxRegisterPages; page++)
            {
                var result = await api.GetAsync<RegisterPage>(
                    $"api/grants/awards?year={year}&limit=200{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}", cancellationToken);
                if (!Available(result, "grants", "grants"))
                {
                    return;
                }

                awards.AddRange(result.Value!.Items);
                cursor = result.Value.NextCursor;
                if (cursor is null)
                {
                    break;
                }
            }
        }

        var end = ToMonth.AddMonths(1);
        awards = awards.Where(a => a.AwardDate >= FromMonth && a.AwardDate < end).DistinctBy(a => a.Id).ToList();
        AwardCount = awards.Count;
        AwardTotal = awards.Sum(a => a.AmountAwarded);
        // An award serving several areas counts in full in each: the question is "how much went to work in this area".
        Areas = Districts.Select(d =>
        {
            var here = awards.Where(a => a.Areas.Contains(d, StringComparer.OrdinalIgnoreCase)).ToList();
            return new AreaTotal(d, here.Count, here.Sum(a => a.AmountAwarded));
        }).ToList();
    }

    private async Task LoadAlertsAsync(CancellationToken cancellationToken)
    {
        var result = await api.GetAsync<List<AlertMonth>>($"api/notifications/reports/monthly?from={Month(FromMonth)}&to={Month(ToMonth)}", cancellationToken);
        if (Available(result, "alerts", "Derbyshire Alert"))
        {
            AlertMonths = result.Value!;
        }
    }

    private bool Available<T>(ApiResult<T> result, string section, string what)
    {
        if (result.Ok)
        {
            return true;
        }

        Unavailable[section] = result.Status is StatusCodes.Status403Forbidden or StatusCodes.Status401Unauthorized
            ? $"The {what} figures are not shown to your role."
            : $"The {what} figures could not be read just now ({result.Problem?.Title ?? result.Status.ToString(CultureInfo.InvariantCulture)}).";
        return false;
    }
}
