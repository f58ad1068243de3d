using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.Web.Gateway;
using PanelPlatform.Web.Govuk;

namespace PanelPlatform.Web.Pages.Console.Grants;

/// <summary>The grants officer's rounds: each with its budget, what has been awarded and what remains.</summary>
[Authorize(Policy = Roles.GrantsOfficer)]
public sealed class IndexModel(PanelApi api) : PageModel
{
    /// <summary>The API pages its lists; the office has a handful of rounds a year, so a few pages are all of them.</summary>
    private const int MaxPages = 10;

    public static readonly IReadOnlyList<(string Value, string Text)> Statuses =
        [("all", "All rounds"), ("open", "Open"), ("upcoming", "Upcoming"), ("closed", "Closed")];

    public IReadOnlyList<RoundView> Rounds { get; private set; } = [];

    public string Status { get; private set; } = "all";

    public SortableColumns Columns { get; private set; } = null!;

    public async Task OnGetAsync(string? status, string? sort, string? order, CancellationToken cancellationToken)
    {
        Status = Statuses.Any(s => s.Value == status) ? status! : "all";
        var rounds = new List<RoundView>();
        string? cursor = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var result = (await api.GetAsync<ApiPage<RoundView>>(
                $"api/grants/rounds?status={Status}&limit=200{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}", cancellationToken)).Required("grant rounds");
            rounds.AddRange(result.Items);
            cursor = result.NextCursor;
            if (cursor is null)
            {
                break;
            }
        }

        sort = sort is "name" or "budget" or "awarded" or "remaining" or "closes" ? sort : "closes";
        var descending = order == "desc";
        Columns = new SortableColumns(sort, descending, (key, desc) => $"/console/grants?status={Status}&sort={key}&order={(desc ? "desc" : "asc")}");
        IEnumerable<RoundView> sorted = sort switch
        {
            "name" => rounds.OrderBy(r => r.SchemeName, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase),
            "budget" => rounds.OrderBy(r => r.Budget),
            "awarded" => rounds.OrderBy(r => r.AwardedTotal),
            "remaining" => rounds.OrderBy(r => r.Remaining),
            _ => rounds.OrderBy(r => r.ClosesAt),
        };
        Rounds = descending ? sorted.Reverse().ToList() : sorted.ToList();
    }
}
