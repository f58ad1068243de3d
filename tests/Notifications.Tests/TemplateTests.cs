using Microsoft.Extensions.Configuration;
using System.Text.Json;
using PanelPlatform.Contracts.Casework;
using PanelPlatform.Contracts.Grants;
using PanelPlatform.Contracts.Meetings;
using PanelPlatform.Notifications.Templates;

namespace PanelPlatform.Notifications.Tests;

/// <summary>The template language and the shipped catalogue, without a database.</summary>
public sealed class TemplateTests
{
    private static readonly TemplateCatalogue Shipped = TemplateCatalogue.Create(Fixtures.ShippedTemplates());

    private static string Render(string template, object values) => TemplateText.Parse(template).Render(JsonSerializer.SerializeToElement(values));

    [Theory]
    [InlineData(nameof(MeetingScheduled))]
    [InlineData(nameof(AgendaPublished))]
    [InlineData(nameof(MinutesPublished))]
    [InlineData("QuestionAnswered")]
    [InlineData(nameof(GrantRoundOpened))]
    [InlineData(nameof(GrantAwarded))]
    [InlineData(nameof(CaseAcknowledged))]
    public void The_shipped_catalogue_has_a_checked_template_for_each_event_the_issue_names(string eventName)
    {
        var type = TemplateCatalogue.KnownEvents[eventName];
        Assert.NotEmpty(Shipped.For(type));
    }

    [Fact]
    public void An_agenda_notice_reads_like_the_Panel_s_own_agenda()
    {
        var template = Assert.Single(Shipped.For(typeof(AgendaPublished)));
        var values = JsonSerializer.SerializeToElement(Fixtures.Agenda());

        Assert.Equal("Agenda published: Derbyshire Police and Crime Panel, Thursday 17 November 2022", template.Title(values));
        var text = template.Text(values);
        Assert.StartsWith("The agenda for the Police and Crime Panel of the Derbyshire Police and Crime Panel on Thursday 17 November 2022 at 10am has been published.", text, StringComparison.Ordinal);
        Assert.Contains("\n1. Apologies for Absence\n2. Declarations of Interest\n4. Review of the Police and Crime Plan", text, StringComparison.Ordinal);
        Assert.DoesNotContain("published late", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_grant_award_goes_to_grants_subscribers_and_to_the_applicant_with_money_in_pounds()
    {
        var templates = Shipped.For(typeof(GrantAwarded));
        var award = new GrantAwarded(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "ASB Prevention Grant", "2023 round", "Belper Youth Club",
            5000m, ["amber-valley"], new DateOnly(2023, 3, 1), Guid.NewGuid(), DateTimeOffset.UtcNow);
        var values = JsonSerializer.SerializeToElement(award);

        Assert.Equal([TemplateAudience.Subscribers, TemplateAudience.Recipient], templates.Select(t => t.Template.Audience));
        Assert.Equal("ASB Prevention Grant: £5,000.00 awarded to Belper Youth Club", templates[0].Title(values));
        Assert.Equal(["Amber Valley"], templates[0].Areas(values));
        Assert.Contains("For Amber Valley.", templates[0].Text(values), StringComparison.Ordinal);
        Assert.Equal(award.RecipientId, templates[1].RecipientId(values));
    }

    [Fact]
    public void A_caseworker_deadline_goes_to_the_assignee_named_by_the_event()
    {
        var template = Assert.Single(Shipped.For(typeof(CaseDeadlineApproaching)));
        var assignee = Guid.NewGuid();
        var values = JsonSerializer.SerializeToElement(new CaseDeadlineApproaching(
            Guid.NewGuid(), "OPCC/2023/0141", "complaint", "respond", new DateOnly(2023, 2, 20), assignee, DateTimeOffset.UtcNow));

        Assert.Equal(assignee, template.RecipientId(values));
        Assert.Equal("Case OPCC/2023/0141: response due by Monday 20 February 2023", template.Title(values));
    }

    [Fact]
    public void Read_from_configuration_as_the_service_reads_it_a_template_keeps_the_channels_it_names()
    {
        // Program.cs binds notice-templates.json through IConfiguration, not JsonSerializer: the binder adds a configured
        // list to whatever the property already holds.
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "notice-templates.json"), optional: false)
            .Build();
        var catalogue = TemplateCatalogue.Create(configuration.GetSection(TemplateOptions.SectionName).Get<TemplateOptions>()!);

        Assert.Equal([Domain.Channel.Email], Assert.Single(catalogue.For(typeof(CaseDeadlineApproaching))).Channels);
        Assert.Equal([Domain.Channel.Email], Assert.Single(catalogue.For(typeof(CaseDeadlineBreached))).Channels);
        Assert.Equal([Domain.Channel.Email, Domain.Channel.Sms], Assert.Single(catalogue.For(typeof(CaseAcknowledged))).Channels);
    }

    [Theory]
    [InlineData("{{When|datetime}}", "2023-11-08T10:00:00+00:00", "Wednesday 8 November 2023 at 10am")]
    [InlineData("{{When|datetime}}", "2023-06-01T09:30:00+00:00", "Thursday 1 June 2023 at 10.30am")] // BST
    [InlineData("{{When|time}}", "2023-01-26T14:00:00+00:00", "2pm")]
    [InlineData("{{When|date}}", "2023-01-26T23:30:00-01:00", "Friday 27 January 2023")]
    public void Times_are_shown_in_London_time(string template, string when, string expected) =>
        Assert.Equal(expected, Render(template, new { When = DateTimeOffset.Parse(when, System.Globalization.CultureInfo.InvariantCulture) }));

    [Fact]
    public void Lists_money_sections_and_absent_values_render_as_plain_text()
    {
        var values = new { Budget = 250000.5m, Areas = new[] { "Erewash", "Bolsover", "High Peak" }, None = Array.Empty<string>(), Location = (string?)null, IsVirtual = true };

        Assert.Equal("£250,000.50", Render("{{Budget|money}}", values));
        Assert.Equal("Erewash, Bolsover and High Peak", Render("{{Areas|list}}", values));
        Assert.Equal("3", Render("{{Areas|count}}", values));
        Assert.Equal("[Erewash][Bolsover][High Peak]", Render("{{#Areas}}[{{.}}]{{/Areas}}", values));
        Assert.Equal("online", Render("{{?Location}}at {{Location}}{{/Location}}{{?IsVirtual}}online{{/IsVirtual}}", values));
        Assert.Equal("nowhere", Render("{{^None}}nowhere{{/None}}", values));
        Assert.Equal("", Render("{{Missing}}", values));
    }

    [Fact]
    public void A_template_naming_a_property_its_event_lacks_stops_the_service_starting()
    {
        var options = new TemplateOptions
        {
            Events =
            {
                ["AgendaPublished"] = [new NoticeTemplate { Key = "agenda.published", Topic = "meetings", Title = "{{Titel}}", Text = "{{#Items}}{{Nmber}}{{/Items}}" }],
                ["MeetingPostponed"] = [new NoticeTemplate { Key = "x", Topic = "meetings", Title = "x", Text = "x" }],
                ["CaseOpened"] = [new NoticeTemplate { Key = "case.opened", Audience = TemplateAudience.Recipient, Recipient = "Reference", Title = "x", Text = "{{#Items}}" }],
                ["GrantRoundOpened"] = [new NoticeTemplate { Key = "y", Topic = "parking", Title = "{{RoundName|shout}}", Text = "x" }],
            },
        };

        var error = Assert.Throws<InvalidOperationException>(() => TemplateCatalogue.Create(options)).Message;

        Assert.Contains("{{Titel}} is not a property of AgendaPublished", error, StringComparison.Ordinal);
        Assert.Contains("{{Nmber}} is not a property of AgendaPublished (inside Items)", error, StringComparison.Ordinal);
        Assert.Contains("'MeetingPostponed' is not an integration event", error, StringComparison.Ordinal);
        Assert.Contains("recipient must name a Guid property of CaseOpened", error, StringComparison.Ordinal);
        Assert.Contains("is not closed", error, StringComparison.Ordinal);
        Assert.Contains("topic 'parking' is not a topic", error, StringComparison.Ordinal);
        Assert.Contains("Unknown format 'shout'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_template_of_an_event_has_its_own_notice_id_the_same_on_every_redelivery()
    {
        var messageId = Guid.NewGuid();

        Assert.Equal(messageId, TemplateCatalogue.NoticeId(messageId, "grant.awarded", 0));
        var second = TemplateCatalogue.NoticeId(messageId, "grant.awarded.applicant", 1);
        Assert.NotEqual(messageId, second);
        Assert.Equal(second, TemplateCatalogue.NoticeId(messageId, "grant.awarded.applicant", 1));
        Assert.NotEqual(second, TemplateCatalogue.NoticeId(Guid.NewGuid(), "grant.awarded.applicant", 1));
    }

    [Fact]
    public void The_question_confirmation_notice_carries_the_link_Questions_sends()
    {
        // The values Questions' SubmitPublic puts in its SendNotice (SubmissionEndpoints.ConfirmTemplate).
        var values = JsonSerializer.SerializeToElement(new Dictionary<string, string>
        {
            ["confirmUrl"] = "https://panel.example/questions/confirm?token=abc.def",
            ["meetingTitle"] = "Performance Scrutiny Meeting",
            ["meetingStartsAt"] = "2023-11-08T10:00:00+00:00",
            ["deadline"] = "midnight at the end of Tuesday 31 October 2023",
            ["deadlineAt"] = "2023-11-01T00:00:00+00:00",
            ["expiresAt"] = "2023-10-27T10:00:00+01:00",
        });

        var text = Shipped.Notice("question.confirm-email")!.Text(values);

        Assert.Contains("\nhttps://panel.example/questions/confirm?token=abc.def\n", text, StringComparison.Ordinal);
        Assert.Contains("your question for Performance Scrutiny Meeting", text, StringComparison.Ordinal);
        Assert.Contains("close at midnight at the end of Tuesday 31 October 2023", text, StringComparison.Ordinal);
    }
}
