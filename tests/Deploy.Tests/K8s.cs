using System.Text.Json.Nodes;

namespace PanelPlatform.Deploy.Tests;

/// <summary>Small readers over rendered objects (JSON, as the validator hands them back).</summary>
internal static class K8s
{
    public static string Name(this JsonObject o) => (string?)o["metadata"]?["name"] ?? "?";

    public static JsonObject PodSpec(this JsonObject deployment) =>
        deployment["spec"]?["template"]?["spec"]?.AsObject() ?? throw new Xunit.Sdk.XunitException($"{deployment.Name()} has no pod spec.");

    public static IReadOnlyList<JsonObject> Containers(this JsonObject deployment) =>
        deployment.PodSpec()["containers"]?.AsArray().Select(c => c!.AsObject()).ToList() ?? [];

    public static IReadOnlyDictionary<string, string> PodLabels(this JsonObject deployment) =>
        Strings(deployment["spec"]?["template"]?["metadata"]?["labels"]);

    public static IReadOnlyDictionary<string, string> MatchLabels(JsonNode? selector) =>
        Strings(selector?["matchLabels"]);

    public static IReadOnlyDictionary<string, string> Strings(JsonNode? node) =>
        node?.AsObject().ToDictionary(p => p.Key, p => (string?)p.Value ?? "") ?? [];

    /// <summary>True when every label of the selector is on the pods (and the selector selects something).</summary>
    public static bool Selects(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> podLabels) =>
        selector.Count > 0 && selector.All(l => podLabels.TryGetValue(l.Key, out var v) && v == l.Value);

    public static IReadOnlyList<JsonObject> Env(this JsonObject container) =>
        container["env"]?.AsArray().Select(e => e!.AsObject()).ToList() ?? [];

    public static JsonObject? EnvVar(this JsonObject container, string name) =>
        container.Env().SingleOrDefault(e => (string?)e["name"] == name);

    public static JsonObject? SecretKeyRef(this JsonObject envVar) => envVar["valueFrom"]?["secretKeyRef"]?.AsObject();

    public static IEnumerable<string> ConfigMapsFrom(this JsonObject container) =>
        container["envFrom"]?.AsArray().Select(e => (string?)e?["configMapRef"]?["name"]).OfType<string>() ?? [];

    /// <summary>Every Deployment's, StatefulSet's, DaemonSet's and Job's containers, init containers included.</summary>
    public static IEnumerable<(JsonObject Owner, JsonObject Container)> AllContainers(IEnumerable<JsonObject> objects) =>
        from o in objects
        where (string?)o["kind"] is "Deployment" or "StatefulSet" or "DaemonSet" or "Job"
        let spec = o.PodSpec()
        from list in new[] { spec["containers"], spec["initContainers"] }
        where list is not null
        from c in list!.AsArray()
        select (o, c!.AsObject());
}
