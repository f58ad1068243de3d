using PanelPlatform.Questions.Domain;
using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Questions;

/// <summary>The <c>Questions</c> configuration section.</summary>
public sealed class QuestionsOptions
{
    public const string SectionName = "Questions";

    /// <summary>Clear working days a public question must arrive before the meeting, unless the body says otherwise.</summary>
    public int PublicClearDays { get; set; } = 5;

    /// <summary>Clear working days for a member question, unless the body says otherwise.</summary>
    public int MemberClearDays { get; set; } = 3;

    /// <summary>The role that moderates a body's questions unless the body names another: the Panel's clerk.</summary>
    public string DefaultModeratorRole { get; set; } = Roles.Clerk;

    /// <summary>Per body (by slug, as Meetings names it): deadlines and moderator.</summary>
    public Dictionary<string, BodyRules> Bodies { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Token subjects in the Commissioner's office who may approve answers (with an <c>opcc-staff</c> token);
    /// <c>admin</c> may always approve. Nobody approves an answer they wrote.
    /// </summary>
    public List<string> AnswerApprovers { get; set; } = [];

    /// <summary><c>pg_trgm</c> similarity (0–1) from which another question for the meeting counts as similar.</summary>
    public double SimilarityThreshold { get; set; } = 0.3;

    public ConfirmationOptions Confirmation { get; set; } = new();
    public SubmissionLimitOptions Limits { get; set; } = new();

    /// <summary>Serves <c>POST /api/questions/admin/seed</c> (admin); on in Development.</summary>
    public bool SeedEndpoint { get; set; }

    public int ClearDays(string bodySlug, QuestionKind kind)
    {
        var body = Bodies.GetValueOrDefault(bodySlug);
        return kind == QuestionKind.Public
            ? body?.PublicClearDays ?? PublicClearDays
            : body?.MemberClearDays ?? MemberClearDays;
    }

    public string ModeratorRole(string bodySlug) => Bodies.GetValueOrDefault(bodySlug)?.ModeratorRole ?? DefaultModeratorRole;
}

public sealed class BodyRules
{
    public int? PublicClearDays { get; set; }
    public int? MemberClearDays { get; set; }
    public string? ModeratorRole { get; set; }
}

public sealed class ConfirmationOptions
{
    /// <summary>Base64 HMAC key (32 bytes or more). Unset: derived from <c>Auth:SigningKey</c> (development and tests).</summary>
    public string? Key { get; set; }

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(48);

    /// <summary>The page the email links to; the token is appended. The page posts it to <c>/api/questions/confirm</c>.</summary>
    public string UrlBase { get; set; } = "http://localhost:5080/questions/confirm?token=";
}

public sealed class SubmissionLimitOptions
{
    public int PerEmail { get; set; } = 5;
    public TimeSpan PerEmailWindow { get; set; } = TimeSpan.FromHours(24);
    public int PerClient { get; set; } = 10;
    public TimeSpan PerClientWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Largest public submission body; the platform's 1 MB default is far more than 1,500 characters need.</summary>
    public long MaxBodyBytes { get; set; } = 16 * 1024;
}
