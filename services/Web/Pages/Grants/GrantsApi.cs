using System.Net.Http.Json;
using System.Text.Json;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Grants;

/// <summary>A Police and Crime Plan priority a scheme serves.</summary>
public sealed record Priority(string Slug, string Name);

public sealed record Criterion(string Key, string Name, int Weight);

public sealed record Condition(string Text, string? RequiresApprovalBy);

/// <summary>A grant round as the Grants API gives it to anyone (GET /api/grants/rounds).</summary>
public sealed record Round(
    Guid Id, string SchemeSlug, string SchemeName, string SchemePurpose, string FunderName, string Name, string Status,
    DateTimeOffset OpensAt, DateTimeOffset ClosesAt, decimal Budget, decimal AwardedTotal, decimal Remaining,
    decimal MinimumAward, decimal MaximumAward, IReadOnlyList<string> Areas, bool OpenCall, IReadOnlyList<string> EligibleOrganisationTypes,
    IReadOnlyList<Priority> Priorities, IReadOnlyList<Criterion> Criteria, IReadOnlyList<Condition> StandardConditions)
{
    public bool IsOpen => Status == "open";

    public bool IsUpcoming => Status == "upcoming";

    public bool IsClosed => Status == "closed";

    public bool IsWholeCounty => GrantWords.Districts.All(Areas.Contains);
}

public sealed record Organisation(string? Name, string? Type, string? CharityNumber, string? CompanyNumber);

public sealed record Contact(string? Name, string? Email, string? Phone);

/// <summary>An application as its applicant (the token holder) reads it.</summary>
public sealed record Application(
    Guid Id, Guid RoundId, string Status, Organisation Organisation, Contact Contact, string? ProjectTitle, string? ProjectDescription,
    decimal? AmountRequested, IReadOnlyList<string> Areas, IReadOnlyList<string> Priorities, DateOnly? StartDate, DateOnly? EndDate,
    DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt)
{
    public bool IsDraft => Status == "draft";
}

public sealed record StartedApplication(Application Application, string ApplicantToken);

/// <summary>What the applicant sends to start or change a draft (PUT replaces every answer).</summary>
public sealed record ApplicationRequest(
    Organisation Organisation, Contact Contact, string? ProjectTitle, string? ProjectDescription, decimal? AmountRequested,
    IReadOnlyList<string> Areas, IReadOnlyList<string> Priorities, DateOnly? StartDate, DateOnly? EndDate);

/// <summary>An award in the public register.</summary>
public sealed record Award(
    Guid Id, string SchemeSlug, string SchemeName, Guid RoundId, string RoundName, string RecipientName, string RecipientType,
    string ProjectTitle, decimal AmountAwarded, DateOnly AwardDate, IReadOnlyList<string> Areas);

public sealed record RegisterTotals(int Awards, decimal AmountAwarded);

public sealed record RegisterPage(IReadOnlyList<Award> Items, string? NextCursor, RegisterTotals Totals);

public sealed record AreaTotal(string Area, int Awards, decimal AmountAwarded);

public sealed record SchemeTotal(string SchemeSlug, string SchemeName, int Awards, decimal AmountAwarded);

public sealed record AwardTotals(int Awards, decimal AmountAwarded, IReadOnlyList<AreaTotal> ByArea, IReadOnlyList<SchemeTotal> ByScheme);

/// <summary>
/// The applicant's calls: each carries the applicant token (the Grants API's <c>X-Applicant-Token</c>), which the site
/// keeps for them in a protected cookie; the public calls need nothing.
/// </summary>
public sealed class GrantsApi(PanelApi api)
{
    private const string TokenHeader = "X-Applicant-Token";

    public Task<ApiResult<Round>> RoundAsync(Guid id, CancellationToken cancellationToken) =>
        api.GetAsync<Round>($"api/grants/rounds/{id}", cancellationToken);

    public async Task<IReadOnlyList<Round>> RoundsAsync(string status, CancellationToken cancellationToken) =>
        (await api.GetAsync<ApiPage<Round>>($"api/grants/rounds?status={status}&limit=200", cancellationToken)).Required($"{status} grant rounds").Items;

    public Task<ApiResult<StartedApplication>> StartAsync(Guid roundId, ApplicationRequest request, CancellationToken cancellationToken) =>
        api.PostAsync<StartedApplication>($"api/grants/rounds/{roundId}/applications", request, cancellationToken);

    public Task<ApiResult<Application>> ApplicationAsync(Guid id, string token, CancellationToken cancellationToken) =>
        api.SendAsync<Application>(WithToken(new HttpRequestMessage(HttpMethod.Get, $"api/grants/applications/{id}"), token), cancellationToken);

    public Task<ApiResult<Application>> UpdateAsync(Guid id, string token, ApplicationRequest request, CancellationToken cancellationToken) =>
        api.SendAsync<Application>(WithToken(new HttpRequestMessage(HttpMethod.Put, $"api/grants/applications/{id}")
        {
            Content = JsonContent.Create(request, options: PanelApi.Json),
        }, token), cancellationToken);

    public Task<ApiResult<Application>> SubmitAsync(Guid id, string token, CancellationToken cancellationToken) =>
        api.SendAsync<Application>(WithToken(new HttpRequestMessage(HttpMethod.Post, $"api/grants/applications/{id}/submit")
        {
            Content = JsonContent.Create(new { }, options: PanelApi.Json),
        }, token), cancellationToken);

    public Task<ApiResult<RegisterPage>> AwardsAsync(string query, CancellationToken cancellationToken) =>
        api.GetAsync<RegisterPage>($"api/grants/awards?{query}", cancellationToken);

    public Task<ApiResult<AwardTotals>> TotalsAsync(string query, CancellationToken cancellationToken) =>
        api.GetAsync<AwardTotals>($"api/grants/awards/totals?{query}", cancellationToken);

    private static HttpRequestMessage WithToken(HttpRequestMessage request, string token)
    {
        request.Headers.TryAddWithoutValidation(TokenHeader, token);
        return request;
    }
}

/// <summary>The site's words for the Grants API's codes.</summary>
public static class GrantWords
{
    /// <summary>The areas a round can be open to, in the order the Grants API lists them.</summary>
    public static readonly IReadOnlyList<string> Districts =
    [
        "Amber Valley", "Bolsover", "Chesterfield", "Derby City", "Derbyshire Dales", "Erewash", "High Peak", "North East Derbyshire", "South Derbyshire",
    ];

    public static string OrganisationType(string? type) => type switch
    {
        "charity" => "Registered charity",
        "community-group" => "Community group or voluntary organisation",
        "parish-town-council" => "Parish or town council",
        "cic" => "Community interest company (CIC)",
        "school" => "School",
        "local-authority" => "Local authority or community safety partnership",
        "non-profit" => "Not-for-profit company or other voluntary sector body",
        null => "",
        _ => Govuk.Display.Words(type),
    };

    public static string ApplicationStatus(string status) => status switch
    {
        "draft" => "Draft",
        "submitted" => "Submitted",
        "under-assessment" => "Being assessed",
        "awarded" => "Awarded",
        "declined" => "Not successful",
        "withdrawn" => "Withdrawn",
        _ => Govuk.Display.Words(status),
    };

    public static string ApplicationStatusTag(string status) => status switch
    {
        "draft" => "govuk-tag--grey",
        "submitted" or "under-assessment" => "govuk-tag--blue",
        "awarded" => "govuk-tag--green",
        "declined" or "withdrawn" => "govuk-tag--red",
        _ => "",
    };

    public static string Areas(IReadOnlyCollection<string> areas) =>
        Districts.All(areas.Contains) ? "All of Derbyshire and Derby City" : string.Join(", ", areas);

    /// <summary>"£500 to £5,000"</summary>
    public static string AwardRange(Round round) => $"{Govuk.Display.Money(round.MinimumAward)} to {Govuk.Display.Money(round.MaximumAward)}";

    /// <summary>JSON of the API's field errors, for carrying a failed submission to the page that can fix it.</summary>
    public static string Serialise(IReadOnlyDictionary<string, string[]> errors) => JsonSerializer.Serialize(errors);

    public static Dictionary<string, string[]> Deserialise(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string[]>>(json) ?? [];
}
