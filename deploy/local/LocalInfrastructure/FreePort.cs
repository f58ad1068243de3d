using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PanelPlatform.LocalInfrastructure;

public static class FreePort
{
    private const int LowestChosen = 10000;
    private static readonly Lock Gate = new();
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>
    /// A loopback TCP port that nobody listens on right now, below the kernel's ephemeral range and never the same twice
    /// in this process. A server is told its port some seconds before it binds it (the broker waits for epmd, the
    /// services for both): a port the kernel hands out for outgoing connections, or for the next <c>bind(0)</c>, could
    /// be taken in between.
    /// </summary>
    public static int Next()
    {
        var (ephemeralLow, _) = EphemeralRange();
        if (ephemeralLow - LowestChosen < 1000)
        {
            return FromKernel();
        }

        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(LowestChosen, ephemeralLow);
            lock (Gate)
            {
                if (HandedOut.Contains(port) || !CanBind(port))
                {
                    continue;
                }

                HandedOut.Add(port);
                return port;
            }
        }

        return FromKernel();
    }

    public static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FromKernel()
    {
        lock (Gate)
        {
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Linux's <c>net.ipv4.ip_local_port_range</c>; elsewhere the IANA dynamic range.</summary>
    private static (int Low, int High) EphemeralRange()
    {
        try
        {
            var parts = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range")
                .Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            return (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return (49152, 65535);
        }
    }
}
