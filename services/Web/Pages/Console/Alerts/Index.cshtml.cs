using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Console.Alerts;

/// <summary>The coordinator's alerts, newest first: drafts, scheduled and sent.</summary>
[Authorize(Policy = Roles.AlertsCoordinator)]
public sealed class IndexModel(PanelApi api) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<AlertView> Alerts { get; private set; } = [];

    public string? NextCursor { get; private set; }

    public bool IsFirstPage { get; private set; }

    public async Task OnGetAsync(string? cursor, CancellationToken cancellationToken)
    {
        IsFirstPage = string.IsNullOrEmpty(cursor);
        var page = (await api.GetAsync<ApiPage<AlertView>>(
            $"api/notifications/alerts?limit={PageSize}{(IsFirstPage ? "" : $"&cursor={Uri.EscapeDataString(cursor!)}")}", cancellationToken)).Required("the alerts");
        Alerts = page.Items;
        NextCursor = page.NextCursor;
    }
}
