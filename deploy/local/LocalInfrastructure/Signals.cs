using System.Runtime.InteropServices;

namespace PanelPlatform.LocalInfrastructure;

/// <summary>POSIX signals for the servers we start: a graceful stop is a signal, not a kill.</summary>
public static partial class Signals
{
    public const int Interrupt = 2;
    public const int Kill = 9;
    public const int Terminate = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);

    public static bool Send(int pid, int signal) => SendSignal(pid, signal) == 0;

    /// <summary>Signal 0 checks that the process exists without touching it.</summary>
    public static bool IsAlive(int pid) => SendSignal(pid, 0) == 0 || Marshal.GetLastPInvokeError() == 1; // EPERM: alive, not ours
}

internal static class Unix
{
    public static bool IsRoot => Environment.IsPrivilegedProcess;

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public static void MakeTraversable(string directory) =>
        File.SetUnixFileMode(directory,
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
            UnixFileMode.GroupRead | UnixFileMode.GroupExecute |
            UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
}
