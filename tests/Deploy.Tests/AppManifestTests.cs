using System.Text.Json.Nodes;

namespace PanelPlatform.Deploy.Tests;

/// <summary>Each app the AppHost runs (five services, identity, the web site and the gateway) has what it needs on a cluster, in every overlay.</summary>
public sealed class AppManifestTests
{
    public static IEnumerable<TheoryDataRow<string, string>> OverlaysAndApps() => AppHostServices.OverlaysAndApps();

    public static TheoryData<string> Overlays => new(RenderedOverlay.Names);

    [Fact]
    public void The_AppHost_runs_the_five_services_the_identity_service_the_web_site_and_the_gateway()
    {
        Assert.Equal(
            ["casework", "gateway", "grants", "identity", "meetings", "notifications", "questions", "web"],
            AppHostServices.All.Select(a => a.Name).Order());
    }

    [Theory]
    [MemberData(nameof(OverlaysAndApps))]
    public async Task The_app_has_a_deployment_with_probes_limits_and_a_locked_down_container(string overlay, string app)
    {
        var rendered = await RenderedOverlay.ForAsync(overlay);
        var deployment = rendered.Get("Deployment", app);
        var container = Assert.Single(deployment.Containers());

        // Readiness and liveness on the app's own endpoints (ServiceDefaults: /health ready, /alive live). The gateway's
        // /health is the aggregate of every service, so its readiness is /alive (see base/apps/gateway-probes.yaml).
        var readiness = HttpProbe(container, "readinessProbe");
        var liveness = HttpProbe(container, "livenessProbe");
        Assert.Equal(app == "gateway" ? "/alive" : "/health", readiness.Path);
        Assert.Equal("/alive", liveness.Path);
        Assert.Equal(ContainerPort(container, readiness.Port), ContainerPort(container, liveness.Port));
        Assert.Equal(8080, ContainerPort(container, readiness.Port)); // Containers.props: ContainerPort 8080

        var resources = container["resources"];
        foreach (var part in new[] { "requests", "limits" })
        {
            Assert.False(string.IsNullOrEmpty((string?)resources?[part]?["cpu"]), $"{overlay}/{app}: no {part}.cpu");
            Assert.False(string.IsNullOrEmpty((string?)resources?[part]?["memory"]), $"{overlay}/{app}: no {part}.memory");
        }

        var pod = deployment.PodSpec();
        Assert.True((bool?)pod["securityContext"]?["runAsNonRoot"], $"{overlay}/{app}: runAsNonRoot");
        Assert.Equal(false, (bool?)container["securityContext"]?["allowPrivilegeEscalation"]);
        Assert.Equal(true, (bool?)container["securityContext"]?["readOnlyRootFilesystem"]);
        Assert.Contains("ALL", container["securityContext"]?["capabilities"]?["drop"]?.AsArray().Select(c => (string?)c) ?? []);
    }

    [Theory]
    [MemberData(nameof(OverlaysAndApps))]
    public async Task The_app_has_a_service_a_disruption_budget_and_an_autoscaler_for_its_pods(string overlay, string app)
    {
        var rendered = await RenderedOverlay.ForAsync(overlay);
        var deployment = rendered.Get("Deployment", app);
        var podLabels = deployment.PodLabels();
        Assert.True(K8s.Selects(K8s.MatchLabels(deployment["spec"]?["selector"]), podLabels), $"{overlay}/{app}: the Deployment's selector misses its pods");

        var service = rendered.Get("Service", app);
        Assert.True(K8s.Selects(K8s.Strings(service["spec"]?["selector"]), podLabels), $"{overlay}/{app}: Service selects no pod of the Deployment");
        var port = Assert.Single(service["spec"]!["ports"]!.AsArray())!;
        Assert.Equal(80, (int?)port["port"]); // the gateway's destinations and services__*__http__0 are http://<name>
        Assert.Equal(8080, ContainerPort(Assert.Single(deployment.Containers()), port["targetPort"]!));

        var budget = rendered.Get("PodDisruptionBudget", app);
        Assert.True(K8s.Selects(K8s.MatchLabels(budget["spec"]?["selector"]), podLabels), $"{overlay}/{app}: the budget selects no pod");
        Assert.True(budget["spec"]?["minAvailable"] is null ^ budget["spec"]?["maxUnavailable"] is null,
            $"{overlay}/{app}: a budget has exactly one of minAvailable and maxUnavailable");

        var autoscaler = rendered.Get("HorizontalPodAutoscaler", app);
        var target = autoscaler["spec"]!["scaleTargetRef"]!;
        Assert.Equal(("apps/v1", "Deployment", app), ((string?)target["apiVersion"], (string?)target["kind"], (string?)target["name"]));
        Assert.True((int)autoscaler["spec"]!["maxReplicas"]! >= (int)autoscaler["spec"]!["minReplicas"]!);
        Assert.NotEmpty(autoscaler["spec"]!["metrics"]!.AsArray());
        // The autoscaler owns the replica count: a count in the Deployment would reset it on every apply.
        Assert.Null(deployment["spec"]?["replicas"]);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Replicas_and_budgets_are_what_the_overlay_promises(string overlay)
    {
        var rendered = await RenderedOverlay.ForAsync(overlay);
        foreach (var app in AppHostServices.All)
        {
            var autoscaler = rendered.Get("HorizontalPodAutoscaler", app.Name)["spec"]!;
            var budget = rendered.Get("PodDisruptionBudget", app.Name)["spec"]!;
            if (overlay == "prod")
            {
                // Two at least, one always up through drains and rollouts.
                Assert.True((int)autoscaler["minReplicas"]! >= 2, $"prod/{app}: minReplicas {autoscaler["minReplicas"]}");
                Assert.Equal(1, (int?)budget["minAvailable"]);
            }
            else
            {
                // One each; the budget must not block draining the only node.
                Assert.Equal(1, (int?)autoscaler["minReplicas"]);
                Assert.Null(budget["minAvailable"]);
                Assert.Equal(1, (int?)budget["maxUnavailable"]);
            }
        }

        var broker = rendered.Get("RabbitmqCluster", "panel-rabbitmq")["spec"]!;
        var postgres = rendered.Get("Cluster", "panel-postgres")["spec"]!;
        Assert.Equal(overlay == "prod" ? 3 : 1, (int?)broker["replicas"]);
        Assert.Equal(overlay == "prod" ? 3 : 1, (int?)postgres["instances"]);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Each_service_reaches_its_own_database_and_the_broker_through_operator_made_resources(string overlay)
    {
        var rendered = await RenderedOverlay.ForAsync(overlay);
        var cluster = rendered.Get("Cluster", "panel-postgres");
        var roles = cluster["spec"]!["managed"]!["roles"]!.AsArray().Select(r => r!.AsObject()).ToDictionary(r => (string)r["name"]!);
        var databases = rendered.OfKind("Database").ToDictionary(d => (string)d["spec"]!["name"]!);

        foreach (var service in AppHostServices.Services)
        {
            var container = Assert.Single(rendered.Get("Deployment", service.Name).Containers());

            // ConnectionStrings__<name>db, as the AppHost hands it out, to that database on the read-write Service.
            var connection = (string?)container.EnvVar($"ConnectionStrings__{service.Name}db")?["value"];
            Assert.NotNull(connection);
            Assert.Contains($"Database={service.Name}db;", connection, StringComparison.Ordinal);
            Assert.Contains("Host=panel-postgres-rw;", connection, StringComparison.Ordinal);

            // The database exists, on this cluster, owned by a role whose password is the Secret the service reads.
            var database = databases[$"{service.Name}db"];
            Assert.Equal("panel-postgres", (string?)database["spec"]!["cluster"]!["name"]);
            var role = roles[(string)database["spec"]!["owner"]!];
            var passwordSecret = (string?)role["passwordSecret"]?["name"];
            Assert.Equal(passwordSecret, (string?)container.EnvVar("DATABASE_PASSWORD")?.SecretKeyRef()?["name"]);
            Assert.Equal(passwordSecret, (string?)container.EnvVar("DATABASE_USERNAME")?.SecretKeyRef()?["name"]);

            // The broker: the operator's Service and default-user Secret of the one RabbitmqCluster (identity has none).
            if (!service.UsesBroker)
            {
                Assert.Null(container.EnvVar("ConnectionStrings__messaging"));
                continue;
            }

            var messaging = (string?)container.EnvVar("ConnectionStrings__messaging")?["value"];
            Assert.StartsWith("amqp://", messaging, StringComparison.Ordinal);
            Assert.Contains("@panel-rabbitmq:5672/", messaging, StringComparison.Ordinal);
            Assert.Equal("panel-rabbitmq-default-user", (string?)container.EnvVar("RABBITMQ_PASSWORD")?.SecretKeyRef()?["name"]);
        }

        Assert.Equal(AppHostServices.Services.Count(), databases.Count);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_gateway_finds_every_service_by_its_Kubernetes_name_and_sits_behind_the_ingress(string overlay)
    {
        var rendered = await RenderedOverlay.ForAsync(overlay);
        var gateway = Assert.Single(rendered.Get("Deployment", "gateway").Containers());

        foreach (var service in AppHostServices.Services)
        {
            Assert.Equal($"http://{service.Name}", (string?)gateway.EnvVar($"services__{service.Name}__http__0")?["value"]);
            Assert.NotNull(rendered.Find("Service", service.Name));
        }

        var ingress = Assert.Single(rendered.OfKind("Ingress"));
        var backends = ingress["spec"]!["rules"]!.AsArray()
            .SelectMany(r => r!["http"]!["paths"]!.AsArray())
            .Select(p => (string?)p!["backend"]!["service"]!["name"]);
        Assert.All(backends, b => Assert.Equal("gateway", b));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_app_sends_its_telemetry_to_the_collector(string overlay)
    {
        var rendered = await RenderedOverlay.ForAsync(overlay);
        var collector = rendered.Get("Service", "otel-collector");
        var grpcPort = collector["spec"]!["ports"]!.AsArray().Single(p => (string?)p!["name"] == "otlp-grpc")!["port"];
        Assert.NotNull(rendered.Find("Deployment", "otel-collector"));

        foreach (var app in AppHostServices.All)
        {
            var container = Assert.Single(rendered.Get("Deployment", app.Name).Containers());
            var settings = container.ConfigMapsFrom().Select(name => rendered.Get("ConfigMap", name))
                .SelectMany(c => K8s.Strings(c["data"])).ToDictionary();
            Assert.Equal($"http://otel-collector:{grpcPort}", settings.GetValueOrDefault("OTEL_EXPORTER_OTLP_ENDPOINT"));
            Assert.Equal(app.Name, (string?)container.EnvVar("OTEL_SERVICE_NAME")?["value"]);
        }
    }

    [Theory]
    [MemberData(nameof(OverlaysAndApps))]
    public async Task The_image_is_the_one_build_images_publishes_for_the_project(string overlay, string app)
    {
        var rendered = await RenderedOverlay.ForAsync(overlay);
        var image = (string?)Assert.Single(rendered.Get("Deployment", app).Containers())["image"];

        // deploy/containers/Containers.props: ContainerRepository = panel-platform/<project name, lower case>.
        var repository = $"panel-platform/{AppHostServices.Named(app).Project.ToLowerInvariant()}";
        Assert.Matches($"^([^/]+/)?{repository}:[A-Za-z0-9_][A-Za-z0-9_.-]*$", image);
    }

    private static (string Path, JsonNode Port) HttpProbe(JsonObject container, string probe)
    {
        var get = container[probe]?["httpGet"] ?? throw new Xunit.Sdk.XunitException($"no {probe} with httpGet");
        return ((string)get["path"]!, get["port"]!);
    }

    /// <summary>A port given by number or by the container's port name, as a number.</summary>
    private static int ContainerPort(JsonObject container, JsonNode port) =>
        port.GetValueKind() == System.Text.Json.JsonValueKind.Number
            ? (int)port
            : (int)container["ports"]!.AsArray().Single(p => (string?)p!["name"] == (string)port!)!["containerPort"]!;
}
