using System.Text.Json;
using Json.Schema;

namespace PanelPlatform.Grants.Tests.Support;

/// <summary>
/// The official 360Giving Data Standard schemas (TestData/360giving, CC BY 4.0, see SOURCE.md), loaded unchanged
/// except in two ways the validator needs, neither of which touches a rule:
/// <list type="bullet">
/// <item>their <c>$schema</c> says <c>http://json-schema.org/draft/2020-12/schema</c>; JsonSchema.Net matches dialects by exact
/// URI and knows 2020-12 as <c>https://…</c>, so that one string is read as the https form;</item>
/// <item>the package schema refers to the grant schema by its 1.4.2 address while the grant schema's <c>$id</c> is the
/// 1.4.3 one; the grant schema is registered under both.</item>
/// </list>
/// Format assertion is on, as 360Giving's own validator (CoVE) checks formats: the standard's
/// <c>oneOf [{format: date-time}, {pattern: date}]</c> for dates only discriminates when format is asserted.
/// </summary>
public static class ThreeSixtyGivingSchema
{
    private const string Http202012 = "\"http://json-schema.org/draft/2020-12/schema\"";
    private const string Https202012 = "\"https://json-schema.org/draft/2020-12/schema\"";
    private static readonly Lazy<JsonSchema> Package = new(Load);

    private static JsonSchema Load()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestData", "360giving");
        var registry = new SchemaRegistry();
        var build = new BuildOptions { SchemaRegistry = registry };
        var grant = JsonSchema.FromText(Read(Path.Combine(folder, "360-giving-schema.json")), build);
        registry.Register(new Uri("https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/360-giving-schema.json"), grant);
        return JsonSchema.FromText(Read(Path.Combine(folder, "360-giving-package-schema.json")), build);
    }

    private static string Read(string path)
    {
        var text = File.ReadAllText(path);
        if (!text.Contains(Http202012, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{path} no longer declares {Http202012}; revisit this loader.");
        }

        return text.Replace(Http202012, Https202012, StringComparison.Ordinal);
    }

    /// <summary>The errors of a 360Giving package document, by instance location; empty when it is valid.</summary>
    public static IReadOnlyList<string> Errors(JsonElement document)
    {
        var result = Package.Value.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (result.IsValid)
        {
            return [];
        }

        var errors = (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Key}: {e.Value}")).ToList();
        return errors.Count > 0 ? errors : ["invalid (no detail)"];
    }
}
