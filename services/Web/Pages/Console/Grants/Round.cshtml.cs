using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.Web.Gateway;
using PanelPlatform.Web.Govuk;

namespace PanelPlatform.Web.Pages.Console.Grants;

/// <summary>One round: its budget (always in view) and its applications, with their status and score.</summary>
[Authorize(Policy = Roles.GrantsOfficer)]
public sealed class RoundModel(PanelApi api) : PageModel
{
    private const int MaxPages = 10;

    public static readonly IReadOnlyList<(string Value, string Text)> Statuses =
    [
        ("", "All applications"), ("submitted", "Submitted"), ("under-assessment", "Under assessment"), ("awarded", "Awarded"),
        ("declined", "Declined"), ("withdrawn", "Withdrawn"), ("draft", "Drafts"),
    ];

    public RoundView Round { get; private set; } = null!;

    public IReadOnlyList<ApplicationRow> Applications { get; private set; } = [];

    public string Status { get; private set; } = "";

    public SortableColumns Columns { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, string? status, string? sort, string? order, CancellationToken cancellationToken)
    {
        var round = await api.GetAsync<RoundView>($"api/grants/rounds/{id}", cancellationToken);
        if (round.NotFound)
        {
            return NotFound();
        }

        Round = round.Required("the round");
        Status = Statuses.Any(s => s.Value == status) ? status! : "";
        var rows = new List<ApplicationRow>();
        string? cursor = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var query = $"api/grants/rounds/{id}/applications?limit=200{(Status.Length == 0 ? "" : $"&status={Status}")}{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}";
            var result = (await api.GetAsync<ApiPage<ApplicationRow>>(query, cancellationToken)).Required("the round's applications");
            rows.AddRange(result.Items);
            cursor = result.NextCursor;
            if (cursor is null)
            {
                break;
            }
        }

        sort = sort is "organisation" or "status" or "requested" or "score" or "submitted" ? sort : "score";
        // Best score first unless asked otherwise: the officer reads the strongest applications first.
        var descending = order is null ? sort == "score" : order == "desc";
        Columns = new SortableColumns(sort, descending, (key, desc) => $"/console/grants/rounds/{id}?status={Status}&sort={key}&order={(desc ? "desc" : "asc")}");
        IEnumerable<ApplicationRow> sorted = sort switch
        {
            "organisation" => rows.OrderBy(a => a.OrganisationName, StringComparer.OrdinalIgnoreCase),
            "status" => rows.OrderBy(a => a.Status, StringComparer.Ordinal),
            "requested" => rows.OrderBy(a => a.AmountRequested ?? 0m),
            "submitted" => rows.OrderBy(a => a.SubmittedAt ?? DateTimeOffset.MaxValue),
            _ => rows.OrderBy(a => a.OverallScore ?? -1m).ThenBy(a => a.SubmittedAt ?? DateTimeOffset.MaxValue),
        };
        Applications = descending ? sorted.Reverse().ToList() : sorted.ToList();
        return Page();
    }
}
