using System;
using nanoFramework.TestFramework;
using NetGuard.Testing;

namespace NetGuard.RateLimiting.Tests
{
    [TestClass]
    public class EgressPolicyTests
    {
        private const long Second = 10000000;

        private static readonly uint Resolver = 0xC0A80101; // 192.168.1.1
        private static readonly uint NtpServer = 0xC0A80102; // 192.168.1.2

        private static EgressPolicy Default()
        {
            return EgressPolicy.CreateDefault(new uint[] { NtpServer }, Resolver);
        }

        private static void AssertLimit(RateLimit limit, long capacity, long tokensPerPeriod, long periodTicks, string what)
        {
            Assert.AreEqual(capacity, limit.Capacity, what + " capacity");
            Assert.AreEqual(tokensPerPeriod, limit.TokensPerPeriod, what + " tokens per period");
            Assert.AreEqual(periodTicks, limit.PeriodTicks, what + " period");
        }

        [TestMethod]
        public void CreateDefault_DeclaresNtpDnsMdnsDhcpInOrderAndNotSsdp()
        {
            EgressPolicy policy = Default();

            Assert.AreEqual(4, policy.ClassCount);
            Assert.AreEqual("NTP", policy.GetClass(0).Name);
            Assert.AreEqual("DNS", policy.GetClass(1).Name);
            Assert.AreEqual("mDNS", policy.GetClass(2).Name);
            Assert.AreEqual("DHCP", policy.GetClass(3).Name);
            Assert.AreEqual(-1, policy.IndexOfClass("SSDP"));
            Assert.AreEqual(1, policy.DnsClassIndex);
        }

        [TestMethod]
        public void CreateDefault_NtpIsPort123ToTheServerFourBurstOnePer64sFloor15s()
        {
            EgressClass ntp = Default().GetClass(0);

            Assert.AreEqual(1, ntp.PortCount);
            Assert.AreEqual(123, ntp.GetPort(0));
            Assert.AreEqual(1, ntp.DestinationCount);
            Assert.AreEqual(NtpServer, ntp.GetDestination(0));
            AssertLimit(ntp.PacketLimit, 4, 1, 64 * Second, "packets");
            AssertLimit(ntp.ByteLimit, 4 * 68, 68, 64 * Second, "bytes");
            Assert.AreEqual(15 * Second, ntp.MinimumIntervalTicks);
        }

        [TestMethod]
        public void CreateDefault_DnsIsPort53ToTheResolverTenPerMinuteBurstTen()
        {
            EgressClass dns = Default().GetClass(1);

            Assert.AreEqual(53, dns.GetPort(0));
            Assert.IsTrue(dns.AllowsDestination(Resolver));
            Assert.IsFalse(dns.AllowsDestination(NtpServer));
            AssertLimit(dns.PacketLimit, 10, 1, 6 * Second, "packets");
            AssertLimit(dns.ByteLimit, 10 * 512, 512, 6 * Second, "bytes");
            Assert.AreEqual(0L, dns.MinimumIntervalTicks);
        }

        [TestMethod]
        public void CreateDefault_MdnsIsPort5353ToTheGroupOnePerSecondBurstEight()
        {
            EgressClass mdns = Default().GetClass(2);

            Assert.AreEqual(5353, mdns.GetPort(0));
            Assert.AreEqual(1, mdns.DestinationCount);
            Assert.AreEqual(Ipv4.FromBytes(224, 0, 0, 251), mdns.GetDestination(0));
            AssertLimit(mdns.PacketLimit, 8, 1, Second, "packets");
            AssertLimit(mdns.ByteLimit, 8 * 1472, 1472, Second, "bytes");
        }

        [TestMethod]
        public void CreateDefault_DhcpIsPorts67And68ToBroadcastTenPerMinuteBurstSix()
        {
            EgressClass dhcp = Default().GetClass(3);

            Assert.IsTrue(dhcp.MatchesPort(67));
            Assert.IsTrue(dhcp.MatchesPort(68));
            Assert.IsFalse(dhcp.MatchesPort(69));
            Assert.AreEqual(1, dhcp.DestinationCount);
            Assert.AreEqual(Ipv4.FromBytes(255, 255, 255, 255), dhcp.GetDestination(0));
            AssertLimit(dhcp.PacketLimit, 6, 1, 6 * Second, "packets");
            AssertLimit(dhcp.ByteLimit, 6 * 576, 576, 6 * Second, "bytes");
        }

        [TestMethod]
        public void CreateDefault_UpdateCheckIsDnsToTheResolverFourPerDayBurstTwo()
        {
            EgressClass update = Default().UpdateCheck;

            Assert.IsNotNull(update);
            Assert.AreEqual("UpdateCheck", update.Name);
            Assert.AreEqual(53, update.GetPort(0));
            Assert.AreEqual(Resolver, update.GetDestination(0));
            AssertLimit(update.PacketLimit, 2, 1, 6 * 3600 * Second, "packets");
            AssertLimit(update.ByteLimit, 2 * 512, 512, 6 * 3600 * Second, "bytes");
        }

        [TestMethod]
        public void DnsAndUpdateCheckOnAnotherPort_KeepTheirLimits()
        {
            EgressClass dns = EgressDefaults.Dns(Resolver, 5300);
            EgressClass update = EgressDefaults.UpdateCheck(Resolver, 5300);

            Assert.AreEqual(5300, dns.GetPort(0));
            Assert.AreEqual(1, dns.PortCount);
            Assert.IsTrue(dns.AllowsDestination(Resolver));
            AssertLimit(dns.PacketLimit, 10, 1, 6 * Second, "packets");
            Assert.AreEqual(5300, update.GetPort(0));
            Assert.AreEqual("UpdateCheck", update.Name);
            AssertLimit(update.PacketLimit, 2, 1, 6 * 3600 * Second, "packets");
        }

        [TestMethod]
        public void DnsAndUpdateCheckOnAnotherPort_RefuseBadPortsAndResolvers()
        {
            NetworkTestKit.ThrowsOutOfRange("port", () => EgressDefaults.Dns(Resolver, 0));
            NetworkTestKit.ThrowsOutOfRange("port", () => EgressDefaults.UpdateCheck(Resolver, 65536));
            NetworkTestKit.ThrowsOutOfRange("resolver", () => EgressDefaults.Dns(Ipv4.MdnsGroup, 5300));
            NetworkTestKit.ThrowsOutOfRange("resolver", () => EgressDefaults.UpdateCheck(0, 5300));
        }

        [TestMethod]
        public void CreateDefault_TcpRepliesAndFanOutHaveTheDocumentedLimits()
        {
            EgressPolicy policy = Default();

            // 32 KiB/s per connection and 64 KiB/s in all, refilled in 1/32 s steps.
            AssertLimit(policy.TcpReplyPerConnection, 65536, 1024, Second / 32, "per connection");
            AssertLimit(policy.TcpReplyGlobal, 131072, 2048, Second / 32, "global");
            Assert.AreEqual(16, policy.FanOutMaxNewDestinations);
            Assert.AreEqual(60 * Second, policy.FanOutWindowTicks);
        }

        [TestMethod]
        public void CreateDefault_WithoutNtpServersHasNoNtpClass()
        {
            EgressPolicy policy = EgressPolicy.CreateDefault(new uint[0], Resolver);

            Assert.AreEqual(-1, policy.IndexOfClass("NTP"));
            Assert.AreEqual(3, policy.ClassCount);
        }

        [TestMethod]
        public void CreateDefault_AcceptsThreeNtpServersButNotFour()
        {
            EgressPolicy three = EgressPolicy.CreateDefault(new uint[] { 0x01010101, 0x02020202, 0x03030303 }, Resolver);
            Assert.AreEqual(3, three.GetClass(0).DestinationCount);

            NetworkTestKit.ThrowsOutOfRange(
                "ntpServers",
                () => EgressPolicy.CreateDefault(new uint[] { 0x01010101, 0x02020202, 0x03030303, 0x04040404 }, Resolver));
        }

        [TestMethod]
        public void CreateDefault_RejectsServersThatAreNotUnicast()
        {
            NetworkTestKit.ThrowsOutOfRange("resolver", () => EgressPolicy.CreateDefault(new uint[0], 0));
            NetworkTestKit.ThrowsOutOfRange("resolver", () => EgressPolicy.CreateDefault(new uint[0], Ipv4.Broadcast));
            NetworkTestKit.ThrowsOutOfRange("resolver", () => EgressPolicy.CreateDefault(new uint[0], Ipv4.MdnsGroup));
            NetworkTestKit.ThrowsOutOfRange("servers", () => EgressPolicy.CreateDefault(new uint[] { 0 }, Resolver));
            Assert.ThrowsException(typeof(ArgumentNullException), () => EgressPolicy.CreateDefault(null, Resolver));
        }

        [TestMethod]
        public void CreateDefault_CopiesTheServerArray()
        {
            uint[] servers = new uint[] { NtpServer };
            EgressPolicy policy = EgressPolicy.CreateDefault(servers, Resolver);

            servers[0] = 0x08080808;

            Assert.AreEqual(NtpServer, policy.GetClass(0).GetDestination(0));
            Assert.IsFalse(policy.GetClass(0).AllowsDestination(0x08080808));
        }

        [TestMethod]
        public void RateLimit_RejectsEachNonPositiveFieldByName()
        {
            NetworkTestKit.ThrowsOutOfRange("capacity", () => new RateLimit(0, 1, 1));
            NetworkTestKit.ThrowsOutOfRange("tokensPerPeriod", () => new RateLimit(1, 0, 1));
            NetworkTestKit.ThrowsOutOfRange("periodTicks", () => new RateLimit(1, 1, -1));
            NetworkTestKit.ThrowsOutOfRange("periodSeconds", () => RateLimit.PerSeconds(1, 1, 0));
            NetworkTestKit.ThrowsOutOfRange("periodSeconds", () => RateLimit.PerSeconds(1, 1, long.MaxValue));
            AssertLimit(RateLimit.PerSeconds(1, 1, 1), 1, 1, Second, "smallest valid");
        }

        [TestMethod]
        public void EgressClass_RejectsEachBadFieldByName()
        {
            RateLimit limit = new RateLimit(1, 1, 1);
            int[] ports = new int[] { 7000 };
            uint[] destinations = new uint[] { 0x0A000001 };

            NetworkTestKit.ThrowsOutOfRange("name", () => new EgressClass(string.Empty, ports, destinations, limit, limit, 0));
            NetworkTestKit.ThrowsOutOfRange("name", () => new EgressClass("123456789012345678901234567890123", ports, destinations, limit, limit, 0));
            NetworkTestKit.ThrowsOutOfRange("ports", () => new EgressClass("x", new int[0], destinations, limit, limit, 0));
            NetworkTestKit.ThrowsOutOfRange("ports", () => new EgressClass("x", new int[] { 0 }, destinations, limit, limit, 0));
            NetworkTestKit.ThrowsOutOfRange("ports", () => new EgressClass("x", new int[] { 65536 }, destinations, limit, limit, 0));
            NetworkTestKit.ThrowsOutOfRange("ports", () => new EgressClass("x", new int[] { 7000, 7000 }, destinations, limit, limit, 0));
            NetworkTestKit.ThrowsOutOfRange("ports", () => new EgressClass("x", new int[9] { 1, 2, 3, 4, 5, 6, 7, 8, 9 }, destinations, limit, limit, 0));
            NetworkTestKit.ThrowsOutOfRange("destinations", () => new EgressClass("x", ports, new uint[0], limit, limit, 0));
            NetworkTestKit.ThrowsOutOfRange("destinations", () => new EgressClass("x", ports, new uint[] { 0 }, limit, limit, 0));
            NetworkTestKit.ThrowsOutOfRange("destinations", () => new EgressClass("x", ports, new uint[9] { 1, 2, 3, 4, 5, 6, 7, 8, 9 }, limit, limit, 0));
            NetworkTestKit.ThrowsOutOfRange("minimumIntervalTicks", () => new EgressClass("x", ports, destinations, limit, limit, -1));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new EgressClass(null, ports, destinations, limit, limit, 0));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new EgressClass("x", null, destinations, limit, limit, 0));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new EgressClass("x", ports, null, limit, limit, 0));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new EgressClass("x", ports, destinations, null, limit, 0));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new EgressClass("x", ports, destinations, limit, null, 0));
        }

        [TestMethod]
        public void EgressClass_AcceptsBoundaryValuesAndCopiesItsArrays()
        {
            RateLimit limit = new RateLimit(1, 1, 1);
            int[] ports = new int[] { 1, 65535 };
            uint[] destinations = new uint[] { 0xFFFFFFFF };

            EgressClass egressClass = new EgressClass("12345678901234567890123456789012", ports, destinations, limit, limit, 0);
            ports[0] = 2;
            destinations[0] = 0x0A000001;

            Assert.IsTrue(egressClass.MatchesPort(1));
            Assert.IsFalse(egressClass.MatchesPort(2));
            Assert.IsTrue(egressClass.AllowsDestination(0xFFFFFFFF));
            Assert.IsFalse(egressClass.AllowsDestination(0x0A000001));
        }

        [TestMethod]
        public void Builder_EnableSsdpDeclaresPort1900ToTheGroupTwentyPer15Minutes()
        {
            EgressPolicy policy = new EgressPolicyBuilder(new uint[0], Resolver).EnableSsdp().Build();

            int index = policy.IndexOfClass("SSDP");
            Assert.IsTrue(index >= 0);
            EgressClass ssdp = policy.GetClass(index);
            Assert.AreEqual(1900, ssdp.GetPort(0));
            Assert.AreEqual(Ipv4.FromBytes(239, 255, 255, 250), ssdp.GetDestination(0));
            AssertLimit(ssdp.PacketLimit, 20, 1, 45 * Second, "packets");
            AssertLimit(ssdp.ByteLimit, 20 * 1024, 1024, 45 * Second, "bytes");
        }

        [TestMethod]
        public void Builder_AddsReplacesAndRemovesClassesByName()
        {
            RateLimit limit = new RateLimit(5, 1, Second);
            EgressClass sensor = new EgressClass("Sensor", new int[] { 9000 }, new uint[] { 0x0A000005 }, limit, limit, 0);
            EgressClass dhcp = EgressDefaults.Dhcp(new uint[] { 0xC0A80101 });

            EgressPolicy policy = new EgressPolicyBuilder(new uint[0], Resolver)
                .AddClass(sensor)
                .ReplaceClass(dhcp)
                .RemoveClass("mDNS")
                .Build();

            Assert.AreEqual(3, policy.ClassCount);
            Assert.AreEqual(-1, policy.IndexOfClass("mDNS"));
            Assert.AreEqual(2, policy.IndexOfClass("Sensor"));
            Assert.IsTrue(policy.GetClass(policy.IndexOfClass("DHCP")).AllowsDestination(0xC0A80101));
        }

        [TestMethod]
        public void Builder_RefusesDuplicateAndMissingNames()
        {
            RateLimit limit = new RateLimit(5, 1, Second);
            EgressClass other = new EgressClass("Other", new int[] { 9000 }, new uint[] { 0x0A000005 }, limit, limit, 0);
            EgressPolicyBuilder builder = new EgressPolicyBuilder(new uint[0], Resolver);

            Assert.ThrowsException(typeof(ArgumentException), () => builder.AddClass(EgressDefaults.Mdns()));
            Assert.ThrowsException(typeof(ArgumentException), () => builder.ReplaceClass(other));
            Assert.ThrowsException(typeof(ArgumentException), () => builder.RemoveClass("SSDP"));
            Assert.ThrowsException(typeof(ArgumentNullException), () => builder.AddClass(null));
        }

        [TestMethod]
        public void Builder_RefusesMoreThanMaxClasses()
        {
            RateLimit limit = new RateLimit(5, 1, Second);
            EgressPolicyBuilder builder = new EgressPolicyBuilder(new uint[0], Resolver);
            int count = 3;
            while (count < EgressPolicy.MaxClasses)
            {
                builder.AddClass(new EgressClass("C" + count.ToString(), new int[] { 9000 + count }, new uint[] { 0x0A000005 }, limit, limit, 0));
                count++;
            }

            Assert.AreEqual(EgressPolicy.MaxClasses, builder.Build().ClassCount);
            NetworkTestKit.ThrowsOutOfRange(
                "egressClass",
                () => builder.AddClass(new EgressClass("Extra", new int[] { 8999 }, new uint[] { 0x0A000005 }, limit, limit, 0)));
        }

        [TestMethod]
        public void Builder_RemovingDnsNeedsTheUpdateCheckDisabled()
        {
            EgressPolicyBuilder builder = new EgressPolicyBuilder(new uint[0], Resolver).RemoveClass("DNS");

            Assert.ThrowsException(typeof(InvalidOperationException), () => builder.Build());

            EgressPolicy policy = builder.DisableUpdateCheck().Build();
            Assert.IsNull(policy.UpdateCheck);
            Assert.AreEqual(-1, policy.DnsClassIndex);
        }

        [TestMethod]
        public void Builder_SetFanOutValidatesEachFieldByName()
        {
            EgressPolicyBuilder builder = new EgressPolicyBuilder(new uint[0], Resolver);

            NetworkTestKit.ThrowsOutOfRange("maxNewDestinations", () => builder.SetFanOut(0, Second));
            NetworkTestKit.ThrowsOutOfRange("maxNewDestinations", () => builder.SetFanOut(257, Second));
            NetworkTestKit.ThrowsOutOfRange("windowTicks", () => builder.SetFanOut(4, 0));

            EgressPolicy policy = builder.SetFanOut(256, 1).Build();
            Assert.AreEqual(256, policy.FanOutMaxNewDestinations);
            Assert.AreEqual(1L, policy.FanOutWindowTicks);
        }

        [TestMethod]
        public void Builder_LaterChangesDoNotAlterABuiltPolicy()
        {
            EgressPolicyBuilder builder = new EgressPolicyBuilder(new uint[0], Resolver);
            EgressPolicy before = builder.Build();

            builder.EnableSsdp().RemoveClass("mDNS").SetFanOut(2, Second);

            Assert.AreEqual(3, before.ClassCount);
            Assert.AreEqual("mDNS", before.GetClass(1).Name);
            Assert.AreEqual(-1, before.IndexOfClass("SSDP"));
            Assert.AreEqual(16, before.FanOutMaxNewDestinations);
        }

        [TestMethod]
        public void Ipv4_FromBytesPutsTheFirstByteHighest()
        {
            Assert.AreEqual(0xC0A8010AU, Ipv4.FromBytes(192, 168, 1, 10));
            Assert.AreEqual(0xE00000FBU, Ipv4.MdnsGroup);
            Assert.AreEqual(0xEFFFFFFAU, Ipv4.SsdpGroup);
            Assert.AreEqual("192.168.1.10", Ipv4.ToString(0xC0A8010A));
            Assert.IsTrue(Ipv4.IsMulticast(Ipv4.MdnsGroup));
            Assert.IsFalse(Ipv4.IsMulticast(Ipv4.Broadcast));
        }

        [TestMethod]
        public void Ipv4_TryParseAcceptsDottedQuads()
        {
            uint address;
            Assert.IsTrue(Ipv4.TryParse("192.168.1.10", out address));
            Assert.AreEqual(0xC0A8010AU, address);
            Assert.IsTrue(Ipv4.TryParse("0.0.0.0", out address));
            Assert.AreEqual(0U, address);
            Assert.IsTrue(Ipv4.TryParse("255.255.255.255", out address));
            Assert.AreEqual(0xFFFFFFFFU, address);
        }

        [TestMethod]
        public void Ipv4_TryParseRejectsEverythingElse()
        {
            string[] bad = new string[]
            {
                null, string.Empty, "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.256", "1..2.3", ".1.2.3", "1.2.3.",
                "1.2.3.4 ", " 1.2.3.4", "1.2.3.-4", "1.2.3.+4", "0001.2.3.4", "a.b.c.d", "1.2.3.4x", "1,2,3,4",
            };
            for (int i = 0; i < bad.Length; i++)
            {
                uint address;
                Assert.IsFalse(Ipv4.TryParse(bad[i], out address), "accepted entry " + i.ToString());
                Assert.AreEqual(0U, address);
            }
        }
    }
}
