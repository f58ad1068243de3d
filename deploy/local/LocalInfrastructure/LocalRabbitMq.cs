using System.Globalization;

namespace PanelPlatform.LocalInfrastructure;

/// <summary>
/// A private RabbitMQ node from the Debian package, under <c>{root}/rabbitmq</c>, with its own node name, ports,
/// Erlang cookie and epmd, so it never meets a system node. The broker and its epmd are two processes:
/// epmd runs in the foreground as our child, so stopping it leaves no daemon behind.
/// </summary>
public sealed class LocalRabbitMq
{
    public const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    public LocalRabbitMq(string root, int amqpPort, int managementPort, int distributionPort, int epmdPort)
    {
        Root = Path.GetFullPath(root);
        AmqpPort = amqpPort;
        ManagementPort = managementPort;
        DistributionPort = distributionPort;
        EpmdPort = epmdPort;
        if (!File.Exists(ServerScript))
        {
            throw new InvalidOperationException($"{ServerScript} was not found. Run deploy/local/install-deps.sh.");
        }
    }

    public string Root { get; }
    public int AmqpPort { get; }
    public int ManagementPort { get; }
    public int DistributionPort { get; }
    public int EpmdPort { get; }
    public string NodeName => "panel@localhost";
    private string Home => Path.Combine(Root, "rabbitmq");

    /// <summary>The connection string shape Aspire's RabbitMQ resource gives.</summary>
    public string ConnectionString => $"amqp://guest:guest@127.0.0.1:{AmqpPort}";

    public string ManagementUrl => $"http://127.0.0.1:{ManagementPort}";

    public void PrepareFiles()
    {
        Directory.CreateDirectory(Home);
        Directory.CreateDirectory(Path.Combine(Home, "log"));
        Directory.CreateDirectory(Path.Combine(Home, "mnesia"));
        File.WriteAllText(Path.Combine(Home, "rabbitmq.conf"), string.Join('\n',
            $"listeners.tcp.1 = 127.0.0.1:{AmqpPort}",
            $"management.tcp.ip = 127.0.0.1",
            $"management.tcp.port = {ManagementPort}",
            "loopback_users.guest = true",
            "log.console = true",
            "log.console.level = warning",
            "log.file = false",
            "") );
        File.WriteAllText(Path.Combine(Home, "enabled_plugins"), "[rabbitmq_management].\n");
    }

    public ProcessSpec EpmdProcess() => new(
        "epmd",
        ProcessRunner.FindOnPath("epmd") ?? "/usr/bin/epmd",
        ["-port", Invariant(EpmdPort), "-address", "127.0.0.1"],
        new Dictionary<string, string>(),
        Home);

    public ProcessSpec ServerProcess() => new(
        "rabbitmq",
        ServerScript,
        [],
        Environment(),
        Home);

    /// <summary>The environment rabbitmqctl/rabbitmq-diagnostics need to reach this node.</summary>
    public IReadOnlyDictionary<string, string> Environment() => new Dictionary<string, string>
    {
        ["HOME"] = Home,
        ["RABBITMQ_NODENAME"] = NodeName,
        ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_NODE_PORT"] = Invariant(AmqpPort),
        ["RABBITMQ_DIST_PORT"] = Invariant(DistributionPort),
        ["ERL_EPMD_PORT"] = Invariant(EpmdPort),
        ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(Home, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(Home, "log"),
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(Home, "rabbitmq.conf"),
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(Home, "enabled_plugins"),
        ["RABBITMQ_PID_FILE"] = Path.Combine(Home, "rabbitmq.pid"),
        ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
        // Makes the start script exec the Erlang VM instead of keeping a shell between us and the broker.
        ["RUNNING_UNDER_SYSTEMD"] = "true",
    };

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
