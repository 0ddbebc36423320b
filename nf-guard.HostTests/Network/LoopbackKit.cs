using System.Net;
using System.Net.Sockets;
using NetGuard.Network;
using NetGuard.Platform;
using NetGuard.Platform.Host;
using NetGuard.Policy;
using NetGuard.RateLimiting;

namespace NetGuard.HostTests.Network;

/// <summary>
/// Arrangements for the loopback tests: free ports, a policy whose listeners and UDP classes point at
/// 127.0.0.1, a guard over the real host socket layer, and plain .NET client sockets playing the peer
/// (test code may open sockets; firmware may not).
/// </summary>
internal static class LoopbackKit
{
    public const uint Loopback = 0x7F000001;
    public const long Second = TimeSpan.TicksPerSecond;

    /// <summary>A TCP port nobody listens on right now (bind to 0, read, release).</summary>
    public static int FreeTcpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    /// <summary>A UDP port nobody is bound to right now.</summary>
    public static int FreeUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    /// <summary>
    /// A policy with a TCP listener on <paramref name="tcpPort"/> and a UDP class "Sensor" sending to
    /// 127.0.0.1:<paramref name="sensorPort"/> (5 packets burst, 1 per minute), DNS to 127.0.0.1.
    /// </summary>
    public static GuardPolicy Policy(int tcpPort, int maxConnections, RateLimit acceptRate, int sensorPort, RateLimit? tcpReplyPerConnection = null, RateLimit? tcpReplyGlobal = null)
    {
        EgressPolicyBuilder egress = new EgressPolicyBuilder(new uint[0], Loopback)
            .AddClass(new EgressClass("Sensor", new[] { sensorPort }, new[] { Loopback }, RateLimit.PerSeconds(5, 1, 60), RateLimit.PerSeconds(5 * 1472, 1472, 60), 0));
        if (tcpReplyPerConnection != null)
        {
            egress.SetTcpReplyLimits(tcpReplyPerConnection, tcpReplyGlobal!);
        }

        return new GuardPolicyBuilder(egress.Build())
            .AddTcpListener("admin", tcpPort, maxConnections, acceptRate)
            .Build();
    }

    public static (NetworkGuard Guard, NetSocketLayer Layer) Guard(GuardPolicy policy, IMonotonicClock clock)
    {
        var layer = new NetSocketLayer(Loopback, HostNetworkGuard.MaxDatagramBytes);
        return (HostNetworkGuard.Create(policy, clock, layer), layer);
    }

    /// <summary>A blocking client connected to 127.0.0.1:<paramref name="port"/>, with 5 s timeouts.</summary>
    public static Socket Connect(int port) => Connect(port, 1);

    /// <summary>
    /// The same, from source address 127.0.0.<paramref name="host"/> (Linux routes all of 127/8 to loopback): a
    /// different host, as far as the guard's per-source accept rate can tell.
    /// </summary>
    public static Socket Connect(int port, byte host)
    {
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)
        {
            ReceiveTimeout = 5000,
            SendTimeout = 5000,
            NoDelay = true,
        };
        client.Bind(new IPEndPoint(new IPAddress(new byte[] { 127, 0, 0, host }), 0));
        client.Connect(new IPEndPoint(IPAddress.Loopback, port));
        return client;
    }

    /// <summary>Accepts one connection, retrying timeouts for up to 5 s.</summary>
    public static NetGuard.Diagnostics.Decision Accept(GuardedListener listener, out IConnection connection)
    {
        DateTime until = DateTime.UtcNow.AddSeconds(5);
        while (true)
        {
            NetGuard.Diagnostics.Decision decision = listener.Accept(100, out connection);
            if (decision.Reason != NetGuard.Diagnostics.ReasonCode.TimedOut || DateTime.UtcNow > until)
            {
                return decision;
            }
        }
    }

    /// <summary>True when the peer closed or reset <paramref name="client"/> within 5 s.</summary>
    public static bool SeesClose(Socket client)
    {
        try
        {
            return client.Receive(new byte[16]) == 0;
        }
        catch (SocketException e)
        {
            return e.SocketErrorCode == SocketError.ConnectionReset || e.SocketErrorCode == SocketError.ConnectionAborted;
        }
    }
}
