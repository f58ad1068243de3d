using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace PanelPlatform.Platform.Tests.Browser;

/// <summary>The last lines each instance of a resource logged: what a failed browser step needs to be understood.</summary>
public static class ResourceLogs
{
    public static async Task<string> TailAsync(PlatformApp platform, int lines, params string[] resources)
    {
        var logs = platform.App.Services.GetRequiredService<ResourceLoggerService>();
        var report = new System.Text.StringBuilder();
        foreach (var resource in resources)
        {
            foreach (var instance in await platform.InstancesOfAsync(resource))
            {
                var seen = new List<string>();
                using var read = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                try
                {
                    await foreach (var batch in logs.WatchAsync(instance).WithCancellation(read.Token))
                    {
                        seen.AddRange(batch.Select(l => l.Content));
                    }
                }
                catch (OperationCanceledException)
                {
                }

                report.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"--- {instance}, last {lines} lines");
                foreach (var line in seen.TakeLast(lines))
                {
                    report.AppendLine(line);
                }
            }
        }

        return report.ToString();
    }

    /// <summary>Runs a browser journey; if it fails, the failure carries the named resources' last log lines.</summary>
    public static async Task OnFailureAsync(PlatformApp platform, Func<Task> journey, params string[] resources)
    {
        try
        {
            await journey();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"{e.Message}{Environment.NewLine}{await TailAsync(platform, 60, resources)}", e);
        }
    }
}
