using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Meetings.Domain;

/// <summary>How much notice an agenda gave: clear working days (England and Wales) between publication and the meeting.</summary>
public sealed record AgendaNotice(DateOnly PublishedOn, DateOnly MeetingOn, int ClearWorkingDays, int Required)
{
    public bool IsLate => ClearWorkingDays < Required;

    /// <summary>The last day the agenda could go out on time.</summary>
    public DateOnly Deadline => WorkingDays.LatestWorkingDayWithClearDaysBefore(MeetingOn, Required);

    /// <summary>Neither the day of publication nor the day of the meeting counts; weekends and bank holidays never do.</summary>
    public static AgendaNotice Of(DateTimeOffset publishedAt, DateTimeOffset meetingStartsAt, int required)
    {
        var published = UkTime.LondonDate(publishedAt);
        var meeting = UkTime.LondonDate(meetingStartsAt);
        return new AgendaNotice(published, meeting, WorkingDays.ClearDaysBetween(published, meeting), required);
    }
}
