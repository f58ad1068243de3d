using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Notifications.Templates;

/// <summary>
/// A small logic-less template language over an event's JSON: <c>{{Name}}</c>, <c>{{A.B}}</c>, <c>{{Name|format}}</c>
/// (<c>datetime</c>, <c>date</c>, <c>time</c>, <c>money</c>, <c>list</c>, <c>count</c>; <c>the</c> and <c>The</c> for a
/// name with its article, see <see cref="Wording.WithThe"/>; and each <see cref="Wording.Vocabularies">vocabulary</see>
/// by name, putting a code into words), sections <c>{{#List}}…{{/List}}</c> repeated per item (or shown once when true),
/// inverted sections <c>{{^Name}}…{{/Name}}</c>, and <c>{{.}}</c> for the item itself, and conditional sections
/// <c>{{?Name}}…{{/Name}}</c> shown once, in the same context, when the value is present (non-empty, true). A
/// conditional or inverted section may name a format, <c>{{?Reason|question-rejection-reason}}</c>: it then asks whether
/// the value has words. Output is plain text.
/// </summary>
public sealed partial class TemplateText
{
    public static readonly IReadOnlySet<string> Formats = new HashSet<string>(
        ["datetime", "date", "time", "money", "list", "count", "the", "The", .. Wording.Vocabularies.Keys], StringComparer.Ordinal);

    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");
    private readonly List<Node> _nodes;

    private TemplateText(List<Node> nodes) => _nodes = nodes;

    public static TemplateText Parse(string template)
    {
        var stack = new Stack<(Section Section, List<Node> Outer)>();
        var nodes = new List<Node>();
        var position = 0;
        foreach (Match match in Tag().Matches(template))
        {
            if (match.Index > position)
            {
                nodes.Add(new Literal(template[position..match.Index]));
            }

            position = match.Index + match.Length;
            var sigil = match.Groups["sigil"].Value;
            var name = match.Groups["name"].Value;
            var format = match.Groups["format"].Success ? match.Groups["format"].Value : null;
            if (format is not null && !Formats.Contains(format))
            {
                throw new FormatException($"Unknown format '{format}' in {{{{{sigil}{name}|{format}}}}}. Formats: {string.Join(", ", Formats)}.");
            }

            switch (sigil)
            {
                case "#" when format is not null:
                    throw new FormatException($"{{{{#{name}|{format}}}}}: a repeated section takes no format (use {{{{?{name}|{format}}}}}).");
                case "/" when format is not null:
                    throw new FormatException($"{{{{/{name}|{format}}}}}: a closing tag takes no format.");
                case "#" or "^" or "?":
                    var section = new Section(name, sigil[0], [], format);
                    nodes.Add(section);
                    stack.Push((section, nodes));
                    nodes = section.Children;
                    break;
                case "/":
                    if (stack.Count == 0 || stack.Peek().Section.Name != name)
                    {
                        throw new FormatException($"{{{{/{name}}}}} closes no open section.");
                    }

                    nodes = stack.Pop().Outer;
                    break;
                default:
                    nodes.Add(new Value(name, format));
                    break;
            }
        }

        if (stack.Count > 0)
        {
            throw new FormatException($"Section {{{{#{stack.Peek().Section.Name}}}}} is not closed.");
        }

        if (position < template.Length)
        {
            nodes.Add(new Literal(template[position..]));
        }

        return new TemplateText(nodes);
    }

    public string Render(JsonElement values)
    {
        var output = new StringBuilder();
        Render(_nodes, values, output);
        return output.ToString();
    }

    /// <summary>
    /// Every name the template uses, with the path of sections it sits in and its format, so a catalogue can be
    /// checked against the event type when the service starts rather than when the event arrives.
    /// </summary>
    public IEnumerable<Placeholder> Names() => Names(_nodes, []);

    private static IEnumerable<Placeholder> Names(List<Node> nodes, List<string> sections)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case Value value:
                    yield return new Placeholder(sections.ToList(), value.Name, value.Format, Shown: true);
                    break;
                case Section section:
                    yield return new Placeholder(sections.ToList(), section.Name, section.Format, Shown: false);
                    foreach (var inner in Names(section.Children, section.Kind == '#' ? [.. sections, section.Name] : sections))
                    {
                        yield return inner;
                    }

                    break;
            }
        }
    }

    private static void Render(List<Node> nodes, JsonElement context, StringBuilder output)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case Literal literal:
                    output.Append(literal.Text);
                    break;
                case Value value:
                    output.Append(Format(Lookup(context, value.Name), value.Format));
                    break;
                case Section section:
                    var found = Lookup(context, section.Name);
                    var truthy = section.Format is null ? IsTruthy(found) : Format(found, section.Format).Length > 0;
                    if (section.Kind != '#')
                    {
                        if (truthy == (section.Kind == '?'))
                        {
                            Render(section.Children, context, output);
                        }
                    }
                    else if (found is { ValueKind: JsonValueKind.Array } list)
                    {
                        foreach (var item in list.EnumerateArray())
                        {
                            Render(section.Children, item, output);
                        }
                    }
                    else if (truthy)
                    {
                        Render(section.Children, found is { ValueKind: JsonValueKind.Object } inner ? inner : context, output);
                    }

                    break;
            }
        }
    }

    private static JsonElement? Lookup(JsonElement context, string path)
    {
        if (path == ".")
        {
            return context;
        }

        var current = context;
        foreach (var part in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !TryGetProperty(current, part, out current))
            {
                return null;
            }
        }

        return current;
    }

    private static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        if (element.TryGetProperty(name, out value))
        {
            return true;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        return false;
    }

    private static bool IsTruthy(JsonElement? value) => value switch
    {
        null => false,
        { ValueKind: JsonValueKind.False or JsonValueKind.Null or JsonValueKind.Undefined } => false,
        { ValueKind: JsonValueKind.Array } array => array.GetArrayLength() > 0,
        { ValueKind: JsonValueKind.String } text => text.GetString()!.Length > 0,
        _ => true,
    };

    private static string Format(JsonElement? value, string? format)
    {
        if (value is not { } element || element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return "";
        }

        switch (format)
        {
            case "datetime" or "date" or "time" when element.ValueKind == JsonValueKind.String && element.TryGetDateTimeOffset(out var instant):
                var london = UkTime.ToLondon(instant);
                var clock = london.ToString(london.Minute == 0 ? "%h" : "h.mm", British) + (london.Hour < 12 ? "am" : "pm");
                return format switch
                {
                    "date" => london.ToString("dddd d MMMM yyyy", British),
                    "time" => clock,
                    _ => $"{london.ToString("dddd d MMMM yyyy", British)} at {clock}",
                };
            case "date" when element.ValueKind == JsonValueKind.String && DateOnly.TryParse(element.GetString(), CultureInfo.InvariantCulture, out var day):
                return day.ToString("dddd d MMMM yyyy", British);
            case "money" when element.ValueKind == JsonValueKind.Number:
                return element.GetDecimal().ToString("C", British);
            case "list" when element.ValueKind == JsonValueKind.Array:
                return Wording.List(element.EnumerateArray().Select(i => Format(i, null)).Where(i => i.Length > 0).ToList());
            case "count" when element.ValueKind == JsonValueKind.Array:
                return element.GetArrayLength().ToString(British);
            case "the" or "The" when element.ValueKind == JsonValueKind.String:
                return Wording.WithThe(element.GetString()!, startsSentence: format == "The");
            case not null when Wording.Vocabularies.TryGetValue(format, out var vocabulary):
                // A code is never shown as it is: without words (and no fallback) it is left out.
                return element.ValueKind switch
                {
                    JsonValueKind.String => vocabulary.Word(element.GetString()!) ?? "",
                    JsonValueKind.Array => vocabulary.List(element.EnumerateArray()
                        .Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!)),
                    _ => "",
                };
        }

        return element.ValueKind switch
        {
            JsonValueKind.String => element.GetString()!,
            JsonValueKind.True => "yes",
            JsonValueKind.False => "no",
            JsonValueKind.Number => element.GetRawText(),
            _ => "",
        };
    }

    [GeneratedRegex(@"\{\{\s*(?<sigil>[#^?/]?)\s*(?<name>\.|[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)*)\s*(?:\|\s*(?<format>[A-Za-z-]+)\s*)?\}\}")]
    private static partial Regex Tag();

    private abstract record Node;

    private sealed record Literal(string Text) : Node;

    private sealed record Value(string Name, string? Format) : Node;

    /// <param name="Kind"><c>#</c> repeat (or enter), <c>^</c> if absent, <c>?</c> if present.</param>
    /// <param name="Format">For <c>^</c> and <c>?</c>: present means the value in this format is not empty.</param>
    private sealed record Section(string Name, char Kind, List<Node> Children, string? Format) : Node;
}

/// <summary>One name a template uses: the sections it sits in, its format, and whether its value is shown (or only tested).</summary>
public sealed record Placeholder(IReadOnlyList<string> Sections, string Name, string? Format, bool Shown);
