using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace PanelPlatform.Deploy.Tests;

/// <summary>
/// One overlay rendered by <c>kubectl kustomize</c> and passed through deploy/kubernetes/validate/validate.mjs, which
/// checks every object against the Kubernetes schemas (and the operators' resources against crd-schemas/) and hands the
/// objects back as JSON. Rendered once per test run and overlay.
/// </summary>
internal sealed class RenderedOverlay
{
    public static readonly string[] Names = ["dev", "prod"];

    private static readonly ConcurrentDictionary<string, Lazy<Task<RenderedOverlay>>> Cache = new();

    private readonly IReadOnlyList<JsonObject>? objects;

    private RenderedOverlay(string name, string yaml, Tools.Result validation, IReadOnlyList<JsonObject>? objects)
    {
        Name = name;
        Yaml = yaml;
        Validation = validation;
        this.objects = objects;
    }

    public string Name { get; }

    public string Yaml { get; }

    public Tools.Result Validation { get; }

    public IReadOnlyList<JsonObject> Objects => objects
        ?? throw new InvalidOperationException($"The validator returned no objects for {Name}: {Validation}");

    public static Task<RenderedOverlay> ForAsync(string name) =>
        Cache.GetOrAdd(name, n => new Lazy<Task<RenderedOverlay>>(() => RenderAsync(n))).Value;

    public IEnumerable<JsonObject> OfKind(string kind) =>
        Objects.Where(o => (string?)o["kind"] == kind);

    public JsonObject? Find(string kind, string name) =>
        OfKind(kind).SingleOrDefault(o => (string?)o["metadata"]?["name"] == name);

    public JsonObject Get(string kind, string name) =>
        Find(kind, name) ?? throw new Xunit.Sdk.XunitException($"{Name}: no {kind} named {name}.");

    private static async Task<RenderedOverlay> RenderAsync(string name)
    {
        var kubectl = Tools.Kubectl();
        var node = Tools.Node();
        var rendered = await Tools.RunAsync(kubectl, ["kustomize", Repo.Overlay(name)]);
        if (rendered.ExitCode != 0)
        {
            throw new InvalidOperationException($"kubectl kustomize {Repo.Overlay(name)} failed: {rendered}");
        }

        var validatorScript = Path.Combine(Repo.Validator, "validate.mjs");
        if (!Directory.Exists(Path.Combine(Repo.Validator, "node_modules")))
        {
            throw new InvalidOperationException($"The validator's packages are not installed ({Repo.Validator}/node_modules). {Tools.InstallHint}");
        }

        var json = Path.Combine(Path.GetTempPath(), $"panel-{name}-{Guid.NewGuid():N}.json");
        try
        {
            var validation = await Tools.RunAsync(node, [validatorScript, "--json", json], input: rendered.Output);
            var objects = File.Exists(json)
                ? JsonNode.Parse(await File.ReadAllTextAsync(json))!.AsArray().Select(o => o!.AsObject()).ToList()
                : null;
            return new RenderedOverlay(name, rendered.Output, validation, objects);
        }
        finally
        {
            File.Delete(json);
        }
    }
}
