namespace PanelPlatform.Deploy.Tests;

/// <summary>The validator fails what the cluster would refuse or silently ignore; otherwise its "all valid" means nothing.</summary>
public sealed class ValidatorTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: example
        spec:
          selector:
            matchLabels: {app: example}
          template:
            metadata:
              labels: {app: example}
            spec:
              containers:
                - name: app
                  image: example
                  readinessProbe:
                    httpGet: {path: /health, port: 8080}
                  resources:
                    limits: {cpu: 500m, memory: 256Mi}
        """;

    private const string Rabbit = """
        apiVersion: rabbitmq.com/v1beta1
        kind: RabbitmqCluster
        metadata:
          name: example
        spec:
          replicas: 3
          resources:
            limits: {cpu: "1", memory: 1Gi}
        """;

    [Fact]
    public async Task A_correct_deployment_and_broker_pass()
    {
        var result = await ValidateAsync(Deployment + "\n---\n" + Rabbit);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("2 objects (1 built-in, 1 operator resources): all valid", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_mistake_is_reported_against_the_object_that_has_it()
    {
        // (object, find, replace, expected message): one validator run for all of them, the slow part being its start.
        (string Name, string Source, string Find, string Replace, string Expected)[] mistakes =
        [
            ("misspelt-field", Deployment, "readinessProbe:", "readinesProbe:", "readinesProbe"), // the cluster would drop it
            ("not-a-quantity", Deployment, "memory: 256Mi", "memory: lots", "quantity"),
            ("wrong-type", Deployment, "image: example", "image: 42", "must be string"),
            ("no-such-kind", Deployment, "kind: Deployment", "kind: Deploymint", "no schema for apps/v1/Deploymint"),
            ("outside-the-crd-subset", Rabbit, "replicas: 3", "replica: 3", "must NOT have additional properties (replica)"),
            ("core-type-in-crd", Rabbit, "memory: 1Gi", "memory: 1 GB", "quantity"),
            ("no-such-operator-kind", Rabbit, "kind: RabbitmqCluster", "kind: RabbitCluster", "no schema for rabbitmq.com/v1beta1/RabbitCluster"),
        ];
        var documents = mistakes.Select(m => m.Source.Replace(m.Find, m.Replace, StringComparison.Ordinal)
                .Replace("name: example", $"name: {m.Name}", StringComparison.Ordinal))
            .Append(Deployment.Replace("name: example", "name: correct", StringComparison.Ordinal));

        var result = await ValidateAsync(string.Join("\n---\n", documents));

        Assert.Equal(1, result.ExitCode);
        var reported = result.Error.Split('\n').Where(l => l.StartsWith("INVALID ", StringComparison.Ordinal)).ToList();
        foreach (var mistake in mistakes)
        {
            Assert.True(reported.Any(l => l.Contains($"/{mistake.Name}: ", StringComparison.Ordinal) && l.Contains(mistake.Expected, StringComparison.Ordinal)),
                $"{mistake.Name}: expected \"{mistake.Expected}\" in\n{result.Error}");
        }

        Assert.DoesNotContain(reported, l => l.Contains("/correct: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Input_that_is_not_YAML_cannot_pass()
    {
        var result = await ValidateAsync("kind: [Deployment\n");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("YAML error", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_kubectl_is_an_error_that_says_how_to_install_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            Tools.Find("kubectl", configured: null, searchPath: "/nonexistent", fallback: "/nonexistent/kubectl"));

        Assert.Contains("kubectl was not found", error.Message, StringComparison.Ordinal);
        Assert.Contains("install-deps.sh", error.Message, StringComparison.Ordinal);
    }

    private static Task<Tools.Result> ValidateAsync(string yaml) =>
        Tools.RunAsync(Tools.Node(), [Path.Combine(Repo.Validator, "validate.mjs")], input: yaml);
}
