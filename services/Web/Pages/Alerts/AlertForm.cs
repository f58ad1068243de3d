using System.Net.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using PanelPlatform.Web.Govuk;

namespace PanelPlatform.Web.Pages.Alerts;

/// <summary>A subscriber's choices as the form holds them; each topic's channels are checkboxes valued <c>topic:channel</c>.</summary>
public sealed class AlertInput
{
    public string? Email { get; set; }

    public string? Mobile { get; set; }

    public List<string>? Areas { get; set; }

    public List<string>? Groups { get; set; }

    public List<string>? Topics { get; set; }

    public string? Frequency { get; set; }

    public static AlertInput From(Subscriber subscriber) => new()
    {
        Areas = [.. subscriber.Areas],
        Groups = [.. subscriber.Groups],
        Topics = [.. subscriber.Topics.SelectMany(t => t.Value.Select(channel => $"{t.Key}:{channel}"))],
        Frequency = subscriber.Frequency,
    };
}

/// <summary>What the Notifications API takes as a subscriber's preferences.</summary>
public sealed record PreferencesRequest(string[] Areas, string[] Groups, Dictionary<string, string[]> Topics, string Frequency);

/// <summary>
/// Sign-up and "manage your alerts" ask the same things (<c>_Preferences</c>): areas, groups, topics with a channel
/// each, and how often. Only the channels the person has given an address for can be chosen.
/// </summary>
public abstract class AlertPreferencesPage : PageModel
{
    [BindProperty]
    public AlertInput Input { get; set; } = new();

    public Choices Choices { get; protected set; } = null!;

    /// <summary>The form's fields in the order it asks them, for the error summary.</summary>
    public static readonly IReadOnlyList<string> ErrorOrder =
        ["Input.Email", "Input.Mobile", "Input.Areas", "Input.Groups", "Input.Topics", "Input.Frequency"];

    /// <summary>The channels the topics offer (sign-up: email and text; managing: those the subscriber has an address for).</summary>
    public IReadOnlyList<Named> Channels { get; protected set; } = [];

    public static readonly FieldProblems Fields = new FieldProblems()
        .Field("email", "Input.Email", "Enter an email address in the correct format, like name@example.com")
        .Field("mobile", "Input.Mobile", "Enter a UK mobile number, like 07700 900982")
        .Field("areas", "Input.Areas", "Select areas from the list")
        .Field("wards", "Input.Areas", "Select areas from the list")
        .Field("groups", "Input.Groups", "Select groups from the list")
        .Field("topics", "Input.Topics", "Select at least one topic, and how you want to hear about it")
        .Field("frequency", "Input.Frequency", "Select how often you want emails");

    public IEnumerable<SelectListItem> AreaItems => Choices.Areas.Select(a => new SelectListItem(a, a));

    public IEnumerable<SelectListItem> GroupItems => Choices.Groups.Select(g => new SelectListItem(g.Name, g.Slug));

    public IEnumerable<SelectListItem> FrequencyItems => Choices.Frequencies.Select(f => new SelectListItem(f.Name, f.Slug));

    public bool IsChosen(string topic, string channel) => Input.Topics?.Contains($"{topic}:{channel}") == true;

    /// <summary>The topics and the channels chosen for each, as the API takes them; only those offered count.</summary>
    protected Dictionary<string, string[]> ChosenTopics() =>
        (Input.Topics ?? [])
            .Select(value => value.Split(':', 2))
            .Where(parts => parts.Length == 2 && Choices.Topics.Any(t => t.Slug == parts[0]) && Channels.Any(c => c.Slug == parts[1]))
            .GroupBy(parts => parts[0], parts => parts[1])
            .ToDictionary(g => g.Key, g => g.Distinct().ToArray());

    /// <summary>The preferences as the API takes them, after the page's own checks (which add their errors to ModelState).</summary>
    protected PreferencesRequest Preferences(bool hasEmail, bool hasMobile)
    {
        var topics = ChosenTopics();
        if (topics.Count == 0)
        {
            ModelState.AddModelError("Input.Topics", "Select at least one topic, and how you want to hear about it");
        }
        else if (!hasMobile && topics.Values.Any(c => c.Contains("sms")))
        {
            ModelState.AddModelError("Input.Mobile", "Enter a mobile number to get text messages, or choose email only");
        }
        else if (!hasEmail && topics.Values.Any(c => c.Contains("email")))
        {
            ModelState.AddModelError("Input.Email", "Enter an email address to get emails, or choose text message only");
        }

        return new PreferencesRequest(
            [.. (Input.Areas ?? []).Where(Choices.Areas.Contains)],
            [.. (Input.Groups ?? []).Where(g => Choices.Groups.Any(x => x.Slug == g))],
            topics,
            Choices.Frequencies.Any(f => f.Slug == Input.Frequency) ? Input.Frequency! : "immediate");
    }

    public static bool LooksLikeEmail(string email) =>
        MailAddress.TryCreate(email, out var address) && address.Address == email && address.Host.Contains('.', StringComparison.Ordinal);
}
