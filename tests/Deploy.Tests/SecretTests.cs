using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PanelPlatform.Deploy.Tests;

/// <summary>No secret is written into the manifests: Secrets are referenced, made by the operators or by the installer.</summary>
public sealed partial class SecretTests
{
    public static TheoryData<string> Overlays => new(RenderedOverlay.Names);

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task No_container_has_a_literal_secret_in_its_environment(string overlay)
    {
        var rendered = await RenderedOverlay.ForAsync(overlay);
        var containers = K8s.AllContainers(rendered.Objects).ToList();
        Assert.NotEmpty(containers);

        var problems = containers
            .SelectMany(c => InlineSecrets.Problems(c.Container.Env()).Select(p => $"{c.Owner.Name()}/{c.Container["name"]}: {p}"))
            .ToList();
        Assert.Empty(problems);

        // The secrets every service needs are there, and from Secrets.
        foreach (var app in AppHostServices.Services)
        {
            var container = Assert.Single(rendered.Get("Deployment", app.Name).Containers());
            Assert.NotNull(container.EnvVar("DATABASE_PASSWORD")?.SecretKeyRef());
            if (app.UsesBroker)
            {
                Assert.NotNull(container.EnvVar("RABBITMQ_PASSWORD")?.SecretKeyRef());
            }
        }

        var identity = Assert.Single(rendered.Get("Deployment", "identity").Containers());
        foreach (var name in new[] { "Identity__SigningKey", "Identity__EncryptionKey", "Identity__Clients__0__Secret" })
        {
            Assert.NotNull(identity.EnvVar(name)?.SecretKeyRef());
        }

        // The staff console signs in with the client secret the identity service registers; the site and the gateway
        // share the key that signs residents' addresses.
        var web = Assert.Single(rendered.Get("Deployment", "web").Containers());
        Assert.Equal(("identity-clients", "panel-console"),
            ((string?)web.EnvVar("Web__SignIn__ClientSecret")?.SecretKeyRef()?["name"], (string?)web.EnvVar("Web__SignIn__ClientSecret")?.SecretKeyRef()?["key"]));
        Assert.Equal((string?)identity.EnvVar("Identity__Clients__0__Secret")?.SecretKeyRef()?["name"], (string?)web.EnvVar("Web__SignIn__ClientSecret")?.SecretKeyRef()?["name"]);
        foreach (var app in new[] { "web", "gateway" })
        {
            var container = Assert.Single(rendered.Get("Deployment", app).Containers());
            Assert.Equal("panel-forwarding", (string?)container.EnvVar("Gateway__ForwardingKey")?.SecretKeyRef()?["name"]);
        }

        var casework = Assert.Single(rendered.Get("Deployment", "casework").Containers());
        Assert.Contains(casework.Env(), e => ((string)e["name"]!).StartsWith("Casework__Encryption__Keys__", StringComparison.Ordinal) && e.SecretKeyRef() is not null);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Tokens_are_checked_with_the_identity_services_keys_everywhere_and_also_a_key_from_a_Secret_in_dev(string overlay)
    {
        var rendered = await RenderedOverlay.ForAsync(overlay);
        var identity = Assert.Single(rendered.Get("Deployment", "identity").Containers());
        var issuer = Settings(rendered, identity).GetValueOrDefault("Identity__Issuer");
        Assert.EndsWith("/identity/", issuer, StringComparison.Ordinal);
        foreach (var app in AppHostServices.All)
        {
            var container = Assert.Single(rendered.Get("Deployment", app.Name).Containers());
            var settings = Settings(rendered, container);
            var signingKey = container.EnvVar("Auth__SigningKey");

            // The public issuer tokens name; discovery and keys from the identity service's in-cluster Service.
            Assert.Equal(issuer, settings.GetValueOrDefault("Auth__Authority"));
            Assert.Equal("http://identity/identity/.well-known/openid-configuration", settings.GetValueOrDefault("Auth__MetadataAddress"));
            Assert.NotNull(rendered.Find("Service", "identity"));
            if (overlay == "prod")
            {
                Assert.StartsWith("https://", settings.GetValueOrDefault("Auth__Authority"), StringComparison.Ordinal);
                Assert.Null(signingKey);
            }
            else
            {
                Assert.Equal("panel-auth", (string?)signingKey?.SecretKeyRef()?["name"]);
            }
        }
    }

    private static Dictionary<string, string> Settings(RenderedOverlay rendered, JsonObject container) =>
        container.ConfigMapsFrom().SelectMany(n => K8s.Strings(rendered.Get("ConfigMap", n)["data"])).ToDictionary();

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_variable_reference_names_a_variable_defined_before_it(string overlay)
    {
        // Kubernetes expands $(NAME) only from variables listed earlier in the same container; otherwise the text
        // stays as it is, and a connection string would carry "$(DATABASE_PASSWORD)" as the password.
        var rendered = await RenderedOverlay.ForAsync(overlay);
        foreach (var (owner, container) in K8s.AllContainers(rendered.Objects))
        {
            var defined = new HashSet<string>();
            foreach (var variable in container.Env())
            {
                foreach (Match reference in Reference().Matches((string?)variable["value"] ?? ""))
                {
                    Assert.True(defined.Contains(reference.Groups[1].Value),
                        $"{owner.Name()}: {variable["name"]} uses $({reference.Groups[1].Value}) before it is defined");
                }

                defined.Add((string)variable["name"]!);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task No_Secret_or_secret_setting_is_rendered(string overlay)
    {
        var rendered = await RenderedOverlay.ForAsync(overlay);

        Assert.DoesNotContain(rendered.Objects, o => (string?)o["kind"] == "Secret");
        foreach (var configMap in rendered.OfKind("ConfigMap"))
        {
            Assert.DoesNotContain(K8s.Strings(configMap["data"]).Keys, InlineSecrets.NamesASecret);
        }
    }

    [Fact]
    public void No_Secret_manifest_is_kept_in_the_repository()
    {
        var files = Directory.EnumerateFiles(Repo.Kubernetes, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);

        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.False(SecretKind().IsMatch(text), $"{file} holds a Secret");
            Assert.False(text.Contains("secretGenerator", StringComparison.Ordinal), $"{file} generates a Secret");
        }
    }

    [Theory]
    [InlineData("ConnectionStrings__x", "Host=db;Username=app;Password=hunter2", false)]
    [InlineData("ConnectionStrings__x", "Host=db;Username=app;Password=$(PLAIN)", false)] // PLAIN is not from a Secret
    [InlineData("ConnectionStrings__x", "Host=db;Username=$(USER);Password=$(PASS)", true)]
    [InlineData("ConnectionStrings__x", "Host=db;Pwd=hunter2", false)]
    [InlineData("ConnectionStrings__messaging", "amqp://guest:guest@broker:5672/", false)]
    [InlineData("ConnectionStrings__messaging", "amqp://$(USER):$(PASS)@broker:5672/", true)]
    [InlineData("Auth__SigningKey", "c2VjcmV0", false)]
    [InlineData("Auth__SigningKey", "$(PASS)", true)]
    [InlineData("Casework__Encryption__Keys__k1", "AAAA", false)]
    [InlineData("DATABASE_PASSWORD", "hunter2", false)]
    [InlineData("Casework__Encryption__ActiveKeyId", "k1", true)] // an id, not a key
    [InlineData("services__meetings__http__0", "http://meetings", true)]
    public void The_inline_secret_rule_tells_a_reference_from_a_literal(string name, string value, bool allowed)
    {
        JsonObject[] env =
        [
            new() { ["name"] = "USER", ["valueFrom"] = new JsonObject { ["secretKeyRef"] = new JsonObject { ["name"] = "s", ["key"] = "username" } } },
            new() { ["name"] = "PASS", ["valueFrom"] = new JsonObject { ["secretKeyRef"] = new JsonObject { ["name"] = "s", ["key"] = "password" } } },
            new() { ["name"] = "PLAIN", ["value"] = "hunter2x" },
            new() { ["name"] = name, ["value"] = value },
        ];

        var problems = InlineSecrets.Problems(env);

        // PLAIN itself has no secret-like name, so only the variable under test can be reported.
        Assert.Equal(allowed, problems.Count == 0);
    }

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex Reference();

    [GeneratedRegex(@"(?m)^\s*kind:\s*Secret\s*$")]
    private static partial Regex SecretKind();
}
