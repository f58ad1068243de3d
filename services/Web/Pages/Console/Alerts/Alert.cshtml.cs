using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.Web.Gateway;
using PanelPlatform.Web.Govuk;

namespace PanelPlatform.Web.Pages.Console.Alerts;

/// <summary>
/// One alert: what it says and who it goes to; a draft's or scheduled one's audience now, a sent one's deliveries and
/// its CAP XML. Send a draft now, unschedule a scheduled one, or change either.
/// </summary>
[Authorize(Policy = Roles.AlertsCoordinator)]
public sealed class AlertModel(PanelApi api) : PageModel
{
    public AlertView Alert { get; private set; } = null!;

    public AudienceView? Audience { get; private set; }

    public AlertDeliveries? Deliveries { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSendAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Alert.Status == "scheduled" || Alert.ScheduledFor is not null)
        {
            // "Send now" means now: the schedule is taken off first.
            var cleared = await api.PutAsync<AlertView>($"api/notifications/alerts/{id}", new
            {
                title = Alert.Title, body = Alert.Body, topic = Alert.Topic, areas = Alert.Areas, wards = Alert.Wards, groups = Alert.Groups, scheduledFor = (DateTimeOffset?)null,
            }, cancellationToken);
            if (!cleared.Ok)
            {
                return await RefusedAsync(id, cleared.Problem!, cancellationToken);
            }
        }

        var sent = await api.PostAsync<AlertView>($"api/notifications/alerts/{id}/send", null, cancellationToken);
        if (!sent.Ok)
        {
            return await RefusedAsync(id, sent.Problem!, cancellationToken);
        }

        ConsoleBanner.Show(TempData, "Alert sent", $"It is going to {sent.Value!.AudienceSize ?? 0:N0} {(sent.Value.AudienceSize == 1 ? "subscriber" : "subscribers")}.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUnscheduleAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await api.PostAsync<AlertView>($"api/notifications/alerts/{id}/unschedule", null, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (!result.Ok)
        {
            return await RefusedAsync(id, result.Problem!, cancellationToken);
        }

        ConsoleBanner.Show(TempData, "Alert unscheduled", "It is a draft again and will not be sent unless you send or schedule it.");
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> RefusedAsync(Guid id, ApiProblem problem, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ModelState.AddModelError("", problem.Status == StatusCodes.Status409Conflict
            ? "This alert has already been sent, so it can no longer be sent again, changed or unscheduled. Its deliveries are below."
            : problem.Detail ?? problem.Title ?? "The service refused it.");
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await api.GetAsync<AlertView>($"api/notifications/alerts/{id}", cancellationToken);
        if (found.NotFound)
        {
            return false;
        }

        Alert = found.Required("the alert");
        if (Alert.Status == "issued")
        {
            Deliveries = (await api.GetAsync<AlertDeliveries>($"api/notifications/alerts/{id}/deliveries", cancellationToken)).Required("the alert's deliveries");
        }
        else
        {
            Audience = (await api.GetAsync<AudienceView>($"api/notifications/alerts/{id}/audience", cancellationToken)).Required("the alert's audience");
        }

        return true;
    }
}
