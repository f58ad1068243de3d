using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Console.Meetings;

/// <summary>The clerk's meetings: upcoming (soonest first) or past (most recent first), of one body or all.</summary>
[Authorize(Policy = Roles.Clerk)]
public sealed class IndexModel(PanelApi api, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Body { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? When { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    [TempData]
    public string? Banner { get; set; }

    public bool Past => When == "past";

    public IReadOnlyList<BodyRecord> Bodies { get; private set; } = [];

    public IReadOnlyList<MeetingSummary> Meetings { get; private set; } = [];

    public string? NextCursor { get; private set; }

    public string Link(string? body, bool past, string? cursor = null)
    {
        var query = new List<string>();
        if (!string.IsNullOrEmpty(body))
        {
            query.Add($"body={Uri.EscapeDataString(body)}");
        }

        if (past)
        {
            query.Add("when=past");
        }

        if (cursor is not null)
        {
            query.Add($"cursor={Uri.EscapeDataString(cursor)}");
        }

        return "/console/meetings" + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Bodies = (await api.GetAsync<ApiPage<BodyRecord>>("api/meetings/bodies?limit=200", cancellationToken)).Required("bodies").Items;
        if (Body is not null && Bodies.All(b => b.Slug != Body))
        {
            Body = null;
        }

        var now = Uri.EscapeDataString(time.GetUtcNow().ToString("o", CultureInfo.InvariantCulture));
        var path = Past ? $"api/meetings/meetings?to={now}&order=newest-first" : $"api/meetings/meetings?from={now}";
        path += "&limit=25";
        if (Body is not null)
        {
            path += $"&body={Uri.EscapeDataString(Body)}";
        }

        if (!string.IsNullOrEmpty(Cursor))
        {
            path += $"&cursor={Uri.EscapeDataString(Cursor)}";
        }

        var page = await api.GetAsync<ApiPage<MeetingSummary>>(path, cancellationToken);
        if (!page.Ok && Cursor is not null)
        {
            // A cursor from an older link: start the list again.
            return Redirect(Link(Body, Past));
        }

        Meetings = page.Required("meetings").Items;
        NextCursor = page.Value!.NextCursor;
        return Page();
    }
}
