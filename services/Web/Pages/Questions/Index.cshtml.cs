using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PanelPlatform.Web.Gateway;
using PanelPlatform.Web.Pages.Meetings;

namespace PanelPlatform.Web.Pages.Questions;

/// <summary>How to ask the Commissioner a question, and the meetings that take one now with each deadline.</summary>
public sealed class IndexModel(PanelApi api) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "cursor")]
    public string? Cursor { get; set; }

    [BindProperty(SupportsGet = true, Name = "back")]
    public string? Back { get; set; }

    public IReadOnlyList<MeetingQuestions> Open { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public string? PreviousHref { get; private set; }

    public string? NextHref { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var trail = CursorTrail.Read(Cursor, Back);
        var path = $"api/questions/meetings?limit={PageSize}";
        var page = await api.GetAsync<ApiPage<MeetingQuestions>>(trail.Cursor is null ? path : $"{path}&cursor={Uri.EscapeDataString(trail.Cursor)}", cancellationToken);
        if (!page.Ok && trail.Cursor is not null)
        {
            return Redirect("/questions");
        }

        var open = page.Required("meetings taking questions");
        Open = open.Items;
        PageNumber = trail.PageNumber;
        PreviousHref = trail.Previous()?.Href("/questions");
        NextHref = open.NextCursor is { } next ? trail.Next(next).Href("/questions") : null;
        return Page();
    }
}
