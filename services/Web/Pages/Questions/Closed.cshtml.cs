using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PanelPlatform.Web.Gateway;
using PanelPlatform.Web.Pages.Meetings;

namespace PanelPlatform.Web.Pages.Questions;

/// <summary>A meeting that no longer takes questions: cancelled, or its deadline has passed.</summary>
public sealed class ClosedModel(PanelApi api) : PageModel
{
    public MeetingQuestions Meeting { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        var meeting = await api.GetAsync<MeetingQuestions>($"api/questions/meetings/{meetingId}", cancellationToken);
        if (meeting.NotFound)
        {
            return NotFound();
        }

        Meeting = meeting.Required("the meeting's questions");
        return Meeting.OpenForPublicQuestions ? RedirectToPage("Ask", new { meetingId }) : Page();
    }
}
