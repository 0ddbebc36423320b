using System;
using nanoFramework.TestFramework;
using NetGuard.Diagnostics;
using NetGuard.RateLimiting;
using NetGuard.Testing;

namespace NetGuard.Network.Tests
{
    [TestClass]
    public class RefusalSummaryTests
    {
        private const long Interval = 10 * NetworkTestKit.Second;

        private static NetworkGuard Guard(ManualClock clock)
        {
            return NetworkTestKit.Guard(new FakeSocketLayer(), clock);
        }

        private static void Refuse(NetworkGuard guard, int times)
        {
            for (int i = 0; i < times; i++)
            {
                guard.RequestOutbound(EgressTransport.TcpConnect, 0x08080808, 23);
            }
        }

        [TestMethod]
        public void NoRefusals_NoLine()
        {
            ManualClock clock = new ManualClock(0);
            RefusalSummary summary = new RefusalSummary(Guard(clock), Interval);
            string line;

            Assert.IsFalse(summary.TryTake(0, out line));
            Assert.IsNull(line);
        }

        [TestMethod]
        public void AFlood_IsOneLineWithTheCountAndTheNewest()
        {
            ManualClock clock = new ManualClock(0);
            NetworkGuard guard = Guard(clock);
            RefusalSummary summary = new RefusalSummary(guard, Interval);
            Refuse(guard, 500);
            string line;

            Assert.IsTrue(summary.TryTake(NetworkTestKit.Second, out line));
            Assert.AreEqual("guard: 500 refusals; newest: OutboundTcpForbidden Unclassified 8.8.8.8:23", line);
            Assert.IsFalse(summary.TryTake(2 * NetworkTestKit.Second, out line), "nothing new");
        }

        [TestMethod]
        public void WithinTheInterval_RefusalsWait_ThenOneLineCountsThemAll()
        {
            ManualClock clock = new ManualClock(0);
            NetworkGuard guard = Guard(clock);
            RefusalSummary summary = new RefusalSummary(guard, Interval);
            Refuse(guard, 1);
            string line;
            Assert.IsTrue(summary.TryTake(0, out line));
            Assert.AreEqual("guard: 1 refusal; newest: OutboundTcpForbidden Unclassified 8.8.8.8:23", line);

            Refuse(guard, 3);
            Assert.IsFalse(summary.TryTake(Interval - 1, out line), "one line per interval at most");
            Refuse(guard, 4);
            guard.RequestOutbound(EgressTransport.Icmp, 0, 0);

            Assert.IsTrue(summary.TryTake(Interval + NetworkTestKit.Second, out line));
            Assert.AreEqual("guard: 8 refusals in the last 11 s; newest: TransportNotAllowed Unclassified", line);
        }

        [TestMethod]
        public void Constructor_RefusesCallerMistakes()
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => new RefusalSummary(null, Interval));
            NetworkTestKit.ThrowsOutOfRange("intervalTicks", () => new RefusalSummary(Guard(new ManualClock(0)), 0));
        }
    }
}
