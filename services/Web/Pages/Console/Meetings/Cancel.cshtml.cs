using Microsoft.AspNetCore.Mvc;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Console.Meetings;

/// <summary>Call off a meeting not yet held, with the reason (published, and sent to questions waiting for it).</summary>
public sealed class CancelModel(PanelApi api) : ClerkMeetingPageModel(api)
{
    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadMeetingAsync(cancellationToken))
        {
            return NotFound();
        }

        return Meeting.IsOpen ? Page() : Redirect(MeetingPath);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadMeetingAsync(cancellationToken))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "Enter why the meeting is cancelled");
            return Page();
        }

        var result = await Api.PostAsync<MeetingSummary>($"api/meetings/meetings/{Id}/cancel", new { reason = Reason.Trim() }, cancellationToken);
        if (!result.Ok)
        {
            ModelState.AddConsoleProblem(result.Problem!, new Dictionary<string, string> { ["reason"] = nameof(Reason) });
            return Page();
        }

        return Done("Meeting cancelled");
    }
}
