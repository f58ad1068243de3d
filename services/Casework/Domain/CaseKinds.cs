namespace PanelPlatform.Casework.Domain;

/// <summary>What the office is dealing with; each kind has its own clock.</summary>
public enum CaseType
{
    Correspondence,
    MpEnquiry,
    ComplaintChiefConstable,
    ComplaintReview,
    ComplaintAboutPcc,
    FoiRequest,
    SubjectAccessRequest,
}

/// <summary>How the case reached the office.</summary>
public enum CaseChannel
{
    Email,
    Letter,
    Phone,
    WebForm,
    InPerson,
    SocialMedia,
}

public enum CaseStatus
{
    Received,
    Acknowledged,
    InProgress,
    AwaitingInformation,
    Responded,
    Closed,
}

/// <summary>How a case ended; recorded when it closes.</summary>
public enum CaseOutcome
{
    Resolved,
    Upheld,
    PartlyUpheld,
    NotUpheld,
    InformationProvided,
    InformationWithheld,
    Referred,
    NoFurtherAction,
    Withdrawn,

    /// <summary>A late complaint review application that the office did not accept.</summary>
    OutOfTime,
}

/// <summary>The result of a complaint review (Policing and Crime Act 2017 reforms).</summary>
public enum ReviewResult
{
    Upheld,
    NotUpheld,
}

/// <summary>Which of a case's two clocks.</summary>
public enum DeadlineClock
{
    Acknowledge,
    Respond,
}

public static class CaseKinds
{
    public static bool IsOpen(this CaseStatus status) => status != CaseStatus.Closed;

    /// <summary>Kebab-case, as the API and the events spell it (<c>complaint-review</c>).</summary>
    public static string Kebab<T>(this T value) where T : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
