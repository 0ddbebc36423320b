using System;
using nanoFramework.TestFramework;
using NetGuard.Diagnostics;
using NetGuard.Testing;

namespace NetGuard.Updates.Tests
{
    /// <summary>Announcement structure and the checks before the signature (signed cases are in the host tests).</summary>
    [TestClass]
    public class UpdateAnnouncementTests
    {
        private const long Issued = 1790000000;

        private static byte[] Key()
        {
            byte[] key = new byte[32];
            key[0] = 9;
            return key;
        }

        private static TrustedKeyRing Ring()
        {
            return new TrustedKeyRing(1, new byte[][] { Key() }, new byte[0][]);
        }

        private static byte[] Unsigned(long expires)
        {
            return UpdatePublishing.CreateUnsignedAnnouncement("SmartSocket", new FirmwareVersion(1, 4, 0), 3, Issued, expires, TrustedKeyRing.ComputeKeyId(Key()));
        }

        [TestMethod]
        public void Text_Is144CharactersAndRoundTrips()
        {
            string text = UpdatePublishing.ToBase64(Unsigned(Issued + 3600));
            Assert.AreEqual(144, text.Length);

            UpdateAnnouncement announcement;
            ReasonCode reason;
            Assert.IsTrue(UpdateAnnouncement.TryDecodeText(text, out announcement, out reason), ReasonCodeNames.Name(reason));
            Assert.AreEqual("1.4.0", announcement.Version.ToString());
            Assert.AreEqual(3u, announcement.SecurityCounter);
            Assert.AreEqual(Issued, announcement.IssuedAt);
            Assert.AreEqual(Issued + 3600, announcement.ExpiresAt);
        }

        [TestMethod]
        public void TryDecodeText_RejectsOversizedText()
        {
            char[] chars = new char[256];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = 'A';
            }

            UpdateAnnouncement announcement;
            ReasonCode reason;
            Assert.IsFalse(UpdateAnnouncement.TryDecodeText(new string(chars), out announcement, out reason));
            UpdatesAssert.Reason(ReasonCode.TooLarge, reason, "256 characters");
        }

        [TestMethod]
        public void TryDecodeText_RejectsNonBase64()
        {
            UpdateAnnouncement announcement;
            ReasonCode reason;
            Assert.IsFalse(UpdateAnnouncement.TryDecodeText("v=spf1 -all", out announcement, out reason));
            UpdatesAssert.Reason(ReasonCode.Malformed, reason, "spf record");
        }

        [TestMethod]
        public void TryParse_RejectsWrongLengthsMagicAndWindow()
        {
            byte[] good = Unsigned(Issued + 10);
            AssertParse(good, 107, ReasonCode.Truncated);
            AssertParse(ManifestTestData.Concat(good, new byte[1]), 109, ReasonCode.TooLarge);
            AssertParse(DnsTestMessages.With(good, 0, 0), 108, ReasonCode.Malformed);
            AssertParse(DnsTestMessages.With(good, 3, 2), 108, ReasonCode.UnsupportedVersion);

            byte[] longWindow = (byte[])good.Clone();
            long expires = Issued + (48 * 3600) + 1;
            for (int i = 0; i < 8; i++)
            {
                longWindow[28 + i] = (byte)(expires >> (8 * i));
            }

            AssertParse(longWindow, 108, ReasonCode.Malformed);
        }

        [TestMethod]
        public void Magic_IsNgaFormat1_AndEachCallGetsItsOwnCopy()
        {
            byte[] magic = UpdatePackageFormat.GetAnnouncementMagic();
            CollectionAssert.AreEqual(new byte[] { 0x4E, 0x47, 0x41, 0x01 }, magic);
            byte[] announcement = Unsigned(Issued + 10);
            for (int i = 0; i < 4; i++)
            {
                Assert.AreEqual(magic[i], announcement[i]);
            }

            // A caller that writes into its copy changes neither the next copy nor what the parser accepts.
            magic[0] = 0;
            Assert.AreEqual((byte)0x4E, UpdatePackageFormat.GetAnnouncementMagic()[0]);
            Assert.IsNotNull(Parse(Unsigned(Issued + 10)));
        }

        [TestMethod]
        public void CreateUnsignedAnnouncement_RefusesWindowOver48Hours()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Unsigned(Issued + (48 * 3600) + 1));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Unsigned(Issued));
        }

        [TestMethod]
        public void Verify_RejectsWrongModelUnknownKeyExpiredAndUnsigned()
        {
            UpdateAnnouncement announcement = Parse(Unsigned(Issued + 3600));
            FixedTrustedTime time = new FixedTrustedTime(true, Issued + 10);

            UpdatesAssert.Reason(ReasonCode.ModelMismatch, announcement.Verify(Ring(), "Camera", time, 300), "model");
            byte[] otherKey = new byte[32];
            TrustedKeyRing other = new TrustedKeyRing(1, new byte[][] { otherKey }, new byte[0][]);
            UpdatesAssert.Reason(ReasonCode.KeyUnknown, announcement.Verify(other, "smartsocket", time, 300), "key");
            UpdatesAssert.Reason(ReasonCode.Expired, announcement.Verify(Ring(), "smartsocket", new FixedTrustedTime(true, Issued + 3600), 300), "expired");
            UpdatesAssert.Reason(ReasonCode.NotYetValid, announcement.Verify(Ring(), "smartsocket", new FixedTrustedTime(true, Issued - 301), 300), "future");
            UpdatesAssert.Reason(ReasonCode.SignatureInvalid, announcement.Verify(Ring(), "smartsocket", time, 300), "all-zero signature");
            UpdatesAssert.Reason(ReasonCode.SignatureInvalid, announcement.Verify(Ring(), "smartsocket", new FixedTrustedTime(false, 0), 300), "time unknown still needs a signature");
        }

        private static UpdateAnnouncement Parse(byte[] bytes)
        {
            UpdateAnnouncement announcement;
            ReasonCode reason;
            Assert.IsTrue(UpdateAnnouncement.TryParse(bytes, 0, bytes.Length, out announcement, out reason));
            return announcement;
        }

        private static void AssertParse(byte[] bytes, int count, ReasonCode expected)
        {
            UpdateAnnouncement announcement;
            ReasonCode reason;
            Assert.IsFalse(UpdateAnnouncement.TryParse(bytes, 0, count, out announcement, out reason));
            UpdatesAssert.Reason(expected, reason, "parse");
        }
    }
}
