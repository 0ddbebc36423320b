using nanoFramework.TestFramework;
using NetGuard.Diagnostics;
using NetGuard.Testing;

namespace NetGuard.Updates.Tests
{
    /// <summary>
    /// Accept paths and reject twins on the device, with a package and an announcement signed ahead of time on the
    /// host. How they were made (netguard tool, tools/NetGuard.Cli, on 2026-11-24):
    /// the test key is the RFC 8032 seed of 32 bytes 0x01 (key file: BEGIN line, "01" x 32, END line), public key
    /// 8a88e3dd...6f5c, key id 34750f98bd59fcfc; the image is the 16 bytes 00 01 .. 0f;
    /// <c>netguard sign --key test.key --image image.bin --model SmartSocket --version 1.1.0 --counter 5
    /// --expires 2100-01-01T00:00:00Z --out p.ngup</c> (issued 2026-11-24T19:39:00Z), hex-dumped with <c>xxd -p</c>;
    /// <c>netguard announce --key test.key --model SmartSocket --version 1.2.0 --counter 6 --valid-hours 48</c>
    /// (issued 1795549140, expires 1795721940).
    /// </summary>
    [TestClass]
    public class SignedVectorTests
    {
        internal const string PublicKeyHex = "8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c";

        internal const string PackageHex =
            "4e47555001007400018001000102800b00736d617274736f636b657403800400010100005080040005000000048004001000000010802000" +
            "be45cb2605bf36bebde684841a28f0fd43c69850a3dce5fedba69928ee3a899106800800d4e7056b0000000005800800005786f400000000" +
            "0780080034750f98bd59fcfcf65cef8c6c347d602e96e5e0c0e629a5109d92d62414d8c2a83c13eeeeda4bbeea1b02285273c31eda621fcb" +
            "871ad878e1b8787a76f641328970dbe16abc7302000102030405060708090a0b0c0d0e0f";

        private const string AnnouncementText =
            "TkdBAXH1YbCPUic7AQIAAAYAAADU5wVrAAAAANSKCGsAAAAANHUPmL1Z/PzqHPT+GjBj43ilGRrVTjQzQ6jj0nr6NQnVfEdl5pXWQpnyGxILuTLbj8UulTkxobeEWuR7dF43fuU+bAs+P+YJ";

        internal const long Now = 1795549200;
        private const long AnnouncementIssued = 1795549140;
        private const long AnnouncementExpires = 1795721940;
        private const int SignatureOffset = 8 + 0x74;



        private static TrustedKeyRing Ring()
        {
            return new TrustedKeyRing(1, new byte[][] { TestBytes.Hex(PublicKeyHex) }, new byte[0][]);
        }

        private static UpdateController Controller(string model, uint counter, long now, MemoryStagingArea staging, IImageInstaller installer)
        {
            UpdateSettings settings = new UpdateSettings(model, new FirmwareVersion(1, 0, 0), counter);
            return new UpdateController(settings, Ring(), MemoryRecords.Create(), staging, installer, new FixedTrustedTime(true, now));
        }

        private static Decision Feed(UpdateController controller, byte[] package, int chunk)
        {
            UpdateReceiver receiver = controller.BeginReceive();
            for (int offset = 0; offset < package.Length; offset += chunk)
            {
                int n = package.Length - offset < chunk ? package.Length - offset : chunk;
                Decision step = receiver.Append(package, offset, n);
                if (!step.IsAccepted)
                {
                    return step;
                }
            }

            return receiver.Complete();
        }

        [TestMethod]
        public void Package_IsAcceptedInOneByteAndOddChunks_ThenTriedAndConfirmed()
        {
            byte[] package = TestBytes.Hex(PackageHex);
            Assert.AreEqual(204, package.Length);
            Assert.IsTrue(Feed(Controller("SmartSocket", 5, Now, new MemoryStagingArea(), new MemoryImageSlots().Installer), package, 1).IsAccepted, "1-byte chunks");

            MemoryStagingArea staging = new MemoryStagingArea();
            MemoryImageSlots slots = new MemoryImageSlots();
            UpdateController controller = Controller("smartsocket", 1, Now, staging, slots.Installer);
            Decision staged = Feed(controller, package, 13);
            Assert.IsTrue(staged.IsAccepted, ReasonCodeNames.Name(staged.Reason));

            Assert.IsTrue(controller.Boot().IsAccepted);
            Assert.IsTrue(controller.IsOnTrial);
            Assert.AreEqual(1u, controller.SecurityCounter, "the counter waits for the confirmation");
            Assert.IsTrue(controller.ConfirmTrial().IsAccepted);
            Assert.AreEqual(5u, controller.SecurityCounter);
            Assert.AreEqual("1.1.0", controller.CurrentVersion.ToString());
            byte[] installed = slots.ReadActive();
            Assert.AreEqual(16, installed.Length);
            Assert.AreEqual((byte)15, installed[15]);
        }

        [TestMethod]
        public void Package_RejectTwins()
        {
            byte[] package = TestBytes.Hex(PackageHex);
            UpdatesAssert.Refused(ReasonCode.ModelMismatch, Feed(Controller("Camera", 5, Now, new MemoryStagingArea(), new MemoryImageSlots().Installer), package, 50), "model");
            UpdatesAssert.Refused(ReasonCode.SecurityCounterRollback, Feed(Controller("SmartSocket", 6, Now, new MemoryStagingArea(), new MemoryImageSlots().Installer), package, 50), "counter");
            UpdatesAssert.Refused(ReasonCode.Expired, Feed(Controller("SmartSocket", 5, 4102444800, new MemoryStagingArea(), new MemoryImageSlots().Installer), package, 50), "2100");
            UpdatesAssert.Refused(ReasonCode.NotYetValid, Feed(Controller("SmartSocket", 5, Now - 3600, new MemoryStagingArea(), new MemoryImageSlots().Installer), package, 50), "an hour early");

            int[] flips = { 0, 10, 40, SignatureOffset, SignatureOffset + 31, SignatureOffset + 32, SignatureOffset + 63 };
            for (int i = 0; i < flips.Length; i++)
            {
                byte[] twin = (byte[])package.Clone();
                twin[flips[i]] ^= 0x01;
                Decision decision = Feed(Controller("SmartSocket", 5, Now, new MemoryStagingArea(), new MemoryImageSlots().Installer), twin, 50);
                Assert.IsFalse(decision.IsAccepted, "byte " + flips[i].ToString());
                if (flips[i] >= SignatureOffset)
                {
                    UpdatesAssert.Reason(ReasonCode.SignatureInvalid, decision.Reason, "byte " + flips[i].ToString());
                }
            }

            byte[] image = (byte[])package.Clone();
            image[image.Length - 1] ^= 0x80;
            UpdatesAssert.Refused(ReasonCode.DigestMismatch, Feed(Controller("SmartSocket", 5, Now, new MemoryStagingArea(), new MemoryImageSlots().Installer), image, 50), "image");
        }

        [TestMethod]
        public void Announcement_VerifiesAndTwinsFail()
        {
            UpdateAnnouncement announcement;
            ReasonCode reason;
            Assert.IsTrue(UpdateAnnouncement.TryDecodeText(AnnouncementText, out announcement, out reason));
            UpdatesAssert.Reason(ReasonCode.Accepted, announcement.Verify(Ring(), "SmartSocket", new FixedTrustedTime(true, AnnouncementIssued + 1), 300), "valid");
            UpdatesAssert.Reason(ReasonCode.Expired, announcement.Verify(Ring(), "SmartSocket", new FixedTrustedTime(true, AnnouncementExpires), 300), "expired");
            UpdatesAssert.Reason(ReasonCode.ModelMismatch, announcement.Verify(Ring(), "Camera", new FixedTrustedTime(true, AnnouncementIssued + 1), 300), "model");

            byte[] raw;
            Assert.IsTrue(Base64.TryDecode(AnnouncementText, 200, out raw));
            raw[UpdateAnnouncement.SignedLength + 5] ^= 0x01;
            Assert.IsTrue(UpdateAnnouncement.TryParse(raw, 0, raw.Length, out announcement, out reason));
            UpdatesAssert.Reason(ReasonCode.SignatureInvalid, announcement.Verify(Ring(), "SmartSocket", new FixedTrustedTime(true, AnnouncementIssued + 1), 300), "signature twin");
        }

        [TestMethod]
        public void Checker_ReportsStateFromSignedAnnouncement()
        {
            Assert.AreEqual("UpdateAvailable", CheckState(6));
            Assert.AreEqual("SecurityUpdateRequired", CheckState(5));
        }

        private static string CheckState(uint deviceCounter)
        {
            FakeDatagramChannel channel = new FakeDatagramChannel(0x0A000001, 53);
            channel.Enqueue(Reply);
            ManualClock clock = new ManualClock(0);
            UpdateController controller = new UpdateController(new UpdateSettings("SmartSocket", new FirmwareVersion(1, 1, 0), deviceCounter), Ring(), MemoryRecords.Create(), new MemoryStagingArea(), new MemoryImageSlots().Installer, new FixedTrustedTime(true, AnnouncementIssued + 10));
            UpdateChecker checker = new UpdateChecker(controller, new DnsTxtClient(channel, new SeededEntropySource(9), clock, 0x0A000001, 53, 1000), "updates.example.com", new SeededEntropySource(10), clock);
            Assert.IsTrue(checker.Poll());
            UpdateCheckStatus status = checker.GetStatus();
            Assert.AreEqual("1.2.0", status.LatestVersion);
            return status.StateName;
        }

        private static byte[] Reply(byte[] query)
        {
            return DnsTestMessages.TxtResponse(query, new string[] { AnnouncementText }, 255);
        }
    }
}
