using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PanelPlatform.Contracts.Grants;
using PanelPlatform.Contracts.Meetings;
using PanelPlatform.Contracts.Questions;
using PanelPlatform.Notifications.Templates;

namespace PanelPlatform.Notifications.Tests;

/// <summary>
/// What people read from every shipped template, whatever the event: no code, slug or ISO date, no "the The", and
/// neutral words where an event published before the contract grew lacks a fact. Without a database.
/// </summary>
public sealed partial class TemplateWordsTests
{
    private static readonly TemplateCatalogue Shipped = TemplateCatalogue.Create(Fixtures.ShippedTemplates());

    private const string Slug = "sample-body-slug";

    public static TheoryData<string, bool> ShippedEventTemplates()
    {
        var data = new TheoryData<string, bool>();
        foreach (var type in Shipped.EventTypes.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            foreach (var template in Shipped.For(type))
            {
                data.Add($"{type.Name}/{template.Key}", true);
                data.Add($"{type.Name}/{template.Key}", false);
            }
        }

        return data;
    }

    /// <summary>
    /// Each template rendered from an event whose every name starts with "The", whose codes are real codes of their
    /// publisher and whose slugs are slugs — with its optional facts given (<paramref name="withOptionalFacts"/>), and
    /// without them, as an event published before they were added reads.
    /// </summary>
    [Theory]
    [MemberData(nameof(ShippedEventTemplates))]
    public void A_shipped_template_shows_words_not_codes_slugs_or_ISO_dates_and_never_the_The(string which, bool withOptionalFacts)
    {
        var (eventName, key) = (which[..which.IndexOf('/', StringComparison.Ordinal)], which[(which.IndexOf('/', StringComparison.Ordinal) + 1)..]);
        var type = TemplateCatalogue.KnownEvents[eventName];
        var template = Shipped.For(type).Single(t => t.Key == key);
        var (values, codes) = Sample(type, withOptionalFacts);

        foreach (var read in new[] { template.Title(values), template.Text(values) })
        {
            Assert.DoesNotMatch(TheThe(), read);
            Assert.DoesNotMatch(IsoDate(), read);
            Assert.DoesNotMatch(UtcClock(), read);
            Assert.DoesNotContain(Slug, read, StringComparison.Ordinal);
            Assert.DoesNotContain("amber-valley", read, StringComparison.Ordinal);
            Assert.All(codes, code => Assert.DoesNotMatch($@"(?<![\w-]){Regex.Escape(code)}(?![\w-])", read));
            // A fallback that left a hole: "of  held", "accepted .", "( )".
            Assert.DoesNotMatch(@"  | [.,:;)]|\( |\(\)", read.Replace("\n", "", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Every_date_and_time_a_template_shows_is_in_London_time_in_words()
    {
        // 1 June 2023 09.30 UTC is 10.30am in London (BST).
        var (values, _) = Sample(typeof(MeetingScheduled), withOptionalFacts: true);
        var template = Assert.Single(Shipped.For(typeof(MeetingScheduled)));

        Assert.StartsWith("The Sample BodyName will meet on Thursday 1 June 2023 at 10.30am", template.Text(values), StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_showing_a_code_or_a_slug_as_it_is_stops_the_service_starting()
    {
        var options = new TemplateOptions
        {
            Events =
            {
                ["QuestionRejected"] = [new NoticeTemplate { Key = "a", Audience = TemplateAudience.Recipient, Recipient = "RecipientId", Title = "x", Text = "Rejected: {{Reason}}" }],
                ["MinutesConfirmed"] = [new NoticeTemplate { Key = "b", Topic = "meetings", Title = "x", Text = "The {{BodySlug}} body" }],
                ["CaseOpened"] = [new NoticeTemplate { Key = "c", Audience = TemplateAudience.Recipient, Recipient = "RecipientId", Title = "{{CaseType|organisation-types}}", Text = "by {{Channel}}" }],
                ["GrantRoundOpened"] = [new NoticeTemplate { Key = "d", Topic = "grants", Title = "x", Text = "{{#EligibleOrganisationTypes}}{{.}} {{/EligibleOrganisationTypes}}" }],
                ["GrantApplicationDeclined"] = [new NoticeTemplate { Key = "e", Audience = TemplateAudience.Recipient, Recipient = "RecipientId", Title = "x", Text = "{{Reason|question-rejection-reason}}" }],
                ["CaseAcknowledged"] = [new NoticeTemplate { Key = "f", Audience = TemplateAudience.Recipient, Recipient = "RecipientId", Title = "x", Text = "{{#CaseType|case-type}}x{{/CaseType}}" }],
            },
        };

        var error = Assert.Throws<InvalidOperationException>(() => TemplateCatalogue.Create(options)).Message;

        Assert.Contains("QuestionRejected/a: {{Reason}} is a code: write {{Reason|question-rejection-reason}} for its words.", error, StringComparison.Ordinal);
        Assert.Contains("MinutesConfirmed/b: {{BodySlug}} is a slug", error, StringComparison.Ordinal);
        Assert.Contains("CaseOpened/c: {{CaseType|organisation-types}}: CaseOpened.CaseType holds no code that organisation-types puts into words.", error, StringComparison.Ordinal);
        Assert.Contains("CaseOpened/c: {{Channel}} is a code with no words yet", error, StringComparison.Ordinal);
        Assert.Contains("GrantRoundOpened/d: {{.}} is a code: write {{.|organisation-types}} for its words.", error, StringComparison.Ordinal);
        Assert.Contains("GrantApplicationDeclined/e: {{Reason|question-rejection-reason}}: GrantApplicationDeclined.Reason holds no code that question-rejection-reason puts into words.", error, StringComparison.Ordinal);
        Assert.Contains("CaseAcknowledged/f: {{#CaseType|case-type}}: a repeated section takes no format", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_code_inside_a_section_and_a_section_asking_for_words_read_as_words()
    {
        static string Render(string template, object values) => TemplateText.Parse(template).Render(JsonSerializer.SerializeToElement(values));
        var values = new { Types = new[] { "charity", "school" }, Reason = "too-long", Body = "The Commissioner's Performance Scrutiny Meeting" };

        Assert.Equal("[charities][schools]", Render("{{#Types}}[{{.|organisation-types}}]{{/Types}}", values));
        Assert.Equal("no reason", Render("{{?Reason|question-rejection-reason}}because {{Reason|question-rejection-reason}}{{/Reason}}{{^Reason|question-rejection-reason}}no reason{{/Reason}}", values));
        Assert.Equal("present", Render("{{?Reason}}present{{/Reason}}", values));
        Assert.Equal("At The Commissioner's Performance Scrutiny Meeting. The Commissioner's Performance Scrutiny Meeting met.", Render("At {{Body|the}}. {{Body|The}} met.", values));
    }

    /// <summary>What an event of Meetings published before its contract grew looks like on the wire, as MassTransit reads it.</summary>
    [Fact]
    public void Events_published_before_the_meeting_s_facts_were_added_still_read_and_say_less()
    {
        var json = MassTransit.Serialization.SystemTextJsonMessageSerializer.Options;
        var confirmed = JsonSerializer.Deserialize<MinutesConfirmed>(
            """{"meetingId":"5b0c5a4e-0000-4000-8000-000000000001","bodySlug":"derbyshire-police-and-crime-panel","confirmedAtMeetingId":"c7da0146-c969-5674-b210-940ab4947123","confirmingMinuteNumber":"40/22","occurredAt":"2022-11-17T12:00:00+00:00"}""",
            json)!;
        var resolution = JsonSerializer.Deserialize<ResolutionRecorded>(
            """{"resolutionId":"5b0c5a4e-0000-4000-8000-000000000002","meetingId":"c7da0146-c969-5674-b210-940ab4947123","bodySlug":"derbyshire-police-and-crime-panel","minuteNumber":"43/22","text":"to note the report on tackling burglaries","occurredAt":"2022-11-17T12:00:00+00:00"}""",
            json)!;
        var questions = JsonSerializer.Deserialize<QuestionsPublished>(
            """{"meetingId":"c7da0146-c969-5674-b210-940ab4947123","questions":[{"questionId":"5b0c5a4e-0000-4000-8000-000000000003","kind":"member","agendaItemId":null,"askedBy":"Cllr H Dhindsa","text":"Q?","answer":"A.","answeredBy":"The Commissioner"}],"occurredAt":"2022-11-17T12:00:00+00:00"}""",
            json)!;

        Assert.Equal(("40/22", null, null, null, null), (confirmed.ConfirmingMinuteNumber, confirmed.BodyName, confirmed.Title, confirmed.StartsAt, confirmed.ConfirmedAtStartsAt));
        Assert.Equal(("43/22", null, null, null), (resolution.MinuteNumber, resolution.BodyName, resolution.Title, resolution.StartsAt));
        Assert.Equal((1, null, null, null), (questions.Questions.Count, questions.BodyName, questions.MeetingTitle, questions.MeetingStartsAt));

        var confirmedNotice = Assert.Single(Shipped.For(typeof(MinutesConfirmed)));
        var values = JsonSerializer.SerializeToElement(confirmed);
        Assert.Equal("Minutes confirmed as a correct record", confirmedNotice.Title(values));
        Assert.Equal("The minutes of an earlier meeting were confirmed as a correct record under minute 40/22.", confirmedNotice.Text(values));

        var resolutionNotice = Assert.Single(Shipped.For(typeof(ResolutionRecorded)));
        values = JsonSerializer.SerializeToElement(resolution);
        Assert.Equal("Resolution recorded under minute 43/22", resolutionNotice.Title(values));
        Assert.Equal("RESOLVED to note the report on tackling burglaries", resolutionNotice.Text(values));

        var questionsNotice = Assert.Single(Shipped.For(typeof(QuestionsPublished)));
        values = JsonSerializer.SerializeToElement(questions);
        Assert.Equal("Questions and answers published (1)", questionsNotice.Title(values));
        Assert.StartsWith("The questions put to the Commissioner and their answers have been published.\n", questionsNotice.Text(values), StringComparison.Ordinal);
    }

    [Fact]
    public void A_grant_round_says_who_may_apply_in_words()
    {
        var template = Assert.Single(Shipped.For(typeof(GrantRoundOpened)));
        var round = DerbyshireEvents.AsbSummerRoundOpened() with
        {
            // The ASB Prevention Grant's list in the Grants seed.
            EligibleOrganisationTypes = ["charity", "community-group", "parish-town-council", "cic", "non-profit", "school"],
        };

        Assert.EndsWith("Open to charities, community groups, parish or town councils, community interest companies, not-for-profit organisations and schools.",
            template.Text(JsonSerializer.SerializeToElement(round)), StringComparison.Ordinal);
    }

    /// <summary>
    /// An event of <paramref name="type"/> as JSON: names "The Sample …", codes one its vocabulary knows (all of them
    /// in a list), slugs <see cref="Slug"/>, areas as slugs, instants 1 June 2023 09.30 UTC; optional members
    /// (nullable) given or left out. Returns the codes it used, which must not be read.
    /// </summary>
    private static (JsonElement Values, List<string> Codes) Sample(Type type, bool withOptionalFacts)
    {
        var codes = new List<string>();
        var node = SampleObject(type, withOptionalFacts, codes);
        return (JsonSerializer.SerializeToElement(node), codes);
    }

    private static readonly NullabilityInfoContext Nullability = new();

    private static JsonObject SampleObject(Type type, bool withOptionalFacts, List<string> codes)
    {
        var node = new JsonObject();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var nullable = Nullable.GetUnderlyingType(property.PropertyType) is not null ||
                           Nullability.Create(property).ReadState == NullabilityState.Nullable;
            node[property.Name] = nullable && !withOptionalFacts ? null : SampleValue(type, property, withOptionalFacts, codes);
        }

        return node;
    }

    private static JsonNode? SampleValue(Type owner, PropertyInfo property, bool withOptionalFacts, List<string> codes)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        Wording.Codes.TryGetValue((owner, property.Name), out var vocabulary);
        var coded = Wording.Codes.ContainsKey((owner, property.Name));
        var instant = new DateTimeOffset(2023, 6, 1, 9, 30, 0, TimeSpan.Zero);
        if (type == typeof(string))
        {
            if (property.Name.EndsWith("Slug", StringComparison.Ordinal))
            {
                return Slug;
            }

            if (coded)
            {
                // A code whose words differ from it, so that reading the code itself can be told apart.
                var code = vocabulary?.Words.First(w => w.Key != w.Value).Key ?? "sample-code";
                codes.Add(code);
                return code;
            }

            return $"The Sample {property.Name}";
        }

        if (type == typeof(Guid))
        {
            return Guid.NewGuid();
        }

        if (type == typeof(DateTimeOffset))
        {
            return instant;
        }

        if (type == typeof(DateOnly))
        {
            return "2023-06-19";
        }

        if (type == typeof(decimal))
        {
            return 4850.00m;
        }

        if (type == typeof(bool))
        {
            return true;
        }

        if (type == typeof(int))
        {
            return 46;
        }

        if (typeof(IEnumerable).IsAssignableFrom(type))
        {
            var element = type.GetGenericArguments().Single();
            if (element == typeof(string))
            {
                if (coded)
                {
                    var all = vocabulary?.Words.Keys.ToList() ?? ["sample-code"];
                    codes.AddRange(all.Where(c => vocabulary?.Words[c] != c));
                    return new JsonArray(all.Select(c => (JsonNode?)c).ToArray());
                }

                return property.Name == "Areas" ? new JsonArray("amber-valley", "high-peak") : new JsonArray("The Sample item");
            }

            return new JsonArray(SampleObject(element, withOptionalFacts, codes), SampleObject(element, withOptionalFacts, codes));
        }

        throw new InvalidOperationException($"No sample for {owner.Name}.{property.Name} ({type.Name}).");
    }

    [GeneratedRegex(@"\bthe\s+the\b", RegexOptions.IgnoreCase)]
    private static partial Regex TheThe();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b\d{1,2}:\d{2}\b")]
    private static partial Regex UtcClock();
}
