using System.Diagnostics;

namespace PanelPlatform.Deploy.Tests;

/// <summary>
/// The programs the manifest check runs: kubectl (for <c>kubectl kustomize</c>) and Node.js (for validate.mjs).
/// Missing ones fail the test with what to run, never skip it.
/// </summary>
internal static class Tools
{
    public const string InstallHint = "Run `bash deploy/local/install-deps.sh` (it calls deploy/kubernetes/validate/install.sh).";

    /// <summary>$KUBECTL, then kubectl on the PATH, then the one install.sh unpacks beside the validator.</summary>
    public static string Kubectl() => Find("kubectl", Environment.GetEnvironmentVariable("KUBECTL"),
        Environment.GetEnvironmentVariable("PATH"), Path.Combine(Repo.Validator, ".tools", "kubectl"));

    public static string Node() => Find("node", Environment.GetEnvironmentVariable("NODE"),
        Environment.GetEnvironmentVariable("PATH"), null);

    public static string Find(string program, string? configured, string? searchPath, string? fallback)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"{program}: {configured} (from the environment) does not exist. {InstallHint}");
        }

        foreach (var dir in (searchPath ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        if (fallback is not null && File.Exists(fallback))
        {
            return fallback;
        }

        throw new InvalidOperationException(
            $"{program} was not found (not on the PATH{(fallback is null ? "" : $", not at {fallback}")}); the Kubernetes manifests cannot be checked. {InstallHint}");
    }

    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n{Output}\n{Error}";
    }

    public static async Task<Result> RunAsync(
        string program, IEnumerable<string> arguments, string? input = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repo.Root,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }
}
