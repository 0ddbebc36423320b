using System.Net;
using System.Net.Sockets;

namespace NetGuard.HostTests;

/// <summary>Free loopback ports for tests that start a listener or need a port nobody answers on.</summary>
internal static class LoopbackPorts
{
    /// <summary>A TCP port that was free a moment ago (the OS picks it; the probe is closed again).</summary>
    public static int FreeTcp()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>A UDP port with nothing bound to it: datagrams sent there are never answered.</summary>
    public static int ClosedUdp()
    {
        using var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
    }
}
