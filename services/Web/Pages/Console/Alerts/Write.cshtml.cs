using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Time;
using PanelPlatform.Web.Gateway;
using PanelPlatform.Web.Govuk;

namespace PanelPlatform.Web.Pages.Console.Alerts;

/// <summary>
/// Writing an alert (new, or a draft or scheduled one again): title, message, topic, areas and groups, with the
/// number of people it would reach — kept up to date by <c>/js/alert-audience.js</c> as areas and groups are ticked
/// (it asks <c>?handler=Audience</c>), and by the "Check audience" button without JavaScript. Then save it as a draft,
/// send it now or schedule it for a London date and time.
/// </summary>
[Authorize(Policy = Roles.AlertsCoordinator)]
public sealed class WriteModel(PanelApi api, TimeProvider time) : PageModel
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 5000;

    public sealed class AlertForm
    {
        public string? Title { get; set; }

        public string? Body { get; set; }

        public string? Topic { get; set; }

        public List<string> Areas { get; set; } = [];

        public List<string> Groups { get; set; } = [];

        /// <summary>Neighbourhood watch schemes by name, separated by commas.</summary>
        public string? NeighbourhoodWatch { get; set; }

        public string? ScheduleDay { get; set; }

        public string? ScheduleMonth { get; set; }

        public string? ScheduleYear { get; set; }

        /// <summary>24-hour London time, e.g. 14:30.</summary>
        public string? ScheduleTime { get; set; }
    }

    private static readonly Dictionary<string, string> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["title"] = "Input.Title",
        ["body"] = "Input.Body",
        ["topic"] = "Input.Topic",
        ["areas"] = "Input.Areas",
        ["groups"] = "Input.NeighbourhoodWatch",
        ["scheduledFor"] = "Input.ScheduleDay",
    };

    [BindProperty]
    public AlertForm Input { get; set; } = new();

    /// <summary>The alert being written again; null for a new one.</summary>
    public AlertView? Existing { get; private set; }

    public AudienceView? Audience { get; private set; }

    public static IEnumerable<SelectListItem> TopicChoices => AlertChoices.Topics.Select(t => new SelectListItem(t.Text, t.Value));

    public static IEnumerable<SelectListItem> AreaChoices => AlertChoices.Areas.Select(a => new SelectListItem(a, a));

    public static IEnumerable<SelectListItem> GroupChoices => AlertChoices.Groups.Select(g => new SelectListItem(g.Text, g.Value));

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (id is { } alertId)
        {
            if (await LoadAsync(alertId, cancellationToken) is { } elsewhere)
            {
                return elsewhere;
            }

            var alert = Existing!;
            Input = new AlertForm
            {
                Title = alert.Title,
                Body = alert.Body,
                Topic = alert.Topic,
                Areas = [.. alert.Areas],
                Groups = alert.Groups.Where(g => !g.StartsWith(AlertChoices.NeighbourhoodWatchPrefix, StringComparison.Ordinal)).ToList(),
                NeighbourhoodWatch = AlertChoices.NeighbourhoodWatchText(alert.Groups),
            };
            if (alert.ScheduledFor is { } at)
            {
                var local = Display.InLondon(at);
                Input.ScheduleDay = local.Day.ToString(CultureInfo.InvariantCulture);
                Input.ScheduleMonth = local.Month.ToString(CultureInfo.InvariantCulture);
                Input.ScheduleYear = local.Year.ToString(CultureInfo.InvariantCulture);
                Input.ScheduleTime = local.ToString("HH:mm", CultureInfo.InvariantCulture);
            }
        }

        Audience = await CountAsync(cancellationToken);
        return Page();
    }

    /// <summary>The live count, for the script: the same numbers the page shows after "Check audience".</summary>
    public async Task<IActionResult> OnGetAudienceAsync(string? topic, string[]? areas, string[]? groups, string? neighbourhoodWatch, CancellationToken cancellationToken)
    {
        Input = new AlertForm { Topic = topic, Areas = [.. areas ?? []], Groups = [.. groups ?? []], NeighbourhoodWatch = neighbourhoodWatch };
        var audience = await CountAsync(cancellationToken);
        return audience is null
            ? new JsonResult(new { known = false, sentence = "Choose a topic to see how many people this alert would reach." })
            : new JsonResult(new { known = true, audience.Subscribers, audience.Email, audience.Sms, audience.Webhook, detail = AlertChoices.AudienceDetail(audience) });
    }

    /// <param name="action"><c>audience</c>, <c>save</c>, <c>send</c> or <c>schedule</c>: the button pressed.</param>
    public async Task<IActionResult> OnPostAsync(Guid? id, string? action, CancellationToken cancellationToken)
    {
        if (id is { } alertId && await LoadAsync(alertId, cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        ModelState.Clear();
        if (action == "audience")
        {
            Audience = await CountAsync(cancellationToken);
            if (Audience is null)
            {
                ModelState.AddModelError("Input.Topic", "Select the topic of the alert to see its audience");
            }

            return Page();
        }

        if (action is not ("save" or "send" or "schedule"))
        {
            return BadRequest();
        }

        Check();
        var scheduledFor = action == "schedule" ? CheckSchedule() : null;
        if (!ModelState.IsValid)
        {
            Audience = await CountAsync(cancellationToken);
            return Page();
        }

        var body = new
        {
            title = Input.Title!.Trim(),
            body = Input.Body!.Trim(),
            topic = Input.Topic,
            areas = Input.Areas,
            wards = Existing?.Wards ?? [],
            groups = AllGroups(),
            scheduledFor = scheduledFor?.ToUniversalTime(),
        };
        var saved = Existing is null
            ? await api.PostAsync<AlertView>("api/notifications/alerts", body, cancellationToken)
            : await api.PutAsync<AlertView>($"api/notifications/alerts/{Existing.Id}", body, cancellationToken);
        if (!saved.Ok)
        {
            return await ShowProblemAsync(saved.Problem!, cancellationToken);
        }

        var alert = saved.Value!;
        if (action == "save")
        {
            ConsoleBanner.Show(TempData, "Alert saved as a draft", alert.Audience is { } audience ? $"It would reach {AlertChoices.AudienceSentence(audience)}." : null);
            return Redirect($"/console/alerts/{alert.Id}");
        }

        var sent = await api.PostAsync<AlertView>($"api/notifications/alerts/{alert.Id}/send", null, cancellationToken);
        if (!sent.Ok)
        {
            // Saved, but not sent (issued meanwhile, say): the alert's own page says where it stands.
            ConsoleBanner.Show(TempData, "Alert saved but not sent", PlainProblem(sent.Problem!));
            return Redirect($"/console/alerts/{alert.Id}");
        }

        var result = sent.Value!;
        if (result.Status == "scheduled")
        {
            ConsoleBanner.Show(TempData, $"Alert scheduled for {Display.DateAndTime(result.ScheduledFor!.Value)}",
                "It goes out then to everyone it reaches at that moment, unless you unschedule it first.");
        }
        else
        {
            ConsoleBanner.Show(TempData, "Alert sent", $"It is going to {result.AudienceSize ?? 0:N0} {(result.AudienceSize == 1 ? "subscriber" : "subscribers")}.");
        }

        return Redirect($"/console/alerts/{alert.Id}");
    }

    private async Task<IActionResult> ShowProblemAsync(ApiProblem problem, CancellationToken cancellationToken)
    {
        if (problem.Status == StatusCodes.Status409Conflict)
        {
            ModelState.AddModelError("", "This alert has been sent meanwhile, so it can no longer be changed. What you typed is below; copy it into a new alert if you need to.");
        }
        else
        {
            ModelState.AddApiProblem(problem, Fields);
        }

        Audience = await CountAsync(cancellationToken);
        return Page();
    }

    private static string PlainProblem(ApiProblem problem) => problem.Status == StatusCodes.Status409Conflict
        ? "It had already been sent."
        : problem.Detail ?? problem.Title ?? "The service refused it.";

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await api.GetAsync<AlertView>($"api/notifications/alerts/{id}", cancellationToken);
        if (found.NotFound)
        {
            return NotFound();
        }

        Existing = found.Required("the alert");
        // A sent alert is history: its page shows it, nothing can change it.
        return Existing.Status == "issued" ? Redirect($"/console/alerts/{id}") : null;
    }

    private IReadOnlyList<string> AllGroups() =>
        Input.Groups.Where(g => AlertChoices.Groups.Any(c => c.Value == g)).Concat(AlertChoices.NeighbourhoodWatchGroups(Input.NeighbourhoodWatch)).Distinct().ToList();

    /// <summary>Who the alert as typed would reach; null until a topic is chosen (subscribers choose topics).</summary>
    private async Task<AudienceView?> CountAsync(CancellationToken cancellationToken)
    {
        if (AlertChoices.Topics.All(t => t.Value != Input.Topic))
        {
            return null;
        }

        var query = $"api/notifications/alerts/audience?topic={Uri.EscapeDataString(Input.Topic!)}" +
                    string.Concat(Input.Areas.Where(AlertChoices.Areas.Contains).Select(a => $"&areas={Uri.EscapeDataString(a)}")) +
                    string.Concat((Existing?.Wards ?? []).Select(w => $"&wards={Uri.EscapeDataString(w)}")) +
                    string.Concat(AllGroups().Select(g => $"&groups={Uri.EscapeDataString(g)}"));
        var result = await api.GetAsync<AudienceView>(query, cancellationToken);
        return result.Ok ? result.Value : null;
    }

    private void Check()
    {
        if (string.IsNullOrWhiteSpace(Input.Title))
        {
            ModelState.AddModelError("Input.Title", "Enter a title for the alert");
        }
        else if (Input.Title.Trim().Length > MaxTitleLength)
        {
            ModelState.AddModelError("Input.Title", $"The title must be {MaxTitleLength} characters or fewer");
        }

        if (string.IsNullOrWhiteSpace(Input.Body))
        {
            ModelState.AddModelError("Input.Body", "Enter the message");
        }
        else if (Input.Body.Trim().Length > MaxBodyLength)
        {
            ModelState.AddModelError("Input.Body", $"The message must be {MaxBodyLength:N0} characters or fewer");
        }

        if (AlertChoices.Topics.All(t => t.Value != Input.Topic))
        {
            ModelState.AddModelError("Input.Topic", "Select the topic of the alert");
        }
    }

    /// <summary>The London date and time to send at, which must be ahead; the GOV.UK date input's messages otherwise.</summary>
    private DateTimeOffset? CheckSchedule()
    {
        if (string.IsNullOrWhiteSpace(Input.ScheduleDay) && string.IsNullOrWhiteSpace(Input.ScheduleMonth) && string.IsNullOrWhiteSpace(Input.ScheduleYear))
        {
            ModelState.AddModelError("Input.ScheduleDay", "Enter the date to send the alert");
            return null;
        }

        if (!int.TryParse(Input.ScheduleDay, NumberStyles.None, CultureInfo.InvariantCulture, out var day) ||
            !int.TryParse(Input.ScheduleMonth, NumberStyles.None, CultureInfo.InvariantCulture, out var month) ||
            !int.TryParse(Input.ScheduleYear, NumberStyles.None, CultureInfo.InvariantCulture, out var year) ||
            year is < 2000 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            ModelState.AddModelError("Input.ScheduleDay", "The date to send the alert must be a real date, like 27 3 2026");
            return null;
        }

        if (!TimeOnly.TryParseExact((Input.ScheduleTime ?? "").Trim().Replace('.', ':'), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            ModelState.AddModelError("Input.ScheduleTime", "Enter the time to send the alert in 24-hour form, like 09:30 or 17:45");
            return null;
        }

        var when = UkTime.FromLondon(new DateOnly(year, month, day), at);
        if (when <= time.GetUtcNow())
        {
            ModelState.AddModelError("Input.ScheduleDay", "The date and time to send the alert must be in the future");
            return null;
        }

        return when;
    }
}
