namespace PanelPlatform.Meetings.Domain;

/// <summary>The Panel's statutory reviews (Police Reform and Social Responsibility Act 2011).</summary>
public enum DecisionKind
{
    PreceptReview,
    SeniorAppointment,
    PlanVariationReview,
}

public enum MotionKind
{
    /// <summary>To veto: only for the precept and a Chief Constable appointment; needs two-thirds of members in office.</summary>
    Veto,

    /// <summary>To support the proposal (simple majority of those voting).</summary>
    Support,

    /// <summary>To report with recommendations (simple majority of those voting).</summary>
    Recommendations,
}

public enum VoteCast
{
    For,
    Against,
    Abstain,
}

public enum DecisionOutcome
{
    Vetoed,
    VetoNotCarried,
    Carried,
    NotCarried,
}

public sealed class PanelDecision
{
    public Guid Id { get; set; }
    public Guid BodyId { get; set; }
    public Guid MeetingId { get; set; }
    public Guid? MinuteId { get; set; }
    public DecisionKind Kind { get; set; }
    public MotionKind Motion { get; set; }

    /// <summary>"Proposed precept 2023/24", "Appointment of the Chief Constable".</summary>
    public string Subject { get; set; } = "";

    public string? Proposal { get; set; }
    public DateOnly DecidedOn { get; set; }

    /// <summary>Members of the Panel in office on the day: the base of the two-thirds veto, whoever attended.</summary>
    public int MembersInOffice { get; set; }

    public int VotesFor { get; set; }
    public int VotesAgainst { get; set; }
    public int Abstentions { get; set; }
    public DecisionOutcome Outcome { get; set; }
    public DateOnly? ReportedToCommissionerOn { get; set; }
    public DateOnly? ResponseDueOn { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public List<DecisionVote> Votes { get; set; } = [];
}

public sealed class DecisionVote
{
    public Guid DecisionId { get; set; }
    public Guid PersonId { get; set; }
    public VoteCast Vote { get; set; }
}

public static class PanelDecisions
{
    /// <summary>Only a precept or a Chief Constable's appointment can be vetoed; a plan variation cannot.</summary>
    public static bool CanVeto(DecisionKind kind) => kind is DecisionKind.PreceptReview or DecisionKind.SeniorAppointment;

    /// <summary>At least two-thirds of the members in office (not of those present): 3 × for ≥ 2 × in office.</summary>
    public static bool VetoCarried(int votesFor, int membersInOffice) => membersInOffice > 0 && 3 * votesFor >= 2 * membersInOffice;

    public static int VetoThreshold(int membersInOffice) => (2 * membersInOffice + 2) / 3;

    /// <summary>
    /// Counts the votes of members in office on the day and decides. A voter who is not a member, a second vote from one
    /// person, or a veto motion on a decision that cannot be vetoed is refused.
    /// </summary>
    public static (DecisionOutcome Outcome, int For, int Against, int Abstain) Decide(
        DecisionKind kind, MotionKind motion, IReadOnlyCollection<Guid> membersInOffice, IReadOnlyList<(Guid PersonId, VoteCast Vote)> votes)
    {
        if (motion == MotionKind.Veto && !CanVeto(kind))
        {
            throw new RuleViolation("veto-not-available", "The Panel can veto only the proposed precept or a proposed Chief Constable; a Police and Crime Plan variation is reviewed with recommendations.");
        }

        var duplicate = votes.GroupBy(v => v.PersonId).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new RuleViolation("duplicate-vote", $"Person {duplicate.Key} voted more than once.");
        }

        var outsider = votes.FirstOrDefault(v => !membersInOffice.Contains(v.PersonId));
        if (outsider != default)
        {
            throw new RuleViolation("voter-not-a-member", $"Person {outsider.PersonId} was not a member of the Panel in office on the day.");
        }

        var votesFor = votes.Count(v => v.Vote == VoteCast.For);
        var against = votes.Count(v => v.Vote == VoteCast.Against);
        var abstain = votes.Count(v => v.Vote == VoteCast.Abstain);
        var outcome = motion == MotionKind.Veto
            ? VetoCarried(votesFor, membersInOffice.Count) ? DecisionOutcome.Vetoed : DecisionOutcome.VetoNotCarried
            : votesFor > against ? DecisionOutcome.Carried : DecisionOutcome.NotCarried;
        return (outcome, votesFor, against, abstain);
    }
}
