namespace PanelPlatform.LocalInfrastructure;

public enum InfrastructureMode
{
    /// <summary>RabbitMQ and PostgreSQL as containers (Aspire resources or Testcontainers).</summary>
    Containers,

    /// <summary>The locally installed rabbitmq-server and postgres binaries, started as processes on free loopback ports.</summary>
    Local,

    /// <summary>Connection strings from configuration; nothing is started.</summary>
    External,
}

public static class InfrastructureModeChooser
{
    /// <summary>Reads <c>Panel__Infrastructure</c> (containers|local|external); when absent, probes for a container runtime.</summary>
    public static InfrastructureMode Choose(string? configured, TimeSpan? probeTimeout = null)
    {
        if (!string.IsNullOrWhiteSpace(configured) && configured != "auto")
        {
            return Enum.TryParse<InfrastructureMode>(configured, ignoreCase: true, out var mode)
                ? mode
                : throw new ArgumentException($"Panel:Infrastructure must be containers, local, external or auto, not '{configured}'.");
        }

        return ContainerRuntime.IsAvailable(probeTimeout ?? TimeSpan.FromSeconds(5))
            ? InfrastructureMode.Containers
            : InfrastructureMode.Local;
    }
}
