using System;
using nanoFramework.TestFramework;
using NetGuard.Diagnostics;
using NetGuard.Testing;

namespace NetGuard.Updates.Tests
{
    [TestClass]
    public class UpdateManifestTests
    {
        [TestMethod]
        public void ToBytes_RoundTripsEveryField()
        {
            UpdateManifest original = ManifestTestData.Manifest(ManifestTestData.IssuedAt + 3600);
            byte[] bytes = original.ToBytes();

            UpdateManifest parsed;
            ReasonCode reason;
            Assert.IsTrue(UpdateManifest.TryParse(bytes, 0, bytes.Length, out parsed, out reason), ReasonCodeNames.Name(reason));
            Assert.AreEqual("smartsocket", parsed.Model);
            Assert.AreEqual("1.2.3", parsed.Version.ToString());
            Assert.AreEqual(5u, parsed.SecurityCounter);
            Assert.AreEqual(100L, parsed.ImageLength);
            Assert.AreEqual(ManifestTestData.IssuedAt, parsed.IssuedAt);
            Assert.AreEqual(ManifestTestData.IssuedAt + 3600, parsed.ExpiresAt);
            CollectionAssert.AreEqual(ManifestTestData.KeyId(), parsed.GetKeyId());
            CollectionAssert.AreEqual(original.GetImageSha256(), parsed.GetImageSha256());
        }

        [TestMethod]
        public void ToBytes_StartsWithFormatVersionTlv()
        {
            byte[] bytes = ManifestTestData.Manifest(0).ToBytes();
            Assert.AreEqual((byte)0x01, bytes[0]);
            Assert.AreEqual((byte)0x80, bytes[1]);
            Assert.AreEqual((byte)1, bytes[2]);
            Assert.AreEqual((byte)0, bytes[3]);
            Assert.AreEqual((byte)1, bytes[4]);
        }

        [TestMethod]
        public void TryParse_WithoutExpiryMeansNoExpiry()
        {
            byte[] bytes = ManifestTestData.Manifest(0).ToBytes();
            UpdateManifest parsed;
            ReasonCode reason;
            Assert.IsTrue(UpdateManifest.TryParse(bytes, 0, bytes.Length, out parsed, out reason));
            Assert.AreEqual(0L, parsed.ExpiresAt);
        }

        [TestMethod]
        public void TryParse_RejectsEveryTruncation()
        {
            byte[] bytes = ManifestTestData.Manifest(ManifestTestData.IssuedAt + 10).ToBytes();
            for (int length = 0; length < bytes.Length; length++)
            {
                UpdateManifest parsed;
                ReasonCode reason;
                Assert.IsFalse(UpdateManifest.TryParse(bytes, 0, length, out parsed, out reason), "length " + length.ToString());
                Assert.IsNull(parsed);
            }
        }

        [TestMethod]
        public void TryParse_SkipsUnknownNonCriticalField()
        {
            byte[] bytes = ManifestTestData.Concat(ManifestTestData.Manifest(0).ToBytes(), ManifestTestData.Tlv(0x0123, new byte[] { 9, 9, 9 }));
            UpdateManifest parsed;
            ReasonCode reason;
            Assert.IsTrue(UpdateManifest.TryParse(bytes, 0, bytes.Length, out parsed, out reason), ReasonCodeNames.Name(reason));
        }

        [TestMethod]
        public void TryParse_RejectsUnknownCriticalField()
        {
            byte[] bytes = ManifestTestData.Concat(ManifestTestData.Manifest(0).ToBytes(), ManifestTestData.Tlv(0x8123, new byte[] { 9 }));
            AssertRejected(bytes, ReasonCode.UnknownCriticalField);
        }

        [TestMethod]
        public void TryParse_RejectsOtherFormatVersion()
        {
            byte[] bytes = ManifestTestData.Manifest(0).ToBytes();
            bytes[4] = 2;
            AssertRejected(bytes, ReasonCode.UnsupportedVersion);
        }

        [TestMethod]
        public void TryParse_RejectsFormatVersionNotFirst()
        {
            byte[] bytes = ManifestTestData.Manifest(0).ToBytes();
            byte[] rest = new byte[bytes.Length - 5];
            Array.Copy(bytes, 5, rest, 0, rest.Length);
            AssertRejected(ManifestTestData.Concat(rest, ManifestTestData.Tlv(0x8001, new byte[] { 1 })), ReasonCode.Malformed);
        }

        [TestMethod]
        public void TryParse_RejectsDuplicateField()
        {
            byte[] bytes = ManifestTestData.Concat(ManifestTestData.Manifest(0).ToBytes(), ManifestTestData.Tlv(0x8050, new byte[] { 9, 0, 0, 0 }));
            AssertRejected(bytes, ReasonCode.Malformed);
        }

        [TestMethod]
        public void TryParse_RejectsSecondFormatVersion()
        {
            byte[] bytes = ManifestTestData.Concat(ManifestTestData.Manifest(0).ToBytes(), ManifestTestData.Tlv(0x8001, new byte[] { 1 }));
            AssertRejected(bytes, ReasonCode.Malformed);
        }

        [TestMethod]
        public void TryParse_RejectsMissingRequiredField()
        {
            // Only the format version.
            AssertRejected(ManifestTestData.Tlv(0x8001, new byte[] { 1 }), ReasonCode.Malformed);
        }

        [TestMethod]
        public void TryParse_RejectsWrongFieldLength()
        {
            byte[] bytes = ManifestTestData.Concat(ManifestTestData.Tlv(0x8001, new byte[] { 1 }), ManifestTestData.Tlv(0x8050, new byte[] { 1, 0, 0 }));
            AssertRejected(bytes, ReasonCode.Malformed);
        }

        [TestMethod]
        public void TryParse_RejectsBadModelCharacters()
        {
            byte[] bytes = ManifestTestData.Concat(ManifestTestData.Tlv(0x8001, new byte[] { 1 }), ManifestTestData.Tlv(0x8002, new byte[] { (byte)'a', (byte)'/', (byte)'b' }));
            AssertRejected(bytes, ReasonCode.Malformed);
        }

        [TestMethod]
        public void TryParse_RejectsExpiryNotAfterIssue()
        {
            byte[] sha = new byte[32];
            UpdateManifest manifest = new UpdateManifest("m", new FirmwareVersion(1, 0, 0), 1, 1, sha, 1000, 1000, ManifestTestData.KeyId());
            AssertRejected(manifest.ToBytes(), ReasonCode.Malformed);
        }

        [TestMethod]
        public void TryParse_RejectsOverOneKilobyte()
        {
            byte[] bytes = new byte[1025];
            AssertRejected(bytes, ReasonCode.TooLarge);
        }

        [TestMethod]
        public void TryParse_RejectsTlvLongerThanRemaining()
        {
            byte[] bytes = ManifestTestData.Concat(ManifestTestData.Manifest(0).ToBytes(), new byte[] { 0x23, 0x01, 0xFF, 0x00, 1, 2 });
            AssertRejected(bytes, ReasonCode.Truncated);
        }

        [TestMethod]
        public void Constructor_ThrowsForCallerMistakes()
        {
            byte[] sha = new byte[32];
            byte[] id = ManifestTestData.KeyId();
            FirmwareVersion v = new FirmwareVersion(1, 0, 0);
            Assert.ThrowsException(typeof(ArgumentNullException), () => new UpdateManifest(null, v, 1, 1, sha, 1, 0, id));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new UpdateManifest("bad model", v, 1, 1, sha, 1, 0, id));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new UpdateManifest("m", v, 1, 1, new byte[31], 1, 0, id));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new UpdateManifest("m", v, 1, -1, sha, 1, 0, id));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new UpdateManifest("m", v, 1, 1, sha, 1, 0, new byte[7]));
        }

        private static void AssertRejected(byte[] bytes, ReasonCode expected)
        {
            UpdateManifest parsed;
            ReasonCode reason;
            Assert.IsFalse(UpdateManifest.TryParse(bytes, 0, bytes.Length, out parsed, out reason));
            UpdatesAssert.Reason(expected, reason, "manifest");
            Assert.IsNull(parsed);
        }
    }
}
