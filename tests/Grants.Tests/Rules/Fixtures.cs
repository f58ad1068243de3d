using PanelPlatform.Grants.Domain;

namespace PanelPlatform.Grants.Tests.Rules;

/// <summary>Domain objects for rule tests: the ASB Prevention Grant and a summer 2022 round.</summary>
internal static class Fixtures
{
    public static readonly DateTimeOffset Opens = new(2022, 7, 1, 8, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Closes = new(2022, 8, 31, 22, 59, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset During = new(2022, 7, 15, 12, 0, 0, TimeSpan.Zero);

    public static Scheme Scheme(params OrganisationType[] eligible) => Domain.Scheme.Create(
        "asb-prevention-grant", "ASB Prevention Grant", "Tackling anti-social behaviour locally.",
        "Police and Crime Commissioner for Derbyshire", "360G-derbyshirepcc-funder-pcc",
        eligible.Length > 0 ? eligible : [OrganisationType.Charity, OrganisationType.ParishTownCouncil, OrganisationType.Cic],
        ["neighbourhood-crime-and-asb"], Opens.AddDays(-30));

    public static readonly IReadOnlyList<AssessmentCriterion> Criteria =
    [
        new("need", "Evidence of need", 30),
        new("deliverability", "Deliverability", 25),
        new("community", "Community involvement", 20),
        new("value-for-money", "Value for money", 15),
        new("sustainability", "Lasting benefit", 10),
    ];

    public static GrantRound Round(
        decimal budget = 100_000m, decimal min = 500m, decimal max = 5_000m, string[]? areas = null,
        DateTimeOffset? opens = null, DateTimeOffset? closes = null, StandardCondition[]? conditions = null) =>
        GrantRound.Create(Guid.NewGuid(), "asb-prevention-grant", "2022 summer round", opens ?? Opens, closes ?? Closes,
            budget, min, max, areas ?? [], true, Criteria, conditions ?? [], Opens.AddDays(-10));

    public static ApplicationDetails Details(
        OrganisationType type = OrganisationType.Charity, decimal? amount = 4_500m, string[]? areas = null, string[]? priorities = null,
        string? companyNumber = null, DateOnly? start = null, DateOnly? end = null, string? title = "Youth diversion evenings") => new(
        new Organisation("Bolsover Community Watch", type, "1012345", companyNumber),
        new ApplicantContact("Jo Bloggs", "jo@example.org", null),
        title, "Friday evening sessions.", amount, areas ?? ["Bolsover"], priorities ?? ["neighbourhood-crime-and-asb"],
        start ?? new DateOnly(2022, 11, 1), end ?? new DateOnly(2023, 10, 31), []);

    public static GrantApplication Draft(GrantRound round, ApplicationDetails? details = null) =>
        GrantApplication.StartDraft(Guid.NewGuid(), round, details ?? Details(), During);

    public static GrantApplication UnderAssessment(GrantRound round, ApplicationDetails? details = null)
    {
        var application = Draft(round, details);
        application.Submit(round, Scheme(), During);
        application.StartAssessment(During.AddDays(1));
        return application;
    }
}
