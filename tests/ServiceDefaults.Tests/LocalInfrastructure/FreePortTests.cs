using System.Net;
using System.Net.Sockets;
using PanelPlatform.LocalInfrastructure;

namespace PanelPlatform.ServiceDefaults.Tests.LocalInfrastructure;

public class FreePortTests
{
    [Fact]
    public void Ports_are_never_handed_out_twice_lie_below_the_kernels_ephemeral_range_and_can_be_listened_on()
    {
        var ephemeralLow = File.Exists("/proc/sys/net/ipv4/ip_local_port_range")
            ? int.Parse(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split('\t', ' ')[0], System.Globalization.CultureInfo.InvariantCulture)
            : 49152;

        var ports = Enumerable.Range(0, 300).Select(_ => FreePort.Next()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.All(ports, p => Assert.InRange(p, 10000, ephemeralLow - 1));
        foreach (var port in ports.Take(20))
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
        }
    }
}
