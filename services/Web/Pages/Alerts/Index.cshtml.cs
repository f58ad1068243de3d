using Microsoft.AspNetCore.Mvc;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Alerts;

/// <summary>Sign up to Derbyshire Alert: where, which groups, what about, by email and/or text, how often.</summary>
public sealed class IndexModel(PanelApi api) : AlertPreferencesPage
{
    /// <summary>TempData key: where the confirmation went, for "check your email".</summary>
    public const string SentTo = "alerts-sent-to";

    private readonly AlertsApi _alerts = new(api);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input.Frequency = "immediate";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        ModelState.Clear();
        var email = string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim();
        var mobile = string.IsNullOrWhiteSpace(Input.Mobile) ? null : Input.Mobile.Trim();
        if (email is null && mobile is null)
        {
            ModelState.AddModelError("Input.Email", "Enter an email address or a UK mobile number");
        }
        else if (email is not null && !LooksLikeEmail(email))
        {
            ModelState.AddModelError("Input.Email", "Enter an email address in the correct format, like name@example.com");
        }

        var preferences = Preferences(email is not null, mobile is not null);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var signedUp = await _alerts.SignUpAsync(
            new { email, mobile, preferences.Areas, preferences.Groups, preferences.Topics, preferences.Frequency }, cancellationToken);
        if (!signedUp.Ok)
        {
            Fields.AddTo(ModelState, signedUp.Problem!);
            return Page();
        }

        TempData[SentTo] = string.Join('\n', new[] { email, mobile }.OfType<string>());
        return Redirect("/alerts/check-your-email");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Choices = await _alerts.ChoicesAsync(cancellationToken);
        Channels = Choices.Channels;
    }
}
