using nanoFramework.TestFramework;
using NetGuard.Diagnostics;
using NetGuard.RateLimiting;
using NetGuard.Testing;

namespace NetGuard.Network.Tests
{
    [TestClass]
    public class DatagramChannelTests
    {
        private static byte[] Query()
        {
            return new byte[40];
        }

        [TestMethod]
        public void OpenUdp_EphemeralNeedsNoDeclarationDeclaredPortOpens()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            NetworkGuard guard = NetworkTestKit.Guard(layer, new ManualClock(0));

            GuardedDatagramChannel ephemeral = NetworkTestKit.OpenUdp(guard, 0);
            GuardedDatagramChannel mdns = NetworkTestKit.OpenUdp(guard, NetworkTestKit.MdnsPort);

            Assert.AreEqual(49152, ephemeral.LocalPort);
            Assert.AreEqual(5353, mdns.LocalPort);
            Assert.AreEqual(2, layer.OpenSockets);
        }

        [TestMethod]
        public void OpenUdp_UndeclaredForbiddenOrTakenPort_Refused()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            NetworkGuard guard = NetworkTestKit.Guard(layer, new ManualClock(0));
            GuardedDatagramChannel channel;

            NetworkTestKit.AssertRefused(ReasonCode.PortNotDeclared, guard.OpenUdp(9999, out channel));
            NetworkTestKit.AssertRefused(ReasonCode.PortNotDeclared, guard.OpenUdp(80, out channel));
            NetworkTestKit.AssertRefused(ReasonCode.PortForbidden, guard.OpenUdp(23, out channel));
            Assert.AreEqual(0, layer.TotalOpened);
            NetworkTestKit.OpenUdp(guard, NetworkTestKit.MdnsPort);
            NetworkTestKit.AssertRefused(ReasonCode.InvalidState, guard.OpenUdp(NetworkTestKit.MdnsPort, out channel));
            NetworkTestKit.ThrowsOutOfRange("port", () => guard.OpenUdp(-1, out channel));
        }

        [TestMethod]
        public void OpenUdp_BindFailed_ReturnedAndReleased()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            NetworkGuard guard = NetworkTestKit.Guard(layer, new ManualClock(0));
            GuardedDatagramChannel channel;
            layer.NextDatagramResult = ReasonCode.BindFailed;

            NetworkTestKit.AssertRefused(ReasonCode.BindFailed, guard.OpenUdp(NetworkTestKit.MdnsPort, out channel));

            Assert.IsNull(channel);
            NetworkTestKit.OpenUdp(guard, NetworkTestKit.MdnsPort);
        }

        [TestMethod]
        public void SendTo_DnsWithinItsBudget_AcceptedThenRateLimitedAndCounted()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            NetworkGuard guard = NetworkTestKit.Guard(layer, new ManualClock(0));
            GuardedDatagramChannel channel = NetworkTestKit.OpenUdp(guard, 0);

            for (int i = 0; i < 10; i++)
            {
                Assert.IsTrue(channel.SendTo(Query(), 0, 40, NetworkTestKit.Resolver, 53).IsAccepted, "query " + i.ToString());
            }

            Decision refused = channel.SendTo(Query(), 0, 40, NetworkTestKit.Resolver, 53);

            NetworkTestKit.AssertRefused(ReasonCode.RateLimited, refused);
            Assert.AreEqual(6 * NetworkTestKit.Second, refused.RetryAfterTicks);
            Assert.AreEqual(10, layer.LastDatagram.Datagrams);
            Assert.AreEqual(NetworkTestKit.Resolver, layer.LastDatagram.LastAddress);
            Assert.AreEqual(1L, guard.Counters.GetBySource("DNS"));
            Assert.AreEqual(1L, guard.Counters.GetByReason(ReasonCode.RateLimited));
        }

        [TestMethod]
        public void SendTo_UndeclaredPortOrTcpPort_NoProtocolClass()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            NetworkGuard guard = NetworkTestKit.Guard(layer, new ManualClock(0));
            GuardedDatagramChannel channel = NetworkTestKit.OpenUdp(guard, 0);

            NetworkTestKit.AssertRefused(ReasonCode.NoProtocolClass, channel.SendTo(Query(), 0, 40, NetworkTestKit.Peer, 80));
            NetworkTestKit.AssertRefused(ReasonCode.NoProtocolClass, channel.SendTo(Query(), 0, 40, NetworkTestKit.Peer, 23));
            NetworkTestKit.AssertRefused(ReasonCode.NoProtocolClass, channel.SendTo(Query(), 0, 40, NetworkTestKit.Peer, 0));

            Assert.AreEqual(0, layer.LastDatagram.Datagrams);
            Assert.AreEqual(3L, guard.Counters.GetBySource("Unclassified"));
            NetworkTestKit.ThrowsOutOfRange("port", () => channel.SendTo(Query(), 0, 40, NetworkTestKit.Peer, 65536));
        }

        [TestMethod]
        public void SendTo_DeclaredPortToAnotherDestination_DestinationNotAllowed()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            NetworkGuard guard = NetworkTestKit.Guard(layer, new ManualClock(0));
            GuardedDatagramChannel channel = NetworkTestKit.OpenUdp(guard, 0);

            NetworkTestKit.AssertRefused(ReasonCode.DestinationNotAllowed, channel.SendTo(Query(), 0, 40, 0x08080808, 53));
            Assert.AreEqual(0, layer.LastDatagram.Datagrams);
            Assert.AreEqual(1L, guard.Counters.GetBySource("DNS"));
            RefusalEvent logged = guard.RecentRefusals.ToArray()[0];
            Assert.AreEqual(0x08080808u, logged.RemoteAddress);
            Assert.AreEqual(53, logged.RemotePort);
            Assert.AreEqual(49152, logged.LocalPort);
        }

        [TestMethod]
        public void SendTo_BroadcastOnlyForDhcpMulticastOnlyForMdns()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            NetworkGuard guard = NetworkTestKit.Guard(layer, new ManualClock(0));
            GuardedDatagramChannel channel = NetworkTestKit.OpenUdp(guard, 0);

            Assert.IsTrue(channel.SendTo(Query(), 0, 40, Ipv4.Broadcast, 67).IsAccepted);
            Assert.IsTrue(channel.SendTo(Query(), 0, 40, Ipv4.MdnsGroup, 5353).IsAccepted);
            NetworkTestKit.AssertRefused(ReasonCode.NoProtocolClass, channel.SendTo(Query(), 0, 40, Ipv4.Broadcast, 9));
            NetworkTestKit.AssertRefused(ReasonCode.DestinationNotAllowed, channel.SendTo(Query(), 0, 40, Ipv4.Broadcast, 53));
            NetworkTestKit.AssertRefused(ReasonCode.NoProtocolClass, channel.SendTo(Query(), 0, 40, Ipv4.SsdpGroup, 1900));
            NetworkTestKit.AssertRefused(ReasonCode.DestinationNotAllowed, channel.SendTo(Query(), 0, 40, Ipv4.SsdpGroup, 5353));
            Assert.AreEqual(2, layer.LastDatagram.Datagrams);
        }

        [TestMethod]
        public void SendTo_LargerThanThePolicyDatagramLimit_TooLarge()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            NetworkGuard guard = NetworkTestKit.Guard(layer, new ManualClock(0));
            GuardedDatagramChannel channel = NetworkTestKit.OpenUdp(guard, 0);
            byte[] huge = new byte[1473];

            NetworkTestKit.AssertRefused(ReasonCode.TooLarge, channel.SendTo(huge, 0, 1473, Ipv4.MdnsGroup, 5353));
            Assert.IsTrue(channel.SendTo(huge, 0, 1472, Ipv4.MdnsGroup, 5353).IsAccepted);
            Assert.AreEqual(1, layer.LastDatagram.Datagrams);
            Assert.AreEqual(1L, guard.Counters.GetBySource("mDNS"));
        }

        [TestMethod]
        public void SendUpdateCheck_ChargedToTheUpdateBudgetAndTheDnsBudget()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            NetworkGuard guard = NetworkTestKit.Guard(layer, new ManualClock(0));
            GuardedDatagramChannel channel = NetworkTestKit.OpenUdp(guard, 0);

            Assert.IsTrue(channel.SendUpdateCheck(Query(), 0, 40, NetworkTestKit.Resolver, 53).IsAccepted);
            Assert.IsTrue(channel.SendUpdateCheck(Query(), 0, 40, NetworkTestKit.Resolver, 53).IsAccepted);
            NetworkTestKit.AssertRefused(ReasonCode.RateLimited, channel.SendUpdateCheck(Query(), 0, 40, NetworkTestKit.Resolver, 53));
            NetworkTestKit.AssertRefused(ReasonCode.DestinationNotAllowed, channel.SendUpdateCheck(Query(), 0, 40, 0x08080808, 53));

            // Two of the ten DNS queries were used by the update check.
            int sent = 0;
            while (channel.SendTo(Query(), 0, 40, NetworkTestKit.Resolver, 53).IsAccepted)
            {
                sent++;
            }

            Assert.AreEqual(8, sent);
            Assert.AreEqual(2L, guard.Counters.GetBySource("UpdateCheck"));
        }

        [TestMethod]
        public void SendTo_AfterClose_ClosedAndNothingSent()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            NetworkGuard guard = NetworkTestKit.Guard(layer, new ManualClock(0));
            GuardedDatagramChannel channel = NetworkTestKit.OpenUdp(guard, 0);
            FakeDatagramSocket socket = layer.LastDatagram;

            channel.Close();
            channel.Close();

            NetworkTestKit.AssertRefused(ReasonCode.Closed, channel.SendTo(Query(), 0, 40, NetworkTestKit.Resolver, 53));
            Assert.AreEqual(0, socket.Datagrams);
            Assert.AreEqual(0, layer.OpenSockets);
            uint address;
            int port;
            ReasonCode reason;
            Assert.AreEqual(0, channel.ReceiveFrom(new byte[8], 0, 8, 10, out address, out port, out reason));
            Assert.AreEqual((object)ReasonCode.Closed, (object)reason);
        }

        [TestMethod]
        public void SendTo_PlatformError_ReturnedWithTheClassSource()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            NetworkGuard guard = NetworkTestKit.Guard(layer, new ManualClock(0));
            GuardedDatagramChannel channel = NetworkTestKit.OpenUdp(guard, 0);
            layer.LastDatagram.SendResult = ReasonCode.SocketError;

            NetworkTestKit.AssertRefused(ReasonCode.SocketError, channel.SendTo(Query(), 0, 40, NetworkTestKit.Resolver, 53));
            Assert.AreEqual(1L, guard.Counters.GetBySource("DNS"));
        }

        [TestMethod]
        public void ReceiveFrom_DeliversFitsAndReportsTooLarge()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            NetworkGuard guard = NetworkTestKit.Guard(layer, new ManualClock(0));
            GuardedDatagramChannel channel = NetworkTestKit.OpenUdp(guard, NetworkTestKit.MdnsPort);
            layer.LastDatagram.Incoming(new byte[] { 7, 8, 9 });
            layer.LastDatagram.Incoming(new byte[100]);
            byte[] buffer = new byte[16];
            uint address;
            int port;
            ReasonCode reason;

            Assert.AreEqual(3, channel.ReceiveFrom(buffer, 0, 16, 10, out address, out port, out reason));
            Assert.AreEqual((object)ReasonCode.Accepted, (object)reason);
            Assert.AreEqual((byte)9, buffer[2]);
            Assert.AreEqual(0xC0A80164u, address);
            Assert.AreEqual(0, channel.ReceiveFrom(buffer, 0, 16, 10, out address, out port, out reason));
            Assert.AreEqual((object)ReasonCode.TooLarge, (object)reason);
            Assert.AreEqual(0, channel.ReceiveFrom(buffer, 0, 16, 10, out address, out port, out reason));
            Assert.AreEqual((object)ReasonCode.TimedOut, (object)reason);
            NetworkTestKit.ThrowsOutOfRange("timeoutMilliseconds", () => channel.ReceiveFrom(buffer, 0, 16, 0, out address, out port, out reason));
        }

        [TestMethod]
        public void ManySmallSends_CannotExceedThePacketBudget()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            ManualClock clock = new ManualClock(0);
            NetworkGuard guard = NetworkTestKit.Guard(layer, clock);
            GuardedDatagramChannel channel = NetworkTestKit.OpenUdp(guard, 0);

            // One minute of 1-byte mDNS packets as fast as possible: burst 8 plus 1 per second.
            int accepted = 0;
            for (int ms = 0; ms < 60000; ms += 10)
            {
                if (channel.SendTo(new byte[1], 0, 1, Ipv4.MdnsGroup, 5353).IsAccepted)
                {
                    accepted++;
                }

                clock.Advance(10 * 10000);
            }

            Assert.IsTrue(accepted <= 8 + 60, "accepted " + accepted.ToString());
            Assert.AreEqual((long)accepted, (long)layer.LastDatagram.Datagrams);
        }
    }
}
