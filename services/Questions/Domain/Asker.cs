namespace PanelPlatform.Questions.Domain;

/// <summary>
/// Who asked. A member is a person known to Meetings (their id and name; their questions are public record under
/// their name). A resident gives a name, an email address, optionally a postcode or area, and says whether their
/// name may be published. Email and postcode are never published, sent in events or logged.
/// </summary>
public sealed record Asker(
    Guid? MemberId,
    string Name,
    string? Email,
    string? Postcode,
    string? Area,
    bool ConsentToPublishName)
{
    public const string AnonymousPublicName = "a member of the public";

    public static Asker Member(Guid memberId, string name) => new(memberId, name.Trim(), null, null, null, true);

    public static Asker Resident(string name, string email, string? postcode, string? area, bool consentToPublishName) =>
        new(null, name.Trim(), email.Trim().ToLowerInvariant(), Normalise(postcode), string.IsNullOrWhiteSpace(area) ? null : area.Trim(), consentToPublishName);

    /// <summary>The name shown to the public: a member's own, a resident's only with consent.</summary>
    public string PublishedName => MemberId is not null || ConsentToPublishName ? Name : AnonymousPublicName;

    private static string? Normalise(string? postcode) =>
        string.IsNullOrWhiteSpace(postcode) ? null : string.Join(' ', postcode.Trim().ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
