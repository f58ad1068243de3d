using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using PanelPlatform.Contracts.Notifications;
using PanelPlatform.Notifications.Domain;
using PanelPlatform.Notifications.Templates;
using static PanelPlatform.Notifications.Tests.DerbyshireEvents;

namespace PanelPlatform.Notifications.Tests;

/// <summary>Names the catalogue template (event type and key, or <c>notice</c> and name) a test sends through the real broker.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class CoversTemplateAttribute(string source, string key) : Attribute
{
    public string Source { get; } = source;
    public string Key { get; } = key;
}

/// <summary>
/// Every template in the catalogue, end to end on the real broker and database: the contract event is published as
/// its owning service would publish it (or the command sent to Notifications' queue), and the test checks what people
/// actually receive — email through the SMTP sink, texts through the Notify fake, webhooks at a listener — who gets
/// it and who does not, the words (names, London dates and times, links), one ledger row per (notice, person,
/// channel), and that the same message arriving again (same message id; and again after the inbox has forgotten it)
/// sends nothing twice.
/// </summary>
/// <summary>
/// <c>MinutesConfirmed</c> as Meetings first published it, before the meeting's facts were added to the contract: the
/// same message type on the wire, without the newer members.
/// </summary>
[MassTransit.MessageUrn("PanelPlatform.Contracts.Meetings:MinutesConfirmed")]
[MassTransit.EntityName("PanelPlatform.Contracts.Meetings:MinutesConfirmed")]
public sealed record MinutesConfirmedAsFirstPublished(
    Guid MeetingId, string BodySlug, Guid ConfirmedAtMeetingId, string ConfirmingMinuteNumber, DateTimeOffset OccurredAt);

[Collection(PlatformEvents.Collection)]
public sealed class EventTemplateTests(NotificationsService notifications) : IClassFixture<NotificationsService>
{
    private static readonly TimeSpan Patience = Fixtures.Patience;

    /// <summary>The same message twice more: once as a broker redelivery, once after the inbox row was swept.</summary>
    private async Task RedeliverAsync(Guid messageId, Func<Task> send)
    {
        var receives = notifications.Instance.Receives;
        await receives.WaitForAsync(messageId, 1, Patience);
        await send();
        await receives.WaitForAsync(messageId, 2, Patience);
        Assert.True(await notifications.Instance.ForgetInboxAsync(messageId) >= 1, "the inbox had no row for the message");
        await send();
        await receives.WaitForAsync(messageId, 3, Patience);
    }

    private Task RepublishAsync<T>(T message, Guid messageId) where T : class =>
        RedeliverAsync(messageId, () => notifications.PublishAsync(message, messageId));

    private async Task BroadcastAsync<T>(T message, string topic, string? area, string key, string title, string text,
        Action<BroadcastReceived>? check = null) where T : class
    {
        await using var audience = await EventAudience.CreateAsync(notifications, topic, area);
        var messageId = Guid.NewGuid();

        await notifications.PublishAsync(message, messageId);

        var received = await audience.ReceivedAsync(messageId, key, title, text);
        check?.Invoke(received);
        await RepublishAsync(message, messageId);
        await audience.AssertNothingSentTwiceAsync();
    }

    private async Task PersonalAsync<T>(Func<Guid, T> message, string key, Channel channel, string title, string text,
        string? email = "asker", bool mobile = false) where T : class
    {
        var person = await EventRecipient.RegisterAsync(notifications, "Seed Resident", email is null ? null : Fixtures.Email(email), mobile ? Fixtures.Mobile() : null);
        var bystander = await EventRecipient.RegisterAsync(notifications, "Another Resident", Fixtures.Email("bystander"), Fixtures.Mobile());
        var messageId = Guid.NewGuid();
        var @event = message(person.Id);

        await notifications.PublishAsync(@event, messageId);

        await person.ReceivedAsync(messageId, key, channel, title, text);
        await RepublishAsync(@event, messageId);
        await person.AssertNothingSentTwiceAsync();
        await bystander.AssertGotNothingAsync();
    }

    [Fact]
    [CoversTemplate("MeetingScheduled", "meeting.scheduled")]
    public Task A_meeting_in_the_diary_reaches_meetings_subscribers_everywhere_with_its_London_date_time_and_place()
    {
        var meeting = SeptemberPanelScheduled();
        return BroadcastAsync(meeting, Topics.Meetings, null, "meeting.scheduled",
            "Derbyshire Police and Crime Panel: Police and Crime Panel on Thursday 8 September 2022",
            "The Derbyshire Police and Crime Panel will meet on Thursday 8 September 2022 at 10am at The Council Chamber, County Hall, Matlock. " +
            "The meeting is open to the public.",
            received =>
            {
                Assert.Equal(meeting.MeetingId, received.Payload.GetProperty("meetingId").GetGuid());
                Assert.Equal(meeting.StartsAt, received.Payload.GetProperty("startsAt").GetDateTimeOffset());
                Assert.Equal("The Council Chamber, County Hall, Matlock", received.Payload.GetProperty("location").GetString());
                Assert.Contains("because you subscribed to messages about meetings.\nSee, export or delete your subscription: http://localhost:5080/alerts/manage?token=",
                    received.Email.Text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
            });
    }

    [Fact]
    [CoversTemplate("MeetingRescheduled", "meeting.rescheduled")]
    public Task A_moved_meeting_says_when_it_was_and_when_it_now_is() =>
        BroadcastAsync(JanuaryPanelMovedToTheAfternoon(), Topics.Meetings, null, "meeting.rescheduled",
            "Derbyshire Police and Crime Panel: Police and Crime Panel moved to Thursday 26 January 2023",
            "The Police and Crime Panel of the Derbyshire Police and Crime Panel planned for Thursday 26 January 2023 at 10am will now be held on " +
            "Thursday 26 January 2023 at 2pm at Council Chamber, County Hall, Matlock. The Chamber is needed in the morning for the budget consultation.");

    [Fact]
    [CoversTemplate("MeetingCancelled", "meeting.cancelled")]
    public Task A_cancelled_meeting_says_which_and_why() =>
        BroadcastAsync(NovemberBriefingCancelled(), Topics.Meetings, null, "meeting.cancelled",
            "Derbyshire Police and Crime Panel: Police and Crime Panel Briefing on Thursday 24 November 2022 is cancelled",
            "The Police and Crime Panel Briefing of the Derbyshire Police and Crime Panel on Thursday 24 November 2022 at 10am will not take place. " +
            "Members will be briefed at the Performance Scrutiny Meeting on strong local policing instead.");

    [Fact]
    [CoversTemplate("AgendaPublished", "agenda.published")]
    public Task A_published_agenda_lists_its_public_items_in_order() =>
        BroadcastAsync(NovemberPanelAgenda(), Topics.Meetings, null, "agenda.published",
            "Agenda published: Derbyshire Police and Crime Panel, Thursday 17 November 2022",
            "The agenda for the Police and Crime Panel of the Derbyshire Police and Crime Panel on Thursday 17 November 2022 at 10am has been published.\n\n" +
            "1. Apologies for Absence\n2. Declarations of Interest\n3. Minutes\n4. Review of the Police and Crime Plan 2021-2025\n" +
            "5. Interim update on delivery against Police and Crime Plan\n6. Tackling Burglary\n7. Violence against Women and Girls\n8. Member questions to the PCC",
            received => Assert.Equal(8, received.Payload.GetProperty("items").GetArrayLength()));

    [Fact]
    public Task A_body_whose_name_starts_with_The_is_named_as_it_is_never_the_The() =>
        BroadcastAsync(VawgScrutinyAgenda(), Topics.Meetings, null, "agenda.published",
            "Agenda published: The Commissioner's Performance Scrutiny Meeting, Wednesday 8 November 2023",
            "The agenda for The Commissioner's Police & Crime Plan 2021-2025 - Violence Against Women & Girls (VAWG) of The Commissioner's Performance " +
            "Scrutiny Meeting on Wednesday 8 November 2023 at 10.30am has been published.\n\n" +
            "1. Violence Against Women and Girls: report of the Chief Constable\n2. Public questions on Violence Against Women & Girls (VAWG)");

    [Fact]
    [CoversTemplate("MinutesPublished", "minutes.published")]
    public Task Draft_minutes_list_their_minute_numbers() =>
        BroadcastAsync(NovemberPanelMinutes(), Topics.Meetings, null, "minutes.published",
            "Draft minutes published: Derbyshire Police and Crime Panel, Thursday 17 November 2022",
            "The draft minutes of the Police and Crime Panel of the Derbyshire Police and Crime Panel held on Thursday 17 November 2022 at 10am have been published.\n\n" +
            "39/22 Declarations of Interest\n40/22 Minutes\n41/22 Review of the Police and Crime Plan 2021-2025\n43/22 Tackling Burglary\n45/22 Member questions to the PCC");

    [Fact]
    [CoversTemplate("MinutesConfirmed", "minutes.confirmed")]
    public Task Minutes_confirmed_as_a_correct_record_name_the_body_the_meeting_and_the_confirming_minute() =>
        BroadcastAsync(SeptemberMinutesConfirmed(), Topics.Meetings, null, "minutes.confirmed",
            "Minutes confirmed: Derbyshire Police and Crime Panel, Thursday 8 September 2022",
            "The minutes of the Police and Crime Panel of the Derbyshire Police and Crime Panel held on Thursday 8 September 2022 at 10am " +
            "were confirmed as a correct record under minute 40/22 of the meeting on Thursday 17 November 2022 at 10am.",
            received => Assert.Equal(November2022PanelId, received.Payload.GetProperty("confirmedAtMeetingId").GetGuid()));

    [Fact]
    public Task Minutes_confirmed_as_first_published_without_the_meeting_s_facts_still_read_in_neutral_words() =>
        BroadcastAsync(new MinutesConfirmedAsFirstPublished(Guid.NewGuid(), PanelSlug, November2022PanelId, "40/22", DateTimeOffset.UtcNow),
            Topics.Meetings, null, "minutes.confirmed",
            "Minutes confirmed as a correct record",
            "The minutes of an earlier meeting were confirmed as a correct record under minute 40/22.",
            received => Assert.False(received.Payload.TryGetProperty("bodyName", out var name) && name.ValueKind != System.Text.Json.JsonValueKind.Null));

    [Fact]
    [CoversTemplate("ResolutionRecorded", "resolution.recorded")]
    public Task A_resolution_is_sent_in_the_Panel_s_words_with_the_meeting_it_was_made_at() =>
        BroadcastAsync(TacklingBurglaryResolution(), Topics.Meetings, null, "resolution.recorded",
            "Resolution recorded under minute 43/22: Derbyshire Police and Crime Panel, Thursday 17 November 2022",
            "Minute 43/22 of the Police and Crime Panel of the Derbyshire Police and Crime Panel on Thursday 17 November 2022 at 10am:\n" +
            "RESOLVED to note the report on tackling burglaries");

    [Fact]
    [CoversTemplate("QuestionsPublished", "questions.published")]
    public Task Published_questions_go_to_questions_subscribers_with_each_question_and_answer() =>
        BroadcastAsync(NovemberMemberQuestionsPublished(), Topics.Questions, null, "questions.published",
            "Questions and answers published: Derbyshire Police and Crime Panel, Thursday 17 November 2022 (2)",
            "The questions put to the Commissioner at the Police and Crime Panel of the Derbyshire Police and Crime Panel on Thursday 17 November 2022 at 10am " +
            "and their answers have been published.\n\n" +
            $"Q (Cllr H Dhindsa): {DhindsaQuestion}\nA (Angelique Foster, Police and Crime Commissioner): {DhindsaAnswer}\n\n" +
            "Q (Cllr H Dhindsa): What progress has been made on attending every home burglary reported within the county?\n" +
            "A (Angelique Foster, Police and Crime Commissioner): The Chief Constable committed that officers would attend every home burglary reported within the county.",
            received => Assert.EndsWith("…", received.Text.Body.Split("\nStop texts: ")[0], StringComparison.Ordinal)); // too long for four fragments

    [Fact]
    [CoversTemplate("GrantRoundOpened", "grant-round.opened")]
    public Task An_open_grant_round_gives_its_dates_in_London_time_and_its_money_in_pounds() =>
        BroadcastAsync(AsbSummerRoundOpened(), Topics.Grants, null, "grant-round.opened",
            "ASB Prevention Grant: 2022 summer round is open for applications",
            "The ASB Prevention Grant (2022 summer round) is open from Friday 1 July 2022 at 9am to Wednesday 31 August 2022 at 11.59pm. " +
            "Budget £100,000.00; awards from £500.00 to £5,000.00. Open to charities, community groups and parish or town councils.",
            received => Assert.Equal(5000.00m, received.Payload.GetProperty("maximumAward").GetDecimal()));

    [Fact]
    [CoversTemplate("GrantRoundClosingSoon", "grant-round.closing-soon")]
    public Task A_round_closing_soon_says_when_it_closes() =>
        BroadcastAsync(RoadSafetyRoundClosingSoon(), Topics.Grants, null, "grant-round.closing-soon",
            "Road Safety Grant: 2022 speed indicator device round closes Friday 16 December 2022",
            "Applications to the Road Safety Grant (2022 speed indicator device round) close on Friday 16 December 2022 at 11.59pm.");

    [Fact]
    [CoversTemplate("GrantAwarded", "grant.awarded")]
    [CoversTemplate("GrantAwarded", "grant.awarded.applicant")]
    public async Task An_award_reaches_grants_subscribers_of_its_area_and_the_applicant_in_their_own_words()
    {
        await using var audience = await EventAudience.CreateAsync(notifications, Topics.Grants, "Amber Valley");
        var applicant = await EventRecipient.RegisterAsync(notifications, "Clerk to Belper Town Council", Fixtures.Email("belper-clerk"), null);
        var award = BelperAward(applicant.Id);
        var messageId = Guid.NewGuid();

        await notifications.PublishAsync(award, messageId);

        var received = await audience.ReceivedAsync(messageId, "grant.awarded", "ASB Prevention Grant: £4,850.00 awarded to Belper Town Council",
            "Belper Town Council has been awarded £4,850.00 from the ASB Prevention Grant (2022 summer round) on Thursday 20 October 2022. For Amber Valley.");
        Assert.Equal(["amber-valley"], received.Payload.GetProperty("areas").EnumerateArray().Select(a => a.GetString()));
        await applicant.ReceivedAsync(TemplateCatalogue.NoticeId(messageId, "grant.awarded.applicant", 1), "grant.awarded.applicant", Channel.Email,
            "Your grant application was successful",
            "Congratulations: Belper Town Council has been awarded £4,850.00 from the ASB Prevention Grant (2022 summer round). The grant agreement follows.");
        await RepublishAsync(award, messageId);
        await audience.AssertNothingSentTwiceAsync();
        await applicant.AssertNothingSentTwiceAsync();
    }

    [Fact]
    [CoversTemplate("GrantApplicationSubmitted", "grant-application.submitted")]
    public Task An_applicant_reached_by_email_and_text_is_written_to_once_by_email() =>
        PersonalAsync(BelperApplication, "grant-application.submitted", Channel.Email, "We have received your grant application",
            "Thank you: we have received your application for £4,850.00. We will tell you the outcome when the round has been assessed.",
            email: "applicant", mobile: true);

    [Fact]
    [CoversTemplate("GrantApplicationDeclined", "grant-application.declined")]
    public Task A_declined_applicant_is_told_why() =>
        PersonalAsync(AsbApplicationDeclined, "grant-application.declined", Channel.Email, "Your grant application was not successful",
            "We are sorry: your application to the ASB Prevention Grant (2022 summer round) was not successful. 46 organisations applied and the round was oversubscribed.",
            email: "applicant");

    [Fact]
    [CoversTemplate("QuestionAccepted", "question.accepted")]
    public Task An_asker_is_told_their_question_was_accepted_and_how_it_will_be_shown() =>
        PersonalAsync(VawgQuestionAccepted, "question.accepted", Channel.Email, "Your question has been accepted",
            $"Thank you. Your question has been accepted and will be put at the meeting, shown as asked by a member of the public:\n\n{VawgQuestion}");

    [Fact]
    [CoversTemplate("QuestionRejected", "question.rejected")]
    public Task An_asker_is_told_their_question_was_rejected_and_why() =>
        PersonalAsync(VawgQuestionRejected, "question.rejected", Channel.Email, "Your question could not be accepted",
            "We are sorry: your question could not be accepted because it was received after the deadline. The Panel's question rules explain why questions are declined.");

    [Fact]
    [CoversTemplate("QuestionAnswered", "question.answered")]
    public Task An_asker_is_told_their_question_was_answered() =>
        PersonalAsync(VawgQuestionAnswered, "question.answered", Channel.Email, "Your question has been answered",
            "Your question has been answered. The answer is published with the meeting's questions.");

    [Fact]
    [CoversTemplate("QuestionNeedsReassignment", "question.needs-reassignment")]
    public Task An_asker_whose_meeting_was_cancelled_is_told_the_question_waits_for_another() =>
        PersonalAsync(VawgQuestionNeedsReassignment, "question.needs-reassignment", Channel.Email, "The meeting for your question was cancelled",
            "The meeting your question was for has been cancelled. Your question will be put at a later meeting; we will write again when it is.");

    [Fact]
    [CoversTemplate("CaseOpened", "case.opened")]
    public async Task A_case_opened_before_its_writer_is_registered_still_reaches_them_once_with_the_London_date()
    {
        // Casework sends RegisterRecipient and publishes CaseOpened in one transaction, but to different queues: the
        // event may well be consumed first. It is retried until the registration is in.
        var writer = Fixtures.Email("resident");
        var recipientId = Guid.NewGuid();
        var opened = ChiefConstableComplaintOpened(recipientId);
        var messageId = Guid.NewGuid();

        await notifications.PublishAsync(opened, messageId);
        await notifications.SendCommandAsync(new RegisterRecipient(recipientId, "Seed Resident", writer, null, DateTimeOffset.UtcNow),
            NotificationQueues.RegisterRecipient, Guid.NewGuid());

        var email = (await notifications.Smtp.WaitForAsync(writer, 1, Patience))[0];
        Assert.Equal($"We have received your complaint about the Chief Constable (reference {CaseReference})", email.Message.Subject);
        Assert.StartsWith("Thank you for contacting the Office of the Police and Crime Commissioner. We received your complaint about the Chief Constable on Monday 5 June 2023. " +
                          $"Your reference is {CaseReference}.\n\n--\n", email.Text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var row = Assert.Single(await notifications.DeliveriesOfNoticeAsync(messageId));
        Assert.Equal(recipientId, row.RecipientId);
        Assert.Equal(row.Id, EventAudience.DeliveryIdOf(email));
        await RepublishAsync(opened, messageId);
        await TestInfrastructure.Eventually.Until(async () => EventAudience.Final(Assert.Single(await notifications.DeliveriesOfNoticeAsync(messageId))),
            Patience, "the email to be recorded as sent");
        Assert.Single(notifications.Smtp.To(writer));
    }

    [Fact]
    [CoversTemplate("CaseAcknowledged", "case.acknowledged")]
    public Task A_complainant_who_gave_only_a_mobile_number_gets_the_acknowledgment_by_text() =>
        PersonalAsync(ComplaintReviewAcknowledged, "case.acknowledged", Channel.Sms,
            $"Your request for a review of a police complaint (reference {CaseReference}) is being dealt with",
            $"Your request for a review of a police complaint (reference {CaseReference}) has been acknowledged and passed to a caseworker. " +
            "Please quote the reference if you write to us.",
            email: null, mobile: true);

    [Fact]
    [CoversTemplate("CaseDeadlineApproaching", "case.deadline-approaching")]
    public async Task A_deadline_coming_up_goes_to_the_caseworker_by_email_only()
    {
        await PersonalAsync(RespondDeadlineApproaching, "case.deadline-approaching", Channel.Email, $"Case {CaseReference}: response due by Monday 19 June 2023",
            $"Case {CaseReference} (correspondence): the response is due by Monday 19 June 2023.", email: "caseworker", mobile: true);

        // The template's channels are email alone: a caseworker with only a mobile number is not texted about cases.
        var textOnly = await EventRecipient.RegisterAsync(notifications, "Caseworker", null, Fixtures.Mobile());
        var messageId = Guid.NewGuid();
        await notifications.PublishAsync(RespondDeadlineApproaching(textOnly.Id), messageId);
        await notifications.Instance.Receives.WaitForAsync(messageId, 1, Patience);
        await textOnly.AssertGotNothingAsync();
    }

    [Fact]
    [CoversTemplate("CaseDeadlineBreached", "case.deadline-breached")]
    public Task A_missed_deadline_goes_to_the_caseworker() =>
        PersonalAsync(RespondDeadlineBreached, "case.deadline-breached", Channel.Email, $"Case {CaseReference}: response overdue",
            $"Case {CaseReference} (correspondence): the response was due by Monday 19 June 2023 and is overdue.", email: "caseworker");

    [Fact]
    [CoversTemplate("notice", "question.confirm-email")]
    public async Task The_question_confirmation_Questions_asks_for_carries_its_link_and_the_deadline_and_is_sent_once()
    {
        // What Questions' public submission sends (SubmissionEndpoints): RegisterRecipient, then SendNotice, for the
        // Performance Scrutiny Meeting on VAWG of 8 November 2023.
        var asker = await EventRecipient.RegisterAsync(notifications, "Seed Resident", Fixtures.Email("vawg-asker"), null);
        var bystander = await EventRecipient.RegisterAsync(notifications, "Another Resident", Fixtures.Email("bystander"), null);
        const string confirmUrl = "http://localhost:5080/questions/confirm?token=Q2hlc3RlcmZpZWxkLXZhd2c.c2lnbmF0dXJl";
        var notice = new SendNotice(Guid.CreateVersion7(), asker.Id, "question.confirm-email", new Dictionary<string, string>
        {
            ["confirmUrl"] = confirmUrl,
            ["meetingTitle"] = "The Commissioner's Police & Crime Plan 2021-2025 - Violence Against Women & Girls (VAWG)",
            ["meetingStartsAt"] = "2023-11-08T10:30:00+00:00",
            ["deadline"] = "midnight at the end of Tuesday 31 October 2023",
            ["deadlineAt"] = "2023-11-01T00:00:00+00:00",
            ["expiresAt"] = "2023-10-22T18:30:00+01:00",
        }, DateTimeOffset.UtcNow);
        var messageId = Guid.NewGuid();

        await notifications.SendCommandAsync(notice, NotificationQueues.SendNotice, messageId);

        await asker.ReceivedAsync(notice.NoticeId, "question.confirm-email", Channel.Email, "Confirm your email address for your question",
            "Please confirm your email address so that your question for The Commissioner's Police & Crime Plan 2021-2025 - Violence Against Women & Girls (VAWG) " +
            $"can be considered:\n\n{confirmUrl}\n\nQuestions close at midnight at the end of Tuesday 31 October 2023. If you did not ask a question, ignore this message.");
        Assert.Equal(confirmUrl, Assert.Single(notifications.Smtp.To(asker.Email!)).Link("http://localhost:5080/questions/confirm?token="));
        await RedeliverAsync(messageId, () => notifications.SendCommandAsync(notice, NotificationQueues.SendNotice, messageId));
        await asker.AssertNothingSentTwiceAsync();
        await bystander.AssertGotNothingAsync();
    }

    [Fact]
    [CoversTemplate("notice", "message")]
    public async Task A_notice_with_no_template_of_its_own_is_sent_as_the_subject_and_body_given()
    {
        var complainant = await EventRecipient.RegisterAsync(notifications, "Seed Resident", Fixtures.Email("complainant"), null);
        var notice = new SendNotice(Guid.CreateVersion7(), complainant.Id, "casework.reply", new Dictionary<string, string>
        {
            ["subject"] = $"Your correspondence {CaseReference}",
            ["body"] = "The Commissioner has read your letter about speeding on the A6 through Belper and has passed it to the Road Safety team.",
        }, DateTimeOffset.UtcNow);
        var messageId = Guid.NewGuid();

        await notifications.SendCommandAsync(notice, NotificationQueues.SendNotice, messageId);

        await complainant.ReceivedAsync(notice.NoticeId, "message", Channel.Email, $"Your correspondence {CaseReference}",
            "The Commissioner has read your letter about speeding on the A6 through Belper and has passed it to the Road Safety team.");
        await RedeliverAsync(messageId, () => notifications.SendCommandAsync(notice, NotificationQueues.SendNotice, messageId));
        await complainant.AssertNothingSentTwiceAsync();
    }

    [Fact]
    public void Every_template_in_the_running_service_s_catalogue_has_a_test_here_through_the_real_broker()
    {
        var catalogue = notifications.Instance.Services.GetRequiredService<TemplateCatalogue>();
        var shipped = Fixtures.ShippedTemplates();
        var inService = catalogue.EventTypes
            .SelectMany(type => catalogue.For(type).Select(t => $"{type.Name}/{t.Key}"))
            .Concat(shipped.Notices.Keys.Where(name => catalogue.Notice(name) is not null).Select(name => $"notice/{name}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var tested = typeof(EventTemplateTests).GetMethods()
            .SelectMany(m => m.GetCustomAttributes<CoversTemplateAttribute>())
            .Select(c => $"{c.Source}/{c.Key}")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(24, inService.Count); // 22 event templates and 2 named notices, as shipped
        Assert.Equal(inService, tested);
    }
}
