using Microsoft.AspNetCore.Mvc;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Alerts;

/// <summary>
/// Where the manage link lands: the subscriber's details and choices, which they can change, and the ways to download
/// or delete their data. The link's token is the only key: it travels with each form on the page.
/// </summary>
public sealed class ManageModel(PanelApi api) : AlertPreferencesPage
{
    private readonly AlertsApi _alerts = new(api);

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public Subscriber? Subscriber { get; private set; }

    public LinkOutcome Outcome { get; private set; } = LinkOutcome.Ready;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken))
        {
            Input = AlertInput.From(Subscriber!);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Page();
        }

        ModelState.Clear();
        var preferences = Preferences(Subscriber!.Email is not null, Subscriber.Mobile is not null);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var changed = await _alerts.ChangeAsync(Token!, preferences, cancellationToken);
        if (!changed.Ok)
        {
            Fields.AddTo(ModelState, changed.Problem!);
            return Page();
        }

        return Redirect($"/alerts/manage?token={Uri.EscapeDataString(Token!)}&saved=true");
    }

    /// <summary>Reads the subscriber through the link; false (with <see cref="Outcome"/> saying why) when the link does not work.</summary>
    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var (subscriber, outcome) = await OwnSubscription.ReadAsync(_alerts, Token, cancellationToken);
        Outcome = outcome;
        if (Outcome != LinkOutcome.Ready)
        {
            Response.StatusCode = OwnSubscription.StatusOf(Outcome);
            return false;
        }

        Subscriber = subscriber;
        Choices = await _alerts.ChoicesAsync(cancellationToken);
        Channels = [.. Choices.Channels.Where(c => c.Slug == "email" ? subscriber!.Email is not null : subscriber!.Mobile is not null)];
        return true;
    }
}

/// <summary>Reading one's own subscription through a manage link, for the pages it opens.</summary>
public static class OwnSubscription
{
    public static async Task<(Subscriber? Subscriber, LinkOutcome Outcome)> ReadAsync(AlertsApi alerts, string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return (null, LinkOutcome.Invalid);
        }

        var own = await alerts.OwnAsync(token, cancellationToken);
        return own.Ok ? (own.Value!.Subscriber, LinkOutcome.Ready) : (null, OutcomeOf(own.Status));
    }

    /// <summary>The API's answer to a manage link that does not work: 422 expired, 404 erased, otherwise not one of its links.</summary>
    public static LinkOutcome OutcomeOf(int status) => status switch
    {
        StatusCodes.Status422UnprocessableEntity => LinkOutcome.Expired,
        StatusCodes.Status404NotFound => LinkOutcome.Gone,
        _ => LinkOutcome.Invalid,
    };

    public static int StatusOf(LinkOutcome outcome) => outcome switch
    {
        LinkOutcome.Expired => StatusCodes.Status410Gone,
        LinkOutcome.Gone => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status400BadRequest,
    };
}
