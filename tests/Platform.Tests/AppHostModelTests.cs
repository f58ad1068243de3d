using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Platform.Tests;

/// <summary>The AppHost's resource graph, without starting it, in each infrastructure mode.</summary>
public sealed class AppHostModelTests
{
    private static readonly string[] Services = ["meetings", "questions", "grants", "casework", "notifications"];

    [Fact]
    public async Task Local_mode_runs_the_broker_and_database_server_as_processes_beside_five_services_and_the_gateway()
    {
        var resources = await ModelAsync("local");

        Assert.IsType<ExecutableResource>(resources["rabbitmq"]);
        Assert.IsType<ExecutableResource>(resources["epmd"]);
        Assert.IsType<ExecutableResource>(resources["postgres"]);
        Assert.IsType<ExecutableResource>(resources["mail"]);
        Assert.IsAssignableFrom<IResourceWithConnectionString>(resources["messaging"]);
        AssertServicesAndGateway(resources);
    }

    [Fact]
    public async Task Container_mode_uses_Aspire_RabbitMQ_and_PostgreSQL_resources()
    {
        var resources = await ModelAsync("containers");

        Assert.IsAssignableFrom<ContainerResource>(resources["messaging"]);
        Assert.IsAssignableFrom<ContainerResource>(resources["postgres"]);
        Assert.False(resources.ContainsKey("epmd"));
        Assert.IsAssignableFrom<ContainerResource>(resources["mail"]);
        AssertServicesAndGateway(resources);
    }

    [Fact]
    public async Task External_mode_takes_connection_strings_from_configuration_and_starts_nothing()
    {
        var resources = await ModelAsync("external");

        Assert.IsAssignableFrom<IResourceWithConnectionString>(resources["messaging"]);
        Assert.DoesNotContain(resources.Values, r => r is ContainerResource);
        Assert.DoesNotContain(resources.Keys, name => name is "rabbitmq" or "epmd" or "postgres" or "mail");
        AssertServicesAndGateway(resources);
    }

    private static void AssertServicesAndGateway(IReadOnlyDictionary<string, IResource> resources)
    {
        foreach (var service in Services)
        {
            Assert.IsType<ProjectResource>(resources[service]);
            Assert.IsAssignableFrom<IResourceWithConnectionString>(resources[$"{service}db"]);
        }

        Assert.IsType<ProjectResource>(resources["identity"]);
        Assert.IsAssignableFrom<IResourceWithConnectionString>(resources["identitydb"]);
        Assert.IsType<ProjectResource>(resources["gateway"]);
    }

    private static async Task<IReadOnlyDictionary<string, IResource>> ModelAsync(string mode)
    {
        var data = Path.Combine(Path.GetTempPath(), $"panel-model-{Guid.NewGuid():N}"[..24]);
        try
        {
            await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
                [.. PlatformApp.Arguments(data, DevelopmentTokens.NewSigningKey()), $"--Panel:Infrastructure={mode}"]);
            return builder.Resources.ToDictionary(r => r.Name);
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }
}
