namespace PanelPlatform.Casework.Domain;

/// <summary>
/// The office's time limits (<c>Casework:Clocks</c>). The statutory ones are defaults that should not normally change;
/// the complaint review target is the office's own choice. A case keeps the target it was opened with.
/// </summary>
public sealed class ClockPolicy
{
    public const string SectionName = "Casework:Clocks";

    public int AcknowledgeWorkingDays { get; set; } = 5;
    public int CorrespondenceWorkingDays { get; set; } = 20;
    public int MpEnquiryWorkingDays { get; set; } = 20;
    public int ComplaintChiefConstableWorkingDays { get; set; } = 20;
    public int ComplaintAboutPccWorkingDays { get; set; } = 20;

    /// <summary>The office's own target for complaint reviews.</summary>
    public int ComplaintReviewWorkingDays { get; set; } = 28;

    /// <summary>Freedom of Information Act 2000 s.10: 20 working days.</summary>
    public int FoiWorkingDays { get; set; } = 20;

    /// <summary>The most a public interest test may add (the ICO's guidance: no more than 20 further working days).</summary>
    public int FoiMaxExtensionWorkingDays { get; set; } = 20;

    /// <summary>UK GDPR Art. 12(3): one month, extendable by two further months for complex requests.</summary>
    public int SubjectAccessMonths { get; set; } = 1;

    public int SubjectAccessExtensionMonths { get; set; } = 2;

    /// <summary>A complaint review application is valid within 28 days of the complainant being told the force's outcome.</summary>
    public int ReviewApplicationDays { get; set; } = 28;

    /// <summary>A running clock with this many working days left, or fewer, is due soon.</summary>
    public int DueSoonWorkingDays { get; set; } = 3;

    public ClockTarget Acknowledge => ClockTarget.WorkingDays(AcknowledgeWorkingDays);

    public ClockTarget RespondTarget(CaseType type) => type switch
    {
        CaseType.Correspondence => ClockTarget.WorkingDays(CorrespondenceWorkingDays),
        CaseType.MpEnquiry => ClockTarget.WorkingDays(MpEnquiryWorkingDays),
        CaseType.ComplaintChiefConstable => ClockTarget.WorkingDays(ComplaintChiefConstableWorkingDays),
        CaseType.ComplaintAboutPcc => ClockTarget.WorkingDays(ComplaintAboutPccWorkingDays),
        CaseType.ComplaintReview => ClockTarget.WorkingDays(ComplaintReviewWorkingDays),
        CaseType.FoiRequest => ClockTarget.WorkingDays(FoiWorkingDays),
        CaseType.SubjectAccessRequest => ClockTarget.CalendarMonths(SubjectAccessMonths),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
