using System.Text.Json;

namespace PanelPlatform.Questions.Domain;

/// <summary>The fixed reasons a question can be turned down for (free text may add detail).</summary>
public enum RejectionReason
{
    NotAboutTheTopic,
    AfterTheDeadline,
    Duplicate,
    IndividualCaseOrOperational,
    OffensiveOrDefamatory,
}

public static class RejectionReasons
{
    /// <summary>The code in events and JSON: <c>not-about-the-topic</c>, <c>after-the-deadline</c>, …</summary>
    public static string Code(RejectionReason reason) => Kebab(reason.ToString());

    internal static string Kebab(string name) => JsonNamingPolicy.KebabCaseLower.ConvertName(name);
}
