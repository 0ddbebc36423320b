using System;
using nanoFramework.TestFramework;
using NetGuard.Diagnostics;
using NetGuard.Testing;

namespace NetGuard.Updates.Tests
{
    /// <summary>Receiver checks that come before the signature (the signed cases are in the host tests).</summary>
    [TestClass]
    public class UpdateReceiverTests
    {
        private static UpdateController NewController(MemoryStagingArea staging)
        {
            byte[] key = new byte[32];
            key[0] = 9;
            TrustedKeyRing ring = new TrustedKeyRing(1, new byte[][] { key }, new byte[0][]);
            UpdateSettings settings = new UpdateSettings(ManifestTestData.Model, new FirmwareVersion(1, 0, 0), 1);
            return new UpdateController(settings, ring, MemoryRecords.Create(), staging, new MemoryImageSlots().Installer, new FixedTrustedTime(true, ManifestTestData.IssuedAt));
        }

        private static Decision Feed(byte[] package, int chunk)
        {
            MemoryStagingArea staging = new MemoryStagingArea();
            UpdateReceiver receiver = NewController(staging).BeginReceive();
            for (int offset = 0; offset < package.Length; offset += chunk)
            {
                int n = package.Length - offset < chunk ? package.Length - offset : chunk;
                Decision step = receiver.Append(package, offset, n);
                if (!step.IsAccepted)
                {
                    Assert.AreEqual(0, staging.AppendCalls, "nothing staged before the manifest verified");
                    return step;
                }
            }

            return receiver.Complete();
        }

        [TestMethod]
        public void Append_RejectsBadMagic()
        {
            byte[] package = ManifestTestData.UnsignedPackage(ManifestTestData.Manifest(0).ToBytes(), 4);
            package[0] = (byte)'X';
            UpdatesAssert.Refused(ReasonCode.Malformed, Feed(package, 1), "magic");
        }

        [TestMethod]
        public void Append_RejectsOtherHeaderVersion()
        {
            byte[] package = ManifestTestData.UnsignedPackage(ManifestTestData.Manifest(0).ToBytes(), 4);
            package[4] = 2;
            UpdatesAssert.Refused(ReasonCode.UnsupportedVersion, Feed(package, 3), "header version");
        }

        [TestMethod]
        public void Append_RejectsNonZeroFlags()
        {
            byte[] package = ManifestTestData.UnsignedPackage(ManifestTestData.Manifest(0).ToBytes(), 4);
            package[5] = 1;
            UpdatesAssert.Refused(ReasonCode.Malformed, Feed(package, 3), "flags");
        }

        [TestMethod]
        public void Append_RejectsEmptyManifest()
        {
            byte[] package = ManifestTestData.UnsignedPackage(ManifestTestData.Manifest(0).ToBytes(), 4);
            package[6] = 0;
            package[7] = 0;
            UpdatesAssert.Refused(ReasonCode.Malformed, Feed(package, 5), "length 0");
        }

        [TestMethod]
        public void Append_RejectsManifestOverOneKilobyteFromTheHeaderAlone()
        {
            byte[] header = { 0x4E, 0x47, 0x55, 0x50, 1, 0, 0x01, 0x04 }; // 1025
            UpdatesAssert.Refused(ReasonCode.TooLarge, Feed(header, 8), "1025");
        }

        [TestMethod]
        public void Append_RejectsUnknownKey()
        {
            byte[] package = ManifestTestData.UnsignedPackage(ManifestTestData.Manifest(0).ToBytes(), 4);
            UpdatesAssert.Refused(ReasonCode.KeyUnknown, Feed(package, 7), "key id 0102..08 is not trusted");
        }

        [TestMethod]
        public void Append_RejectsUnknownCriticalFieldBeforeTheKey()
        {
            byte[] manifest = ManifestTestData.Concat(ManifestTestData.Manifest(0).ToBytes(), ManifestTestData.Tlv(0x8999, new byte[0]));
            UpdatesAssert.Refused(ReasonCode.UnknownCriticalField, Feed(ManifestTestData.UnsignedPackage(manifest, 4), 2), "critical");
        }

        [TestMethod]
        public void Complete_ReportsTruncationAtEveryHeaderAndManifestLength()
        {
            byte[] package = ManifestTestData.UnsignedPackage(ManifestTestData.Manifest(0).ToBytes(), 4);
            int signedEnd = package.Length - 4 - 64;
            for (int length = 0; length < signedEnd + 64; length++)
            {
                MemoryStagingArea staging = new MemoryStagingArea();
                UpdateReceiver receiver = NewController(staging).BeginReceive();
                Assert.IsTrue(receiver.Append(package, 0, length).IsAccepted, "prefix " + length.ToString());
                UpdatesAssert.Refused(ReasonCode.Truncated, receiver.Complete(), "length " + length.ToString());
            }
        }

        [TestMethod]
        public void Refusal_Sticks()
        {
            byte[] package = ManifestTestData.UnsignedPackage(ManifestTestData.Manifest(0).ToBytes(), 4);
            package[0] = 0;
            UpdateReceiver receiver = NewController(new MemoryStagingArea()).BeginReceive();
            Assert.IsFalse(receiver.Append(package, 0, 8).IsAccepted);
            package[0] = 0x4E;
            UpdatesAssert.Refused(ReasonCode.Malformed, receiver.Append(package, 8, package.Length - 8), "second append");
            UpdatesAssert.Refused(ReasonCode.Malformed, receiver.Complete(), "complete");
        }

        [TestMethod]
        public void Append_ThrowsForCallerMistakes()
        {
            UpdateReceiver receiver = NewController(new MemoryStagingArea()).BeginReceive();
            Assert.ThrowsException(typeof(ArgumentNullException), () => receiver.Append(null, 0, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => receiver.Append(new byte[4], 2, 3));
        }
    }
}
