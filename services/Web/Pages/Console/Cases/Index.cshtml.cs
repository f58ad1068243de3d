using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Console.Cases;

/// <summary>
/// The caseworker's queue: soonest deadline first (the clocks still running), with the API's due-soon and breached
/// flags as tags; filtered by who it is assigned to, type and status; paged by the API's cursors.
/// </summary>
[Authorize(Policy = Roles.Caseworker)]
public sealed class IndexModel(PanelApi api) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<CaseListItem> Cases { get; private set; } = [];

    public string Assignee { get; private set; } = "";

    public string Type { get; private set; } = "";

    public string Status { get; private set; } = "";

    /// <summary><c>due</c> (soonest deadline first) or <c>received</c> (newest first).</summary>
    public string Sort { get; private set; } = "due";

    /// <summary>Set when deadline order was asked for cases whose clocks have stopped (they have no next deadline).</summary>
    public bool SortedByReceivedInstead { get; private set; }

    public string? NextCursor { get; private set; }

    public bool IsFirstPage { get; private set; }

    public async Task OnGetAsync(string? assignee, string? type, string? status, string? sort, string? cursor, CancellationToken cancellationToken)
    {
        Assignee = assignee is "me" or "unassigned" ? assignee : "";
        Type = CaseWords.Types.Any(t => t.Value == type) ? type! : "";
        Status = CaseWords.Statuses.Any(s => s.Value == status) ? status! : "";
        Sort = sort == "received" ? "received" : "due";
        var apiSort = Sort;
        if (Sort == "due" && Status is "awaiting-information" or "responded" or "closed")
        {
            // The API orders by deadline only the cases whose clock is running; these have none to order by.
            apiSort = "received";
            SortedByReceivedInstead = true;
        }

        IsFirstPage = string.IsNullOrEmpty(cursor);
        var query = $"api/casework/cases?sort={apiSort}&limit={PageSize}" +
                    (Assignee.Length > 0 ? $"&assignee={Assignee}" : "") +
                    (Type.Length > 0 ? $"&type={Type}" : "") +
                    (Status.Length > 0 ? $"&status={Status}" : "") +
                    (IsFirstPage ? "" : $"&cursor={Uri.EscapeDataString(cursor!)}");
        var page = (await api.GetAsync<ApiPage<CaseListItem>>(query, cancellationToken)).Required("the case queue");
        Cases = page.Items;
        NextCursor = page.NextCursor;
    }

    public string Link(string? cursor = null, string? sort = null) =>
        $"/console/cases?assignee={Assignee}&type={Type}&status={Status}&sort={sort ?? Sort}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
}
