using Microsoft.AspNetCore.Mvc;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Console.Meetings;

/// <summary>Move a meeting not yet held to a new date, time or place, with the reason (a published agenda is withdrawn).</summary>
public sealed class RescheduleModel(PanelApi api) : ClerkMeetingPageModel(api)
{
    [BindProperty]
    public WhenAndWhere When { get; set; } = new();

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadMeetingAsync(cancellationToken))
        {
            return NotFound();
        }

        When = WhenAndWhere.From(Meeting);
        return Meeting.IsOpen ? Page() : Redirect(MeetingPath);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadMeetingAsync(cancellationToken))
        {
            return NotFound();
        }

        var times = When.Read(ModelState, nameof(When));
        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "Enter why the meeting is being rescheduled");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await Api.PostAsync<MeetingSummary>($"api/meetings/meetings/{Id}/reschedule", new
        {
            startsAt = times!.Value.StartsAt,
            endsAt = times.Value.EndsAt,
            location = string.IsNullOrWhiteSpace(When.Location) ? null : When.Location.Trim(),
            isVirtual = When.IsVirtual,
            reason = Reason!.Trim(),
        }, cancellationToken);
        if (!result.Ok)
        {
            var fields = WhenAndWhere.Fields(nameof(When));
            fields["reason"] = nameof(Reason);
            ModelState.AddConsoleProblem(result.Problem!, fields);
            return Page();
        }

        return Done(Meeting.AgendaPublished
            ? "Meeting rescheduled. Its agenda was withdrawn: publish it again for the new date."
            : "Meeting rescheduled");
    }
}
