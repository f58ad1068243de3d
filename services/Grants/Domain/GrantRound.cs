using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Grants.Domain;

public enum RoundStatus
{
    Upcoming,
    Open,
    Closed,
}

/// <summary>One criterion an assessor scores 0–5; <see cref="Weight"/> is its share of the total.</summary>
public sealed record AssessmentCriterion(string Key, string Name, int Weight);

/// <summary>A condition every award in the round carries; some need a third party's sign-off before payment.</summary>
public sealed record StandardCondition(string Text, string? RequiresApprovalBy);

public enum RoundAnnouncement
{
    Opened,
    ClosingSoon,
    Closed,
}

/// <summary>A round of a scheme: its window (instants, shown in Europe/London), budget, award limits and areas.</summary>
public sealed class GrantRound
{
    public const int ClosingSoonWorkingDays = 3;

    /// <summary>The closing-soon notice goes out at this London time on its day.</summary>
    public static readonly TimeOnly ClosingSoonTime = new(9, 0);

    private GrantRound()
    {
    }

    public Guid Id { get; private set; }
    public string SchemeSlug { get; private set; } = "";
    public string Name { get; private set; } = "";
    public DateTimeOffset OpensAt { get; private set; }
    public DateTimeOffset ClosesAt { get; private set; }
    public decimal Budget { get; private set; }
    public decimal MinimumAward { get; private set; }
    public decimal MaximumAward { get; private set; }

    /// <summary>The sum of awards made; the database never lets it pass <see cref="Budget"/>.</summary>
    public decimal AwardedTotal { get; private set; }

    /// <summary>Canonical district names; all nine when the round is county-wide.</summary>
    public List<string> Areas { get; private set; } = [];

    /// <summary>False for an allocation (e.g. the Community Safety Fund to the partnerships): 360Giving's fromOpenCall.</summary>
    public bool OpenCall { get; private set; }

    public List<AssessmentCriterion> Criteria { get; private set; } = [];
    public List<StandardCondition> StandardConditions { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? OpenedAnnouncedAt { get; private set; }
    public DateTimeOffset? ClosingSoonAnnouncedAt { get; private set; }
    public DateTimeOffset? ClosedAnnouncedAt { get; private set; }

    public static GrantRound Create(
        Guid id, string schemeSlug, string name, DateTimeOffset opensAt, DateTimeOffset closesAt,
        decimal budget, decimal minimumAward, decimal maximumAward, IEnumerable<string> areas, bool openCall,
        IEnumerable<AssessmentCriterion> criteria, IEnumerable<StandardCondition> standardConditions, DateTimeOffset now)
    {
        if (closesAt <= opensAt)
        {
            throw GrantRuleException.Rule("round-window", "The round closes before it opens", "closesAt must be after opensAt.");
        }

        if (minimumAward <= 0 || maximumAward < minimumAward || maximumAward > budget)
        {
            throw GrantRuleException.Rule("round-limits", "The award limits do not fit",
                "Awards must have 0 < minimumAward ≤ maximumAward ≤ budget.");
        }

        var criteriaList = criteria.ToList();
        if (criteriaList.Count == 0 || criteriaList.Any(c => c.Weight <= 0) ||
            criteriaList.Select(c => c.Key).Distinct(StringComparer.Ordinal).Count() != criteriaList.Count)
        {
            throw GrantRuleException.Rule("round-criteria", "The assessment criteria are not usable",
                "A round needs at least one criterion; keys must be unique and weights positive.");
        }

        var normalised = Districts.Normalise(areas);
        return new GrantRound
        {
            Id = id,
            SchemeSlug = schemeSlug,
            Name = name.Trim(),
            OpensAt = opensAt.ToUniversalTime(),
            ClosesAt = closesAt.ToUniversalTime(),
            Budget = decimal.Round(budget, 2),
            MinimumAward = decimal.Round(minimumAward, 2),
            MaximumAward = decimal.Round(maximumAward, 2),
            Areas = normalised.Count == 0 ? Districts.Names.ToList() : normalised,
            OpenCall = openCall,
            Criteria = criteriaList,
            StandardConditions = standardConditions.ToList(),
            CreatedAt = now,
        };
    }

    public RoundStatus StatusAt(DateTimeOffset now) =>
        now < OpensAt ? RoundStatus.Upcoming : now < ClosesAt ? RoundStatus.Open : RoundStatus.Closed;

    public bool IsOpenAt(DateTimeOffset now) => StatusAt(now) == RoundStatus.Open;

    public decimal Remaining => Budget - AwardedTotal;

    public bool IsWholeCounty => Districts.IsWholeCounty(Areas);

    /// <summary>09:00 London on the working day three working days before the closing date.</summary>
    public DateTimeOffset ClosingSoonDueAt => ClosingSoonDue(ClosesAt);

    public static DateTimeOffset ClosingSoonDue(DateTimeOffset closesAt)
    {
        var day = WorkingDays.Add(UkTime.LondonDate(closesAt), -ClosingSoonWorkingDays);
        return UkTime.FromLondon(day, ClosingSoonTime).ToUniversalTime();
    }

    /// <summary>
    /// The announcements due at <paramref name="now"/> and not yet made, in the order they happen, each marked as
    /// made: the caller raises their events in the same transaction, so each goes out exactly once. A round that
    /// closed before anyone announced it closing soon skips that notice (it would be news of the past).
    /// </summary>
    public IReadOnlyList<RoundAnnouncement> TakeDueAnnouncements(DateTimeOffset now)
    {
        var due = new List<RoundAnnouncement>();
        if (OpenedAnnouncedAt is null && now >= OpensAt && now < ClosesAt)
        {
            OpenedAnnouncedAt = now;
            due.Add(RoundAnnouncement.Opened);
        }

        if (ClosingSoonAnnouncedAt is null && now >= ClosingSoonDueAt && now >= OpensAt)
        {
            ClosingSoonAnnouncedAt = now;
            if (now < ClosesAt)
            {
                due.Add(RoundAnnouncement.ClosingSoon);
            }
        }

        if (ClosedAnnouncedAt is null && now >= ClosesAt)
        {
            OpenedAnnouncedAt ??= now; // never opened to the public while we watched: nothing to open now
            ClosedAnnouncedAt = now;
            due.Add(RoundAnnouncement.Closed);
        }

        return due;
    }

    /// <summary>For rounds loaded as history (seed data): what already happened is not news.</summary>
    public void MarkPastAsAnnounced(DateTimeOffset now)
    {
        if (now >= OpensAt)
        {
            OpenedAnnouncedAt ??= OpensAt;
        }

        if (now >= ClosingSoonDueAt)
        {
            ClosingSoonAnnouncedAt ??= ClosingSoonDueAt;
        }

        if (now >= ClosesAt)
        {
            ClosedAnnouncedAt ??= ClosesAt;
        }
    }

    /// <summary>
    /// The in-memory form of the budget rule; the award endpoint enforces it atomically in the database with a
    /// conditional UPDATE so that two instances awarding together cannot both pass it.
    /// </summary>
    public bool CanAfford(decimal amount) => AwardedTotal + amount <= Budget;

    public void AssertAreasEligible(IEnumerable<string> areas)
    {
        var outside = areas.Where(a => !Areas.Contains(a)).ToList();
        if (outside.Count > 0)
        {
            throw GrantRuleException.Rule("area-not-eligible", "Area not covered by the round",
                $"This round is open to {string.Join(", ", Areas)}; not to {string.Join(", ", outside)}.");
        }
    }
}
