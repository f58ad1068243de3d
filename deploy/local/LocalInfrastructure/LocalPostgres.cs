using System.Security.Cryptography;

namespace PanelPlatform.LocalInfrastructure;

/// <summary>
/// A private PostgreSQL server from the Debian package's binaries, on a loopback port, with its data under
/// <c>{root}/postgres</c>. initdb and postgres refuse to run as root, so as root they run as the
/// <c>postgres</c> system user through setpriv, and that user owns the data directory.
/// </summary>
public sealed class LocalPostgres
{
    public const string SystemUser = "postgres";
    public const string Superuser = "postgres";

    public LocalPostgres(string root, int port, bool durable = true)
    {
        Root = Path.GetFullPath(root);
        Port = port;
        Durable = durable;
        BinDirectory = FindBinDirectory() ?? throw new InvalidOperationException(
            "PostgreSQL binaries were not found under /usr/lib/postgresql/*/bin. Run deploy/local/install-deps.sh.");
    }

    public string Root { get; }
    public int Port { get; }
    public bool Durable { get; }
    public string BinDirectory { get; }
    public string DataDirectory => Path.Combine(Root, "postgres", "data");
    public string SocketDirectory => Path.Combine(Root, "postgres", "run");
    private string PasswordFile => Path.Combine(Root, "postgres", "password");

    /// <summary>The superuser's password, made on first use and kept beside the data.</summary>
    public string Password => File.ReadAllText(PasswordFile).Trim();

    public static string? FindBinDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("PANEL_PG_BIN");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        if (!Directory.Exists("/usr/lib/postgresql"))
        {
            return null;
        }

        return Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => (Directory: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
            .Where(d => File.Exists(Path.Combine(d.Directory, "postgres")) && File.Exists(Path.Combine(d.Directory, "initdb")))
            .OrderByDescending(d => d.Version)
            .Select(d => d.Directory)
            .FirstOrDefault();
    }

    /// <summary>The connection string shape Aspire's PostgreSQL resource gives its databases.</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username={Superuser};Password={Password};Database={database}";

    /// <summary>Creates and initialises the data directory unless it already holds a cluster.</summary>
    public void EnsureInitialised()
    {
        var postgresRoot = Path.Combine(Root, "postgres");
        Directory.CreateDirectory(postgresRoot);
        Directory.CreateDirectory(SocketDirectory);
        foreach (var directory in Ancestors(postgresRoot))
        {
            // The postgres user must be able to walk down to its data directory.
            if (!OperatingSystem.IsWindows() && Unix.IsRoot && (File.GetUnixFileMode(directory) & UnixFileMode.OtherExecute) == 0)
            {
                Unix.MakeTraversable(directory);
            }
        }

        if (!File.Exists(PasswordFile))
        {
            File.WriteAllText(PasswordFile, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant());
        }

        if (File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            ChownToSystemUser(SocketDirectory);
            return;
        }

        Directory.CreateDirectory(DataDirectory);
        ChownToSystemUser(postgresRoot);
        var (command, arguments) = AsSystemUser(Path.Combine(BinDirectory, "initdb"),
            "-D", DataDirectory, "-U", Superuser, "--auth=scram-sha-256", $"--pwfile={PasswordFile}",
            "-E", "UTF8", "--locale=C.UTF-8");
        var result = ProcessRunner.Run(command, arguments, workingDirectory: postgresRoot);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"initdb failed ({result.ExitCode}): {result.StandardError}{result.StandardOutput}");
        }
    }

    public ProcessSpec ServerProcess()
    {
        var settings = new List<string>
        {
            "-D", DataDirectory, "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-k", SocketDirectory,
            "-c", "listen_addresses=127.0.0.1",
            "-c", "max_connections=400",
            "-c", "shared_buffers=256MB",
        };
        if (!Durable)
        {
            // Throwaway test clusters: durability costs time and proves nothing there.
            settings.AddRange(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        }

        var (command, arguments) = AsSystemUser(Path.Combine(BinDirectory, "postgres"), [.. settings]);
        return new ProcessSpec(
            "postgres",
            command,
            arguments,
            new Dictionary<string, string> { ["LC_ALL"] = "C.UTF-8" },
            Path.Combine(Root, "postgres"));
    }

    private static (string Command, string[] Arguments) AsSystemUser(string binary, params string[] arguments) =>
        Unix.IsRoot
            ? ("setpriv", ["--reuid", SystemUser, "--regid", SystemUser, "--init-groups", binary, .. arguments])
            : (binary, arguments);

    private void ChownToSystemUser(string path)
    {
        if (!Unix.IsRoot)
        {
            return;
        }

        var result = ProcessRunner.Run("chown", ["-R", $"{SystemUser}:{SystemUser}", path]);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"chown to the '{SystemUser}' user failed: {result.StandardError}. Run deploy/local/install-deps.sh, which installs PostgreSQL and that user.");
        }
    }

    private static IEnumerable<string> Ancestors(string path)
    {
        for (var directory = new DirectoryInfo(path); directory is not null; directory = directory.Parent)
        {
            yield return directory.FullName;
        }
    }
}
