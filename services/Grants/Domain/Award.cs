using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Grants.Domain;

/// <summary>
/// A condition of an award. One that names <see cref="RequiresApprovalBy"/> (e.g. Derbyshire County Council as
/// highway authority, for speed indicator sign locations) blocks payment until the approval is recorded.
/// </summary>
public sealed record AwardCondition(
    Guid Id, string Text, string? RequiresApprovalBy, string? ApprovedBy = null, DateTimeOffset? ApprovedAt = null, string? ApprovalRecordedBy = null)
{
    public bool BlocksPayment => RequiresApprovalBy is not null && ApprovedAt is null;
}

public sealed record AgreementDocument(string Title, string Url);

/// <summary>The grantee's end-of-grant monitoring report.</summary>
public sealed record MonitoringReport(string Summary, string? Outcomes, decimal AmountSpent, string? DocumentUrl, DateTimeOffset SubmittedAt, string SubmittedBy);

/// <summary>
/// An award, with the public facts of the grant copied from the application and round when it is made: the public
/// register and the 360Giving file read this table alone, so nothing private can reach them.
/// </summary>
public sealed class Award
{
    private Award()
    {
    }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public Guid RoundId { get; private set; }
    public string SchemeSlug { get; private set; } = "";
    public string SchemeName { get; private set; } = "";
    public string RoundName { get; private set; } = "";
    public string FunderName { get; private set; } = "";
    public string FunderIdentifier { get; private set; } = "";
    public bool FromOpenCall { get; private set; }
    public Organisation Recipient { get; private set; } = null!;
    public string ProjectTitle { get; private set; } = "";
    public string ProjectDescription { get; private set; } = "";
    public decimal AmountRequested { get; private set; }
    public decimal Amount { get; private set; }
    public List<string> Areas { get; private set; } = [];
    public DateOnly PlannedStart { get; private set; }
    public DateOnly PlannedEnd { get; private set; }
    public DateOnly AwardDate { get; private set; }
    public string DecisionMaker { get; private set; } = "";
    public string RecordedBy { get; private set; } = "";
    public AgreementDocument? Agreement { get; private set; }
    public List<AwardCondition> Conditions { get; private set; } = [];

    /// <summary>The sum of payments; the database never lets it pass <see cref="Amount"/>.</summary>
    public decimal PaidTotal { get; private set; }

    public MonitoringReport? MonitoringReport { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Amount rules: more than nothing, no more than the round's maximum, no more than was asked for.</summary>
    public static void CheckAmount(decimal amount, GrantRound round, GrantApplication application)
    {
        if (amount <= 0)
        {
            throw GrantRuleException.Rule("award-amount", "The award must be more than £0", "amount must be greater than 0.");
        }

        if (decimal.Round(amount, 2) != amount)
        {
            throw GrantRuleException.Rule("award-amount", "The award is in pounds and pence", "amount has at most 2 decimal places.");
        }

        if (amount > round.MaximumAward)
        {
            throw GrantRuleException.Rule("award-above-maximum", "The award is above the round's maximum",
                $"The round awards at most £{round.MaximumAward:N2}; £{amount:N2} was proposed.");
        }

        if (amount > application.AmountRequested)
        {
            throw GrantRuleException.Rule("award-above-request", "The award is more than was requested",
                $"The applicant asked for £{application.AmountRequested:N2}; £{amount:N2} was proposed.");
        }
    }

    public static Award Make(
        Guid id, GrantApplication application, GrantRound round, Scheme scheme, decimal amount, DateOnly awardDate,
        string decisionMaker, string recordedBy, AgreementDocument? agreement, IEnumerable<(string Text, string? RequiresApprovalBy)> extraConditions,
        DateTimeOffset now)
    {
        CheckAmount(amount, round, application);
        if (application.SubmittedAt is { } submitted && awardDate < UkTime.LondonDate(submitted))
        {
            throw GrantRuleException.Rule("award-date", "The decision predates the application", "decisionDate must not be before the application was submitted.");
        }

        application.Award(now);
        var conditions = round.StandardConditions.Select(c => (c.Text, c.RequiresApprovalBy)).Concat(extraConditions)
            .Select(c => new AwardCondition(Guid.CreateVersion7(now), c.Text.Trim(), string.IsNullOrWhiteSpace(c.RequiresApprovalBy) ? null : c.RequiresApprovalBy.Trim()))
            .ToList();
        return new Award
        {
            Id = id,
            ApplicationId = application.Id,
            RoundId = round.Id,
            SchemeSlug = scheme.Slug,
            SchemeName = scheme.Name,
            RoundName = round.Name,
            FunderName = scheme.FunderName,
            FunderIdentifier = scheme.FunderIdentifier,
            FromOpenCall = round.OpenCall,
            Recipient = application.Organisation,
            ProjectTitle = application.ProjectTitle!,
            ProjectDescription = application.ProjectDescription!,
            AmountRequested = application.AmountRequested!.Value,
            Amount = amount,
            Areas = application.Areas.ToList(),
            PlannedStart = application.StartDate!.Value,
            PlannedEnd = application.EndDate!.Value,
            AwardDate = awardDate,
            DecisionMaker = decisionMaker.Trim(),
            RecordedBy = recordedBy,
            Agreement = agreement,
            Conditions = conditions,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Records the third party's sign-off of a condition: who approved it and when, and who recorded it.</summary>
    public AwardCondition RecordApproval(Guid conditionId, string approvedBy, DateTimeOffset approvedAt, string recordedBy, DateTimeOffset now)
    {
        var index = Conditions.FindIndex(c => c.Id == conditionId);
        if (index < 0)
        {
            throw GrantRuleException.Conflict("no-such-condition", "No such condition", $"The award has no condition {conditionId}.");
        }

        var condition = Conditions[index];
        if (condition.RequiresApprovalBy is null)
        {
            throw GrantRuleException.Rule("approval-not-required", "The condition needs no third-party approval", condition.Text);
        }

        if (condition.ApprovedAt is not null)
        {
            throw GrantRuleException.Conflict("already-approved", "The condition is already approved",
                $"Approved by {condition.ApprovedBy} at {condition.ApprovedAt:O}.");
        }

        if (approvedAt > now)
        {
            throw GrantRuleException.Rule("approval-in-future", "The approval is dated in the future", "approvedAt must not be in the future.");
        }

        var approved = condition with { ApprovedBy = approvedBy.Trim(), ApprovedAt = approvedAt, ApprovalRecordedBy = recordedBy };
        // A new list, so the change tracker sees the JSON column change.
        Conditions = Conditions.Select((c, i) => i == index ? approved : c).ToList();
        UpdatedAt = now;
        return approved;
    }

    /// <summary>Payment is blocked while a condition awaits a third party's approval, and may not pass the award.</summary>
    public void CheckPayment(decimal amount)
    {
        if (amount <= 0 || decimal.Round(amount, 2) != amount)
        {
            throw GrantRuleException.Rule("payment-amount", "The payment must be a positive sum in pounds and pence", "amount must be greater than 0, to 2 places.");
        }

        var blocking = Conditions.Where(c => c.BlocksPayment).ToList();
        if (blocking.Count > 0)
        {
            throw GrantRuleException.Conflict("payment-blocked", "Payment is blocked until conditions are approved",
                string.Join(" ", blocking.Select(c => $"'{c.Text}' awaits approval by {c.RequiresApprovalBy}.")));
        }

        if (PaidTotal + amount > Amount)
        {
            throw GrantRuleException.Conflict("overpayment", "The payment would exceed the award",
                $"£{PaidTotal:N2} of £{Amount:N2} is paid; £{amount:N2} more would exceed it.");
        }
    }

    public void SubmitMonitoringReport(MonitoringReport report)
    {
        if (MonitoringReport is not null)
        {
            throw GrantRuleException.Conflict("report-exists", "The monitoring report has been submitted",
                $"It was submitted at {MonitoringReport.SubmittedAt:O}.");
        }

        if (report.AmountSpent < 0 || report.AmountSpent > Amount)
        {
            throw GrantRuleException.Rule("report-amount", "The amount spent does not fit the award",
                $"amountSpent must be between £0 and the award of £{Amount:N2}.");
        }

        MonitoringReport = report;
        UpdatedAt = report.SubmittedAt;
    }
}

public sealed class Payment
{
    private Payment()
    {
    }

    public Guid Id { get; private set; }
    public Guid AwardId { get; private set; }
    public decimal Amount { get; private set; }
    public DateOnly PaidOn { get; private set; }
    public string? Reference { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    public static Payment Record(Guid id, Award award, decimal amount, DateOnly paidOn, string? reference, string recordedBy, DateTimeOffset now)
    {
        award.CheckPayment(amount);
        return new Payment { Id = id, AwardId = award.Id, Amount = amount, PaidOn = paidOn, Reference = reference?.Trim(), RecordedBy = recordedBy, RecordedAt = now };
    }
}
