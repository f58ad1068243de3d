using Microsoft.AspNetCore.Mvc;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Console.Meetings;

/// <summary>Delete an agenda item, after asking (its documents and report go with it; a minuted item cannot go).</summary>
public sealed class DeleteItemModel(PanelApi api) : ClerkMeetingPageModel(api)
{
    [BindProperty(SupportsGet = true)]
    public Guid ItemId { get; set; }

    public ItemRecord Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Done("The item had already been deleted", $"{MeetingPath}/agenda");
        }

        var result = await Api.DeleteAsync($"api/meetings/items/{ItemId}", cancellationToken);
        if (!result.Ok && !result.NotFound)
        {
            ModelState.AddConsoleProblem(result.Problem!);
            return Page();
        }

        return Done($"Item {Item.Number} deleted", $"{MeetingPath}/agenda");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (!await LoadMeetingAsync(cancellationToken))
        {
            return false;
        }

        Item = Meeting.Items.FirstOrDefault(i => i.Id == ItemId)!;
        return Item is not null;
    }
}
