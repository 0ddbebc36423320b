using System;
using nanoFramework.TestFramework;
using NetGuard.Testing;
using NetGuard.Diagnostics;

namespace NetGuard.RateLimiting.Tests
{
    [TestClass]
    public class EgressLimiterTests
    {
        private const long Second = 10000000;
        private const long Start = 1000 * Second;

        private static readonly uint Resolver = 0xC0A80101; // 192.168.1.1
        private static readonly uint NtpServer = 0xC0A80102; // 192.168.1.2
        private static readonly uint Stranger = 0x08080808; // 8.8.8.8

        private static EgressLimiter Default()
        {
            return new EgressLimiter(EgressPolicy.CreateDefault(new uint[] { NtpServer }, Resolver));
        }

        private static Decision Udp(EgressLimiter limiter, uint address, int port, int bytes, long now)
        {
            return limiter.Decide(EgressTransport.Udp, address, port, bytes, now);
        }

        private static void AssertRefused(Decision decision, ReasonCode reason, long retryAfterTicks, string what)
        {
            Assert.IsFalse(decision.IsAccepted, what + " accepted");
            Assert.AreEqual(reason, decision.Reason);
            Assert.AreEqual(retryAfterTicks, decision.RetryAfterTicks, what + " retry-after");
        }

        [TestMethod]
        public void Decide_TcpConnectIsOutboundTcpForbidden()
        {
            EgressLimiter limiter = Default();

            AssertRefused(limiter.Decide(EgressTransport.TcpConnect, Resolver, 53, 0, Start), ReasonCode.OutboundTcpForbidden, 0, "TCP to resolver");
            AssertRefused(limiter.Decide(EgressTransport.TcpConnect, Stranger, 23, 0, Start), ReasonCode.OutboundTcpForbidden, 0, "TCP to telnet");
            Assert.IsTrue(Udp(limiter, Resolver, 53, 40, Start).IsAccepted, "the same destination over UDP");
        }

        [TestMethod]
        public void Decide_IcmpRawAndUnknownTransportsAreNotAllowed()
        {
            EgressLimiter limiter = Default();

            AssertRefused(limiter.Decide(EgressTransport.Icmp, Resolver, 0, 64, Start), ReasonCode.TransportNotAllowed, 0, "ICMP");
            AssertRefused(limiter.Decide(EgressTransport.Raw, Resolver, 53, 64, Start), ReasonCode.TransportNotAllowed, 0, "raw");
            AssertRefused(limiter.Decide((EgressTransport)0, Resolver, 53, 64, Start), ReasonCode.TransportNotAllowed, 0, "undefined 0");
            AssertRefused(limiter.Decide((EgressTransport)99, Resolver, 53, 64, Start), ReasonCode.TransportNotAllowed, 0, "undefined 99");
            Assert.IsTrue(Udp(limiter, Resolver, 53, 64, Start).IsAccepted, "UDP twin");
        }

        [TestMethod]
        public void Decide_UndeclaredUdpPortIsNoProtocolClass()
        {
            EgressLimiter limiter = Default();

            AssertRefused(Udp(limiter, Resolver, 23, 10, Start), ReasonCode.NoProtocolClass, 0, "port 23");
            AssertRefused(Udp(limiter, Resolver, 0, 10, Start), ReasonCode.NoProtocolClass, 0, "port 0");
            AssertRefused(Udp(limiter, Ipv4.SsdpGroup, 1900, 10, Start), ReasonCode.NoProtocolClass, 0, "SSDP is off by default");
            Assert.IsTrue(Udp(limiter, Resolver, 53, 10, Start).IsAccepted, "declared port twin");
        }

        [TestMethod]
        public void Decide_DeclaredPortToAnUnlistedAddressIsDestinationNotAllowed()
        {
            EgressLimiter limiter = Default();

            AssertRefused(Udp(limiter, Stranger, 53, 40, Start), ReasonCode.DestinationNotAllowed, 0, "DNS to a stranger");
            AssertRefused(Udp(limiter, Resolver, 123, 48, Start), ReasonCode.DestinationNotAllowed, 0, "NTP to the resolver");
            AssertRefused(Udp(limiter, Ipv4.SsdpGroup, 5353, 48, Start), ReasonCode.DestinationNotAllowed, 0, "mDNS to the SSDP group");
            AssertRefused(Udp(limiter, Resolver, 67, 300, Start), ReasonCode.DestinationNotAllowed, 0, "DHCP unicast to an unlisted server");
            Assert.IsTrue(Udp(limiter, Resolver, 53, 40, Start).IsAccepted, "DNS twin");
            Assert.IsTrue(Udp(limiter, NtpServer, 123, 48, Start).IsAccepted, "NTP twin");
            Assert.IsTrue(Udp(limiter, Ipv4.MdnsGroup, 5353, 48, Start).IsAccepted, "mDNS twin");
            Assert.IsTrue(Udp(limiter, Ipv4.Broadcast, 67, 300, Start).IsAccepted, "DHCP twin");
        }

        [TestMethod]
        public void Dns_AdmitsExactlyTenThenRefusesThenOneMoreAfterSixSeconds()
        {
            EgressLimiter limiter = Default();

            for (int i = 0; i < 10; i++)
            {
                Assert.IsTrue(Udp(limiter, Resolver, 53, 60, Start).IsAccepted, "query " + i.ToString());
            }

            AssertRefused(Udp(limiter, Resolver, 53, 60, Start), ReasonCode.RateLimited, 6 * Second, "eleventh query");
            AssertRefused(Udp(limiter, Resolver, 53, 60, Start + (6 * Second) - 1), ReasonCode.RateLimited, 1, "one tick early");
            Assert.IsTrue(Udp(limiter, Resolver, 53, 60, Start + (6 * Second)).IsAccepted, "after 6 s");
            Assert.IsFalse(Udp(limiter, Resolver, 53, 60, Start + (6 * Second)).IsAccepted, "only one after 6 s");
        }

        [TestMethod]
        public void Ntp_AdmitsFourSpacedByTheFifteenSecondFloorThenOnePer64Seconds()
        {
            EgressLimiter limiter = Default();

            Assert.IsTrue(Udp(limiter, NtpServer, 123, 48, Start).IsAccepted, "first");
            AssertRefused(Udp(limiter, NtpServer, 123, 48, Start + Second), ReasonCode.RateLimited, 14 * Second, "second within 15 s");
            Assert.IsTrue(Udp(limiter, NtpServer, 123, 48, Start + (15 * Second)).IsAccepted, "second");
            Assert.IsTrue(Udp(limiter, NtpServer, 123, 48, Start + (30 * Second)).IsAccepted, "third");
            Assert.IsTrue(Udp(limiter, NtpServer, 123, 48, Start + (45 * Second)).IsAccepted, "fourth");

            // The burst of 4 is spent; one packet is refilled at 64 s.
            AssertRefused(Udp(limiter, NtpServer, 123, 48, Start + (60 * Second)), ReasonCode.RateLimited, 4 * Second, "fifth at 60 s");
            Assert.IsTrue(Udp(limiter, NtpServer, 123, 48, Start + (64 * Second)).IsAccepted, "fifth at 64 s");
            AssertRefused(Udp(limiter, NtpServer, 123, 48, Start + (79 * Second)), ReasonCode.RateLimited, 49 * Second, "sixth waits for 128 s");
            Assert.IsTrue(Udp(limiter, NtpServer, 123, 48, Start + (128 * Second)).IsAccepted, "sixth at 128 s");
        }

        [TestMethod]
        public void Ntp_NeverTwoPacketsWithinFifteenSecondsEvenWithAFullBucket()
        {
            EgressLimiter limiter = Default();
            Assert.IsTrue(Udp(limiter, NtpServer, 123, 48, Start).IsAccepted);

            AssertRefused(Udp(limiter, NtpServer, 123, 48, Start + (15 * Second) - 1), ReasonCode.RateLimited, 1, "one tick early");
            Assert.IsTrue(Udp(limiter, NtpServer, 123, 48, Start + (15 * Second)).IsAccepted, "at 15 s");
        }

        [TestMethod]
        public void Mdns_AdmitsEightThenOnePerSecond()
        {
            EgressLimiter limiter = Default();

            for (int i = 0; i < 8; i++)
            {
                Assert.IsTrue(Udp(limiter, Ipv4.MdnsGroup, 5353, 200, Start).IsAccepted, "packet " + i.ToString());
            }

            AssertRefused(Udp(limiter, Ipv4.MdnsGroup, 5353, 200, Start), ReasonCode.RateLimited, Second, "ninth");
            Assert.IsTrue(Udp(limiter, Ipv4.MdnsGroup, 5353, 200, Start + Second).IsAccepted, "after 1 s");
            Assert.IsFalse(Udp(limiter, Ipv4.MdnsGroup, 5353, 200, Start + Second).IsAccepted, "only one after 1 s");
        }

        [TestMethod]
        public void Dhcp_AdmitsSixThenOneEverySixSeconds()
        {
            EgressLimiter limiter = Default();

            for (int i = 0; i < 6; i++)
            {
                Assert.IsTrue(Udp(limiter, Ipv4.Broadcast, 67, 300, Start).IsAccepted, "packet " + i.ToString());
            }

            AssertRefused(Udp(limiter, Ipv4.Broadcast, 68, 300, Start), ReasonCode.RateLimited, 6 * Second, "seventh");
            Assert.IsTrue(Udp(limiter, Ipv4.Broadcast, 68, 300, Start + (6 * Second)).IsAccepted, "after 6 s");
        }

        [TestMethod]
        public void Ssdp_WhenDeclaredAdmitsTwentyThenOnePer45Seconds()
        {
            EgressLimiter limiter = new EgressLimiter(new EgressPolicyBuilder(new uint[0], Resolver).EnableSsdp().Build());

            for (int i = 0; i < 20; i++)
            {
                Assert.IsTrue(Udp(limiter, Ipv4.SsdpGroup, 1900, 300, Start).IsAccepted, "packet " + i.ToString());
            }

            AssertRefused(Udp(limiter, Ipv4.SsdpGroup, 1900, 300, Start), ReasonCode.RateLimited, 45 * Second, "21st");
            Assert.IsTrue(Udp(limiter, Ipv4.SsdpGroup, 1900, 300, Start + (45 * Second)).IsAccepted, "after 45 s");
            AssertRefused(Udp(limiter, Stranger, 1900, 300, Start + (45 * Second)), ReasonCode.DestinationNotAllowed, 0, "SSDP unicast");
        }

        [TestMethod]
        public void Decide_PacketLargerThanTheByteCapacityIsTooLarge()
        {
            EgressLimiter limiter = Default();

            AssertRefused(Udp(limiter, Resolver, 53, 5121, Start), ReasonCode.TooLarge, 0, "5121 bytes");
            Assert.IsTrue(Udp(limiter, Resolver, 53, 5120, Start).IsAccepted, "5120 bytes fit the whole byte burst");
            AssertRefused(Udp(limiter, Resolver, 53, 1, Start), ReasonCode.RateLimited, 6 * Second, "bytes spent");
        }

        [TestMethod]
        public void Decide_ByteBucketLimitsAndARefusalChargesNoPacketToken()
        {
            RateLimit packets = new RateLimit(2, 1, 10 * Second);
            RateLimit bytes = new RateLimit(100, 10, Second);
            EgressClass sensor = new EgressClass("Sensor", new int[] { 9000 }, new uint[] { Stranger }, packets, bytes, 0);
            EgressLimiter limiter = new EgressLimiter(new EgressPolicyBuilder(new uint[0], Resolver).AddClass(sensor).Build());

            Assert.IsTrue(Udp(limiter, Stranger, 9000, 60, Start).IsAccepted, "60 of 100 bytes");
            AssertRefused(Udp(limiter, Stranger, 9000, 60, Start), ReasonCode.RateLimited, 2 * Second, "60 more bytes");
            Assert.IsTrue(Udp(limiter, Stranger, 9000, 40, Start).IsAccepted, "the refusal did not spend the second packet token");
            AssertRefused(Udp(limiter, Stranger, 9000, 0, Start), ReasonCode.RateLimited, 10 * Second, "packets spent");
        }

        [TestMethod]
        public void Decide_FanOutCapsNewDestinationsAcrossClasses()
        {
            RateLimit roomy = new RateLimit(100, 1, Second);
            uint[] first = new uint[8];
            uint[] second = new uint[8];
            uint[] third = new uint[8];
            for (uint i = 0; i < 8; i++)
            {
                first[i] = 0x0A000100 + i;
                second[i] = 0x0A000200 + i;
                third[i] = 0x0A000300 + i;
            }

            EgressPolicy policy = new EgressPolicyBuilder(new uint[0], Resolver)
                .AddClass(new EgressClass("A", new int[] { 7000 }, first, roomy, roomy, 0))
                .AddClass(new EgressClass("B", new int[] { 7001 }, second, roomy, roomy, 0))
                .AddClass(new EgressClass("C", new int[] { 7002 }, third, roomy, roomy, 0))
                .Build();
            EgressLimiter limiter = new EgressLimiter(policy);

            for (int i = 0; i < 8; i++)
            {
                Assert.IsTrue(Udp(limiter, first[i], 7000, 1, Start + (i * Second)).IsAccepted, "A " + i.ToString());
                Assert.IsTrue(Udp(limiter, second[i], 7001, 1, Start + (i * Second)).IsAccepted, "B " + i.ToString());
            }

            long now = Start + (10 * Second);
            AssertRefused(Udp(limiter, third[0], 7002, 1, now), ReasonCode.FanOutExceeded, 50 * Second, "a 17th destination");
            Assert.IsTrue(Udp(limiter, first[3], 7000, 1, now).IsAccepted, "a destination seen in the window is not new");
            Assert.IsTrue(Udp(limiter, third[0], 7002, 1, Start + (60 * Second)).IsAccepted, "after the oldest left the window");

            EgressCounters counters = limiter.GetCounters();
            Assert.AreEqual(1L, counters.GetRefused(counters.IndexOfRow("C"), ReasonCode.FanOutExceeded));
            Assert.AreEqual(1L, counters.GetAdmitted(counters.IndexOfRow("C")));
        }

        [TestMethod]
        public void Decide_FanOutRefusalChargesNoBucket()
        {
            RateLimit one = new RateLimit(1, 1, 1000 * Second);
            EgressPolicy policy = new EgressPolicyBuilder(new uint[0], Resolver)
                .AddClass(new EgressClass("One", new int[] { 7000 }, new uint[] { Stranger }, one, new RateLimit(1000, 1, Second), 0))
                .SetFanOut(1, 60 * Second)
                .Build();
            EgressLimiter limiter = new EgressLimiter(policy);
            Assert.IsTrue(Udp(limiter, Resolver, 53, 10, Start).IsAccepted, "takes the only fan-out slot");

            AssertRefused(Udp(limiter, Stranger, 7000, 10, Start), ReasonCode.FanOutExceeded, 60 * Second, "second destination");
            Assert.IsTrue(Udp(limiter, Stranger, 7000, 10, Start + (60 * Second)).IsAccepted, "its single packet token is intact");
        }

        [TestMethod]
        public void UpdateCheck_AdmitsTwoThenRefusesAndIsChargedToDns()
        {
            EgressLimiter limiter = Default();

            Assert.IsTrue(limiter.DecideUpdateCheck(Resolver, 53, 80, Start).IsAccepted, "first");
            Assert.IsTrue(limiter.DecideUpdateCheck(Resolver, 53, 80, Start).IsAccepted, "second");
            AssertRefused(limiter.DecideUpdateCheck(Resolver, 53, 80, Start), ReasonCode.RateLimited, 6 * 3600 * Second, "third");

            for (int i = 0; i < 8; i++)
            {
                Assert.IsTrue(Udp(limiter, Resolver, 53, 60, Start).IsAccepted, "DNS query " + i.ToString());
            }

            AssertRefused(Udp(limiter, Resolver, 53, 60, Start), ReasonCode.RateLimited, 6 * Second, "DNS budget had 2 spent by update checks");
        }

        [TestMethod]
        public void UpdateCheck_RefusedByAnEmptyDnsBucketChargesNeither()
        {
            EgressLimiter limiter = Default();
            for (int i = 0; i < 10; i++)
            {
                Assert.IsTrue(Udp(limiter, Resolver, 53, 60, Start).IsAccepted);
            }

            AssertRefused(limiter.DecideUpdateCheck(Resolver, 53, 80, Start), ReasonCode.RateLimited, 6 * Second, "DNS empty");

            // Both update-check tokens are still there: one each time DNS refills.
            Assert.IsTrue(limiter.DecideUpdateCheck(Resolver, 53, 80, Start + (6 * Second)).IsAccepted, "first after refill");
            Assert.IsTrue(limiter.DecideUpdateCheck(Resolver, 53, 80, Start + (12 * Second)).IsAccepted, "second after refill");

            // The update check is now empty; its refusal leaves the DNS token for DNS.
            Assert.IsFalse(limiter.DecideUpdateCheck(Resolver, 53, 80, Start + (18 * Second)).IsAccepted, "third");
            Assert.IsTrue(Udp(limiter, Resolver, 53, 60, Start + (18 * Second)).IsAccepted, "DNS token kept");
        }

        [TestMethod]
        public void UpdateCheck_OnlyToTheResolverOnItsPort()
        {
            EgressLimiter limiter = Default();

            AssertRefused(limiter.DecideUpdateCheck(Stranger, 53, 80, Start), ReasonCode.DestinationNotAllowed, 0, "other resolver");
            AssertRefused(limiter.DecideUpdateCheck(Resolver, 5353, 80, Start), ReasonCode.NoProtocolClass, 0, "other port");
            AssertRefused(limiter.DecideUpdateCheck(Resolver, 53, 5121, Start), ReasonCode.TooLarge, 0, "larger than the DNS byte burst");
            Assert.IsTrue(limiter.DecideUpdateCheck(Resolver, 53, 80, Start).IsAccepted, "twin");
        }

        [TestMethod]
        public void UpdateCheck_DisabledIsNoProtocolClass()
        {
            EgressLimiter limiter = new EgressLimiter(new EgressPolicyBuilder(new uint[0], Resolver).DisableUpdateCheck().Build());

            AssertRefused(limiter.DecideUpdateCheck(Resolver, 53, 80, Start), ReasonCode.NoProtocolClass, 0, "disabled");
            Assert.IsTrue(Udp(limiter, Resolver, 53, 80, Start).IsAccepted, "plain DNS still works");
        }

        [TestMethod]
        public void TcpReply_ConnectionBucketAdmits64KiBThenRefillsIn1024ByteSteps()
        {
            EgressLimiter limiter = Default();
            TokenBucket connection = limiter.CreateConnectionBucket();

            Assert.IsTrue(limiter.DecideTcpReply(connection, 65536, Start).IsAccepted, "the burst");
            AssertRefused(limiter.DecideTcpReply(connection, 1, Start), ReasonCode.RateLimited, Second / 32, "one more byte");
            Assert.IsTrue(limiter.DecideTcpReply(connection, 1024, Start + (Second / 32)).IsAccepted, "1024 bytes after 1/32 s");
            AssertRefused(limiter.DecideTcpReply(connection, 65537, Start + Second), ReasonCode.TooLarge, 0, "beyond capacity");
        }

        [TestMethod]
        public void TcpReply_GlobalBucketLimitsAllConnectionsAndARefusalChargesNeither()
        {
            EgressLimiter limiter = Default();
            TokenBucket first = limiter.CreateConnectionBucket();
            TokenBucket second = limiter.CreateConnectionBucket();
            TokenBucket third = limiter.CreateConnectionBucket();

            Assert.IsTrue(limiter.DecideTcpReply(first, 65536, Start).IsAccepted);
            Assert.IsTrue(limiter.DecideTcpReply(second, 65536, Start).IsAccepted);
            AssertRefused(limiter.DecideTcpReply(third, 2048, Start), ReasonCode.RateLimited, Second / 32, "global 128 KiB spent");

            Assert.AreEqual(65536L, third.GetAvailable(Start), "the refusal left the connection's bucket alone");
            Assert.IsTrue(limiter.DecideTcpReply(third, 2048, Start + (Second / 32)).IsAccepted, "global refilled 2048");
        }

        [TestMethod]
        public void Counters_CountEveryAdmissionAndRefusalPerRowAndReason()
        {
            EgressLimiter limiter = Default();
            TokenBucket connection = limiter.CreateConnectionBucket();
            for (int i = 0; i < 11; i++)
            {
                Udp(limiter, Resolver, 53, 60, Start);
            }

            Udp(limiter, Stranger, 53, 60, Start);
            Udp(limiter, Resolver, 53, 6000, Start);
            Udp(limiter, Resolver, 23, 60, Start);
            limiter.Decide(EgressTransport.TcpConnect, Stranger, 23, 0, Start);
            limiter.Decide(EgressTransport.Icmp, Stranger, 0, 0, Start);
            limiter.Decide(EgressTransport.Raw, Stranger, 0, 0, Start);
            limiter.DecideUpdateCheck(Resolver, 53, 80, Start);
            limiter.DecideTcpReply(connection, 100, Start);
            limiter.DecideTcpReply(connection, 100000, Start);

            EgressCounters counters = limiter.GetCounters();
            int dns = counters.IndexOfRow("DNS");
            int update = counters.IndexOfRow("UpdateCheck");
            int tcp = counters.IndexOfRow("TcpReply");
            int unclassified = counters.IndexOfRow("Unclassified");

            Assert.AreEqual(7, counters.RowCount);
            Assert.AreEqual(10L, counters.GetAdmitted(dns));
            Assert.AreEqual(1L, counters.GetRefused(dns, ReasonCode.RateLimited));
            Assert.AreEqual(1L, counters.GetRefused(dns, ReasonCode.DestinationNotAllowed));
            Assert.AreEqual(1L, counters.GetRefused(dns, ReasonCode.TooLarge));
            Assert.AreEqual(3L, counters.GetRefused(dns));
            Assert.AreEqual(1L, counters.GetRefused(update, ReasonCode.RateLimited), "DNS budget was spent");
            Assert.AreEqual(1L, counters.GetAdmitted(tcp));
            Assert.AreEqual(1L, counters.GetRefused(tcp, ReasonCode.TooLarge));
            Assert.AreEqual(1L, counters.GetRefused(unclassified, ReasonCode.NoProtocolClass));
            Assert.AreEqual(1L, counters.GetRefused(unclassified, ReasonCode.OutboundTcpForbidden));
            Assert.AreEqual(2L, counters.GetRefused(unclassified, ReasonCode.TransportNotAllowed));
            Assert.AreEqual(0L, counters.GetRefused(unclassified, ReasonCode.SignatureInvalid), "a reason the limiter never returns");
            Assert.AreEqual(11L, counters.TotalAdmitted);
            Assert.AreEqual(9L, counters.TotalRefused);
            Assert.AreEqual(2L, counters.GetTotalRefused(ReasonCode.RateLimited));
            Assert.AreEqual("NTP", counters.GetRowName(0));
            Assert.AreEqual(-1, counters.IndexOfRow("SSDP"));
        }

        [TestMethod]
        public void Counters_SnapshotDoesNotChangeAfterwards()
        {
            EgressLimiter limiter = Default();
            EgressCounters before = limiter.GetCounters();

            Udp(limiter, Resolver, 53, 60, Start);

            Assert.AreEqual(0L, before.TotalAdmitted);
            Assert.AreEqual(1L, limiter.GetCounters().TotalAdmitted);
        }

        [TestMethod]
        public void Decide_ThrowsOnACallersMistake()
        {
            EgressLimiter limiter = Default();

            NetworkTestKit.ThrowsOutOfRange("byteCount", () => Udp(limiter, Resolver, 53, -1, Start));
            NetworkTestKit.ThrowsOutOfRange("destinationPort", () => Udp(limiter, Resolver, -1, 10, Start));
            NetworkTestKit.ThrowsOutOfRange("destinationPort", () => Udp(limiter, Resolver, 65536, 10, Start));
            NetworkTestKit.ThrowsOutOfRange("byteCount", () => limiter.DecideUpdateCheck(Resolver, 53, -1, Start));
            NetworkTestKit.ThrowsOutOfRange("byteCount", () => limiter.DecideTcpReply(limiter.CreateConnectionBucket(), -1, Start));
            Assert.ThrowsException(typeof(ArgumentNullException), () => limiter.DecideTcpReply(null, 1, Start));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new EgressLimiter(null));
            Assert.AreEqual(0L, limiter.GetCounters().TotalRefused, "mistakes are not counted as traffic");
        }

        [TestMethod]
        public void Decide_ABackwardsClockGrantsNothingNew()
        {
            EgressLimiter limiter = Default();
            for (int i = 0; i < 10; i++)
            {
                Assert.IsTrue(Udp(limiter, Resolver, 53, 60, Start).IsAccepted);
            }

            AssertRefused(Udp(limiter, Resolver, 53, 60, 0), ReasonCode.RateLimited, 6 * Second, "clock went back");
            Assert.IsTrue(Udp(limiter, Resolver, 53, 60, Start + (6 * Second)).IsAccepted);
        }
    }
}
