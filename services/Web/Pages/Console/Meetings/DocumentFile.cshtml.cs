using Microsoft.AspNetCore.Mvc;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Console.Meetings;

/// <summary>
/// A document's file as the clerk may read it. The API's own download address serves only what the public may see (the
/// browser carries no token to it), so the console passes the file on with the clerk's: drafts and Part II included.
/// </summary>
public sealed class DocumentFileModel(PanelApi api) : ClerkMeetingPageModel(api)
{
    [BindProperty(SupportsGet = true)]
    public Guid DocumentId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var response = await Api.SendRawAsync(
            new HttpRequestMessage(HttpMethod.Get, $"api/meetings/documents/{DocumentId}/content"), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            response.Dispose();
            return NotFound();
        }

        HttpContext.Response.RegisterForDispose(response);
        var type = response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream";
        var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"');
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return name is null ? File(stream, type) : File(stream, type, name);
    }
}
