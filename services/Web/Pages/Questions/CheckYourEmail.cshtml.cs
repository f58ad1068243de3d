using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PanelPlatform.Web.Gateway;
using PanelPlatform.Web.Pages.Meetings;

namespace PanelPlatform.Web.Pages.Questions;

/// <summary>After a question is sent: the resident must follow the emailed link before anyone considers it.</summary>
public sealed class CheckYourEmailModel(PanelApi api) : PageModel
{
    /// <summary>The address the form sent, kept for this one page (TempData, in the site's protected cookie).</summary>
    public const string EmailKey = "question-email";

    public string? Email { get; private set; }

    public MeetingQuestions Meeting { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        var meeting = await api.GetAsync<MeetingQuestions>($"api/questions/meetings/{meetingId}", cancellationToken);
        if (meeting.NotFound)
        {
            return NotFound();
        }

        Meeting = meeting.Required("the meeting's questions");
        Email = TempData[EmailKey] as string;
        return Page();
    }
}
