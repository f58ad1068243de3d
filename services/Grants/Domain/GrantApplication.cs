namespace PanelPlatform.Grants.Domain;

public enum ApplicationStatus
{
    Draft,
    Submitted,
    UnderAssessment,
    Awarded,
    Declined,
    Withdrawn,
}

/// <summary>The applying organisation: public once a grant is awarded.</summary>
public sealed record Organisation(string Name, OrganisationType Type, string? CharityNumber, string? CompanyNumber);

/// <summary>The person to contact: private to Grants, sent to Notifications only as a RegisterRecipient command.</summary>
public sealed record ApplicantContact(string Name, string Email, string? Phone);

/// <summary>A supporting document held in the applicant's or the office's document store, by reference.</summary>
public sealed record SupportingDocument(string Title, string Url, string? DocumentType);

/// <summary>What an applicant fills in; the draft may be incomplete, the submitted application may not.</summary>
public sealed record ApplicationDetails(
    Organisation Organisation,
    ApplicantContact Contact,
    string? ProjectTitle,
    string? ProjectDescription,
    decimal? AmountRequested,
    IReadOnlyList<string> Areas,
    IReadOnlyList<string> Priorities,
    DateOnly? StartDate,
    DateOnly? EndDate,
    IReadOnlyList<SupportingDocument> Documents);

public sealed class GrantApplication
{
    private GrantApplication()
    {
    }

    public Guid Id { get; private set; }
    public Guid RoundId { get; private set; }
    public ApplicationStatus Status { get; private set; }
    public Organisation Organisation { get; private set; } = null!;
    public ApplicantContact Contact { get; private set; } = null!;
    public string? ProjectTitle { get; private set; }
    public string? ProjectDescription { get; private set; }
    public decimal? AmountRequested { get; private set; }
    public List<string> Areas { get; private set; } = [];
    public List<string> Priorities { get; private set; } = [];
    public DateOnly? StartDate { get; private set; }
    public DateOnly? EndDate { get; private set; }
    public List<SupportingDocument> Documents { get; private set; } = [];

    /// <summary>Who the applicant is to Notifications; set when the contact is registered there, at submission.</summary>
    public Guid? RecipientId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? AssessmentStartedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DeclineReason { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }

    public bool IsDecided => Status is ApplicationStatus.Awarded or ApplicationStatus.Declined or ApplicationStatus.Withdrawn;

    /// <summary>Drafts can be saved before the round opens and while it is open, not once it has closed.</summary>
    public static GrantApplication StartDraft(Guid id, GrantRound round, ApplicationDetails details, DateTimeOffset now)
    {
        if (round.StatusAt(now) == RoundStatus.Closed)
        {
            throw GrantRuleException.Conflict("round-closed", "The round has closed",
                $"The round '{round.Name}' closed at {round.ClosesAt:O}; no new applications.");
        }

        var application = new GrantApplication { Id = id, RoundId = round.Id, Status = ApplicationStatus.Draft, CreatedAt = now };
        application.Apply(details, now);
        return application;
    }

    public void UpdateDraft(GrantRound round, ApplicationDetails details, DateTimeOffset now)
    {
        if (Status != ApplicationStatus.Draft)
        {
            throw GrantRuleException.Conflict("not-a-draft", "Only a draft can be changed",
                $"The application is {Status}; a submitted application cannot be edited.");
        }

        if (round.StatusAt(now) == RoundStatus.Closed)
        {
            throw GrantRuleException.Conflict("round-closed", "The round has closed", "Drafts cannot be changed after the round closes.");
        }

        Apply(details, now);
    }

    private void Apply(ApplicationDetails details, DateTimeOffset now)
    {
        Organisation = details.Organisation;
        Contact = details.Contact;
        ProjectTitle = details.ProjectTitle;
        ProjectDescription = details.ProjectDescription;
        AmountRequested = details.AmountRequested is { } amount ? decimal.Round(amount, 2) : null;
        Areas = Districts.Normalise(details.Areas);
        Priorities = details.Priorities.Distinct(StringComparer.Ordinal).ToList();
        StartDate = details.StartDate;
        EndDate = details.EndDate;
        Documents = details.Documents.ToList();
        UpdatedAt = now;
    }

    /// <summary>
    /// Everything that stops this draft being submitted to <paramref name="round"/> of <paramref name="scheme"/>,
    /// by field: missing answers and eligibility. Empty when it may be submitted.
    /// </summary>
    public IReadOnlyDictionary<string, string[]> SubmissionProblems(GrantRound round, Scheme scheme)
    {
        var problems = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!problems.TryGetValue(field, out var list))
            {
                problems[field] = list = [];
            }

            list.Add(message);
        }

        if (string.IsNullOrWhiteSpace(ProjectTitle))
        {
            Add("projectTitle", "projectTitle is required to submit.");
        }

        if (string.IsNullOrWhiteSpace(ProjectDescription))
        {
            Add("projectDescription", "projectDescription is required to submit.");
        }

        if (AmountRequested is not { } amount)
        {
            Add("amountRequested", "amountRequested is required to submit.");
        }
        else if (amount < round.MinimumAward || amount > round.MaximumAward)
        {
            Add("amountRequested", $"This round awards between £{round.MinimumAward:N2} and £{round.MaximumAward:N2}.");
        }

        if (Areas.Count == 0)
        {
            Add("areas", "Name at least one area the project serves.");
        }
        else if (Areas.Where(a => !round.Areas.Contains(a)).ToList() is { Count: > 0 } outside)
        {
            Add("areas", $"This round is not open to {string.Join(", ", outside)}.");
        }

        if (Priorities.Count == 0)
        {
            Add("priorities", "Name at least one Police and Crime Plan priority the project serves.");
        }
        else if (Priorities.Where(p => !scheme.Priorities.Contains(p)).ToList() is { Count: > 0 } unserved)
        {
            Add("priorities", $"The scheme does not fund {string.Join(", ", unserved)}.");
        }

        if (StartDate is null)
        {
            Add("startDate", "startDate is required to submit.");
        }

        if (EndDate is null)
        {
            Add("endDate", "endDate is required to submit.");
        }
        else if (StartDate is { } start && EndDate < start)
        {
            Add("endDate", "endDate must not be before startDate.");
        }

        if (!scheme.EligibleOrganisationTypes.Contains(Organisation.Type))
        {
            Add("organisation.type", $"The {scheme.Name} is not open to this type of organisation.");
        }

        if (Organisation.Type == OrganisationType.Cic && Organisation.CompanyNumber is null)
        {
            Add("organisation.companyNumber", "A community interest company has a company number.");
        }

        return problems.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Submits the draft while the round is open; the caller registers the contact under the new recipient id.</summary>
    public void Submit(GrantRound round, Scheme scheme, DateTimeOffset now)
    {
        if (Status != ApplicationStatus.Draft)
        {
            throw GrantRuleException.Conflict("not-a-draft", "Already submitted", $"The application is {Status}.");
        }

        if (!round.IsOpenAt(now))
        {
            throw GrantRuleException.Conflict("round-not-open", "The round is not open",
                round.StatusAt(now) == RoundStatus.Upcoming
                    ? $"The round opens at {round.OpensAt:O}; the draft is saved and can be submitted then."
                    : $"The round closed at {round.ClosesAt:O}.");
        }

        if (SubmissionProblems(round, scheme).Count > 0)
        {
            throw GrantRuleException.Rule("application-incomplete", "The application cannot be submitted yet",
                "Some answers are missing or not eligible.");
        }

        Status = ApplicationStatus.Submitted;
        SubmittedAt = now;
        RecipientId ??= Guid.CreateVersion7(now);
        UpdatedAt = now;
    }

    public void StartAssessment(DateTimeOffset now)
    {
        if (Status != ApplicationStatus.Submitted)
        {
            throw GrantRuleException.Conflict("not-submitted", "Only a submitted application can be assessed", $"The application is {Status}.");
        }

        Status = ApplicationStatus.UnderAssessment;
        AssessmentStartedAt = now;
        UpdatedAt = now;
    }

    public void AssertUnderAssessment()
    {
        if (Status != ApplicationStatus.UnderAssessment)
        {
            throw GrantRuleException.Conflict("not-under-assessment", "The application is not under assessment",
                $"The application is {Status}.");
        }
    }

    public void Award(DateTimeOffset now)
    {
        AssertUnderAssessment();
        Status = ApplicationStatus.Awarded;
        DecidedAt = now;
        UpdatedAt = now;
    }

    public void Decline(string reason, DateTimeOffset now)
    {
        if (Status is not (ApplicationStatus.Submitted or ApplicationStatus.UnderAssessment))
        {
            throw GrantRuleException.Conflict("not-decidable", "Only a submitted application can be declined", $"The application is {Status}.");
        }

        Status = ApplicationStatus.Declined;
        DeclineReason = reason.Trim();
        DecidedAt = now;
        UpdatedAt = now;
    }

    public void Withdraw(DateTimeOffset now)
    {
        if (IsDecided)
        {
            throw GrantRuleException.Conflict("already-decided", "The application has been decided", $"The application is {Status}.");
        }

        Status = ApplicationStatus.Withdrawn;
        WithdrawnAt = now;
        UpdatedAt = now;
    }
}
