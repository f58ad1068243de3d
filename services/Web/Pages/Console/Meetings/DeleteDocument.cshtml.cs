using Microsoft.AspNetCore.Mvc;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Console.Meetings;

/// <summary>Delete a document, after asking.</summary>
public sealed class DeleteDocumentModel(PanelApi api) : ClerkMeetingPageModel(api)
{
    [BindProperty(SupportsGet = true)]
    public Guid DocumentId { get; set; }

    public DocumentRecord Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Done("The document had already been deleted", $"{MeetingPath}/documents");
        }

        var result = await Api.DeleteAsync($"api/meetings/documents/{DocumentId}", cancellationToken);
        if (!result.Ok && !result.NotFound)
        {
            ModelState.AddConsoleProblem(result.Problem!);
            return Page();
        }

        return Done($"{Document.Title} deleted", $"{MeetingPath}/documents");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (!await LoadMeetingAsync(cancellationToken))
        {
            return false;
        }

        var document = await Api.GetAsync<DocumentRecord>($"api/meetings/documents/{DocumentId}", cancellationToken);
        if (!document.Ok)
        {
            return false;
        }

        Document = document.Value!;
        return true;
    }
}
