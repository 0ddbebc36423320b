// Copyright (c) NetGuard contributors. MIT licence.

using System;
using nanoFramework.TestFramework;
using NetGuard.Cryptography;
using NetGuard.Testing;

namespace NetGuard.Tests.Cryptography
{
    [TestClass]
    public class Pbkdf2Tests
    {
        [TestMethod]
        public void DeriveKey_Rfc7914FirstVector_MatchesExpected()
        {
            // Arrange: RFC 7914 section 11, PBKDF2-HMAC-SHA-256 (P="passwd", S="salt", c=1, dkLen=64).
            byte[] expected = TestBytes.Hex(
                "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");

            // Act
            byte[] key = Pbkdf2.DeriveKey(TestBytes.Ascii("passwd"), TestBytes.Ascii("salt"), 1, 64);

            // Assert
            CollectionAssert.AreEqual(expected, key);
        }

        [TestMethod]
        public void DeriveKey_PrefixOfLongerOutputEqualsShorterOutput()
        {
            byte[] p = TestBytes.Ascii("pw");
            byte[] s = TestBytes.Ascii("NaCl");
            byte[] longer = Pbkdf2.DeriveKey(p, s, 3, 40);
            byte[] shorter = Pbkdf2.DeriveKey(p, s, 3, 20);
            for (int i = 0; i < 20; i++)
            {
                Assert.AreEqual((int)shorter[i], (int)longer[i]);
            }
        }

        [TestMethod]
        public void DeriveKey_InvalidArgumentsThrow()
        {
            byte[] p = { 1 };
            byte[] s = { 2 };
            Assert.ThrowsException(typeof(ArgumentNullException), () => Pbkdf2.DeriveKey((byte[])null, s, 1, 32));
            Assert.ThrowsException(typeof(ArgumentNullException), () => Pbkdf2.DeriveKey(p, null, 1, 32));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Pbkdf2.DeriveKey(p, s, 0, 32));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Pbkdf2.DeriveKey(p, s, 1, 0));
        }
    }
}
