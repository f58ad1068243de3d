using PanelPlatform.Contracts.Casework;
using PanelPlatform.Contracts.Grants;
using PanelPlatform.Contracts.Questions;

namespace PanelPlatform.Notifications.Templates;

/// <summary>
/// The words a person reads for one set of codes another service publishes (a question's rejection reason, a case
/// type). A template asks for them with the vocabulary's name as a format: <c>{{CaseType|case-type}}</c>; a list of codes
/// (<c>{{EligibleOrganisationTypes|organisation-types}}</c>) reads as a list in words, "a, b and c".
/// </summary>
/// <param name="Fallback">
/// Said for a code with no words here (a value a publisher added after this list was written): the code itself is
/// never shown. Null: nothing is said, and the template words around it with <c>{{?Name|vocabulary}}…{{/Name}}</c>.
/// In a list, said once after the codes that have words.
/// </param>
public sealed record Vocabulary(string Name, IReadOnlyDictionary<string, string> Words, string? Fallback = null)
{
    public string? Word(string code) => Words.GetValueOrDefault(code) ?? Fallback;

    public string List(IEnumerable<string> codes)
    {
        var known = new List<string>();
        var unknown = false;
        foreach (var code in codes)
        {
            if (Words.TryGetValue(code, out var word))
            {
                known.Add(word);
            }
            else
            {
                unknown = true;
            }
        }

        if (unknown && Fallback is not null)
        {
            known.Add(Fallback);
        }

        return Wording.List(known.Distinct(StringComparer.Ordinal).ToList());
    }
}

/// <summary>
/// Plain English for every code, slug and enum value Notifications might otherwise put in front of a person, in one
/// place: what Questions, Grants and Casework publish (their domain enums in kebab-case), our own topics, and how a
/// name takes "the". Tests check every value each publisher can send has words here.
/// </summary>
public static class Wording
{
    /// <summary>Questions' <c>RejectionReason</c>, to follow "your question could not be accepted because it was …".</summary>
    public static readonly Vocabulary QuestionRejectionReasons = new("question-rejection-reason", Words(
        ("not-about-the-topic", "not about the meeting's topic"),
        ("after-the-deadline", "received after the deadline"),
        ("duplicate", "the same as a question already received"),
        ("individual-case-or-operational", "about an individual case or an operational police matter"),
        ("offensive-or-defamatory", "offensive or defamatory")));

    /// <summary>Grants' <c>OrganisationType</c>, in the plural: who a round is open to.</summary>
    public static readonly Vocabulary OrganisationTypes = new("organisation-types", Words(
        ("charity", "charities"),
        ("community-group", "community groups"),
        ("parish-town-council", "parish or town councils"),
        ("cic", "community interest companies"),
        ("school", "schools"),
        ("local-authority", "local authorities"),
        ("non-profit", "not-for-profit organisations")),
        Fallback: "other organisations");

    /// <summary>Casework's <c>CaseType</c>, to follow "your" (or to name a case to a caseworker): no article.</summary>
    public static readonly Vocabulary CaseTypes = new("case-type", Words(
        ("correspondence", "correspondence"),
        ("mp-enquiry", "enquiry on behalf of a constituent"),
        ("complaint-chief-constable", "complaint about the Chief Constable"),
        ("complaint-review", "request for a review of a police complaint"),
        ("complaint-about-pcc", "complaint about the Police and Crime Commissioner"),
        ("foi-request", "Freedom of Information request"),
        ("subject-access-request", "request for personal information")),
        Fallback: "enquiry");

    /// <summary>Casework's <c>DeadlineClock</c>: what is due when the clock runs out.</summary>
    public static readonly Vocabulary CaseDeadlines = new("case-deadline", Words(
        ("acknowledge", "acknowledgment"),
        ("respond", "response")),
        Fallback: "action");

    /// <summary>Our topics (<see cref="Domain.Topics"/>), to follow "messages about".</summary>
    public static readonly Vocabulary Topics = new("topic", Words(
        (Domain.Topics.Meetings, "meetings"),
        (Domain.Topics.Questions, "questions to the Commissioner"),
        (Domain.Topics.Grants, "grants"),
        (Domain.Topics.CrimePrevention, "crime prevention"),
        (Domain.Topics.Appeals, "police appeals for information"),
        (Domain.Topics.Rural, "rural crime"),
        (Domain.Topics.RoadSafety, "road safety")));

    /// <summary>Every vocabulary by the format name templates use for it.</summary>
    public static IReadOnlyDictionary<string, Vocabulary> Vocabularies { get; } =
        new[] { QuestionRejectionReasons, OrganisationTypes, CaseTypes, CaseDeadlines, Topics }.ToDictionary(v => v.Name, StringComparer.Ordinal);

    /// <summary>
    /// The properties of integration events that hold a code rather than words, with the vocabulary a template must
    /// show them through (null: there are no words for them yet, so no template may show them). The catalogue refuses,
    /// at start-up, a template that shows one of these raw, or any slug.
    /// </summary>
    public static IReadOnlyDictionary<(Type Event, string Property), Vocabulary?> Codes { get; } = new[]
        {
            Coded(QuestionRejectionReasons, nameof(QuestionRejected.Reason), typeof(QuestionRejected)),
            Coded(null, nameof(QuestionSubmitted.Kind), typeof(QuestionSubmitted), typeof(QuestionAccepted), typeof(QuestionRejected),
                typeof(QuestionAnswered), typeof(QuestionNeedsReassignment), typeof(QuestionWithdrawn), typeof(PublishedQuestion)),
            Coded(OrganisationTypes, nameof(GrantRoundOpened.EligibleOrganisationTypes), typeof(GrantRoundOpened)),
            Coded(null, nameof(GrantApplicationSubmitted.OrganisationType), typeof(GrantApplicationSubmitted)), // one, not the plural
            Coded(CaseTypes, nameof(CaseOpened.CaseType), typeof(CaseOpened), typeof(CaseAcknowledged), typeof(CaseClosed),
                typeof(CaseDeadlineApproaching), typeof(CaseDeadlineBreached)),
            Coded(CaseDeadlines, nameof(CaseDeadlineApproaching.Deadline), typeof(CaseDeadlineApproaching), typeof(CaseDeadlineBreached)),
            Coded(null, nameof(CaseOpened.Channel), typeof(CaseOpened)),
            Coded(null, nameof(CaseClosed.Outcome), typeof(CaseClosed)),
        }
        .SelectMany(c => c)
        .ToDictionary(c => c.Key, c => c.Value);

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}",
    };

    /// <summary>
    /// A name with "the" before it, unless the name already starts with "The" ("The Commissioner's Performance
    /// Scrutiny Meeting" is used as it is, so nothing reads "the The …"). <paramref name="startsSentence"/>: "The".
    /// </summary>
    public static string WithThe(string name, bool startsSentence)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0)
        {
            return "";
        }

        if (trimmed.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
        {
            return startsSentence ? char.ToUpperInvariant(trimmed[0]) + trimmed[1..] : trimmed;
        }

        return (startsSentence ? "The " : "the ") + trimmed;
    }

    private static IEnumerable<KeyValuePair<(Type, string), Vocabulary?>> Coded(Vocabulary? vocabulary, string property, params Type[] types) =>
        types.Select(t => KeyValuePair.Create((t, property), vocabulary));

    private static Dictionary<string, string> Words(params (string Code, string Words)[] words) =>
        words.ToDictionary(w => w.Code, w => w.Words, StringComparer.Ordinal);
}
