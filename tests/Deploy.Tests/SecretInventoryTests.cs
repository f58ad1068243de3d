using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace PanelPlatform.Deploy.Tests;

/// <summary>
/// Every Secret the manifests refer to is made by someone the README names: deploy/kubernetes/create-secrets.sh,
/// one of the operators (from the resources rendered beside it), or the certificate issuer for the Ingress.
/// </summary>
public sealed class SecretInventoryTests
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<JsonObject>>>> DryRuns = new();

    public static TheoryData<string> Overlays => new(RenderedOverlay.Names);

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_secret_reference_is_made_by_create_secrets_or_an_operator(string overlay)
    {
        var rendered = await RenderedOverlay.ForAsync(overlay);
        var made = await CreateSecretsDryRunAsync(rendered);

        // What the operators make, named after the resources that make them.
        var rabbit = Assert.Single(rendered.OfKind("RabbitmqCluster")).Name();
        var postgres = Assert.Single(rendered.OfKind("Cluster")).Name();
        made[$"{rabbit}-default-user"] = ["username", "password", "host", "port"];
        made[$"{postgres}-ca"] = ["ca.crt"];
        made["gateway-tls"] = ["tls.crt", "tls.key"]; // cert-manager or the installer (deploy/README.md)

        var references = References(rendered).ToList();
        Assert.NotEmpty(references);
        foreach (var (owner, secret, key) in references)
        {
            Assert.True(made.TryGetValue(secret, out var keys), $"{overlay}: {owner} uses Secret {secret}, which nobody makes");
            Assert.True(key is null || keys.Contains(key), $"{overlay}: {owner} uses {secret}/{key}; it has {string.Join(", ", keys)}");
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Each_database_role_secret_is_a_basic_auth_secret_named_for_its_role(string overlay)
    {
        var rendered = await RenderedOverlay.ForAsync(overlay);
        var secrets = await CreateSecretsObjectsAsync(rendered);

        foreach (var role in rendered.Get("Cluster", "panel-postgres")["spec"]!["managed"]!["roles"]!.AsArray())
        {
            var secret = secrets.Single(s => s.Name() == (string?)role!["passwordSecret"]!["name"]);
            Assert.Equal("kubernetes.io/basic-auth", (string?)secret["type"]);
            var username = Convert.FromBase64String((string)secret["data"]!["username"]!);
            Assert.Equal((string?)role!["name"], System.Text.Encoding.UTF8.GetString(username));
            // Hex: nothing in it can break the key=value connection string it is put into.
            var password = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String((string)secret["data"]!["password"]!));
            Assert.Matches("^[0-9a-f]{48}$", password);
        }
    }

    private static IEnumerable<(string Owner, string Secret, string? Key)> References(RenderedOverlay rendered)
    {
        foreach (var (owner, container) in K8s.AllContainers(rendered.Objects))
        {
            foreach (var variable in container.Env())
            {
                if (variable.SecretKeyRef() is { } reference)
                {
                    yield return (owner.Name(), (string)reference["name"]!, (string?)reference["key"]);
                }
            }

            foreach (var source in container["envFrom"]?.AsArray() ?? [])
            {
                if ((string?)source?["secretRef"]?["name"] is { } name)
                {
                    yield return (owner.Name(), name, null);
                }
            }
        }

        foreach (var workload in rendered.OfKind("Deployment"))
        {
            foreach (var volume in workload.PodSpec()["volumes"]?.AsArray() ?? [])
            {
                if (volume?["secret"] is { } secret)
                {
                    var items = secret["items"]?.AsArray().Select(i => (string?)i!["key"]).ToList() ?? [null];
                    foreach (var key in items)
                    {
                        yield return (workload.Name(), (string)secret["secretName"]!, key);
                    }
                }
            }
        }

        foreach (var role in rendered.OfKind("Cluster").SelectMany(c => c["spec"]?["managed"]?["roles"]?.AsArray() ?? []))
        {
            var name = (string)role!["passwordSecret"]!["name"]!;
            yield return ($"role {role["name"]}", name, "username");
            yield return ($"role {role["name"]}", name, "password");
        }

        foreach (var tls in rendered.OfKind("Ingress").SelectMany(i => i["spec"]?["tls"]?.AsArray() ?? []))
        {
            yield return ("Ingress", (string)tls!["secretName"]!, "tls.crt");
        }
    }

    private static async Task<Dictionary<string, HashSet<string>>> CreateSecretsDryRunAsync(RenderedOverlay rendered) =>
        (await CreateSecretsObjectsAsync(rendered)).ToDictionary(
            s => s.Name(), s => s["data"]!.AsObject().Select(p => p.Key).ToHashSet());

    /// <summary>create-secrets.sh --dry-run for the overlay (validated like the manifests), as objects; once per overlay.</summary>
    private static Task<IReadOnlyList<JsonObject>> CreateSecretsObjectsAsync(RenderedOverlay rendered) =>
        DryRuns.GetOrAdd(rendered.Name, _ => new Lazy<Task<IReadOnlyList<JsonObject>>>(() => DryRunAsync(rendered))).Value;

    private static async Task<IReadOnlyList<JsonObject>> DryRunAsync(RenderedOverlay rendered)
    {
        var namespaceName = Assert.Single(rendered.OfKind("Namespace")).Name();
        var keyFile = Path.Combine(Path.GetTempPath(), $"panel-signing-key-{Guid.NewGuid():N}");
        var json = keyFile + ".json";
        try
        {
            // dev uses the development key and the dashboard components; prod neither.
            string[] options = rendered.Name == "dev" ? ["--dev", "--signing-key-file", keyFile, "--dashboard"] : [];
            var script = await Tools.RunAsync("bash",
                [Path.Combine(Repo.Kubernetes, "create-secrets.sh"), "-n", namespaceName, "--dry-run", .. options],
                environment: new Dictionary<string, string> { ["KUBECTL"] = Tools.Kubectl() });
            Assert.True(script.ExitCode == 0, script.ToString());

            var validation = await Tools.RunAsync(Tools.Node(), [Path.Combine(Repo.Validator, "validate.mjs"), "--json", json], input: script.Output);
            Assert.True(validation.ExitCode == 0, validation.ToString());
            var secrets = JsonNode.Parse(await File.ReadAllTextAsync(json))!.AsArray().Select(o => o!.AsObject()).ToList();
            Assert.All(secrets, s => Assert.Equal(("Secret", namespaceName), ((string?)s["kind"], (string?)s["metadata"]!["namespace"])));
            return secrets;
        }
        finally
        {
            File.Delete(keyFile);
            File.Delete(json);
        }
    }
}
