using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PanelPlatform.Casework.Domain;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Casework.Tests;

/// <summary>The figures the Panel is given: counts, durations and timeliness, as JSON and CSV, with nothing personal.</summary>
public sealed class FiguresTests(CaseworkService casework) : IClassFixture<CaseworkService>
{
    private static string Month(DateOnly date) => Figures.Label(new DateOnly(date.Year, date.Month, 1));

    [Fact]
    public async Task Received_closed_and_timeliness_are_counted_for_the_month()
    {
        var person = Person.Unique();
        var today = UkTime.LondonDate(DateTimeOffset.UtcNow);
        var receivedOn = new DateOnly(today.Year, today.Month, 1);
        var (onTime, _) = await casework.OpenCaseAsync(person, "complaint-chief-constable", UkTime.FromLondon(receivedOn, new TimeOnly(9, 0)));
        foreach (var step in new[] { "acknowledged", "in-progress", "responded" })
        {
            await casework.MoveAsync(onTime, step);
        }

        await casework.MoveAsync(onTime, "closed", outcome: "not-upheld");
        var (withdrawn, _) = await casework.OpenCaseAsync(Person.Unique(), "complaint-chief-constable", UkTime.FromLondon(receivedOn, new TimeOnly(10, 0)));
        await casework.MoveAsync(withdrawn, "closed", outcome: "withdrawn");
        await casework.OpenCaseAsync(Person.Unique(), "complaint-chief-constable", UkTime.FromLondon(receivedOn, new TimeOnly(11, 0)));

        var report = await casework.Client(Roles.Clerk).GetFromJsonAsync<JsonElement>($"/api/casework/figures?from={Month(today)}&to={Month(today)}");

        var row = report.GetProperty("months").EnumerateArray().Single(r => r.GetProperty("type").GetString() == "complaint-chief-constable");
        Assert.Equal(Month(today), row.GetProperty("month").GetString());
        Assert.Equal(3, row.GetProperty("received").GetInt32());
        Assert.Equal(2, row.GetProperty("closed").GetInt32());
        Assert.Equal(1, row.GetProperty("responded").GetInt32());
        Assert.Equal(1, row.GetProperty("respondedWithinTimeLimit").GetInt32());
        Assert.Equal(100m, row.GetProperty("percentWithinTimeLimit").GetDecimal());
        Assert.Equal(CaseClock.WorkingDaysTaken(receivedOn, today, []), row.GetProperty("medianWorkingDaysToRespond").GetDecimal());
        var total = report.GetProperty("totals").EnumerateArray().Single(r => r.GetProperty("type").GetString() == "all");
        Assert.Equal(3, total.GetProperty("received").GetInt32());
        Assert.All(person.Traces, t => Assert.DoesNotContain(t, report.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_CSV_has_a_header_and_a_row_per_type_and_month()
    {
        var response = await casework.Client(Roles.PanelMember).GetAsync("/api/casework/figures.csv?from=2026-01&to=2026-03");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("month,type,received,closed,responded,median_working_days_to_respond,p90_working_days_to_respond,responded_within_time_limit,percent_within_time_limit", lines[0]);
        Assert.Equal(1 + (3 * 7) + 8, lines.Length);
        Assert.StartsWith("2026-01,correspondence,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("total,all,", lines[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=2026-13", "from")]
    [InlineData("to=March", "to")]
    [InlineData("to=0001-01", "to")]
    [InlineData("from=2026-05&to=2026-01", "from")]
    [InlineData("from=2000-01&to=2026-01", "to")]
    public async Task Bad_periods_are_400_problems(string query, string field)
    {
        var response = await casework.Client(Roles.OpccStaff).GetAsync($"/api/casework/figures?{query}");

        await Problems.AssertNamesFieldAsync(response, HttpStatusCode.BadRequest, field, query);
    }

    [Fact]
    public async Task Figures_need_a_staff_token()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await casework.Client().GetAsync("/api/casework/figures")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await casework.Client().GetAsync("/api/casework/figures.csv")).StatusCode);
    }

    [Fact]
    public void Median_and_90th_percentile_interpolate_between_ranks()
    {
        var days = new List<decimal> { 3, 5, 8, 12, 20 };

        Assert.Equal(8m, Figures.Percentile(days, 0.5m));
        Assert.Equal(16.8m, Figures.Percentile(days, 0.9m)); // rank 3.6: 12 + 0.6 × 8
        Assert.Equal(6.5m, Figures.Percentile([3, 5, 8, 12], 0.5m));
        Assert.Null(Figures.Percentile([], 0.5m));
    }

    [Fact]
    public void Timeliness_counts_responses_by_their_own_deadline_and_leaves_paused_days_out()
    {
        var facts = new List<CaseFacts>
        {
            new(CaseType.FoiRequest, new DateOnly(2026, 2, 2), new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 2), []),
            new(CaseType.FoiRequest, new DateOnly(2026, 2, 2), new DateOnly(2026, 3, 4), null, new DateOnly(2026, 3, 2), []),
            new(CaseType.FoiRequest, new DateOnly(2026, 2, 2), new DateOnly(2026, 3, 4), null, new DateOnly(2026, 3, 4),
                [new PausePeriod(new DateOnly(2026, 2, 9), new DateOnly(2026, 2, 11))]),
        };

        var report = Figures.Compute(facts, new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1), DateTimeOffset.UtcNow);

        var february = report.Months.Single(r => r.Month == "2026-02" && r.Type == "foi-request");
        var march = report.Months.Single(r => r.Month == "2026-03" && r.Type == "foi-request");
        Assert.Equal((3, 0, 0), (february.Received, february.Closed, february.Responded));
        Assert.Equal((0, 1, 3, 2), (march.Received, march.Closed, march.Responded, march.RespondedWithinTimeLimit));
        Assert.Equal(66.7m, march.PercentWithinTimeLimit);
        Assert.Equal(20m, march.MedianWorkingDaysToRespond); // 20, 20 (22 less 2 paused), 22
        Assert.Equal(21.6m, march.P90WorkingDaysToRespond);
    }
}
