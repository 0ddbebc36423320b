using System;
using nanoFramework.TestFramework;
using NetGuard.Diagnostics;
using NetGuard.Policy;
using NetGuard.RateLimiting;
using NetGuard.Testing;

namespace NetGuard.Network.Tests
{
    [TestClass]
    public class NetworkGuardTests
    {
        private const long Second = NetworkTestKit.Second;

        [TestMethod]
        public void ListenTcp_DeclaredPort_OpensOneSocketWithTheConnectionCapAsBacklog()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            NetworkGuard guard = NetworkTestKit.Guard(layer, new ManualClock(0));

            GuardedListener listener = NetworkTestKit.Listen(guard);

            Assert.AreEqual(80, listener.Port);
            Assert.AreEqual(1, layer.OpenSockets);
            Assert.AreEqual(1, guard.OpenSocketCount);
            Assert.AreEqual(NetworkTestKit.AdminMaxConnections, layer.LastListener.Backlog);
            Assert.AreEqual(0L, guard.Counters.Total);
        }

        [TestMethod]
        public void ListenTcp_TelnetPorts_PortForbiddenWithoutTouchingTheSocketLayer()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            NetworkGuard guard = NetworkTestKit.Guard(layer, new ManualClock(0));
            GuardedListener listener;

            NetworkTestKit.AssertRefused(ReasonCode.PortForbidden, guard.ListenTcp(23, out listener));
            Assert.IsNull(listener);
            NetworkTestKit.AssertRefused(ReasonCode.PortForbidden, guard.ListenTcp(2323, out listener));

            Assert.AreEqual(0, layer.TotalOpened);
            Assert.AreEqual(2L, guard.Counters.GetByReason(ReasonCode.PortForbidden));
            Assert.AreEqual(2L, guard.Counters.GetBySource(NetworkGuard.UndeclaredSourceName));
        }

        [TestMethod]
        public void ListenTcp_UndeclaredPortOrWrongTransport_PortNotDeclared()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            NetworkGuard guard = NetworkTestKit.Guard(layer, new ManualClock(0));
            GuardedListener listener;

            NetworkTestKit.AssertRefused(ReasonCode.PortNotDeclared, guard.ListenTcp(8080, out listener));
            NetworkTestKit.AssertRefused(ReasonCode.PortNotDeclared, guard.ListenTcp(NetworkTestKit.MdnsPort, out listener));

            Assert.AreEqual(0, layer.TotalOpened);
            Assert.AreEqual(2L, guard.Counters.GetByReason(ReasonCode.PortNotDeclared));
        }

        [TestMethod]
        public void ListenTcp_PortOutOfRange_Throws()
        {
            NetworkGuard guard = NetworkTestKit.Guard(new FakeSocketLayer(), new ManualClock(0));
            GuardedListener listener;

            NetworkTestKit.ThrowsOutOfRange("port", () => guard.ListenTcp(0, out listener));
            NetworkTestKit.ThrowsOutOfRange("port", () => guard.ListenTcp(65536, out listener));
        }

        [TestMethod]
        public void ListenTcp_TwiceOnTheSamePort_InvalidStateUntilClosed()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            NetworkGuard guard = NetworkTestKit.Guard(layer, new ManualClock(0));
            GuardedListener first = NetworkTestKit.Listen(guard);
            GuardedListener second;

            NetworkTestKit.AssertRefused(ReasonCode.InvalidState, guard.ListenTcp(80, out second));
            Assert.AreEqual(1, layer.OpenSockets);

            first.Close();
            first.Close();
            Assert.AreEqual(0, layer.OpenSockets);
            Assert.IsTrue(guard.ListenTcp(80, out second).IsAccepted);
            Assert.AreEqual(1, layer.OpenSockets);
        }

        [TestMethod]
        public void ListenTcp_BindFailed_ReturnedAndPortCanBeRetried()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            NetworkGuard guard = NetworkTestKit.Guard(layer, new ManualClock(0));
            layer.NextListenResult = ReasonCode.BindFailed;
            GuardedListener listener;

            NetworkTestKit.AssertRefused(ReasonCode.BindFailed, guard.ListenTcp(80, out listener));
            Assert.IsNull(listener);
            Assert.AreEqual(0, layer.OpenSockets);
            Assert.AreEqual(1L, guard.Counters.GetBySource("tcp/80"));

            Assert.IsTrue(guard.ListenTcp(80, out listener).IsAccepted);
        }

        [TestMethod]
        public void Accept_NothingPending_TimedOutAndNotCounted()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            NetworkGuard guard = NetworkTestKit.Guard(layer, new ManualClock(0));
            GuardedListener listener = NetworkTestKit.Listen(guard);
            IConnection connection;

            NetworkTestKit.AssertRefused(ReasonCode.TimedOut, listener.Accept(10, out connection));
            Assert.IsNull(connection);
            Assert.AreEqual(0L, guard.Counters.Total);
            NetworkTestKit.ThrowsOutOfRange("timeoutMilliseconds", () => listener.Accept(0, out connection));
        }

        [TestMethod]
        public void Accept_BeyondTheCapWithEveryConnectionInService_ClosesTheNewConnectionAtOnce()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            NetworkGuard guard = NetworkTestKit.Guard(layer, new ManualClock(0));
            GuardedListener listener = NetworkTestKit.Listen(guard);
            FakeStreamSocket a;
            FakeStreamSocket b;
            NetworkTestKit.AcceptOne(guard, layer, listener, NetworkTestKit.Peer, out a).MarkInService();
            NetworkTestKit.AcceptOne(guard, layer, listener, NetworkTestKit.Peer2, out b).MarkInService();
            FakeStreamSocket third = layer.LastListener.Enqueue(NetworkTestKit.Peer3, 50003);
            IConnection connection;

            NetworkTestKit.AssertRefused(ReasonCode.ConnectionLimit, listener.Accept(10, out connection));

            Assert.IsNull(connection);
            Assert.IsTrue(third.Closed, "the connection over the cap must be closed at once");
            Assert.IsFalse(a.Closed || b.Closed, "connections being served are never displaced");
            Assert.AreEqual(2, listener.ActiveConnections);
            Assert.AreEqual(3, layer.OpenSockets);
            Assert.AreEqual(1L, guard.Counters.GetByReason(ReasonCode.ConnectionLimit));
            Assert.AreEqual(0L, guard.Counters.GetByReason(ReasonCode.ConnectionDisplaced));
            RefusalEvent logged = guard.RecentRefusals.ToArray()[0];
            Assert.AreEqual(NetworkTestKit.Peer3, logged.RemoteAddress);
            Assert.AreEqual(50003, logged.RemotePort);
            Assert.AreEqual("tcp/80", logged.Source);
        }

        [TestMethod]
        public void Accept_AtTheCap_DisplacesTheOldestConnectionWithoutACompleteRequest()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            ManualClock clock = new ManualClock(0);
            NetworkGuard guard = NetworkTestKit.Guard(layer, clock);
            GuardedListener listener = NetworkTestKit.Listen(guard);
            FakeStreamSocket oldest;
            FakeStreamSocket served;
            IConnection first = NetworkTestKit.AcceptOne(guard, layer, listener, NetworkTestKit.Peer, out oldest);
            clock.AdvanceSeconds(1);
            IConnection second = NetworkTestKit.AcceptOne(guard, layer, listener, NetworkTestKit.Peer2, out served);
            clock.AdvanceSeconds(1);
            FakeStreamSocket newcomer;

            IConnection admitted = NetworkTestKit.AcceptOne(guard, layer, listener, NetworkTestKit.Peer3, out newcomer);

            Assert.IsTrue(oldest.Closed, "the oldest unserved connection makes room");
            Assert.IsFalse(served.Closed || newcomer.Closed);
            Assert.AreEqual(2, listener.ActiveConnections);
            Assert.AreEqual(3, layer.OpenSockets);
            Assert.AreEqual(1L, guard.Counters.GetByReason(ReasonCode.ConnectionDisplaced));
            RefusalEvent logged = guard.RecentRefusals.ToArray()[0];
            Assert.AreEqual(NetworkTestKit.Peer, logged.RemoteAddress);
            NetworkTestKit.AssertRefused(ReasonCode.ConnectionDisplaced, first.Send(new byte[1], 0, 1));

            // Twin: once the remaining two are in service, nobody is displaced.
            admitted.MarkInService();
            second.MarkInService();
            FakeStreamSocket late = layer.LastListener.Enqueue(NetworkTestKit.Peer3 + 1, 50005);
            IConnection refused;
            NetworkTestKit.AssertRefused(ReasonCode.ConnectionLimit, listener.Accept(10, out refused));
            Assert.IsTrue(late.Closed);
            Assert.IsFalse(served.Closed || newcomer.Closed);
            guard.Close();
            Assert.AreEqual(0, layer.OpenSockets);
        }

        [TestMethod]
        public void Accept_AtTheCap_DisplacesFromTheAddressHoldingTheMostConnectionsFirst()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            ManualClock clock = new ManualClock(0);
            GuardPolicy policy = new GuardPolicyBuilder(EgressPolicy.CreateDefault(new uint[] { NetworkTestKit.NtpServer }, NetworkTestKit.Resolver))
                .AddTcpListener("admin", NetworkTestKit.AdminPort, 3, RateLimit.PerSeconds(8, 1, 10))
                .Build();
            NetworkGuard guard = new NetworkGuard(policy, layer, clock);
            GuardedListener listener = NetworkTestKit.Listen(guard);
            FakeStreamSocket owner;
            FakeStreamSocket hogOlder;
            FakeStreamSocket hogNewer;
            FakeStreamSocket newcomer;
            NetworkTestKit.AcceptOne(guard, layer, listener, NetworkTestKit.Peer, out owner);
            clock.AdvanceSeconds(1);
            NetworkTestKit.AcceptOne(guard, layer, listener, NetworkTestKit.Peer2, out hogOlder);
            clock.AdvanceSeconds(1);
            NetworkTestKit.AcceptOne(guard, layer, listener, NetworkTestKit.Peer2, out hogNewer);
            clock.AdvanceSeconds(1);

            NetworkTestKit.AcceptOne(guard, layer, listener, NetworkTestKit.Peer3, out newcomer);

            Assert.IsTrue(hogOlder.Closed, "the host with two unfinished connections loses its older one");
            Assert.IsFalse(owner.Closed, "twin: the oldest connection overall stays, its host holds only one");
            Assert.IsFalse(hogNewer.Closed || newcomer.Closed);
            Assert.AreEqual(3, listener.ActiveConnections);
        }

        [TestMethod]
        public void Accept_AtTheCap_ADisplacedSlotIsNotGivenToANewcomerTheRateRefuses()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            ManualClock clock = new ManualClock(0);
            NetworkGuard guard = NetworkTestKit.Guard(layer, clock);
            GuardedListener listener = NetworkTestKit.Listen(guard);
            FakeStreamSocket a;
            FakeStreamSocket b;
            NetworkTestKit.AcceptOne(guard, layer, listener, NetworkTestKit.Peer, out a);
            NetworkTestKit.AcceptOne(guard, layer, listener, NetworkTestKit.Peer2, out b);
            FakeStreamSocket again = layer.LastListener.Enqueue(NetworkTestKit.Peer, 50004);
            IConnection connection;

            // Peer used its share of the accept rate (half the listener's burst of 3: 1).
            NetworkTestKit.AssertRefused(ReasonCode.AcceptRateLimited, listener.Accept(10, out connection));

            Assert.IsTrue(again.Closed);
            Assert.IsFalse(a.Closed || b.Closed, "nobody displaced for a refused newcomer");
            Assert.AreEqual(0L, guard.Counters.GetByReason(ReasonCode.ConnectionDisplaced));
            Assert.AreEqual(2, listener.ActiveConnections);
        }

        [TestMethod]
        public void Accept_InServiceAndDisplacement_RaceLeavesNoConnectionHalfServed()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            NetworkGuard guard = NetworkTestKit.Guard(layer, new ManualClock(0));
            GuardedListener listener = NetworkTestKit.Listen(guard);
            FakeStreamSocket a;
            FakeStreamSocket b;
            FakeStreamSocket c;
            IConnection first = NetworkTestKit.AcceptOne(guard, layer, listener, NetworkTestKit.Peer, out a);
            NetworkTestKit.AcceptOne(guard, layer, listener, NetworkTestKit.Peer2, out b);
            NetworkTestKit.AcceptOne(guard, layer, listener, NetworkTestKit.Peer3, out c);

            // The displaced connection's late MarkInService changes nothing: it is closed and stays closed.
            first.MarkInService();
            Assert.IsTrue(a.Closed);
            NetworkTestKit.AssertRefused(ReasonCode.ConnectionDisplaced, first.Send(new byte[1], 0, 1));
            Assert.AreEqual(2, listener.ActiveConnections);
            Assert.AreEqual(guard.OpenSocketCount, layer.OpenSockets);
        }

        [TestMethod]
        public void Accept_AfterAConnectionCloses_HasRoomAgain()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            ManualClock clock = new ManualClock(0);
            NetworkGuard guard = NetworkTestKit.Guard(layer, clock);
            GuardedListener listener = NetworkTestKit.Listen(guard);
            FakeStreamSocket a;
            FakeStreamSocket b;
            IConnection first = NetworkTestKit.AcceptOne(guard, layer, listener, NetworkTestKit.Peer, out a);
            NetworkTestKit.AcceptOne(guard, layer, listener, NetworkTestKit.Peer2, out b);

            first.Close();
            first.Close();

            Assert.IsTrue(a.Closed);
            Assert.AreEqual(1, listener.ActiveConnections);
            NetworkTestKit.AcceptOne(guard, layer, listener, NetworkTestKit.Peer3, out a);
            Assert.AreEqual(2, listener.ActiveConnections);
            Assert.AreEqual(0L, guard.Counters.GetByReason(ReasonCode.ConnectionDisplaced), "a free slot needs no displacement");
        }

        [TestMethod]
        public void Accept_FasterThanTheAcceptRate_AcceptRateLimitedUntilTheBucketRefills()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            ManualClock clock = new ManualClock(0);
            NetworkGuard guard = NetworkTestKit.Guard(layer, clock);
            GuardedListener listener = NetworkTestKit.Listen(guard);
            FakeStreamSocket socket;
            IConnection connection;

            // Burst 3, 1 per 10 s, from three addresses (each may use half); keep at most 1 open so the cap never binds.
            NetworkTestKit.AcceptOne(guard, layer, listener, NetworkTestKit.Peer, out socket).Close();
            NetworkTestKit.AcceptOne(guard, layer, listener, NetworkTestKit.Peer2, out socket).Close();
            NetworkTestKit.AcceptOne(guard, layer, listener, NetworkTestKit.Peer3, out socket).Close();

            FakeStreamSocket fourth = layer.LastListener.Enqueue(NetworkTestKit.Peer3 + 1, 50010);
            Decision refused = listener.Accept(10, out connection);

            NetworkTestKit.AssertRefused(ReasonCode.AcceptRateLimited, refused);
            Assert.AreEqual(10 * Second, refused.RetryAfterTicks);
            Assert.IsTrue(fourth.Closed);
            Assert.AreEqual(0, listener.ActiveConnections);

            clock.AdvanceSeconds(10);
            NetworkTestKit.AcceptOne(guard, layer, listener, NetworkTestKit.Peer3 + 1, out socket);
        }

        [TestMethod]
        public void Accept_OneAddressFlooding_LeavesTheRestOfTheRateToOthers()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            ManualClock clock = new ManualClock(0);
            NetworkGuard guard = NetworkTestKit.Guard(layer, clock);
            GuardedListener listener = NetworkTestKit.Listen(guard);
            FakeStreamSocket socket;
            IConnection connection;

            NetworkTestKit.AcceptOne(guard, layer, listener, NetworkTestKit.Peer, out socket).Close();
            for (int i = 0; i < 5; i++)
            {
                layer.LastListener.Enqueue(NetworkTestKit.Peer, 50100 + i);
                NetworkTestKit.AssertRefused(ReasonCode.AcceptRateLimited, listener.Accept(10, out connection));
            }

            // Twin: another address still gets in, and its refused attempts did not use up the listener's burst.
            NetworkTestKit.AcceptOne(guard, layer, listener, NetworkTestKit.Peer2, out socket).Close();
            NetworkTestKit.AcceptOne(guard, layer, listener, NetworkTestKit.Peer3, out socket).Close();
            Assert.AreEqual(5L, guard.Counters.GetByReason(ReasonCode.AcceptRateLimited));
            Assert.AreEqual(guard.OpenSocketCount, layer.OpenSockets);
        }

        [TestMethod]
        public void Accept_PlatformFailsWhileInspectingTheNewSocket_SocketIsStillClosed()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            NetworkGuard guard = NetworkTestKit.Guard(layer, new ManualClock(0));
            GuardedListener listener = NetworkTestKit.Listen(guard);
            FakeStreamSocket broken = layer.LastListener.Enqueue(NetworkTestKit.Peer, 50000);
            broken.ThrowOnRemoteAddress = true;
            IConnection connection = null;

            Assert.ThrowsException(typeof(InvalidOperationException), () => listener.Accept(10, out connection));

            Assert.IsTrue(broken.Closed);
            Assert.AreEqual(1, layer.OpenSockets);
            Assert.AreEqual(0, listener.ActiveConnections);
        }

        [TestMethod]
        public void Accept_PlatformError_CountedAsSocketError()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            NetworkGuard guard = NetworkTestKit.Guard(layer, new ManualClock(0));
            GuardedListener listener = NetworkTestKit.Listen(guard);
            layer.LastListener.NextAcceptResult = ReasonCode.SocketError;
            IConnection connection;

            NetworkTestKit.AssertRefused(ReasonCode.SocketError, listener.Accept(10, out connection));
            Assert.AreEqual(1L, guard.Counters.GetByReason(ReasonCode.SocketError));
            Assert.AreEqual(1, layer.OpenSockets);
        }

        [TestMethod]
        public void Accept_OnClosedListener_Closed()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            NetworkGuard guard = NetworkTestKit.Guard(layer, new ManualClock(0));
            GuardedListener listener = NetworkTestKit.Listen(guard);
            listener.Close();
            IConnection connection;

            NetworkTestKit.AssertRefused(ReasonCode.Closed, listener.Accept(10, out connection));
            Assert.IsTrue(listener.IsClosed);
        }

        [TestMethod]
        public void Connection_SendsThroughThePerConnectionBucket()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            ManualClock clock = new ManualClock(0);
            NetworkGuard guard = NetworkTestKit.Guard(layer, clock);
            GuardedListener listener = NetworkTestKit.Listen(guard);
            FakeStreamSocket socket;
            IConnection connection = NetworkTestKit.AcceptOne(guard, layer, listener, out socket);
            byte[] block = new byte[16384];

            // The default per-connection bucket holds 64 KiB.
            for (int i = 0; i < 4; i++)
            {
                Assert.IsTrue(connection.Send(block, 0, block.Length).IsAccepted);
            }

            Decision refused = connection.Send(block, 0, 1);

            NetworkTestKit.AssertRefused(ReasonCode.RateLimited, refused);
            Assert.IsTrue(refused.RetryAfterTicks > 0);
            Assert.AreEqual(65536L, socket.BytesSent);
            Assert.AreEqual(1L, guard.Counters.GetBySource("TcpReply"));
            Assert.AreEqual(4L, guard.GetEgressCounters().GetAdmitted(guard.GetEgressCounters().IndexOfRow("TcpReply")));

            clock.Advance(refused.RetryAfterTicks);
            Assert.IsTrue(connection.Send(block, 0, 1).IsAccepted);
        }

        [TestMethod]
        public void Connection_SendLargerThanTheBucket_TooLargeAndNothingSent()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            NetworkGuard guard = NetworkTestKit.Guard(layer, new ManualClock(0));
            GuardedListener listener = NetworkTestKit.Listen(guard);
            FakeStreamSocket socket;
            IConnection connection = NetworkTestKit.AcceptOne(guard, layer, listener, out socket);

            NetworkTestKit.AssertRefused(ReasonCode.TooLarge, connection.Send(new byte[65537], 0, 65537));
            Assert.AreEqual(0L, socket.BytesSent);
            Assert.IsTrue(connection.Send(new byte[8], 0, 0).IsAccepted);
            Assert.AreEqual(0, socket.Sends);
        }

        [TestMethod]
        public void Connection_SendArgumentsOutOfRange_Throw()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            NetworkGuard guard = NetworkTestKit.Guard(layer, new ManualClock(0));
            GuardedListener listener = NetworkTestKit.Listen(guard);
            FakeStreamSocket socket;
            IConnection connection = NetworkTestKit.AcceptOne(guard, layer, listener, out socket);

            Assert.ThrowsException(typeof(ArgumentNullException), () => connection.Send(null, 0, 0));
            NetworkTestKit.ThrowsOutOfRange("count", () => connection.Send(new byte[4], 1, 4));
            NetworkTestKit.ThrowsOutOfRange("offset", () => connection.Send(new byte[4], -1, 1));
            NetworkTestKit.ThrowsOutOfRange("count", () => connection.Send(new byte[4], 0, -1));
        }

        [TestMethod]
        public void Connection_SendAfterClose_ClosedAndNothingSent()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            NetworkGuard guard = NetworkTestKit.Guard(layer, new ManualClock(0));
            GuardedListener listener = NetworkTestKit.Listen(guard);
            FakeStreamSocket socket;
            IConnection connection = NetworkTestKit.AcceptOne(guard, layer, listener, out socket);

            connection.Close();

            NetworkTestKit.AssertRefused(ReasonCode.Closed, connection.Send(new byte[4], 0, 4));
            Assert.AreEqual(0L, socket.BytesSent);
            ReasonCode reason;
            Assert.AreEqual(0, connection.Receive(new byte[4], 0, 4, 10, out reason));
            Assert.AreEqual((object)ReasonCode.Closed, (object)reason);
        }

        [TestMethod]
        public void Connection_PeerResetDuringSend_ReleasesTheSocketAndStaysReset()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            NetworkGuard guard = NetworkTestKit.Guard(layer, new ManualClock(0));
            GuardedListener listener = NetworkTestKit.Listen(guard);
            FakeStreamSocket socket;
            IConnection connection = NetworkTestKit.AcceptOne(guard, layer, listener, out socket);
            socket.SendResult = ReasonCode.ConnectionReset;

            NetworkTestKit.AssertRefused(ReasonCode.ConnectionReset, connection.Send(new byte[4], 0, 4));

            Assert.IsTrue(socket.Closed, "a reset connection must give its socket back at once");
            Assert.AreEqual(0, listener.ActiveConnections);
            Assert.AreEqual(1, layer.OpenSockets);
            NetworkTestKit.AssertRefused(ReasonCode.ConnectionReset, connection.Send(new byte[4], 0, 4));
            connection.Close();
            Assert.AreEqual(0, listener.ActiveConnections);
        }

        [TestMethod]
        public void Connection_ReceivesDataThenPeerClose_ReleasesTheSocket()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            NetworkGuard guard = NetworkTestKit.Guard(layer, new ManualClock(0));
            GuardedListener listener = NetworkTestKit.Listen(guard);
            FakeStreamSocket socket;
            IConnection connection = NetworkTestKit.AcceptOne(guard, layer, listener, out socket);
            socket.Incoming(new byte[] { 1, 2, 3 });
            byte[] buffer = new byte[8];
            ReasonCode reason;

            Assert.AreEqual(0, connection.Receive(buffer, 0, 8, 10, out reason) - 3);
            Assert.AreEqual((object)ReasonCode.Accepted, (object)reason);
            Assert.AreEqual((byte)3, buffer[2]);
            Assert.AreEqual(NetworkTestKit.Peer, connection.RemoteAddress);
            Assert.AreEqual(50000, connection.RemotePort);

            Assert.AreEqual(0, connection.Receive(buffer, 0, 8, 10, out reason));
            Assert.AreEqual((object)ReasonCode.TimedOut, (object)reason);
            Assert.IsFalse(socket.Closed, "a timeout keeps the connection");

            socket.ReceiveResultWhenEmpty = ReasonCode.Closed;
            Assert.AreEqual(0, connection.Receive(buffer, 0, 8, 10, out reason));
            Assert.AreEqual((object)ReasonCode.Closed, (object)reason);
            Assert.IsTrue(socket.Closed);
            Assert.AreEqual(0, listener.ActiveConnections);
        }

        [TestMethod]
        public void Connection_ReceiveAfterReset_ConnectionReset()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            NetworkGuard guard = NetworkTestKit.Guard(layer, new ManualClock(0));
            GuardedListener listener = NetworkTestKit.Listen(guard);
            FakeStreamSocket socket;
            IConnection connection = NetworkTestKit.AcceptOne(guard, layer, listener, out socket);
            socket.ReceiveResultWhenEmpty = ReasonCode.ConnectionReset;
            ReasonCode reason;

            Assert.AreEqual(0, connection.Receive(new byte[4], 0, 4, 10, out reason));
            Assert.AreEqual((object)ReasonCode.ConnectionReset, (object)reason);
            Assert.IsTrue(socket.Closed);
            NetworkTestKit.AssertRefused(ReasonCode.ConnectionReset, connection.Send(new byte[1], 0, 1));
            NetworkTestKit.ThrowsOutOfRange("count", () => connection.Receive(new byte[4], 0, 0, 10, out reason));
            NetworkTestKit.ThrowsOutOfRange("timeoutMilliseconds", () => connection.Receive(new byte[4], 0, 4, 0, out reason));
        }

        [TestMethod]
        public void RequestOutbound_TcpConnectIcmpRaw_AlwaysRefusedAndCounted()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            NetworkGuard guard = NetworkTestKit.Guard(layer, new ManualClock(0));

            NetworkTestKit.AssertRefused(ReasonCode.OutboundTcpForbidden, guard.RequestOutbound(EgressTransport.TcpConnect, NetworkTestKit.Resolver, 443));
            NetworkTestKit.AssertRefused(ReasonCode.TransportNotAllowed, guard.RequestOutbound(EgressTransport.Icmp, NetworkTestKit.Resolver, 0));
            NetworkTestKit.AssertRefused(ReasonCode.TransportNotAllowed, guard.RequestOutbound(EgressTransport.Raw, NetworkTestKit.Resolver, 0));
            NetworkTestKit.AssertRefused(ReasonCode.TransportNotAllowed, guard.RequestOutbound((EgressTransport)99, NetworkTestKit.Resolver, 0));
            NetworkTestKit.ThrowsOutOfRange("transport", () => guard.RequestOutbound(EgressTransport.Udp, NetworkTestKit.Resolver, 53));

            Assert.AreEqual(0, layer.TotalOpened);
            Assert.AreEqual(4L, guard.Counters.GetBySource("Unclassified"));
            Assert.AreEqual(1L, guard.Counters.GetByReason(ReasonCode.OutboundTcpForbidden));
        }

        [TestMethod]
        public void Close_ClosesEveryListenerConnectionAndChannel_ThenRefusesToOpen()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            NetworkGuard guard = NetworkTestKit.Guard(layer, new ManualClock(0));
            GuardedListener listener = NetworkTestKit.Listen(guard);
            FakeStreamSocket a;
            FakeStreamSocket b;
            IConnection first = NetworkTestKit.AcceptOne(guard, layer, listener, NetworkTestKit.Peer, out a);
            NetworkTestKit.AcceptOne(guard, layer, listener, NetworkTestKit.Peer2, out b);
            GuardedDatagramChannel channel = NetworkTestKit.OpenUdp(guard, 0);
            GuardedDatagramChannel mdns = NetworkTestKit.OpenUdp(guard, NetworkTestKit.MdnsPort);
            Assert.AreEqual(5, layer.OpenSockets);
            Assert.AreEqual(5, guard.OpenSocketCount);

            guard.Close();
            guard.Close();

            Assert.AreEqual(0, layer.OpenSockets);
            Assert.AreEqual(0, guard.OpenSocketCount);
            Assert.IsTrue(a.Closed && b.Closed && channel.IsClosed && mdns.IsClosed && listener.IsClosed);
            GuardedListener again;
            GuardedDatagramChannel another;
            NetworkTestKit.AssertRefused(ReasonCode.InvalidState, guard.ListenTcp(80, out again));
            NetworkTestKit.AssertRefused(ReasonCode.InvalidState, guard.OpenUdp(0, out another));
            NetworkTestKit.AssertRefused(ReasonCode.Closed, first.Send(new byte[1], 0, 1));
            Assert.AreEqual(0, layer.OpenSockets);
        }

        [TestMethod]
        public void EveryFailurePath_LeavesNoSocketOpen()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            ManualClock clock = new ManualClock(0);
            NetworkGuard guard = NetworkTestKit.Guard(layer, clock);
            GuardedListener listener = NetworkTestKit.Listen(guard);
            GuardedListener refusedListener;
            GuardedDatagramChannel refusedChannel;
            IConnection connection;
            FakeStreamSocket socket;

            guard.ListenTcp(23, out refusedListener);
            guard.ListenTcp(8080, out refusedListener);
            guard.ListenTcp(80, out refusedListener);
            layer.NextDatagramResult = ReasonCode.BindFailed;
            guard.OpenUdp(NetworkTestKit.MdnsPort, out refusedChannel);
            for (int i = 0; i < 6; i++)
            {
                // Burst 3 from six addresses: three accepted (and closed), three refused for the rate.
                layer.LastListener.Enqueue(NetworkTestKit.Peer + (uint)i, 51000 + i);
                if (listener.Accept(10, out connection).IsAccepted)
                {
                    connection.Close();
                }
            }

            for (int i = 0; i < 3; i++)
            {
                // The third displaces the first; then a newcomer refused by its address's share displaces nobody.
                clock.AdvanceSeconds(10);
                NetworkTestKit.AcceptOne(guard, layer, listener, NetworkTestKit.Peer + 10 + (uint)i, out socket);
            }

            layer.LastListener.Enqueue(NetworkTestKit.Peer + 12, 51100);
            NetworkTestKit.AssertRefused(ReasonCode.AcceptRateLimited, listener.Accept(10, out connection));
            Assert.AreEqual(1L, guard.Counters.GetByReason(ReasonCode.ConnectionDisplaced));
            clock.AdvanceSeconds(100);
            IConnection reset = NetworkTestKit.AcceptOne(guard, layer, listener, NetworkTestKit.Peer2, out socket);
            socket.ReceiveResultWhenEmpty = ReasonCode.ConnectionReset;
            ReasonCode reason;
            reset.Receive(new byte[4], 0, 4, 10, out reason);
            Assert.AreEqual((object)ReasonCode.ConnectionReset, (object)reason);
            IConnection kept = NetworkTestKit.AcceptOne(guard, layer, listener, NetworkTestKit.Peer3, out socket);
            socket.SendResult = ReasonCode.SocketError;
            kept.Send(new byte[1], 0, 1);

            Assert.AreEqual(guard.OpenSocketCount, layer.OpenSockets);
            guard.Close();
            Assert.AreEqual(0, layer.OpenSockets);
            Assert.IsTrue(layer.TotalOpened > 5);
        }
    }
}
