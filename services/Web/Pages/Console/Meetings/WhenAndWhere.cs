using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using PanelPlatform.ServiceDefaults.Time;
using PanelPlatform.Web.Govuk;

namespace PanelPlatform.Web.Pages.Console.Meetings;

/// <summary>When and where a meeting is, as the schedule and reschedule forms take it: a London date and times, a place or online.</summary>
public sealed class WhenAndWhere
{
    public const string InPerson = "in-person";
    public const string Virtual = "virtual";

    public static readonly IReadOnlyList<SelectListItem> AttendanceChoices =
    [
        new("In person, at a venue", InPerson),
        new("Online (a virtual meeting)", Virtual),
    ];

    public DateParts Date { get; set; } = new();

    public string? StartTime { get; set; }

    public string? EndTime { get; set; }

    public string? Attendance { get; set; } = InPerson;

    public string? Location { get; set; }

    public bool IsVirtual => Attendance == Virtual;

    public static WhenAndWhere From(MeetingRecord meeting)
    {
        var start = Display.InLondon(meeting.StartsAt);
        return new WhenAndWhere
        {
            Date = DateParts.From(DateOnly.FromDateTime(start.DateTime)),
            StartTime = start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            EndTime = meeting.EndsAt is { } end ? Display.InLondon(end).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) : null,
            Attendance = meeting.IsVirtual ? Virtual : InPerson,
            Location = meeting.Location,
        };
    }

    /// <summary>The instants the API takes, or errors (GOV.UK wording) under <paramref name="prefix"/>'s fields.</summary>
    public (DateTimeOffset StartsAt, DateTimeOffset? EndsAt)? Read(ModelStateDictionary state, string prefix)
    {
        var (date, dateError) = Date.Read("The date of the meeting", required: true, "Enter the date of the meeting");
        if (dateError is not null)
        {
            state.AddModelError($"{prefix}.Date", dateError);
        }

        var start = TimeOfDay.Read(StartTime);
        if (start is null)
        {
            state.AddModelError($"{prefix}.StartTime", string.IsNullOrWhiteSpace(StartTime) ? "Enter the time the meeting starts" : "Enter the start time as a time of day, for example 10:00 or 2:30pm");
        }

        var end = TimeOfDay.Read(EndTime);
        if (!string.IsNullOrWhiteSpace(EndTime) && end is null)
        {
            state.AddModelError($"{prefix}.EndTime", "Enter the end time as a time of day, for example 12:30 or 4pm");
        }
        else if (end is not null && start is not null && end <= start)
        {
            state.AddModelError($"{prefix}.EndTime", "The end time must be after the start time");
        }

        if (Attendance is not (InPerson or Virtual))
        {
            state.AddModelError($"{prefix}.Attendance", "Select whether the meeting is in person or online");
        }
        else if (!IsVirtual && string.IsNullOrWhiteSpace(Location))
        {
            state.AddModelError($"{prefix}.Location", "Enter where the meeting is held");
        }

        if (date is null || start is null || (end is null && !string.IsNullOrWhiteSpace(EndTime)))
        {
            return null;
        }

        return (UkTime.FromLondon(date.Value, start.Value), end is { } e ? UkTime.FromLondon(date.Value, e) : null);
    }

    /// <summary>The API's field names onto this form's.</summary>
    public static Dictionary<string, string> Fields(string prefix) => new()
    {
        ["startsAt"] = $"{prefix}.Date",
        ["endsAt"] = $"{prefix}.EndTime",
        ["location"] = $"{prefix}.Location",
        ["isVirtual"] = $"{prefix}.Attendance",
    };
}
