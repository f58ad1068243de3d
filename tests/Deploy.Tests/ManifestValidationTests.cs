namespace PanelPlatform.Deploy.Tests;

/// <summary>Every overlay renders, and every object it renders validates offline against the Kubernetes schemas.</summary>
public sealed class ManifestValidationTests
{
    public static TheoryData<string> Overlays => new(RenderedOverlay.Names);

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_object_of_the_overlay_validates_against_the_Kubernetes_schemas(string overlay)
    {
        var rendered = await RenderedOverlay.ForAsync(overlay);

        Assert.True(rendered.Validation.ExitCode == 0, $"validate.mjs rejected the {overlay} overlay:\n{rendered.Validation}");
        Assert.Contains("all valid", rendered.Validation.Output, StringComparison.Ordinal);
        // The operators' resources were among the validated objects, not skipped.
        foreach (var kind in new[] { "Deployment", "Service", "PodDisruptionBudget", "HorizontalPodAutoscaler", "Ingress", "RabbitmqCluster", "Cluster", "Database" })
        {
            Assert.True(rendered.OfKind(kind).Any(), $"{overlay} renders no {kind}");
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_object_lands_in_the_overlay_namespace_and_names_are_unique(string overlay)
    {
        var rendered = await RenderedOverlay.ForAsync(overlay);
        var namespaceName = Assert.Single(rendered.OfKind("Namespace")).Name();

        foreach (var o in rendered.Objects.Where(o => (string?)o["kind"] != "Namespace"))
        {
            Assert.Equal(namespaceName, (string?)o["metadata"]?["namespace"]);
        }

        var duplicates = rendered.Objects.GroupBy(o => $"{o["apiVersion"]}/{o["kind"]}/{o.Name()}").Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(duplicates);
    }
}
