using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Console.Meetings;

/// <summary>The meeting's documents, with their size and type, and uploading one (a file of up to 10 MB).</summary>
[RequestSizeLimit(MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes + 1024 * 1024)]
public sealed class DocumentsModel(PanelApi api) : ClerkMeetingPageModel(api)
{
    public const long MaxBytes = 10L * 1024 * 1024;

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Kind { get; set; } = "report";

    [BindProperty]
    public Guid? ItemId { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<DocumentRecord> Documents { get; private set; } = [];

    public IEnumerable<SelectListItem> KindChoices => ConsoleText.Options(ConsoleText.DocumentKinds);

    public IEnumerable<SelectListItem> ItemChoices =>
        new[] { new SelectListItem("The meeting as a whole", "") }
            .Concat(Meeting.Items.Select(i => new SelectListItem($"{i.Number}. {i.Title}{(i.IsExempt ? " (Part II)" : "")}", i.Id.ToString())));

    public string ItemName(Guid? itemId) =>
        itemId is { } id && Meeting.Items.FirstOrDefault(i => i.Id == id) is { } item ? $"{item.Number}. {item.Title}" : "The meeting";

    public async Task<IActionResult> OnGetAsync(Guid? item, CancellationToken cancellationToken)
    {
        ItemId = item;
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(Title))
        {
            ModelState.AddModelError(nameof(Title), "Enter the document's title");
        }

        if (ConsoleText.DocumentKinds.All(k => k.Value != Kind))
        {
            ModelState.AddModelError(nameof(Kind), "Select what kind of document this is");
        }

        if (Upload is null)
        {
            ModelState.AddModelError(nameof(Upload), "Select a file");
        }
        else if (Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "The selected file is empty");
        }
        else if (Upload.Length > MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), "The selected file must be smaller than 10 MB");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var query = $"title={Uri.EscapeDataString(Title!.Trim())}&kind={Uri.EscapeDataString(Kind!)}&fileName={Uri.EscapeDataString(Path.GetFileName(Upload!.FileName))}";
        if (ItemId is { } itemId)
        {
            query += $"&itemId={itemId}";
        }

        await using var stream = Upload.OpenReadStream();
        var content = new StreamContent(stream);
        content.Headers.ContentType = MediaTypeHeaderValue.TryParse(Upload.ContentType, out var type) && type.MediaType?.Contains('/', StringComparison.Ordinal) == true
            ? new MediaTypeHeaderValue(type.MediaType)
            : new MediaTypeHeaderValue("application/octet-stream");
        content.Headers.ContentLength = Upload.Length;
        var result = await Api.SendAsync<DocumentRecord>(
            new HttpRequestMessage(HttpMethod.Post, $"api/meetings/meetings/{Id}/documents?{query}") { Content = content }, cancellationToken);
        if (!result.Ok)
        {
            ModelState.AddConsoleProblem(result.Problem!,
                new Dictionary<string, string> { ["title"] = nameof(Title), ["kind"] = nameof(Kind), ["fileName"] = nameof(Upload), ["body"] = nameof(Upload), ["contentType"] = nameof(Upload) },
                new Dictionary<string, string> { ["unknown-item"] = nameof(ItemId) });
            return Page();
        }

        return Done($"{result.Value!.Title} uploaded", $"{MeetingPath}/documents");
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
