namespace PanelPlatform.Notifications.Templates;

public enum TemplateAudience
{
    /// <summary>Every subscriber of the template's topic whose places meet the event's areas.</summary>
    Subscribers,

    /// <summary>The one person the event names by a recipient id field.</summary>
    Recipient,
}

/// <summary>
/// How one integration event becomes one notice: configuration (<c>notice-templates.json</c>), not code. Placeholders
/// name the event's properties: <c>{{Title}}</c>, <c>{{StartsAt|datetime}}</c>, <c>{{#Items}}{{Number}} {{Title}}{{/Items}}</c>.
/// </summary>
public sealed class NoticeTemplate
{
    /// <summary>The notice type (e.g. <c>agenda.published</c>): the webhook payload's <c>type</c>.</summary>
    public string Key { get; set; } = "";

    public TemplateAudience Audience { get; set; } = TemplateAudience.Subscribers;

    /// <summary>For <see cref="TemplateAudience.Subscribers"/>: the topic subscribers chose.</summary>
    public string? Topic { get; set; }

    /// <summary>The event property listing the areas it concerns (absent or empty: the whole county).</summary>
    public string? Areas { get; set; }

    /// <summary>For <see cref="TemplateAudience.Recipient"/>: the event property holding the recipient id.</summary>
    public string? Recipient { get; set; }

    /// <summary>For a recipient: the channels to try, in order; the first they can be reached on is used. Unset: email, then text.</summary>
    /// <remarks>
    /// Null rather than a list holding the default: the configuration binder adds a configured list to the items a
    /// property already has, so <c>["email"]</c> would have been read as email, text, email.
    /// </remarks>
    public List<string>? Channels { get; set; }

    public string Title { get; set; } = "";
    public string Text { get; set; } = "";
}

/// <summary><c>Notifications:Templates</c>: templates per event type name, and the named ones <c>SendNotice</c> uses.</summary>
public sealed class TemplateOptions
{
    public const string SectionName = "Notifications:Templates";

    public Dictionary<string, List<NoticeTemplate>> Events { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, NoticeTemplate> Notices { get; set; } = new(StringComparer.Ordinal);
}
