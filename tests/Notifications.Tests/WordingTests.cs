using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PanelPlatform.Casework.Domain;
using PanelPlatform.Grants.Domain;
using PanelPlatform.Notifications.Channels;
using PanelPlatform.Notifications.Domain;
using PanelPlatform.Notifications.Links;
using PanelPlatform.Notifications.Templates;
using PanelPlatform.Questions.Domain;

namespace PanelPlatform.Notifications.Tests;

/// <summary>
/// The words people read for the codes other services publish (<see cref="Wording"/>): every value each publisher can
/// put in an event has words, a value added later is never shown as a code, and names take "the" once.
/// </summary>
public sealed class WordingTests
{
    private static readonly TemplateCatalogue Shipped = TemplateCatalogue.Create(Fixtures.ShippedTemplates());

    private static string Kebab(string name) => JsonNamingPolicy.KebabCaseLower.ConvertName(name);

    /// <summary>
    /// Every code a publisher can send, spelt as the publisher spells it in its events: Questions'
    /// <c>RejectionReasons.Code</c>, Grants' <c>OrganisationType.Code()</c> (kebab-case of the enum, in its Inputs.cs),
    /// Casework's <c>Kebab()</c>; and our own topics. The enums are the publishers' own files, compiled into this project.
    /// </summary>
    public static TheoryData<string, string> PublishedCodes()
    {
        var data = new TheoryData<string, string>();
        foreach (var (vocabulary, code) in Published())
        {
            data.Add(vocabulary, code);
        }

        return data;
    }

    private static List<(string Vocabulary, string Code)> Published()
    {
        var data = new List<(string, string)>();
        foreach (var reason in Enum.GetValues<RejectionReason>())
        {
            data.Add((Wording.QuestionRejectionReasons.Name, RejectionReasons.Code(reason)));
        }

        foreach (var type in Enum.GetValues<OrganisationType>())
        {
            data.Add((Wording.OrganisationTypes.Name, Kebab(type.ToString())));
        }

        foreach (var type in Enum.GetValues<CaseType>())
        {
            data.Add((Wording.CaseTypes.Name, type.Kebab()));
        }

        foreach (var clock in Enum.GetValues<DeadlineClock>())
        {
            data.Add((Wording.CaseDeadlines.Name, clock.Kebab()));
        }

        foreach (var topic in Topics.All)
        {
            data.Add((Wording.Topics.Name, topic));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PublishedCodes))]
    public void Every_code_a_publisher_sends_has_words(string vocabulary, string code)
    {
        var words = Wording.Vocabularies[vocabulary].Words;

        Assert.True(words.ContainsKey(code), $"'{code}' has no words in Wording's {vocabulary}: add them before it reaches a person.");
        Assert.DoesNotMatch("^[a-z0-9]+(-[a-z0-9]+)+$", words[code]); // words, not another code
    }

    [Fact]
    public void The_codes_are_spelt_as_the_publishers_spell_them_in_their_events()
    {
        // Guards the spelling the theory above reproduces for Grants (whose Code() lives in its endpoints).
        Assert.Equal("parish-town-council", Kebab(nameof(OrganisationType.ParishTownCouncil)));
        Assert.Equal("after-the-deadline", RejectionReasons.Code(RejectionReason.AfterTheDeadline));
        Assert.Equal("complaint-chief-constable", CaseType.ComplaintChiefConstable.Kebab());
        var published = Published().ToHashSet();
        Assert.Equal(Enum.GetValues<RejectionReason>().Length + Enum.GetValues<OrganisationType>().Length + Enum.GetValues<CaseType>().Length +
                     Enum.GetValues<DeadlineClock>().Length + Topics.All.Count, published.Count);
    }

    [Fact]
    public void A_vocabulary_has_words_only_for_codes_that_exist_and_every_coded_property_s_vocabulary_is_known()
    {
        var published = Published().ToHashSet();
        foreach (var vocabulary in Wording.Vocabularies.Values)
        {
            Assert.All(vocabulary.Words.Keys, code => Assert.Contains((vocabulary.Name, code), published));
        }

        Assert.All(Wording.Codes.Values.OfType<Vocabulary>(), v => Assert.Same(v, Wording.Vocabularies[v.Name]));
    }

    [Theory]
    [InlineData("Derbyshire Police and Crime Panel", false, "the Derbyshire Police and Crime Panel")]
    [InlineData("Derbyshire Police and Crime Panel", true, "The Derbyshire Police and Crime Panel")]
    [InlineData("The Commissioner's Performance Scrutiny Meeting", false, "The Commissioner's Performance Scrutiny Meeting")]
    [InlineData("The Commissioner's Performance Scrutiny Meeting", true, "The Commissioner's Performance Scrutiny Meeting")]
    [InlineData("the Community Safety Fund", true, "The Community Safety Fund")]
    [InlineData("  ASB Prevention Grant ", false, "the ASB Prevention Grant")]
    [InlineData("Theatre Watch", false, "the Theatre Watch")] // "The" only as a word of its own
    [InlineData("", true, "")]
    public void A_name_takes_the_unless_it_already_starts_with_The(string name, bool startsSentence, string expected) =>
        Assert.Equal(expected, Wording.WithThe(name, startsSentence));

    [Fact]
    public void Lists_in_words_join_naturally()
    {
        Assert.Equal("", Wording.List([]));
        Assert.Equal("charities", Wording.List(["charities"]));
        Assert.Equal("charities and schools", Wording.List(["charities", "schools"]));
        Assert.Equal("charities, community groups and parish or town councils", Wording.OrganisationTypes.List(["charity", "community-group", "parish-town-council"]));
    }

    [Fact]
    public void A_code_added_by_a_publisher_after_these_words_is_never_shown_as_it_is()
    {
        Assert.Equal("enquiry", Wording.CaseTypes.Word("complaint-about-parking"));
        Assert.Equal("charities and other organisations", Wording.OrganisationTypes.List(["charity", "sports-club", "faith-group"]));
        Assert.Null(Wording.QuestionRejectionReasons.Word("too-long"));
        Assert.Null(Wording.Topics.Word("parking"));

        // A rejection for a reason with no words yet reads without one, not as the code.
        var rejected = Assert.Single(Shipped.For(typeof(PanelPlatform.Contracts.Questions.QuestionRejected)));
        var values = JsonSerializer.SerializeToElement(new PanelPlatform.Contracts.Questions.QuestionRejected(
            Guid.NewGuid(), Guid.NewGuid(), "public", "too-long", Guid.NewGuid(), DateTimeOffset.UtcNow));
        Assert.Equal("We are sorry: your question could not be accepted. The Panel's question rules explain why questions are declined.", rejected.Text(values));

        // A round open to a kind of organisation with no words yet says so in general terms.
        var opened = Assert.Single(Shipped.For(typeof(PanelPlatform.Contracts.Grants.GrantRoundOpened)));
        var round = DerbyshireEvents.AsbSummerRoundOpened() with { EligibleOrganisationTypes = ["sports-club"] };
        Assert.EndsWith("Open to other organisations.", opened.Text(JsonSerializer.SerializeToElement(round)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-about-the-topic", "because it was not about the meeting's topic.")]
    [InlineData("after-the-deadline", "because it was received after the deadline.")]
    [InlineData("duplicate", "because it was the same as a question already received.")]
    [InlineData("individual-case-or-operational", "because it was about an individual case or an operational police matter.")]
    [InlineData("offensive-or-defamatory", "because it was offensive or defamatory.")]
    public void Each_rejection_reason_reads_as_a_sentence(string reason, string expected)
    {
        var rejected = Assert.Single(Shipped.For(typeof(PanelPlatform.Contracts.Questions.QuestionRejected)));
        var values = JsonSerializer.SerializeToElement(new PanelPlatform.Contracts.Questions.QuestionRejected(
            Guid.NewGuid(), Guid.NewGuid(), "public", reason, Guid.NewGuid(), DateTimeOffset.UtcNow));

        Assert.Equal($"We are sorry: your question could not be accepted {expected} The Panel's question rules explain why questions are declined.", rejected.Text(values));
    }

    [Theory]
    [InlineData("correspondence", "We have received your correspondence (reference OPCC-2023-000141)")]
    [InlineData("mp-enquiry", "We have received your enquiry on behalf of a constituent (reference OPCC-2023-000141)")]
    [InlineData("complaint-chief-constable", "We have received your complaint about the Chief Constable (reference OPCC-2023-000141)")]
    [InlineData("complaint-review", "We have received your request for a review of a police complaint (reference OPCC-2023-000141)")]
    [InlineData("complaint-about-pcc", "We have received your complaint about the Police and Crime Commissioner (reference OPCC-2023-000141)")]
    [InlineData("foi-request", "We have received your Freedom of Information request (reference OPCC-2023-000141)")]
    [InlineData("subject-access-request", "We have received your request for personal information (reference OPCC-2023-000141)")]
    public void Each_case_type_reads_as_what_the_person_sent(string caseType, string expected)
    {
        var opened = Assert.Single(Shipped.For(typeof(PanelPlatform.Contracts.Casework.CaseOpened)));
        var values = JsonSerializer.SerializeToElement(DerbyshireEvents.ChiefConstableComplaintOpened(Guid.NewGuid()) with { CaseType = caseType });

        Assert.Equal(expected, opened.Title(values));
    }

    [Theory]
    [InlineData("acknowledge", "Case OPCC-2023-000141: acknowledgment due by Monday 19 June 2023", "the acknowledgment is due by")]
    [InlineData("respond", "Case OPCC-2023-000141: response due by Monday 19 June 2023", "the response is due by")]
    public void Each_deadline_says_what_is_due(string deadline, string title, string text)
    {
        var approaching = Assert.Single(Shipped.For(typeof(PanelPlatform.Contracts.Casework.CaseDeadlineApproaching)));
        var values = JsonSerializer.SerializeToElement(DerbyshireEvents.RespondDeadlineApproaching(Guid.NewGuid()) with { Deadline = deadline });

        Assert.Equal(title, approaching.Title(values));
        Assert.Contains(text, approaching.Text(values), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Topics.Meetings, "because you subscribed to messages about meetings.")]
    [InlineData(Topics.CrimePrevention, "because you subscribed to messages about crime prevention.")]
    [InlineData(Topics.RoadSafety, "because you subscribed to messages about road safety.")]
    [InlineData(Topics.Appeals, "because you subscribed to messages about police appeals for information.")]
    [InlineData("a-topic-added-later", "because you subscribed.")]
    public void The_email_footer_names_the_reader_s_topic_in_words(string topic, string expected)
    {
        var links = new MessageLinks(
            new LinkTokens(Options.Create(new LinkOptions { Key = Convert.ToBase64String(new byte[32]) }), new ConfigurationBuilder().Build(), TimeProvider.System),
            Options.Create(new DeliveryOptions()));
        var notice = new NoticeContent(Guid.NewGuid(), NoticeKind.Broadcast, "alert.issued", topic, "Speed checks on the A6 at Belper",
            "Community Speedwatch volunteers and officers will be checking speeds this week.", null, "{}");

        var email = new MessageComposer(links).Compose(Guid.NewGuid(), Channel.Email, notice,
            new Destination(LinkSubject.Subscriber, Guid.NewGuid(), "resident@example.org", null, true, null));

        Assert.Contains($"\n--\nYou get this from Derbyshire Alert {expected}\nSee, export or delete your subscription: ", email.Body, StringComparison.Ordinal);
    }
}
