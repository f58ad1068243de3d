namespace PanelPlatform.Meetings.Domain;

public enum AttendanceKind
{
    Present,
    InTheChair,
    Apologies,
    AlsoPresent,
    OfficerPresent,
    Absent,
}

/// <summary>Who was there, as the minutes record it: present, in the chair, apologies, officers, also present.</summary>
public sealed class Attendance
{
    public Guid Id { get; set; }
    public Guid MeetingId { get; set; }
    public Guid PersonId { get; set; }
    public AttendanceKind Kind { get; set; }

    /// <summary>As minuted beside the name: "Derby City Council", "OPCC", "Independent Member".</summary>
    public string? Capacity { get; set; }

    public int Order { get; set; }
}

public enum DeclarationKind
{
    DisclosablePecuniary,
    OtherRegistrable,
    NonRegistrable,
    Personal,
    Prejudicial,
}

/// <summary>A member's declaration of interest in an item (or the meeting as a whole).</summary>
public sealed class Declaration
{
    public Guid Id { get; set; }
    public Guid MeetingId { get; set; }
    public Guid? AgendaItemId { get; set; }
    public AgendaItem? AgendaItem { get; set; }
    public Guid PersonId { get; set; }
    public DeclarationKind Kind { get; set; }
    public string Detail { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>Only members of the body on the meeting date declare interests.</summary>
    public static void CheckDeclarant(IEnumerable<Membership> membershipsOfPersonInBody, DateOnly meetingDate)
    {
        if (!membershipsOfPersonInBody.Any(m => m.IsMemberOn(meetingDate)))
        {
            throw new RuleViolation("declarant-not-a-member", $"Only members of the body on {meetingDate:d MMMM yyyy} can declare an interest at this meeting.");
        }
    }
}
