namespace PanelPlatform.Meetings.Domain;

/// <summary>Part I: open to the public. Part II: exempt information (Schedule 12A, Local Government Act 1972).</summary>
public enum AgendaPart
{
    PartI,
    PartII,
}

/// <summary>Standing items a Panel agenda carries, so questions and "date of next meeting" know where they belong.</summary>
public enum ItemKind
{
    Business,
    Apologies,
    Declarations,
    Minutes,
    Report,
    PublicQuestions,
    MemberQuestions,
    Announcements,
    ForthcomingEvents,
    WorkProgramme,
    DateOfNextMeeting,
    AnyOtherBusiness,
    Introductions,
}

public sealed class AgendaItem
{
    public Guid Id { get; set; }
    public Guid MeetingId { get; set; }
    public Meeting Meeting { get; set; } = null!;

    /// <summary>Position on the agenda (1, 2, …); the agenda is read in this order.</summary>
    public int Order { get; set; }

    /// <summary>As printed: "4", "4a".</summary>
    public string Number { get; set; } = "";

    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public ItemKind Kind { get; set; }
    public AgendaPart Part { get; set; }

    /// <summary>Required for Part II, e.g. "Paragraph 1 of Schedule 12A to the Local Government Act 1972".</summary>
    public string? ExemptionReason { get; set; }

    public int? PageFrom { get; set; }
    public int? PageTo { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsExempt => Part == AgendaPart.PartII;

    /// <summary>Part II needs its reason; a page range runs forwards.</summary>
    public static void Check(AgendaPart part, string? exemptionReason, int? pageFrom, int? pageTo)
    {
        if (part == AgendaPart.PartII && string.IsNullOrWhiteSpace(exemptionReason))
        {
            throw new RuleViolation("exemption-reason-required", "A Part II (exempt) item needs the exemption reason.");
        }

        if (part == AgendaPart.PartI && !string.IsNullOrWhiteSpace(exemptionReason))
        {
            throw new RuleViolation("exemption-reason-for-public-item", "Only a Part II item has an exemption reason.");
        }

        if (pageFrom is { } from && pageTo is { } to && to < from)
        {
            throw new RuleViolation("page-range-backwards", "pageTo must not be before pageFrom.");
        }

        if (pageFrom is < 1 || pageTo is < 1 || (pageTo is not null && pageFrom is null))
        {
            throw new RuleViolation("page-range-invalid", "Pages are numbered from 1, and a range needs its first page.");
        }
    }
}
