using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Questions.Domain;

/// <summary>
/// A question must arrive with a number of clear working days (England and Wales) before the meeting's date in
/// London: neither the day it arrives nor the meeting's day counts. So the deadline is the start (00:00 London time,
/// GMT or BST as the day has it) of the Nth working day before the meeting — anything before then leaves N clear days.
/// </summary>
public static class Deadlines
{
    public static DateTimeOffset For(DateTimeOffset meetingStartsAt, int clearWorkingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(clearWorkingDays);
        var meetingDate = UkTime.LondonDate(meetingStartsAt);
        var firstClearDay = WorkingDays.Add(meetingDate, -clearWorkingDays);
        return UkTime.FromLondon(firstClearDay, TimeOnly.MinValue);
    }

    public static bool IsOnTime(DateTimeOffset arrivedAt, DateTimeOffset meetingStartsAt, int clearWorkingDays) =>
        arrivedAt < For(meetingStartsAt, clearWorkingDays);

    /// <summary>"midnight at the end of Wednesday 9 November 2022": the deadline as a person reads it.</summary>
    public static string Describe(DateTimeOffset deadline)
    {
        var lastDay = UkTime.LondonDate(deadline).AddDays(-1);
        return $"midnight at the end of {lastDay.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}";
    }
}
