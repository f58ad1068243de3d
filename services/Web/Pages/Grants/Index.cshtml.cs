using Microsoft.AspNetCore.Mvc.RazorPages;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Grants;

/// <summary>The grant rounds: open now, opening soon, and the most recently closed (marked closed).</summary>
public sealed class IndexModel(PanelApi api) : PageModel
{
    public const int ClosedShown = 10;

    public IReadOnlyList<Round> Open { get; private set; } = [];

    public IReadOnlyList<Round> Upcoming { get; private set; } = [];

    public IReadOnlyList<Round> RecentlyClosed { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var grants = new GrantsApi(api);
        Open = await grants.RoundsAsync("open", cancellationToken);
        Upcoming = await grants.RoundsAsync("upcoming", cancellationToken);
        // The API lists by closing date, earliest first: the latest to close are at the end.
        RecentlyClosed = [.. (await grants.RoundsAsync("closed", cancellationToken)).Reverse().Take(ClosedShown)];
    }
}
