using PanelPlatform.Contracts.Casework;
using PanelPlatform.Contracts.Grants;
using PanelPlatform.Contracts.Meetings;
using PanelPlatform.Contracts.Questions;

namespace PanelPlatform.Notifications.Tests;

/// <summary>
/// The integration events other services publish, filled with the Derbyshire seeds' facts (the Panel's meetings of
/// 8 September and 17 November 2022, the Commissioner's Performance Scrutiny Meetings, the grant schemes, a case):
/// what Meetings, Questions, Grants and Casework would send about them. Instants are given in UTC, as an outbox
/// would carry them, so the notices' London dates and times are worked out, not copied.
/// </summary>
public static class DerbyshireEvents
{
    public const string PanelSlug = "derbyshire-police-and-crime-panel";
    public const string Panel = "Derbyshire Police and Crime Panel";

    /// <summary>The Meetings seed's other body: its name starts with "The", as people write it.</summary>
    public const string ScrutinySlug = "performance-scrutiny-meeting";
    public const string Scrutiny = "The Commissioner's Performance Scrutiny Meeting";
    public const string VawgScrutinyTitle = "The Commissioner's Police & Crime Plan 2021-2025 - Violence Against Women & Girls (VAWG)";

    /// <summary>8 November 2023, 10.30 am GMT, virtual.</summary>
    public static readonly DateTimeOffset November2023Scrutiny = new(2023, 11, 8, 10, 30, 0, TimeSpan.Zero);
    public const string ChamberMatlock = "Council Chamber, County Hall, Matlock";

    /// <summary>8 September 2022, 10.00 am BST.</summary>
    public static readonly DateTimeOffset September2022Panel = new(2022, 9, 8, 9, 0, 0, TimeSpan.Zero);

    /// <summary>17 November 2022, 10.00 am GMT.</summary>
    public static readonly DateTimeOffset November2022Panel = new(2022, 11, 17, 10, 0, 0, TimeSpan.Zero);

    /// <summary>26 January 2023, 10.00 am GMT ("Date of Next Meeting - 26 January 2023", minute 49/22).</summary>
    public static readonly DateTimeOffset January2023Panel = new(2023, 1, 26, 10, 0, 0, TimeSpan.Zero);

    public static readonly Guid November2022PanelId = Guid.Parse("c7da0146-c969-5674-b210-940ab4947123");
    public static readonly Guid VawgScrutinyId = Guid.Parse("4a391f1c-752f-5fda-ab49-7c1c286d831f");

    public static MeetingScheduled SeptemberPanelScheduled() => new(
        Guid.NewGuid(), PanelSlug, Panel, "Police and Crime Panel", September2022Panel, null,
        "The Council Chamber, County Hall, Matlock", false, [], DateTimeOffset.UtcNow);

    public static MeetingRescheduled JanuaryPanelMovedToTheAfternoon() => new(
        Guid.NewGuid(), PanelSlug, Panel, "Police and Crime Panel", January2023Panel, January2023Panel.AddHours(4), null,
        ChamberMatlock, false, "The Chamber is needed in the morning for the budget consultation.", DateTimeOffset.UtcNow);

    /// <summary>The Panel's briefing at Police and Fire HQ on 24 November 2022 (minute 47/22, forthcoming events).</summary>
    public static MeetingCancelled NovemberBriefingCancelled() => new(
        Guid.NewGuid(), PanelSlug, Panel, "Police and Crime Panel Briefing", new DateTimeOffset(2022, 11, 24, 10, 0, 0, TimeSpan.Zero),
        "Members will be briefed at the Performance Scrutiny Meeting on strong local policing instead.", DateTimeOffset.UtcNow);

    public static AgendaPublished NovemberPanelAgenda() => new(
        November2022PanelId, PanelSlug, Panel, "Police and Crime Panel", November2022Panel,
        [
            new AgendaItemSummary(Guid.NewGuid(), "1", "Apologies for Absence"),
            new AgendaItemSummary(Guid.NewGuid(), "2", "Declarations of Interest"),
            new AgendaItemSummary(Guid.NewGuid(), "3", "Minutes"),
            new AgendaItemSummary(Guid.NewGuid(), "4", "Review of the Police and Crime Plan 2021-2025"),
            new AgendaItemSummary(Guid.NewGuid(), "5", "Interim update on delivery against Police and Crime Plan"),
            new AgendaItemSummary(Guid.NewGuid(), "6", "Tackling Burglary"),
            new AgendaItemSummary(Guid.NewGuid(), "7", "Violence against Women and Girls"),
            new AgendaItemSummary(Guid.NewGuid(), "8", "Member questions to the PCC"),
        ],
        false, DateTimeOffset.UtcNow);

    public static MinutesPublished NovemberPanelMinutes() => new(
        November2022PanelId, PanelSlug, Panel, "Police and Crime Panel", November2022Panel,
        [
            new MinuteSummary("39/22", "Declarations of Interest"),
            new MinuteSummary("40/22", "Minutes"),
            new MinuteSummary("41/22", "Review of the Police and Crime Plan 2021-2025"),
            new MinuteSummary("43/22", "Tackling Burglary"),
            new MinuteSummary("45/22", "Member questions to the PCC"),
        ],
        DateTimeOffset.UtcNow);

    /// <summary>Minute 40/22 of 17 November 2022 approved the minutes of 8 September 2022 as a correct record.</summary>
    public static MinutesConfirmed SeptemberMinutesConfirmed() =>
        new(Guid.NewGuid(), PanelSlug, November2022PanelId, "40/22", DateTimeOffset.UtcNow,
            Panel, "Police and Crime Panel", September2022Panel, November2022Panel);

    public static ResolutionRecorded TacklingBurglaryResolution() =>
        new(Guid.NewGuid(), November2022PanelId, PanelSlug, "43/22", "to note the report on tackling burglaries", DateTimeOffset.UtcNow,
            Panel, "Police and Crime Panel", November2022Panel);

    /// <summary>The agenda of the Performance Scrutiny Meeting on VAWG, 8 November 2023 (a body whose name starts with "The").</summary>
    public static AgendaPublished VawgScrutinyAgenda() => new(
        VawgScrutinyId, ScrutinySlug, Scrutiny, VawgScrutinyTitle, November2023Scrutiny,
        [
            new AgendaItemSummary(Guid.NewGuid(), "1", "Violence Against Women and Girls: report of the Chief Constable"),
            new AgendaItemSummary(Guid.NewGuid(), "2", "Public questions on Violence Against Women & Girls (VAWG)"),
        ],
        false, DateTimeOffset.UtcNow);

    public const string DhindsaQuestion =
        "Can the PCC share with the panel how the Government's new 'Drug Strategy – Harm to Hope' fits with her current Police and Crime Plan?";

    public const string DhindsaAnswer =
        "The Police and Crime Plan aligns directly with 'From Harm to Hope' – the Government's ten-year drugs strategy to cut crime and save lives.";

    public const string CommissionerAnswering = "Angelique Foster, Police and Crime Commissioner";

    public static QuestionsPublished NovemberMemberQuestionsPublished() => new(
        November2022PanelId,
        [
            new PublishedQuestion(Guid.NewGuid(), QuestionKinds.Member, Guid.NewGuid(), "Cllr H Dhindsa", DhindsaQuestion, DhindsaAnswer, CommissionerAnswering),
            new PublishedQuestion(Guid.NewGuid(), QuestionKinds.Member, Guid.NewGuid(), "Cllr H Dhindsa",
                "What progress has been made on attending every home burglary reported within the county?",
                "The Chief Constable committed that officers would attend every home burglary reported within the county.", CommissionerAnswering),
        ],
        DateTimeOffset.UtcNow, Panel, "Police and Crime Panel", November2022Panel);

    public const string VawgQuestion =
        "What is Derbyshire Constabulary doing to make women and girls feel safer in our town centres at night, and how will the Commissioner know whether it is working?";

    public static QuestionAccepted VawgQuestionAccepted(Guid recipientId) => new(
        Guid.NewGuid(), VawgScrutinyId, Guid.NewGuid(), QuestionKinds.Public, "Violence Against Women and Girls", VawgQuestion,
        "a member of the public", recipientId, DateTimeOffset.UtcNow);

    public static QuestionRejected VawgQuestionRejected(Guid recipientId) =>
        new(Guid.NewGuid(), VawgScrutinyId, QuestionKinds.Public, "after-the-deadline", recipientId, DateTimeOffset.UtcNow);

    public static QuestionAnswered VawgQuestionAnswered(Guid recipientId) =>
        new(Guid.NewGuid(), VawgScrutinyId, QuestionKinds.Public, recipientId, DateTimeOffset.UtcNow);

    public static QuestionNeedsReassignment VawgQuestionNeedsReassignment(Guid recipientId) =>
        new(Guid.NewGuid(), VawgScrutinyId, QuestionKinds.Public, recipientId, DateTimeOffset.UtcNow);

    /// <summary>The ASB Prevention Grant's 2022 summer round: 1 July to 31 August 2022 (BST), up to £5,000 each.</summary>
    public static GrantRoundOpened AsbSummerRoundOpened() => new(
        Guid.Parse("01936b2e-5a00-7000-8000-000000000a22"), "asb-prevention-grant", "ASB Prevention Grant", "2022 summer round",
        new DateTimeOffset(2022, 7, 1, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2022, 8, 31, 22, 59, 0, TimeSpan.Zero),
        100_000.00m, 500.00m, 5_000.00m, [], ["charity", "community-group", "parish-town-council"], DateTimeOffset.UtcNow);

    /// <summary>The Commissioner's Road Safety Grant "will close in December": 16 December 2022, 11.59 pm GMT.</summary>
    public static GrantRoundClosingSoon RoadSafetyRoundClosingSoon() => new(
        Guid.Parse("01936b2e-5a00-7000-8000-000000000b22"), "Road Safety Grant", "2022 speed indicator device round",
        new DateTimeOffset(2022, 12, 16, 23, 59, 0, TimeSpan.Zero), [], DateTimeOffset.UtcNow);

    public static GrantApplicationSubmitted BelperApplication(Guid recipientId) => new(
        Guid.NewGuid(), Guid.Parse("01936b2e-5a00-7000-8000-000000000a22"), "parish-town-council", 4_850.00m, ["amber-valley"], recipientId,
        DateTimeOffset.UtcNow);

    /// <summary>Decisions on the ASB round "will be made in October" (the Commissioner's update to the Panel, 17 November 2022).</summary>
    public static GrantAwarded BelperAward(Guid recipientId) => new(
        Guid.NewGuid(), Guid.NewGuid(), Guid.Parse("01936b2e-5a00-7000-8000-000000000a22"), "ASB Prevention Grant", "2022 summer round",
        "Belper Town Council", 4_850.00m, ["amber-valley"], new DateOnly(2022, 10, 20), recipientId, DateTimeOffset.UtcNow);

    public static GrantApplicationDeclined AsbApplicationDeclined(Guid recipientId) => new(
        Guid.NewGuid(), Guid.Parse("01936b2e-5a00-7000-8000-000000000a22"), "ASB Prevention Grant", "2022 summer round",
        "46 organisations applied and the round was oversubscribed.", recipientId, DateTimeOffset.UtcNow);

    public const string CaseReference = "OPCC-2023-000141";

    /// <summary>A complaint about the Chief Constable, received at 00.30 on 5 June 2023 London time, which is still 4 June in UTC.</summary>
    public static CaseOpened ChiefConstableComplaintOpened(Guid recipientId) => new(
        Guid.NewGuid(), CaseReference, "complaint-chief-constable", "email", new DateTimeOffset(2023, 6, 4, 23, 30, 0, TimeSpan.Zero), recipientId,
        DateTimeOffset.UtcNow);

    /// <summary>An application for the review of how the force handled a complaint, as Casework spells its type.</summary>
    public static CaseAcknowledged ComplaintReviewAcknowledged(Guid recipientId) =>
        new(Guid.NewGuid(), CaseReference, "complaint-review", recipientId, DateTimeOffset.UtcNow);

    public static CaseDeadlineApproaching RespondDeadlineApproaching(Guid assigneeId) =>
        new(Guid.NewGuid(), CaseReference, "correspondence", "respond", new DateOnly(2023, 6, 19), assigneeId, DateTimeOffset.UtcNow);

    public static CaseDeadlineBreached RespondDeadlineBreached(Guid assigneeId) =>
        new(Guid.NewGuid(), CaseReference, "correspondence", "respond", new DateOnly(2023, 6, 19), assigneeId, DateTimeOffset.UtcNow);
}
