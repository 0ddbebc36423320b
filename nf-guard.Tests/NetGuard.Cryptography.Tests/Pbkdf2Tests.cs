// Copyright (c) NetGuard contributors. MIT licence.

using System;
using nanoFramework.TestFramework;
using NetGuard.Testing;

namespace NetGuard.Cryptography.Tests
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
        public void DeriveKey_InvalidArguments_ThrowNamingTheParameter()
        {
            byte[] p = { 1 };
            byte[] s = { 2 };
            NetworkTestKit.ThrowsNull("password", () => Pbkdf2.DeriveKey((byte[])null, s, 1, 32));
            NetworkTestKit.ThrowsNull("salt", () => Pbkdf2.DeriveKey(p, null, 1, 32));
            NetworkTestKit.ThrowsOutOfRange("iterations", () => Pbkdf2.DeriveKey(p, s, 0, 32));
            NetworkTestKit.ThrowsOutOfRange("iterations", () => Pbkdf2.DeriveKey(p, s, -5, 32));
            NetworkTestKit.ThrowsOutOfRange("length", () => Pbkdf2.DeriveKey(p, s, 1, 0));
            NetworkTestKit.ThrowsNull("output", () => Pbkdf2.DeriveKey(p, s, 1, null, 0, 1));
            NetworkTestKit.ThrowsOutOfRange("outputCount", () => Pbkdf2.DeriveKey(p, s, 1, new byte[8], 0, 0));
            NetworkTestKit.ThrowsOutOfRange("outputCount", () => Pbkdf2.DeriveKey(p, s, 1, new byte[8], 4, 5));
            NetworkTestKit.ThrowsNull("prf", () => Pbkdf2.DeriveKey((IHmacSha256)null, s, 1, new byte[8], 0, 8));
        }

        // What the factory below saw; static because the launcher never constructs the class.
        private static byte[] s_factoryKey;
        private static int s_factoryCalls;

        private static IHmacSha256 ManagedFactory(byte[] key)
        {
            s_factoryCalls++;
            s_factoryKey = key;
            return new HmacSha256(key);
        }

        private static IHmacSha256 NullFactory(byte[] key)
        {
            return null;
        }

        [TestMethod]
        public void DeriveKey_WithAFactory_GivesTheSameBytes_AndClearsTheKeyCopy()
        {
            byte[] password = TestBytes.Ascii("passwd");
            byte[] salt = TestBytes.Ascii("salt");
            s_factoryCalls = 0;

            byte[] viaFactory = Pbkdf2.DeriveKey(new HmacSha256Factory(ManagedFactory), password, salt, 3, 40);

            CollectionAssert.AreEqual(Pbkdf2.DeriveKey(password, salt, 3, 40), viaFactory);
            Assert.AreEqual(1, s_factoryCalls);
            Assert.AreNotSame(password, s_factoryKey, "the factory gets a copy");
            foreach (byte b in s_factoryKey)
            {
                Assert.AreEqual(0, (int)b, "the copy is cleared afterwards");
            }

            CollectionAssert.AreEqual(TestBytes.Ascii("passwd"), password, "the caller's password is left alone");
        }

        [TestMethod]
        public void DeriveKey_NullFactoryMeansManaged_AndAFactoryReturningNullIsACallerMistake()
        {
            byte[] password = TestBytes.Ascii("pw");
            byte[] salt = TestBytes.Ascii("salt");

            CollectionAssert.AreEqual(Pbkdf2.DeriveKey(password, salt, 2, 32), Pbkdf2.DeriveKey(null, password, salt, 2, 32));
            Assert.ThrowsException(typeof(ArgumentNullException), () => Pbkdf2.DeriveKey(new HmacSha256Factory(NullFactory), password, salt, 2, 32));
            Assert.ThrowsException(typeof(ArgumentNullException), () => Pbkdf2.DeriveKey(new HmacSha256Factory(ManagedFactory), null, salt, 2, 32));
        }
    }
}
