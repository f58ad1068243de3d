using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Alerts;

/// <summary>"Download your data": everything Notifications holds about the subscriber, as a JSON file.</summary>
public sealed class ExportModel(PanelApi api) : PageModel
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public LinkOutcome Outcome { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Token))
        {
            Outcome = LinkOutcome.Invalid;
        }
        else if (await new AlertsApi(api).ExportAsync(Token, cancellationToken) is var export && export.Ok)
        {
            Response.Headers.CacheControl = "no-store";
            return File(JsonSerializer.SerializeToUtf8Bytes(export.Value, Indented), "application/json", "derbyshire-alert-my-data.json");
        }
        else
        {
            Outcome = OwnSubscription.OutcomeOf(export.Status);
        }

        Response.StatusCode = OwnSubscription.StatusOf(Outcome);
        return Page();
    }
}
