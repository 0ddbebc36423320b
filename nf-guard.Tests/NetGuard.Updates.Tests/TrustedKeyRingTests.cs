using System;
using nanoFramework.TestFramework;
using NetGuard.Diagnostics;

namespace NetGuard.Updates.Tests
{
    [TestClass]
    public class TrustedKeyRingTests
    {
        private static byte[] Key(byte n)
        {
            byte[] key = new byte[32];
            key[0] = n;
            return key;
        }

        [TestMethod]
        public void ComputeKeyId_IsFirstEightBytesOfSha256()
        {
            // SHA-256 of 32 zero bytes is 66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925.
            CollectionAssert.AreEqual(new byte[] { 0x66, 0x68, 0x7a, 0xad, 0xf8, 0x62, 0xbd, 0x77 }, TrustedKeyRing.ComputeKeyId(new byte[32]));
        }

        [TestMethod]
        public void FindKey_ReportsKnownUnknownAndRevoked()
        {
            TrustedKeyRing ring = new TrustedKeyRing(3, new byte[][] { Key(1), Key(2) }, new byte[][] { TrustedKeyRing.ComputeKeyId(Key(2)) });
            byte[] key;
            UpdatesAssert.Reason(ReasonCode.Accepted, ring.FindKey(TrustedKeyRing.ComputeKeyId(Key(1)), 0, out key), "root");
            CollectionAssert.AreEqual(Key(1), key);
            UpdatesAssert.Reason(ReasonCode.KeyRevoked, ring.FindKey(TrustedKeyRing.ComputeKeyId(Key(2)), 0, out key), "revoked");
            Assert.IsNull(key);
            UpdatesAssert.Reason(ReasonCode.KeyUnknown, ring.FindKey(TrustedKeyRing.ComputeKeyId(Key(3)), 0, out key), "unknown");
        }

        [TestMethod]
        public void Record_RoundTrips()
        {
            TrustedKeyRing ring = new TrustedKeyRing(7, new byte[][] { Key(1), Key(2) }, new byte[][] { TrustedKeyRing.ComputeKeyId(Key(9)) });
            TrustedKeyRing loaded;
            Assert.IsTrue(TrustedKeyRing.TryLoad(ring.ToRecord(), out loaded));
            Assert.AreEqual(7u, loaded.Version);
            Assert.AreEqual(2, loaded.KeyCount);
            CollectionAssert.AreEqual(Key(2), loaded.GetKey(1));
            CollectionAssert.AreEqual(TrustedKeyRing.ComputeKeyId(Key(9)), loaded.GetRevokedKeyId(0));
            Assert.IsFalse(TrustedKeyRing.TryLoad(new byte[5], out loaded));
            Assert.IsFalse(TrustedKeyRing.TryLoad(null, out loaded));
        }

        [TestMethod]
        public void TryApplyKeyList_RejectsStructuralProblemsBeforeTheSignature()
        {
            TrustedKeyRing ring = new TrustedKeyRing(1, new byte[][] { Key(1) }, new byte[0][]);
            byte[] list = new TrustedKeyRing(2, new byte[][] { Key(2) }, new byte[0][]).ToRecord();
            TrustedKeyRing next;
            ReasonCode reason;

            Assert.IsFalse(ring.TryApplyKeyList(list, 0, 11, out next, out reason));
            UpdatesAssert.Reason(ReasonCode.Truncated, reason, "short");
            byte[] twin = (byte[])list.Clone();
            twin[4] = 2;
            Assert.IsFalse(ring.TryApplyKeyList(twin, 0, twin.Length, out next, out reason));
            UpdatesAssert.Reason(ReasonCode.UnsupportedVersion, reason, "format");
            twin = (byte[])list.Clone();
            twin[5] = 9;
            Assert.IsFalse(ring.TryApplyKeyList(twin, 0, twin.Length, out next, out reason));
            UpdatesAssert.Reason(ReasonCode.TooLarge, reason, "9 keys");
            twin = (byte[])list.Clone();
            twin[5] = 0;
            Assert.IsFalse(ring.TryApplyKeyList(twin, 0, twin.Length, out next, out reason));
            UpdatesAssert.Reason(ReasonCode.Malformed, reason, "no keys");
            Assert.IsFalse(ring.TryApplyKeyList(list, 0, list.Length, out next, out reason));
            UpdatesAssert.Reason(ReasonCode.KeyUnknown, reason, "signed by key 2, not the root");
            Assert.IsNull(next);
        }

        [TestMethod]
        public void Constructor_ThrowsForCallerMistakes()
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => new TrustedKeyRing(1, null, new byte[0][]));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new TrustedKeyRing(1, new byte[0][], new byte[0][]));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new TrustedKeyRing(1, new byte[][] { new byte[31] }, new byte[0][]));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new TrustedKeyRing(1, new byte[9][], new byte[0][]));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new TrustedKeyRing(1, new byte[][] { Key(1) }, new byte[][] { TrustedKeyRing.ComputeKeyId(Key(1)) }));
        }
    }
}
