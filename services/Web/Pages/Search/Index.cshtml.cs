using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PanelPlatform.Web.Gateway;
using PanelPlatform.Web.Govuk;

namespace PanelPlatform.Web.Pages.Search;

/// <summary>Search of meetings, agenda items, reports and minutes (the Meetings API's ranked full-text search).</summary>
public sealed class IndexModel(PanelApi api) : PageModel
{
    public const int PageSize = 20;
    public const int MaxQueryLength = 200;

    public sealed record Hit(string Kind, Guid Id, Guid MeetingId, string Title, string Snippet, DateTimeOffset MeetingStartsAt);

    public sealed record Results(IReadOnlyList<Hit> Items, string? NextCursor, long Total);

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "cursor")]
    public string? Cursor { get; set; }

    [BindProperty(SupportsGet = true, Name = "back")]
    public string? Back { get; set; }

    /// <summary>Null until a search is made.</summary>
    public Results? Found { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public string? PreviousHref { get; private set; }

    public string? NextHref { get; private set; }

    public static string KindName(string kind) => kind switch
    {
        "meeting" => "Meeting",
        "agenda-item" => "Agenda item",
        "report" => "Report",
        "minute" => "Minutes",
        _ => Display.Words(kind),
    };

    /// <summary>Where on the meeting page the hit is.</summary>
    public static string Href(Hit hit) => hit.Kind switch
    {
        "agenda-item" => $"/meetings/{hit.MeetingId}#item-{hit.Id}",
        "report" => $"/meetings/{hit.MeetingId}#report-{hit.Id}",
        "minute" => $"/meetings/{hit.MeetingId}#minute-{hit.Id}",
        _ => $"/meetings/{hit.MeetingId}",
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Q = Q?.Trim();
        if (string.IsNullOrEmpty(Q))
        {
            Q = null;
            return Page();
        }

        if (Q.Length > MaxQueryLength)
        {
            ModelState.AddModelError(nameof(Q), $"Search for {MaxQueryLength} characters or fewer");
            return Page();
        }

        var trail = CursorTrail.Read(Cursor, Back);
        var path = $"api/meetings/search?q={Uri.EscapeDataString(Q)}&limit={PageSize}";
        var result = await api.GetAsync<Results>(trail.Cursor is null ? path : $"{path}&cursor={Uri.EscapeDataString(trail.Cursor)}", cancellationToken);
        if (!result.Ok && trail.Cursor is not null && result.Problem!.Errors.ContainsKey("cursor"))
        {
            return Redirect(CursorTrail.First.Href("/search", ("q", Q)));
        }

        if (!result.Ok)
        {
            ModelState.AddApiProblem(result.Problem!, new Dictionary<string, string> { ["q"] = nameof(Q) });
            return Page();
        }

        Found = result.Value!;
        PageNumber = trail.PageNumber;
        PreviousHref = trail.Previous()?.Href("/search", ("q", Q));
        NextHref = Found.NextCursor is { } next ? trail.Next(next).Href("/search", ("q", Q)) : null;
        return Page();
    }
}
