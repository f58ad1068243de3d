using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Grants.Access;
using PanelPlatform.Grants.Data;
using PanelPlatform.Grants.Domain;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Http;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Grants.Endpoints;

/// <summary>
/// The public register of awards (every award is published; applications, contacts and scores never are), and the
/// grants officer's administration of an award: third-party approvals, payments, the monitoring report.
/// </summary>
public static class AwardEndpoints
{
    public static IEndpointRouteBuilder MapAwardEndpoints(this IEndpointRouteBuilder routes)
    {
        var awards = routes.MapGroup("/api/grants/awards").WithTags("Awards");
        awards.MapGet("/", Register);
        awards.MapGet("/{id:guid}", Get);
        awards.MapGet("/{id:guid}/administration", Administration).RequireAuthorization(Roles.GrantsOfficer);
        awards.MapPost("/{id:guid}/conditions/{conditionId:guid}/approval", Approve).RequireAuthorization(Roles.GrantsOfficer);
        awards.MapPost("/{id:guid}/payments", Pay).RequireAuthorization(Roles.GrantsOfficer);
        awards.MapPost("/{id:guid}/monitoring-report", Report);
        return routes;
    }

    public sealed record PublicCondition(string Text, string? RequiresApprovalBy, bool Approved);

    /// <summary>An award as the public sees it: the grant, the recipient organisation, the agreement. No person.</summary>
    public sealed record PublicAward(
        Guid Id,
        string SchemeSlug,
        string SchemeName,
        Guid RoundId,
        string RoundName,
        string FunderName,
        string RecipientName,
        OrganisationType RecipientType,
        string? CharityNumber,
        string? CompanyNumber,
        string ProjectTitle,
        string ProjectDescription,
        decimal AmountAwarded,
        DateOnly AwardDate,
        string DecisionMaker,
        IReadOnlyList<string> Areas,
        DateOnly PlannedStart,
        DateOnly PlannedEnd,
        AgreementDocument? Agreement,
        IReadOnlyList<PublicCondition> Conditions)
    {
        public static PublicAward From(Award a) => new(
            a.Id, a.SchemeSlug, a.SchemeName, a.RoundId, a.RoundName, a.FunderName, a.Recipient.Name, a.Recipient.Type,
            a.Recipient.CharityNumber, a.Recipient.CompanyNumber, a.ProjectTitle, a.ProjectDescription, a.Amount, a.AwardDate,
            a.DecisionMaker, a.Areas, a.PlannedStart, a.PlannedEnd, a.Agreement,
            a.Conditions.Select(c => new PublicCondition(c.Text, c.RequiresApprovalBy, c.ApprovedAt is not null)).ToList());
    }

    public sealed record PaymentResponse(Guid Id, decimal Amount, DateOnly PaidOn, string? Reference, string RecordedBy, DateTimeOffset RecordedAt);

    public sealed record AwardAdministrationResponse(
        PublicAward Award, Guid ApplicationId, string RecordedBy, IReadOnlyList<AwardCondition> Conditions, decimal PaidTotal,
        bool PaymentBlocked, IReadOnlyList<PaymentResponse> Payments, MonitoringReport? MonitoringReport)
    {
        public static AwardAdministrationResponse From(Award a, IEnumerable<Payment> payments) => new(
            PublicAward.From(a), a.ApplicationId, a.RecordedBy, a.Conditions, a.PaidTotal, a.Conditions.Any(c => c.BlocksPayment),
            payments.OrderBy(p => p.RecordedAt).Select(p => new PaymentResponse(p.Id, p.Amount, p.PaidOn, p.Reference, p.RecordedBy, p.RecordedAt)).ToList(),
            a.MonitoringReport);
    }

    public sealed record RegisterTotals(int Awards, decimal AmountAwarded);

    public sealed record RegisterPage(IReadOnlyList<PublicAward> Items, string? NextCursor, RegisterTotals Totals);

    private sealed record AwardCursor(DateOnly AwardDate, Guid Id);

    /// <summary>
    /// Awards, newest first, filtered by <c>?round=</c>, <c>?area=</c> (name or slug), <c>?organisation=</c> (part of
    /// the name) and <c>?year=</c> (calendar year of the award date); totals cover every award the filters match.
    /// </summary>
    private static async Task<Results<Ok<RegisterPage>, ValidationProblem>> Register(
        GrantsDbContext db, CancellationToken cancellationToken,
        Guid? round = null, string? area = null, string? organisation = null, int? year = null, int? limit = null, string? cursor = null)
    {
        var validation = new Validation();
        Paging.TryReadLimit(limit, validation, out var take);
        Paging.TryDecode<AwardCursor>(cursor, validation, out var after);
        var district = Districts.Canonical(area);
        validation.Must(area is null || district is not null, "area", $"area is one of {string.Join(", ", Districts.Names)}.")
            .Must(year is null or (>= 2000 and <= 2100), "year", "year is a calendar year such as 2022.")
            .MaxLength("organisation", organisation, 200);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var query = db.Awards.AsNoTracking();
        if (round is { } roundId)
        {
            query = query.Where(a => a.RoundId == roundId);
        }

        if (district is not null)
        {
            query = query.Where(a => a.Areas.Contains(district));
        }

        if (!string.IsNullOrWhiteSpace(organisation))
        {
            var pattern = $"%{organisation.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%";
            query = query.Where(a => EF.Functions.ILike(a.Recipient.Name, pattern));
        }

        if (year is { } y)
        {
            var from = new DateOnly(y, 1, 1);
            var to = new DateOnly(y + 1, 1, 1);
            query = query.Where(a => a.AwardDate >= from && a.AwardDate < to);
        }

        var totals = await query.GroupBy(_ => 1)
            .Select(g => new RegisterTotals(g.Count(), g.Sum(a => a.Amount)))
            .FirstOrDefaultAsync(cancellationToken) ?? new RegisterTotals(0, 0m);
        if (after is not null)
        {
            query = query.Where(a => a.AwardDate < after.AwardDate || (a.AwardDate == after.AwardDate && a.Id.CompareTo(after.Id) < 0));
        }

        var rows = await query.OrderByDescending(a => a.AwardDate).ThenByDescending(a => a.Id).Take(take + 1).ToListAsync(cancellationToken);
        var page = Paging.ToPage(rows, take, PublicAward.From, a => new AwardCursor(a.AwardDate, a.Id));
        return TypedResults.Ok(new RegisterPage(page.Items, page.NextCursor, totals));
    }

    private static async Task<Results<Ok<PublicAward>, ProblemHttpResult>> Get(Guid id, GrantsDbContext db, CancellationToken cancellationToken)
    {
        var award = await db.Awards.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return award is null ? Problems.NotFoundProblem("Award", id) : TypedResults.Ok(PublicAward.From(award));
    }

    private static async Task<Results<Ok<AwardAdministrationResponse>, ProblemHttpResult>> Administration(
        Guid id, GrantsDbContext db, CancellationToken cancellationToken)
    {
        var award = await db.Awards.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (award is null)
        {
            return Problems.NotFoundProblem("Award", id);
        }

        var payments = await db.Payments.AsNoTracking().Where(p => p.AwardId == id).ToListAsync(cancellationToken);
        return TypedResults.Ok(AwardAdministrationResponse.From(award, payments));
    }

    public sealed record ApprovalRequest(string? ApprovedBy, DateTimeOffset? ApprovedAt);

    /// <summary>Records a third party's sign-off of a condition (e.g. the highway authority approving sign locations).</summary>
    private static async Task<Results<Ok<AwardAdministrationResponse>, ValidationProblem, ProblemHttpResult>> Approve(
        Guid id, Guid conditionId, ApprovalRequest request, ClaimsPrincipal user, GrantsDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var validation = new Validation().Text("approvedBy", request.ApprovedBy, 200, required: true);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var award = await db.Awards.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (award is null)
        {
            return Problems.NotFoundProblem("Award", id);
        }

        var now = time.GetUtcNow();
        try
        {
            award.RecordApproval(conditionId, request.ApprovedBy!, (request.ApprovedAt ?? now).ToUniversalTime(), Caller.NameOf(user), now);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.ConflictProblem("changed", "The award changed meanwhile", "Read it again and retry.");
        }
        catch (GrantRuleException rule)
        {
            return rule.Code == "no-such-condition" ? Problems.NotFoundProblem("Condition", conditionId) : rule.ToProblem();
        }

        var payments = await db.Payments.AsNoTracking().Where(p => p.AwardId == id).ToListAsync(cancellationToken);
        return TypedResults.Ok(AwardAdministrationResponse.From(award, payments));
    }

    public sealed record PaymentRequest(decimal? Amount, DateOnly? PaidOn, string? Reference);

    /// <summary>
    /// Records a payment: refused while a condition awaits a third party's approval, and never beyond the award —
    /// the paid total rises by a conditional UPDATE, so concurrent payments cannot overpay together.
    /// </summary>
    private static async Task<Results<Created<PaymentResponse>, ValidationProblem, ProblemHttpResult>> Pay(
        Guid id, PaymentRequest request, ClaimsPrincipal user, GrantsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var validation = new Validation()
            .Money("amount", request.Amount)
            .Text("reference", request.Reference, 100)
            .Must(request.PaidOn is null || request.PaidOn <= UkTime.LondonDate(now), "paidOn", "paidOn must not be in the future.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var award = await db.Awards.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (award is null)
        {
            return Problems.NotFoundProblem("Award", id);
        }

        var amount = request.Amount!.Value;
        Payment payment;
        try
        {
            payment = Payment.Record(Guid.CreateVersion7(now), award, amount, request.PaidOn ?? UkTime.LondonDate(now), request.Reference, Caller.NameOf(user), now);
        }
        catch (GrantRuleException rule)
        {
            return rule.ToProblem();
        }

        var reserved = await db.Awards
            .Where(a => a.Id == id && a.PaidTotal + amount <= a.Amount)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.PaidTotal, a => a.PaidTotal + amount), cancellationToken);
        if (reserved == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return Problems.ConflictProblem("overpayment", "The payment would exceed the award", $"The award is £{award.Amount:N2}.");
        }

        db.Payments.Add(payment);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/grants/awards/{id}/administration",
            new PaymentResponse(payment.Id, payment.Amount, payment.PaidOn, payment.Reference, payment.RecordedBy, payment.RecordedAt));
    }

    public sealed record MonitoringReportRequest(string? Summary, string? Outcomes, decimal? AmountSpent, string? DocumentUrl);

    /// <summary>The end-of-grant monitoring report, from the grantee (applicant token) or a grants officer; once.</summary>
    private static async Task<Results<Created<MonitoringReport>, ValidationProblem, ProblemHttpResult>> Report(
        Guid id, MonitoringReportRequest request, HttpContext http, GrantsDbContext db, ApplicantTokens tokens, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var award = await db.Awards.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        var (caller, denied) = Caller.For(http, award?.ApplicationId ?? Guid.Empty, tokens);
        if (denied is not null)
        {
            return denied;
        }

        if (award is null)
        {
            return Problems.NotFoundProblem("Award", id);
        }

        var validation = new Validation()
            .Text("summary", request.Summary, 8000, required: true)
            .Text("outcomes", request.Outcomes, 8000)
            .Required("amountSpent", request.AmountSpent)
            .Must(request.AmountSpent is null || decimal.Round(request.AmountSpent.Value, 2) == request.AmountSpent, "amountSpent", "amountSpent is in pounds and pence.")
            .Link("documentUrl", request.DocumentUrl, required: false);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var now = time.GetUtcNow();
        var report = new MonitoringReport(request.Summary!.Trim(), request.Outcomes?.Trim(), request.AmountSpent!.Value,
            request.DocumentUrl?.Trim(), now, caller!.IsOfficer ? caller.Name : "grantee");
        try
        {
            award.SubmitMonitoringReport(report);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.ConflictProblem("changed", "The award changed meanwhile", "Read it again and retry.");
        }
        catch (GrantRuleException rule)
        {
            return rule.ToProblem();
        }

        return TypedResults.Created($"/api/grants/awards/{id}/administration", report);
    }
}
