using System.Net;
using System.Net.Sockets;
using System.Text;
using NetGuard.Diagnostics;
using NetGuard.Network;
using NetGuard.Platform.Host;
using NetGuard.RateLimiting;
using NetGuard.Testing;

namespace NetGuard.HostTests.Network;

/// <summary>The guard over real .NET sockets on 127.0.0.1: the host half of "works identically on host and device".</summary>
public sealed class LoopbackGuardTests
{
    private static RateLimit GenerousAccept() => RateLimit.PerSeconds(100, 100, 1);

    [Fact]
    public void Client_ConnectsToGuardedListener_AndExchangesData()
    {
        int port = LoopbackKit.FreeTcpPort();
        var (guard, layer) = LoopbackKit.Guard(LoopbackKit.Policy(port, 2, GenerousAccept(), LoopbackKit.FreeUdpPort()), new StopwatchClock());
        Assert.True(guard.ListenTcp(port, out GuardedListener listener).IsAccepted);
        using Socket client = LoopbackKit.Connect(port);

        Assert.True(LoopbackKit.Accept(listener, out IConnection connection).IsAccepted);
        client.Send(Encoding.ASCII.GetBytes("ping"));
        byte[] buffer = new byte[16];
        int received = connection.Receive(buffer, 0, buffer.Length, 5000, out ReasonCode reason);
        Assert.Equal(ReasonCode.Accepted, reason);
        Assert.Equal("ping", Encoding.ASCII.GetString(buffer, 0, received));
        Assert.True(connection.Send(Encoding.ASCII.GetBytes("pong"), 0, 4).IsAccepted);
        int back = client.Receive(buffer);

        Assert.Equal("pong", Encoding.ASCII.GetString(buffer, 0, back));
        Assert.Equal(LoopbackKit.Loopback, connection.RemoteAddress);
        Assert.Equal(((IPEndPoint)client.LocalEndPoint!).Port, connection.RemotePort);
        Assert.Equal(2, layer.OpenSockets);

        client.Shutdown(SocketShutdown.Send);
        Assert.Equal(0, connection.Receive(buffer, 0, buffer.Length, 5000, out reason));
        Assert.Equal(ReasonCode.Closed, reason);
        Assert.Equal(1, layer.OpenSockets);
        guard.Close();
        Assert.Equal(0, layer.OpenSockets);
    }

    [Theory]
    [InlineData(23, ReasonCode.PortForbidden)]
    [InlineData(2323, ReasonCode.PortForbidden)]
    [InlineData(8081, ReasonCode.PortNotDeclared)]
    public void ListenTcp_RefusesTelnetAndUndeclaredPorts_WithoutOpeningASocket(int port, ReasonCode expected)
    {
        var (guard, layer) = LoopbackKit.Guard(LoopbackKit.Policy(LoopbackKit.FreeTcpPort(), 2, GenerousAccept(), LoopbackKit.FreeUdpPort()), new StopwatchClock());

        Decision decision = guard.ListenTcp(port, out GuardedListener listener);

        Assert.Equal(expected, decision.Reason);
        Assert.Null(listener);
        Assert.Equal(0, layer.OpenSockets);
        Assert.Equal(1, guard.Counters.GetByReason(expected));
    }

    [Fact]
    public void ListenTcp_PortAlreadyBoundByAnotherProcess_BindFailed()
    {
        using var squatter = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        squatter.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        squatter.Listen(1);
        int port = ((IPEndPoint)squatter.LocalEndPoint!).Port;
        var (guard, layer) = LoopbackKit.Guard(LoopbackKit.Policy(port, 2, GenerousAccept(), LoopbackKit.FreeUdpPort()), new StopwatchClock());

        Assert.Equal(ReasonCode.BindFailed, guard.ListenTcp(port, out _).Reason);
        Assert.Equal(0, layer.OpenSockets);
    }

    [Fact]
    public void ConnectionBeyondTheCap_WhileBothAreServed_IsClosedAtOnce()
    {
        int port = LoopbackKit.FreeTcpPort();
        var (guard, layer) = LoopbackKit.Guard(LoopbackKit.Policy(port, 2, GenerousAccept(), LoopbackKit.FreeUdpPort()), new StopwatchClock());
        guard.ListenTcp(port, out GuardedListener listener);
        using Socket a = LoopbackKit.Connect(port);
        using Socket b = LoopbackKit.Connect(port, 2);
        using Socket c = LoopbackKit.Connect(port, 3);

        Assert.True(LoopbackKit.Accept(listener, out IConnection first).IsAccepted);
        Assert.True(LoopbackKit.Accept(listener, out IConnection second).IsAccepted);
        first.MarkInService();
        second.MarkInService();
        Decision third = LoopbackKit.Accept(listener, out IConnection refused);

        Assert.Equal(ReasonCode.ConnectionLimit, third.Reason);
        Assert.Null(refused);
        Assert.True(LoopbackKit.SeesClose(c), "the third client must see its connection closed");
        Assert.Equal(3, layer.OpenSockets);
        Assert.Equal(1, guard.Counters.GetByReason(ReasonCode.ConnectionLimit));
        guard.Close();
        Assert.Equal(0, layer.OpenSockets);
    }

    [Fact]
    public void ConnectionAtTheCap_DisplacesTheOldestThatSentNoRequest()
    {
        int port = LoopbackKit.FreeTcpPort();
        var (guard, layer) = LoopbackKit.Guard(LoopbackKit.Policy(port, 2, GenerousAccept(), LoopbackKit.FreeUdpPort()), new StopwatchClock());
        guard.ListenTcp(port, out GuardedListener listener);
        using Socket idle = LoopbackKit.Connect(port, 2);
        Assert.True(LoopbackKit.Accept(listener, out IConnection displaced).IsAccepted);
        Thread.Sleep(20);
        using Socket served = LoopbackKit.Connect(port, 3);
        Assert.True(LoopbackKit.Accept(listener, out IConnection kept).IsAccepted);
        kept.MarkInService();
        using Socket owner = LoopbackKit.Connect(port);

        Assert.True(LoopbackKit.Accept(listener, out IConnection admitted).IsAccepted);

        Assert.True(LoopbackKit.SeesClose(idle), "the idle client is displaced");
        Assert.Equal(1, guard.Counters.GetByReason(ReasonCode.ConnectionDisplaced));
        Assert.Equal(ReasonCode.ConnectionDisplaced, displaced.Send(new byte[1], 0, 1).Reason);
        Assert.True(kept.Send(new byte[] { 1 }, 0, 1).IsAccepted, "a served connection is never displaced");
        Assert.True(admitted.Send(new byte[] { 1 }, 0, 1).IsAccepted);
        Assert.Equal(2, listener.ActiveConnections);
        guard.Close();
        Assert.Equal(0, layer.OpenSockets);
    }

    [Fact]
    public void ConnectionsFasterThanTheAcceptRate_AreClosedAtOnce_EachAddressWithinItsHalf()
    {
        int port = LoopbackKit.FreeTcpPort();
        var clock = new ManualClock(0);
        var (guard, layer) = LoopbackKit.Guard(LoopbackKit.Policy(port, 8, RateLimit.PerSeconds(2, 1, 60), LoopbackKit.FreeUdpPort()), clock);
        guard.ListenTcp(port, out GuardedListener listener);
        using Socket a = LoopbackKit.Connect(port);
        using Socket again = LoopbackKit.Connect(port);
        using Socket b = LoopbackKit.Connect(port, 2);
        using Socket c = LoopbackKit.Connect(port, 3);

        Assert.True(LoopbackKit.Accept(listener, out _).IsAccepted);
        Decision sameAddress = LoopbackKit.Accept(listener, out _);
        Assert.True(LoopbackKit.Accept(listener, out _).IsAccepted);
        Decision third = LoopbackKit.Accept(listener, out _);

        Assert.Equal(ReasonCode.AcceptRateLimited, sameAddress.Reason);
        Assert.True(LoopbackKit.SeesClose(again), "one address may use half of the listener's burst of 2");
        Assert.Equal(ReasonCode.AcceptRateLimited, third.Reason);
        Assert.Equal(60 * LoopbackKit.Second, third.RetryAfterTicks);
        Assert.True(LoopbackKit.SeesClose(c));
        clock.AdvanceSeconds(60);
        using Socket d = LoopbackKit.Connect(port, 4);
        Assert.True(LoopbackKit.Accept(listener, out _).IsAccepted);
        guard.Close();
        Assert.Equal(0, layer.OpenSockets);
    }

    [Fact]
    public void PeerReset_ComesBackAsConnectionReset_AndFreesTheSocket()
    {
        int port = LoopbackKit.FreeTcpPort();
        var (guard, layer) = LoopbackKit.Guard(LoopbackKit.Policy(port, 2, GenerousAccept(), LoopbackKit.FreeUdpPort()), new StopwatchClock());
        guard.ListenTcp(port, out GuardedListener listener);
        Socket client = LoopbackKit.Connect(port);
        LoopbackKit.Accept(listener, out IConnection connection);

        // Linger 0 makes close send RST instead of FIN.
        client.LingerState = new LingerOption(true, 0);
        client.Close();
        int received = connection.Receive(new byte[8], 0, 8, 5000, out ReasonCode reason);

        Assert.Equal(0, received);
        Assert.Equal(ReasonCode.ConnectionReset, reason);
        Assert.Equal(1, layer.OpenSockets);
        Assert.Equal(0, listener.ActiveConnections);
        Assert.Equal(ReasonCode.ConnectionReset, connection.Send(new byte[4], 0, 4).Reason);
        guard.Close();
        Assert.Equal(0, layer.OpenSockets);
    }

    [Fact]
    public void Receive_NothingArrives_TimedOutAndConnectionKept()
    {
        int port = LoopbackKit.FreeTcpPort();
        var (guard, layer) = LoopbackKit.Guard(LoopbackKit.Policy(port, 2, GenerousAccept(), LoopbackKit.FreeUdpPort()), new StopwatchClock());
        guard.ListenTcp(port, out GuardedListener listener);
        using Socket client = LoopbackKit.Connect(port);
        LoopbackKit.Accept(listener, out IConnection connection);

        Assert.Equal(0, connection.Receive(new byte[8], 0, 8, 50, out ReasonCode reason));

        Assert.Equal(ReasonCode.TimedOut, reason);
        Assert.True(connection.Send(new byte[] { 1 }, 0, 1).IsAccepted);
        Assert.Equal(1, client.Receive(new byte[8]));
        guard.Close();
    }

    [Fact]
    public void UdpSendsBeyondTheBucket_AreRefusedAndCounted_AndOnlyAdmittedOnesArrive()
    {
        int sensorPort = LoopbackKit.FreeUdpPort();
        using var receiver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 2000 };
        receiver.Bind(new IPEndPoint(IPAddress.Loopback, sensorPort));
        var (guard, layer) = LoopbackKit.Guard(LoopbackKit.Policy(LoopbackKit.FreeTcpPort(), 2, GenerousAccept(), sensorPort), new ManualClock(0));
        Assert.True(guard.OpenUdp(0, out GuardedDatagramChannel channel).IsAccepted);
        byte[] datagram = Encoding.ASCII.GetBytes("reading");

        int admitted = 0;
        for (int i = 0; i < 8; i++)
        {
            if (channel.SendTo(datagram, 0, datagram.Length, LoopbackKit.Loopback, sensorPort).IsAccepted)
            {
                admitted++;
            }
        }

        int arrived = 0;
        var buffer = new byte[64];
        receiver.ReceiveTimeout = 500;
        try
        {
            while (true)
            {
                receiver.Receive(buffer);
                arrived++;
            }
        }
        catch (SocketException)
        {
            // Timed out: everything that was sent has arrived.
        }

        Assert.Equal(5, admitted);
        Assert.Equal(5, arrived);
        Assert.Equal(3, guard.Counters.GetBySource("Sensor"));
        Assert.Equal(3, guard.Counters.GetByReason(ReasonCode.RateLimited));
        Assert.Equal(5, guard.GetEgressCounters().GetAdmitted(guard.GetEgressCounters().IndexOfRow("Sensor")));
        guard.Close();
        Assert.Equal(0, layer.OpenSockets);
    }

    [Fact]
    public void UdpToAnUndeclaredPort_IsRefusedAndNeverArrives()
    {
        int otherPort = LoopbackKit.FreeUdpPort();
        using var receiver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        receiver.Bind(new IPEndPoint(IPAddress.Loopback, otherPort));
        var (guard, _) = LoopbackKit.Guard(LoopbackKit.Policy(LoopbackKit.FreeTcpPort(), 2, GenerousAccept(), LoopbackKit.FreeUdpPort()), new StopwatchClock());
        guard.OpenUdp(0, out GuardedDatagramChannel channel);

        Decision decision = channel.SendTo(new byte[8], 0, 8, LoopbackKit.Loopback, otherPort);

        Assert.Equal(ReasonCode.NoProtocolClass, decision.Reason);
        Assert.False(receiver.Poll(200_000, SelectMode.SelectRead));
        Assert.Equal(1, guard.Counters.GetBySource("Unclassified"));
        guard.Close();
    }

    [Fact]
    public void UdpReceive_DeliversFromThePeer_AndReportsOversizedDatagramsAsTooLarge()
    {
        var (guard, _) = LoopbackKit.Guard(LoopbackKit.Policy(LoopbackKit.FreeTcpPort(), 2, GenerousAccept(), LoopbackKit.FreeUdpPort()), new StopwatchClock());
        guard.OpenUdp(0, out GuardedDatagramChannel channel);
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var target = new IPEndPoint(IPAddress.Loopback, channel.LocalPort);
        peer.SendTo(new byte[] { 1, 2, 3 }, target);
        peer.SendTo(new byte[100], target);
        byte[] buffer = new byte[16];

        int first = channel.ReceiveFrom(buffer, 0, 16, 2000, out uint address, out int port, out ReasonCode reason);
        Assert.Equal(ReasonCode.Accepted, reason);
        Assert.Equal(3, first);
        Assert.Equal(LoopbackKit.Loopback, address);
        Assert.Equal(((IPEndPoint)peer.LocalEndPoint!).Port, port);

        Assert.Equal(0, channel.ReceiveFrom(buffer, 0, 16, 2000, out _, out _, out reason));
        Assert.Equal(ReasonCode.TooLarge, reason);
        Assert.Equal(0, channel.ReceiveFrom(buffer, 0, 16, 50, out _, out _, out reason));
        Assert.Equal(ReasonCode.TimedOut, reason);
        guard.Close();
    }

    [Fact]
    public void GuardedSend_AllocatesNothingPerSend()
    {
        var unlimited = new RateLimit(1L << 50, 1L << 50, 1);
        int port = LoopbackKit.FreeTcpPort();
        var (guard, _) = LoopbackKit.Guard(LoopbackKit.Policy(port, 1, GenerousAccept(), LoopbackKit.FreeUdpPort(), unlimited, unlimited), new StopwatchClock());
        guard.ListenTcp(port, out GuardedListener listener);
        using Socket client = LoopbackKit.Connect(port);
        LoopbackKit.Accept(listener, out IConnection connection);
        var drain = new System.Threading.Thread(() =>
        {
            byte[] sink = new byte[65536];
            try
            {
                while (client.Receive(sink) > 0)
                {
                }
            }
            catch (SocketException)
            {
            }
            catch (ObjectDisposedException)
            {
            }
        });
        drain.Start();
        byte[] payload = new byte[1024];
        for (int i = 0; i < 200; i++)
        {
            Assert.True(connection.Send(payload, 0, payload.Length).IsAccepted);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 2000; i++)
        {
            connection.Send(payload, 0, payload.Length);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        guard.Close();
        client.Close();
        drain.Join(5000);

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void HostNetworkGuard_CreateLoopback_BindsListenersTo127001()
    {
        int port = LoopbackKit.FreeTcpPort();
        NetworkGuard guard = HostNetworkGuard.CreateLoopback(LoopbackKit.Policy(port, 1, GenerousAccept(), LoopbackKit.FreeUdpPort()), new StopwatchClock());
        Assert.True(guard.ListenTcp(port, out GuardedListener listener).IsAccepted);
        using Socket client = LoopbackKit.Connect(port);
        Assert.True(LoopbackKit.Accept(listener, out _).IsAccepted);
        Assert.Equal(2, guard.OpenSocketCount);
        guard.Close();
        Assert.Equal(0, guard.OpenSocketCount);
    }
}
