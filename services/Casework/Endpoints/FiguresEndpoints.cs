using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Casework.Data;
using PanelPlatform.Casework.Domain;
using PanelPlatform.Casework.Security;
using PanelPlatform.ServiceDefaults.Http;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Casework.Endpoints;

/// <summary>
/// Figures for scrutiny, as JSON (<c>/figures</c>) and CSV (<c>/figures.csv</c>): counts and durations only, computed
/// from columns that hold no personal data. <c>?from=2026-01&amp;to=2026-12</c>; the default is the last twelve months.
/// </summary>
public static class FiguresEndpoints
{
    public const int MaxMonths = 120;

    public static RouteGroupBuilder MapFiguresEndpoints(this RouteGroupBuilder casework)
    {
        casework.MapGet("/figures", Json).RequireAuthorization(CaseworkPolicies.Staff);
        casework.MapGet("/figures.csv", Csv).RequireAuthorization(CaseworkPolicies.Staff);
        return casework;
    }

    private static async Task<Results<Ok<FiguresReport>, ValidationProblem>> Json(
        CaseworkDbContext db, TimeProvider time, CancellationToken cancellationToken, string? from = null, string? to = null)
    {
        var report = await ComputeAsync(db, time, from, to, cancellationToken);
        return report.Problem is { } problem ? problem : TypedResults.Ok(report.Report!);
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> Csv(
        CaseworkDbContext db, TimeProvider time, CancellationToken cancellationToken, string? from = null, string? to = null)
    {
        var report = await ComputeAsync(db, time, from, to, cancellationToken);
        if (report.Problem is { } problem)
        {
            return problem;
        }

        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(Figures.ToCsv(report.Report!)), "text/csv; charset=utf-8",
            $"casework-figures-{report.Report!.From}-to-{report.Report.To}.csv");
    }

    private static async Task<(FiguresReport? Report, ValidationProblem? Problem)> ComputeAsync(
        CaseworkDbContext db, TimeProvider time, string? from, string? to, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = UkTime.LondonDate(now);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var validation = new Validation();
        var toMonth = thisMonth;
        if (to is not null)
        {
            if (Figures.TryParseMonth(to, out var parsedTo))
            {
                toMonth = parsedTo;
            }
            else
            {
                validation.Add("to", "to must be a month, yyyy-MM.");
            }
        }

        var fromMonth = toMonth.AddMonths(-11);
        if (from is not null)
        {
            if (Figures.TryParseMonth(from, out var parsedFrom))
            {
                fromMonth = parsedFrom;
            }
            else
            {
                validation.Add("from", "from must be a month, yyyy-MM.");
            }
        }

        if (validation.IsValid && fromMonth > toMonth)
        {
            validation.Add("from", "from must not be after to.");
        }

        if (validation.IsValid && fromMonth.AddMonths(MaxMonths) <= toMonth)
        {
            validation.Add("to", $"A report covers at most {MaxMonths} months.");
        }

        if (!validation.IsValid)
        {
            return (null, validation.ToProblem());
        }

        // Only the columns the figures need: nothing personal is read, nothing is decrypted.
        var rows = await db.Cases.AsNoTracking()
            .Select(c => new
            {
                c.Type,
                c.ReceivedOn,
                c.RespondedAt,
                c.ClosedAt,
                c.RespondDueOn,
                Pauses = c.Pauses.Select(p => new { p.From, p.Until }).ToList(),
            })
            .ToListAsync(cancellationToken);
        var facts = rows.Select(r => new CaseFacts(
            r.Type, r.ReceivedOn, Date(r.RespondedAt), Date(r.ClosedAt), r.RespondDueOn,
            r.Pauses.Select(p => new PausePeriod(p.From, p.Until)).ToList())).ToList();
        return (Figures.Compute(facts, fromMonth, toMonth, UkTime.ToLondon(now)), null);
    }

    private static DateOnly? Date(DateTimeOffset? instant) => instant is { } i ? UkTime.LondonDate(i) : null;
}
