// Copyright (c) NetGuard contributors. MIT licence.

using System;
using nanoFramework.TestFramework;
using NetGuard.Testing;

namespace NetGuard.Cryptography.Tests
{
    [TestClass]
    public class HmacSha256Tests
    {
        [TestMethod]
        public void Compute_Rfc4231Case2_MatchesExpectedTag()
        {
            // Arrange: RFC 4231 section 4.3, test case 2 (key "Jefe").
            byte[] key = TestBytes.Ascii("Jefe");
            byte[] data = TestBytes.Ascii("what do ya want for nothing?");
            byte[] expected = TestBytes.Hex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");

            // Act
            byte[] tag = HmacSha256.Compute(key, data);

            // Assert
            CollectionAssert.AreEqual(expected, tag);
        }

        [TestMethod]
        public void Instance_ChunkedEqualsOneShot()
        {
            // Arrange
            byte[] key = TestBytes.Ascii("a key longer than the sixty-four byte block of SHA-256, so it is hashed");
            byte[] data = new byte[150];
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = (byte)(i * 7);
            }

            byte[] expected = HmacSha256.Compute(key, data);
            byte[] tag = new byte[HmacSha256.HashSize];
            HmacSha256 hmac = new HmacSha256(key);

            // Act
            hmac.Append(data, 0, 10);
            hmac.Append(data, 10, 100);
            hmac.Append(data, 110, 40);
            hmac.Finish(tag, 0);
            hmac.Dispose();

            // Assert
            CollectionAssert.AreEqual(expected, tag);
        }

        [TestMethod]
        public void Compute_OutputMayAliasInput()
        {
            byte[] key = { 1, 2, 3 };
            byte[] buffer = new byte[32];
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = (byte)((i * 29) + 5);
            }

            byte[] expected = HmacSha256.Compute(key, buffer);
            HmacSha256 hmac = new HmacSha256(key);

            hmac.Compute(buffer, 0, 32, buffer, 0);
            hmac.Dispose();

            CollectionAssert.AreEqual(expected, buffer);
        }

        [TestMethod]
        public void Constructor_KeyRangeOverload_UsesOnlyTheRange()
        {
            byte[] buffer = { 0xEE, 0x4A, 0x65, 0x66, 0x65, 0xEE }; // "Jefe" inside
            byte[] data = TestBytes.Ascii("what do ya want for nothing?");
            byte[] tag = new byte[HmacSha256.HashSize];
            HmacSha256 hmac = new HmacSha256(buffer, 1, 4);

            hmac.Compute(data, 0, data.Length, tag, 0);
            hmac.Dispose();

            // RFC 4231 section 4.3, test case 2.
            CollectionAssert.AreEqual(TestBytes.Hex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"), tag);
        }

        [TestMethod]
        public void Dispose_ThenUse_Throws()
        {
            HmacSha256 hmac = new HmacSha256(new byte[] { 1, 2, 3 });
            hmac.Dispose();

            Assert.ThrowsException(typeof(ObjectDisposedException), () => hmac.Append(new byte[1], 0, 1));
            Assert.ThrowsException(typeof(ObjectDisposedException), () => hmac.Finish(new byte[32], 0));
            Assert.ThrowsException(typeof(ObjectDisposedException), () => hmac.Compute(new byte[1], 0, 1, new byte[32], 0));
        }

        [TestMethod]
        public void Compute_InvalidArguments_ThrowNamingTheParameter()
        {
            NetworkTestKit.ThrowsNull("key", () => HmacSha256.Compute(null, new byte[1]));
            NetworkTestKit.ThrowsNull("data", () => HmacSha256.Compute(new byte[1], null));
            NetworkTestKit.ThrowsOutOfRange("count", () => HmacSha256.Compute(new byte[1], new byte[2], 1, 2));
            NetworkTestKit.ThrowsOutOfRange("keyCount", () => new HmacSha256(new byte[4], 2, 3));
        }
    }
}
