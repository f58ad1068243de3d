using System.Diagnostics;

namespace PanelPlatform.LocalInfrastructure;

/// <summary>
/// Is there a container engine that answers? A docker CLI on the PATH proves nothing (the daemon may be absent),
/// so ask the daemon itself, with a short timeout.
/// </summary>
public static class ContainerRuntime
{
    public static bool IsAvailable(TimeSpan timeout)
    {
        foreach (var cli in new[] { "docker", "podman" })
        {
            if (ProcessRunner.FindOnPath(cli) is not { } path)
            {
                continue;
            }

            var result = ProcessRunner.Run(path, ["info", "--format", "{{.ServerVersion}}"], timeout: timeout);
            if (result.ExitCode == 0 && !string.IsNullOrWhiteSpace(result.StandardOutput))
            {
                return true;
            }
        }

        return false;
    }
}
