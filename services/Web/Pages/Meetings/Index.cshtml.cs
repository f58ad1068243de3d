using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Meetings;

/// <summary>Upcoming meetings (soonest first) or past ones (most recent first), of every body or one, a page at a time.</summary>
public sealed class IndexModel(PanelApi api, TimeProvider time) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "body")]
    public string? Body { get; set; }

    /// <summary><c>upcoming</c> (the default) or <c>past</c>.</summary>
    [BindProperty(SupportsGet = true, Name = "when")]
    public string? When { get; set; }

    [BindProperty(SupportsGet = true, Name = "cursor")]
    public string? Cursor { get; set; }

    [BindProperty(SupportsGet = true, Name = "back")]
    public string? Back { get; set; }

    public bool Past => When == "past";

    public IReadOnlyList<BodyListing> Bodies { get; private set; } = [];

    public BodyListing? ChosenBody { get; private set; }

    public IReadOnlyList<MeetingListing> Meetings { get; private set; } = [];

    public string? PreviousHref { get; private set; }

    public string? NextHref { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public IEnumerable<SelectListItem> BodyChoices =>
        new[] { new SelectListItem("All meetings", "") }
            .Concat(Bodies.Select(b => new SelectListItem(b.Name, b.Slug)));

    public static IEnumerable<SelectListItem> WhenChoices =>
        [new SelectListItem("Upcoming meetings", "upcoming"), new SelectListItem("Past meetings", "past")];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        When = Past ? "past" : "upcoming";
        Bodies = (await api.GetAsync<ApiPage<BodyListing>>("api/meetings/bodies?limit=200", cancellationToken)).Required("bodies").Items;
        ChosenBody = Bodies.FirstOrDefault(b => b.Slug == Body);
        if (!string.IsNullOrEmpty(Body) && ChosenBody is null)
        {
            // A body that does not exist (an old or mistyped link) lists everything rather than nothing.
            Body = null;
        }

        var trail = CursorTrail.Read(Cursor, Back);
        var now = Uri.EscapeDataString(time.GetUtcNow().ToString("o", CultureInfo.InvariantCulture));
        var path = Past
            ? $"api/meetings/meetings?to={now}&order=newest-first&limit={PageSize}"
            : $"api/meetings/meetings?from={now}&limit={PageSize}";
        if (Body is not null)
        {
            path += $"&body={Uri.EscapeDataString(Body)}";
        }

        var page = await api.GetAsync<ApiPage<MeetingListing>>(trail.Cursor is null ? path : $"{path}&cursor={Uri.EscapeDataString(trail.Cursor)}", cancellationToken);
        if (!page.Ok && trail.Cursor is not null)
        {
            // A cursor from an old link (or one edited by hand): start again at the first page.
            return Redirect(CursorTrail.First.Href("/meetings", ("body", Body), ("when", Past ? "past" : null)));
        }

        var meetings = page.Required("meetings");
        Meetings = meetings.Items;
        PageNumber = trail.PageNumber;
        (string, string?)[] filters = [("body", Body), ("when", Past ? "past" : null)];
        PreviousHref = trail.Previous()?.Href("/meetings", filters);
        NextHref = meetings.NextCursor is { } next ? trail.Next(next).Href("/meetings", filters) : null;
        return Page();
    }
}
