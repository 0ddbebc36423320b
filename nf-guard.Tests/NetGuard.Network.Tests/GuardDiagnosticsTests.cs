using System;
using nanoFramework.TestFramework;
using NetGuard.Diagnostics;
using NetGuard.RateLimiting;
using NetGuard.Testing;

namespace NetGuard.Network.Tests
{
    [TestClass]
    public class GuardDiagnosticsTests
    {
        private static RefusalEvent Event(int i)
        {
            return new RefusalEvent(i, ReasonCode.RateLimited, "DNS", 0, (uint)i, 53);
        }

        [TestMethod]
        public void RefusalLog_KeepsTheNewestInOrder()
        {
            RefusalLog log = new RefusalLog(3);
            for (int i = 1; i <= 5; i++)
            {
                log.Record(Event(i));
            }

            RefusalEvent[] held = log.ToArray();

            Assert.AreEqual(3, held.Length);
            Assert.AreEqual(3L, held[0].TimeTicks);
            Assert.AreEqual(5L, held[2].TimeTicks);
            Assert.AreEqual(5L, log.TotalRecorded);
            Assert.AreEqual(3, log.Count);
            RefusalEvent[] two = new RefusalEvent[2];
            Assert.AreEqual(2, log.CopyTo(two));
            Assert.AreEqual(4L, two[0].TimeTicks);
            Assert.AreEqual(5L, two[1].TimeTicks);
        }

        [TestMethod]
        public void RefusalLog_PartlyFilledAndBadCapacity()
        {
            RefusalLog log = new RefusalLog(4);
            Assert.AreEqual(0, log.ToArray().Length);
            log.Record(Event(9));
            Assert.AreEqual(9L, log.ToArray()[0].TimeTicks);
            NetworkTestKit.ThrowsOutOfRange("capacity", () => new RefusalLog(0));
            NetworkTestKit.ThrowsOutOfRange("capacity", () => new RefusalLog(RefusalLog.MaxCapacity + 1));
            Assert.ThrowsException(typeof(ArgumentNullException), () => log.CopyTo(null));
        }

        [TestMethod]
        public void GuardCounters_CountPerReasonAndSource()
        {
            GuardCounters counters = new GuardCounters(new string[] { "DNS", "tcp/80" });

            counters.Count(ReasonCode.RateLimited, 0);
            counters.Count(ReasonCode.RateLimited, 0);
            counters.Count(ReasonCode.ConnectionLimit, 1);
            counters.Count(ReasonCode.SocketError, -1);

            Assert.AreEqual(2L, counters.GetByReason(ReasonCode.RateLimited));
            Assert.AreEqual(2L, counters.GetBySource("DNS"));
            Assert.AreEqual(1L, counters.GetBySource("tcp/80"));
            Assert.AreEqual(0L, counters.GetBySource("nope"));
            Assert.AreEqual(4L, counters.Total);
            Assert.AreEqual(1, counters.IndexOfSource("tcp/80"));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new GuardCounters(null));
        }

        [TestMethod]
        public void Refusal_IsCountedAndLogged()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            ManualClock clock = new ManualClock(5 * NetworkTestKit.Second);
            NetworkGuard guard = NetworkTestKit.Guard(layer, clock);

            guard.RequestOutbound(EgressTransport.TcpConnect, 0x01020304, 443);

            RefusalEvent last;
            Assert.IsTrue(guard.RecentRefusals.TryGetNewest(out last));
            Assert.AreEqual((object)ReasonCode.OutboundTcpForbidden, (object)last.Reason);
            Assert.AreEqual(0x01020304u, last.RemoteAddress);
            Assert.AreEqual(443, last.RemotePort);
            Assert.AreEqual(5 * NetworkTestKit.Second, last.TimeTicks);
            Assert.AreEqual("Unclassified", last.Source);
            Assert.AreEqual(1L, guard.Counters.GetByReason(ReasonCode.OutboundTcpForbidden));

            guard.RequestOutbound(EgressTransport.Icmp, 0x01020304, 0);
            Assert.AreEqual(2, guard.RecentRefusals.Count);
            Assert.IsTrue(guard.RecentRefusals.TryGetNewest(out last));
            Assert.AreEqual((object)ReasonCode.TransportNotAllowed, (object)last.Reason);
        }

        [TestMethod]
        public void RefusalLog_EmptyHasNoNewest_AndRecordRefusesNull()
        {
            RefusalLog log = new RefusalLog(2);
            RefusalEvent newest;

            Assert.IsFalse(log.TryGetNewest(out newest));
            Assert.IsNull(newest);
            Assert.ThrowsException(typeof(ArgumentNullException), () => log.Record(null));
            log.Record(Event(1));
            log.Record(Event(2));
            log.Record(Event(3));
            Assert.IsTrue(log.TryGetNewest(out newest));
            Assert.AreEqual(3L, newest.TimeTicks);
        }

        [TestMethod]
        public void Snapshot_HasNamedCountersAndRecentRefusals()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            NetworkGuard guard = NetworkTestKit.Guard(layer, new ManualClock(0));
            GuardedDatagramChannel channel = NetworkTestKit.OpenUdp(guard, 0);
            channel.SendTo(new byte[4], 0, 4, NetworkTestKit.Resolver, 53);
            channel.SendTo(new byte[4], 0, 4, NetworkTestKit.Peer, 80);
            GuardedListener listener;
            guard.ListenTcp(23, out listener);

            GuardSnapshot snapshot = guard.GetSnapshot();

            Assert.AreEqual(2L, snapshot.GetCounter("refusals"));
            Assert.AreEqual(1L, snapshot.GetCounter("reason.NoProtocolClass"));
            Assert.AreEqual(1L, snapshot.GetCounter("reason.PortForbidden"));
            Assert.AreEqual(0L, snapshot.GetCounter("reason.RateLimited"));
            Assert.AreEqual(1L, snapshot.GetCounter("source.Unclassified"));
            Assert.AreEqual(1L, snapshot.GetCounter("source.Undeclared"));
            Assert.AreEqual(0L, snapshot.GetCounter("source.tcp/80"));
            Assert.AreEqual(1L, snapshot.GetCounter("admitted.DNS"));
            Assert.AreEqual(1L, snapshot.GetCounter("sockets.open"));
            Assert.AreEqual(0L, snapshot.GetCounter("connections.accepted"));
            Assert.AreEqual(2, snapshot.RecentCount);
            Assert.AreEqual((object)ReasonCode.NoProtocolClass, (object)snapshot.GetRecent(0).Reason);
            Assert.AreEqual((object)ReasonCode.PortForbidden, (object)snapshot.GetRecent(1).Reason);
            bool found = false;
            for (int i = 0; i < snapshot.CounterCount; i++)
            {
                if (snapshot.GetCounterName(i) == "source.DNS")
                {
                    found = true;
                    Assert.AreEqual(0L, snapshot.GetCounterValue(i));
                }
            }

            Assert.IsTrue(found, "every source is listed, even at 0");
            string[] names = snapshot.GetCounterNames();
            long[] values = snapshot.GetCounterValues();
            Assert.AreEqual(snapshot.CounterCount, names.Length);
            Assert.AreEqual(names.Length, values.Length);
            Assert.AreEqual("refusals", names[0]);
            Assert.AreEqual(2L, values[0]);
            Assert.AreEqual(2, snapshot.GetRecentRefusals().Length);
        }

        [TestMethod]
        public void Constructor_RefusesNullsAndBadRingSize()
        {
            FakeSocketLayer layer = new FakeSocketLayer();
            ManualClock clock = new ManualClock(0);

            Assert.ThrowsException(typeof(ArgumentNullException), () => new NetworkGuard(null, layer, clock));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new NetworkGuard(NetworkTestKit.Policy(), null, clock));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new NetworkGuard(NetworkTestKit.Policy(), layer, null));
            NetworkTestKit.ThrowsOutOfRange("capacity", () => new NetworkGuard(NetworkTestKit.Policy(), layer, clock, 0));
        }
    }
}
