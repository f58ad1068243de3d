using PanelPlatform.LocalInfrastructure;

namespace PanelPlatform.TestInfrastructure;

/// <summary>
/// Each run's servers live in <c>/tmp/panel-tests-*</c> with the test host's pid and its children's pids. A run whose
/// test host died without cleaning up is found by the next run, its servers stopped and its directory removed.
/// </summary>
internal static class StaleRuns
{
    private const string Prefix = "panel-tests-";
    private const string OwnerFile = "owner.pid";
    private const string ChildrenFile = "children.pid";

    public static string NewRunDirectory()
    {
        Sweep();
        var root = Path.Combine(Path.GetTempPath(), $"{Prefix}{Guid.NewGuid():N}"[..(Prefix.Length + 12)]);
        Directory.CreateDirectory(root);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101);
        }

        File.WriteAllText(Path.Combine(root, OwnerFile), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return root;
    }

    public static void RecordChild(string root, int pid) =>
        File.AppendAllText(Path.Combine(root, ChildrenFile), $"{pid}\n");

    public static void Remove(string root)
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A server may still be closing a file; the next run's sweep removes what is left.
        }
    }

    private static void Sweep()
    {
        foreach (var root in Directory.GetDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            if (!int.TryParse(ReadOrEmpty(Path.Combine(root, OwnerFile)), out var owner) || Signals.IsAlive(owner))
            {
                continue;
            }

            foreach (var line in ReadOrEmpty(Path.Combine(root, ChildrenFile)).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                if (int.TryParse(line, out var pid) && BelongsTo(pid, root))
                {
                    Signals.Send(pid, Signals.Kill);
                }
            }

            Remove(root);
        }
    }

    /// <summary>Only signal a pid that still works in this run's directory (pids are reused).</summary>
    private static bool BelongsTo(int pid, string root)
    {
        try
        {
            var cwd = new DirectoryInfo($"/proc/{pid}/cwd").LinkTarget;
            return cwd is not null && cwd.StartsWith(root, StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : "";
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }
}
