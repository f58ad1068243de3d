using Microsoft.AspNetCore.Mvc;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Console.Meetings;

/// <summary>One meeting: where it stands, what may be done next, and the tasks of its record.</summary>
public sealed class MeetingModel(PanelApi api) : ClerkMeetingPageModel(api)
{
    public IReadOnlyList<DocumentRecord> Documents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    /// <summary>Records that the meeting took place (the API allows it once the agenda is out and the meeting has started).</summary>
    public async Task<IActionResult> OnPostHeldAsync(CancellationToken cancellationToken)
    {
        var result = await Api.PostAsync<MeetingSummary>($"api/meetings/meetings/{Id}/held", null, cancellationToken);
        if (result.Ok)
        {
            return Done("Meeting recorded as held. You can now draft its minutes.");
        }

        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        ModelState.AddConsoleProblem(result.Problem!);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (!await LoadMeetingAsync(cancellationToken))
        {
            return false;
        }

        Documents = (await Api.GetAsync<IReadOnlyList<DocumentRecord>>($"api/meetings/meetings/{Id}/documents", cancellationToken)).Required("documents");
        return true;
    }
}
