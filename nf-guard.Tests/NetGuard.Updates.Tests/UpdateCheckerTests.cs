using System;
using nanoFramework.TestFramework;
using NetGuard.Diagnostics;
using NetGuard.Testing;

namespace NetGuard.Updates.Tests
{
    /// <summary>Schedule and drop behaviour of the update checker over a scripted channel (signed cases: host tests).</summary>
    [TestClass]
    public class UpdateCheckerTests
    {
        private const uint Resolver = 0x0A000001;
        private const long Hour = 3600L * TimeSpan.TicksPerSecond;

        private static UpdateChecker NewChecker(FakeDatagramChannel channel, ManualClock clock, uint seed)
        {
            byte[] key = new byte[32];
            key[0] = 9;
            TrustedKeyRing ring = new TrustedKeyRing(1, new byte[][] { key }, new byte[0][]);
            UpdateController controller = new UpdateController(new UpdateSettings("SmartSocket", new FirmwareVersion(1, 0, 0), 1), ring, MemoryRecords.Create(), new MemoryStagingArea(), new MemoryImageSlots().Installer, new FixedTrustedTime(true, 1790000000));
            DnsTxtClient dns = new DnsTxtClient(channel, new SeededEntropySource(seed), clock, Resolver, 53, 2000);
            return new UpdateChecker(controller, dns, "updates.example.com.", new SeededEntropySource(seed + 1), clock);
        }

        [TestMethod]
        public void DnsClient_RefusesAResolverPortOutsideOneTo65535_AndTakesBothEnds()
        {
            FakeDatagramChannel channel = new FakeDatagramChannel(Resolver, 53);
            ManualClock clock = new ManualClock(0);
            int[] bad = { 0, -1, 65536 };
            for (int i = 0; i < bad.Length; i++)
            {
                int port = bad[i];
                NetworkTestKit.ThrowsOutOfRange("resolverPort", () => new DnsTxtClient(channel, new SeededEntropySource(1), clock, Resolver, port, 2000));
            }

            Assert.IsNotNull(new DnsTxtClient(channel, new SeededEntropySource(1), clock, Resolver, 1, 2000));
            Assert.IsNotNull(new DnsTxtClient(channel, new SeededEntropySource(1), clock, Resolver, 65535, 2000));
        }

        [TestMethod]
        public void QueryName_IsUnderscoreNetguardModelDomain()
        {
            UpdateChecker checker = NewChecker(new FakeDatagramChannel(Resolver, 53), new ManualClock(0), 1);
            Assert.AreEqual("_netguard.smartsocket.updates.example.com", checker.QueryName);
        }

        [TestMethod]
        public void Poll_ChecksAtStartThenEverySixToSevenHours()
        {
            FakeDatagramChannel channel = new FakeDatagramChannel(Resolver, 53);
            ManualClock clock = new ManualClock(1000);
            UpdateChecker checker = NewChecker(channel, clock, 7);

            Assert.IsTrue(checker.Poll(), "at start");
            Assert.AreEqual(1, channel.Sent);
            long next = checker.NextCheckTicks;
            Assert.IsTrue(next >= 1000 + (6 * Hour) && next < 1000 + (7 * Hour), "6 to 7 hours later");

            clock.Advance(next - 1000 - 1);
            Assert.IsFalse(checker.Poll(), "one tick early");
            Assert.AreEqual(1, channel.Sent);
            clock.Advance(1);
            Assert.IsTrue(checker.Poll(), "due");
            Assert.AreEqual(2, channel.Sent);
        }

        [TestMethod]
        public void Poll_NeverExceedsFourChecksPerDay()
        {
            FakeDatagramChannel channel = new FakeDatagramChannel(Resolver, 53);
            ManualClock clock = new ManualClock(0);
            UpdateChecker checker = NewChecker(channel, clock, 3);
            for (int minute = 0; minute < 7 * 24 * 60; minute++)
            {
                checker.Poll();
                clock.Advance(60L * TimeSpan.TicksPerSecond);
            }

            // A week: at most 1 + 7 * 24 / 6 checks.
            Assert.IsTrue(channel.Sent <= 29, "sent " + channel.Sent.ToString());
            Assert.IsTrue(channel.Sent >= 24, "sent " + channel.Sent.ToString());
        }

        [TestMethod]
        public void Schedule_IsDeterministicForASeed()
        {
            UpdateChecker a = NewChecker(new FakeDatagramChannel(Resolver, 53), new ManualClock(0), 42);
            UpdateChecker b = NewChecker(new FakeDatagramChannel(Resolver, 53), new ManualClock(0), 42);
            a.Poll();
            b.Poll();
            Assert.AreEqual(a.NextCheckTicks, b.NextCheckTicks);
        }

        [TestMethod]
        public void Check_DropsUnsignedAnnouncementAndStaysWithoutFreshAnnouncement()
        {
            FakeDatagramChannel channel = new FakeDatagramChannel(Resolver, 53);
            channel.Enqueue(UnsignedReply);
            UpdateChecker checker = NewChecker(channel, new ManualClock(0), 5);

            checker.Poll();

            Assert.AreEqual(1, checker.AnnouncementsDropped);
            UpdatesAssert.Reason(ReasonCode.SignatureInvalid, checker.LastDropReason, "zero signature");
            UpdateCheckStatus status = checker.GetStatus();
            Assert.AreEqual("NoFreshAnnouncement", status.StateName);
            Assert.AreEqual(string.Empty, status.LatestVersion);
            Assert.AreEqual("2026-09-21T14:13:20Z", status.CheckedAt);
        }

        [TestMethod]
        public void Check_IgnoresAnswersFromOtherSourcesAndIds()
        {
            FakeDatagramChannel channel = new FakeDatagramChannel(Resolver + 1, 53);
            channel.Enqueue(UnsignedReply);
            UpdateChecker checker = NewChecker(channel, new ManualClock(0), 5);

            checker.Poll();

            Assert.AreEqual(0, checker.AnnouncementsDropped, "never parsed");
            UpdatesAssert.Reason(ReasonCode.DestinationNotAllowed, checker.GetStatus().LastReason, "kept waiting, then reported why the only answer was dropped");
        }

        [TestMethod]
        public void Check_ReportsSendRefusal()
        {
            FakeDatagramChannel channel = new FakeDatagramChannel(Resolver, 53);
            channel.SendRefusal = ReasonCode.RateLimited;
            UpdateChecker checker = NewChecker(channel, new ManualClock(0), 5);

            Assert.IsTrue(checker.Poll());
            UpdatesAssert.Reason(ReasonCode.RateLimited, checker.GetStatus().LastReason, "limiter");
            Assert.IsFalse(checker.Poll(), "no immediate retry: waits for the next slot");
        }

        private static byte[] UnsignedReply(byte[] query)
        {
            byte[] key = new byte[32];
            key[0] = 9;
            byte[] announcement = UpdatePublishing.CreateUnsignedAnnouncement("SmartSocket", new FirmwareVersion(2, 0, 0), 1, 1790000000 - 60, 1790000000 + 3600, TrustedKeyRing.ComputeKeyId(key));
            return DnsTestMessages.TxtResponse(query, new string[] { UpdatePublishing.ToBase64(announcement) }, 255);
        }
    }
}
