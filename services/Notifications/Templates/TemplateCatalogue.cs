using System.Collections;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PanelPlatform.Contracts.Meetings;
using PanelPlatform.Notifications.Domain;

namespace PanelPlatform.Notifications.Templates;

/// <summary>One template, parsed and checked against its event type.</summary>
public sealed class CompiledTemplate(NoticeTemplate template, TemplateText title, TemplateText text, IReadOnlyList<Channel> channels)
{
    public NoticeTemplate Template => template;
    public string Key => template.Key;
    public IReadOnlyList<Channel> Channels => channels;

    public string Title(JsonElement values) => Collapse(title.Render(Readable(values)));

    public string Text(JsonElement values) => text.Render(Readable(values)).Trim();

    /// <summary>The event's areas as people write them ("Amber Valley", not a slug), for the words of the notice.</summary>
    private JsonElement Readable(JsonElement values)
    {
        if (template.Areas is null || values.ValueKind != JsonValueKind.Object || !values.TryGetProperty(template.Areas, out var list) ||
            list.ValueKind != JsonValueKind.Array)
        {
            return values;
        }

        var node = System.Text.Json.Nodes.JsonNode.Parse(values.GetRawText())!.AsObject();
        node[template.Areas] = new System.Text.Json.Nodes.JsonArray(list.EnumerateArray()
            .Select(a => (System.Text.Json.Nodes.JsonNode?)(a.ValueKind == JsonValueKind.String ? Domain.Areas.Canonical(a.GetString()!) ?? a.GetString() : null))
            .ToArray());
        return JsonSerializer.SerializeToElement(node);
    }

    /// <summary>The areas the event concerns, in our spelling; unknown names are ignored (the notice is then county-wide).</summary>
    public string[] Areas(JsonElement values)
    {
        if (template.Areas is null || !values.TryGetProperty(template.Areas, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return list.EnumerateArray()
            .Select(a => a.ValueKind == JsonValueKind.String ? Domain.Areas.Canonical(a.GetString()!) : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    public Guid? RecipientId(JsonElement values) =>
        template.Recipient is not null && values.TryGetProperty(template.Recipient, out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetGuid()
            : null;

    private static string Collapse(string value) => string.Join(' ', value.Split((char[])['\r', '\n', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>
/// The template catalogue: which integration events become notices, and how. Loaded from configuration and checked
/// when the service starts (a placeholder naming no property of its event is a start-up error, not a blank in a message).
/// </summary>
public sealed class TemplateCatalogue
{
    private readonly Dictionary<Type, IReadOnlyList<CompiledTemplate>> _events;
    private readonly Dictionary<string, CompiledTemplate> _notices;

    private TemplateCatalogue(Dictionary<Type, IReadOnlyList<CompiledTemplate>> events, Dictionary<string, CompiledTemplate> notices)
    {
        _events = events;
        _notices = notices;
    }

    /// <summary>Event types with at least one template: each gets the one generic consumer.</summary>
    public IReadOnlyCollection<Type> EventTypes => _events.Keys;

    public IReadOnlyList<CompiledTemplate> For(Type eventType) => _events.GetValueOrDefault(eventType) ?? [];

    public CompiledTemplate? Notice(string name) => _notices.GetValueOrDefault(name);

    /// <summary>Every integration event another service publishes, by its type name.</summary>
    public static IReadOnlyDictionary<string, Type> KnownEvents { get; } = typeof(MeetingScheduled).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && t.Namespace is { } ns &&
                    ns.StartsWith("PanelPlatform.Contracts.", StringComparison.Ordinal) &&
                    ns != "PanelPlatform.Contracts.Notifications" &&
                    t.GetProperty("OccurredAt") is not null)
        .ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static TemplateCatalogue Create(TemplateOptions options)
    {
        var errors = new List<string>();
        var events = new Dictionary<Type, IReadOnlyList<CompiledTemplate>>();
        foreach (var (eventName, templates) in options.Events)
        {
            if (!KnownEvents.TryGetValue(eventName, out var type))
            {
                errors.Add($"'{eventName}' is not an integration event in services/Contracts.");
                continue;
            }

            var compiled = templates.Select(t => Compile(t, type, $"{eventName}/{t.Key}", errors)).OfType<CompiledTemplate>().ToList();
            var duplicate = compiled.GroupBy(t => t.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                errors.Add($"{eventName}: template key '{duplicate.Key}' is used twice.");
            }

            if (compiled.Count > 0)
            {
                events[type] = compiled;
            }
        }

        var notices = new Dictionary<string, CompiledTemplate>(StringComparer.Ordinal);
        foreach (var (name, template) in options.Notices)
        {
            template.Audience = TemplateAudience.Recipient;
            if (string.IsNullOrEmpty(template.Key))
            {
                template.Key = name;
            }

            if (Compile(template, null, $"notice {name}", errors) is { } compiled)
            {
                notices[name] = compiled;
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The notice template catalogue is not valid:\n  " + string.Join("\n  ", errors));
        }

        return new TemplateCatalogue(events, notices);
    }

    private static readonly string[] DefaultChannels = ["email", "sms"];

    private static CompiledTemplate? Compile(NoticeTemplate template, Type? eventType, string where, List<string> errors)
    {
        var before = errors.Count;
        if (string.IsNullOrWhiteSpace(template.Key))
        {
            errors.Add($"{where}: key is required.");
        }

        if (string.IsNullOrWhiteSpace(template.Title) || string.IsNullOrWhiteSpace(template.Text))
        {
            errors.Add($"{where}: title and text are required.");
        }

        if (template.Audience == TemplateAudience.Subscribers && (template.Topic is null || !Topics.All.Contains(template.Topic)))
        {
            errors.Add($"{where}: topic '{template.Topic}' is not a topic ({string.Join(", ", Topics.All)}).");
        }

        if (eventType is not null)
        {
            if (template.Audience == TemplateAudience.Recipient && !IsGuid(PropertyType(eventType, template.Recipient ?? "")))
            {
                errors.Add($"{where}: recipient must name a Guid property of {eventType.Name}.");
            }

            if (template.Areas is not null && !IsStringList(PropertyType(eventType, template.Areas)))
            {
                errors.Add($"{where}: areas must name a list-of-strings property of {eventType.Name}.");
            }
        }

        var channels = new List<Channel>();
        foreach (var channel in (IEnumerable<string>?)template.Channels ?? DefaultChannels)
        {
            var match = ChannelTokens.All.FirstOrDefault(c => c.Token() == channel);
            if (channel is not ("email" or "sms"))
            {
                errors.Add($"{where}: channel '{channel}' must be email or sms.");
            }
            else
            {
                channels.Add(match);
            }
        }

        TemplateText? title = null, text = null;
        try
        {
            title = TemplateText.Parse(template.Title);
            text = TemplateText.Parse(template.Text);
        }
        catch (FormatException e)
        {
            errors.Add($"{where}: {e.Message}");
        }

        if (eventType is not null && title is not null && text is not null)
        {
            foreach (var placeholder in title.Names().Concat(text.Names()))
            {
                var (sections, name) = (placeholder.Sections, placeholder.Name);
                var (type, property) = Resolve(eventType, sections, name);
                if (type is null)
                {
                    errors.Add($"{where}: {{{{{name}}}}} is not a property of {eventType.Name}{(sections.Count > 0 ? $" (inside {string.Join('/', sections)})" : "")}.");
                }
                else if (CodeProblem(placeholder, property) is { } problem)
                {
                    errors.Add($"{where}: {problem}");
                }
            }
        }

        return errors.Count == before ? new CompiledTemplate(template, title!, text!, channels) : null;
    }

    /// <summary>
    /// Whether a name's value would put a code in front of a person: a slug, or a coded property
    /// (<see cref="Wording.Codes"/>) not shown through its vocabulary; and a vocabulary used on a property that is not
    /// its code (which would read as nothing).
    /// </summary>
    private static string? CodeProblem(Placeholder placeholder, PropertyInfo? property)
    {
        var vocabulary = placeholder.Format is { } format ? Wording.Vocabularies.GetValueOrDefault(format) : null;
        Vocabulary? expected = null;
        var coded = property is not null && Wording.Codes.TryGetValue((property.DeclaringType!, property.Name), out expected);
        if (vocabulary is not null && (!coded || expected != vocabulary))
        {
            return $"{{{{{placeholder.Name}|{vocabulary.Name}}}}}: {property?.DeclaringType?.Name}.{property?.Name ?? placeholder.Name} holds no code that {vocabulary.Name} puts into words.";
        }

        if (!placeholder.Shown || property is null)
        {
            return null; // a section only tests the value (or enters it)
        }

        if (property.Name.EndsWith("Slug", StringComparison.Ordinal))
        {
            return $"{{{{{placeholder.Name}}}}} is a slug, not words for people; use the name the event carries.";
        }

        if (coded && vocabulary is null)
        {
            return expected is null
                ? $"{{{{{placeholder.Name}}}}} is a code with no words yet: add a vocabulary to Wording before showing it."
                : $"{{{{{placeholder.Name}}}}} is a code: write {{{{{placeholder.Name}|{expected.Name}}}}} for its words.";
        }

        return null;
    }

    /// <summary>
    /// The type of a name's value in its sections, and the property it is read from (for <c>{{.}}</c>, the list
    /// property whose item it is).
    /// </summary>
    private static (Type? Type, PropertyInfo? Property) Resolve(Type root, IReadOnlyList<string> sections, string name)
    {
        Type? current = root;
        PropertyInfo? entered = null;
        foreach (var section in sections)
        {
            var property = current is null ? null : Path(current, section);
            if (property is null)
            {
                (current, entered) = (null, null);
            }
            else if (!IsScalar(property.PropertyType))
            {
                // Entering a scalar (a string, a flag) keeps the context, as rendering does.
                (current, entered) = (ElementType(property.PropertyType), property);
            }
        }

        if (name == ".")
        {
            return (current, entered);
        }

        var found = current is null ? null : Path(current, name);
        return (found?.PropertyType, found);
    }

    private static PropertyInfo? Path(Type type, string path)
    {
        PropertyInfo? property = null;
        Type? current = type;
        foreach (var part in path.Split('.'))
        {
            property = current?.GetProperty(part, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            current = property?.PropertyType;
        }

        return property;
    }

    private static bool IsScalar(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(Guid) ||
               t == typeof(DateTimeOffset) || t == typeof(DateTime) || t == typeof(DateOnly) || t == typeof(TimeOnly);
    }

    private static bool IsGuid(Type? type) => type is not null && (Nullable.GetUnderlyingType(type) ?? type) == typeof(Guid);

    private static bool IsStringList(Type? type) => type is not null && type != typeof(string) && typeof(IEnumerable<string>).IsAssignableFrom(type);

    private static Type? PropertyType(Type type, string name) =>
        type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;

    private static Type? ElementType(Type? type)
    {
        if (type is null)
        {
            return null;
        }

        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type))
        {
            return type.IsArray
                ? type.GetElementType()
                : type.GetInterfaces().Append(type)
                    .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
        }

        return type; // an object section enters the object
    }

    /// <summary>
    /// The notice id for the n-th template of one event: the event's message id for the first (so a webhook payload's
    /// id is the event's), a name-based id derived from it for the others; the same every time the event is redelivered.
    /// </summary>
    public static Guid NoticeId(Guid messageId, string key, int index)
    {
        if (index == 0)
        {
            return messageId;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{messageId:N}/{key}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
