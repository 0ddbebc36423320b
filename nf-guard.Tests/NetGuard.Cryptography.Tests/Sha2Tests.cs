// Copyright (c) NetGuard contributors. MIT licence.

using System;
using nanoFramework.TestFramework;
using NetGuard.Testing;

namespace NetGuard.Cryptography.Tests
{
    [TestClass]
    public class Sha2Tests
    {
        [TestMethod]
        public void Sha256Hash_Abc_MatchesFips180Example()
        {
            // Arrange: FIPS 180-4 / NIST CSRC example "SHA256.pdf", one-block message "abc".
            byte[] expected = TestBytes.Hex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

            // Act
            byte[] digest = Sha256.Hash(TestBytes.Ascii("abc"));

            // Assert
            CollectionAssert.AreEqual(expected, digest);
        }

        [TestMethod]
        public void Sha256Hash_Empty_MatchesFips180Value()
        {
            // Arrange: SHA-256 of the empty message (NIST CSRC examples).
            byte[] expected = TestBytes.Hex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

            // Act
            byte[] digest = Sha256.Hash(new byte[0]);

            // Assert
            CollectionAssert.AreEqual(expected, digest);
        }

        [TestMethod]
        public void Sha512Hash_Abc_MatchesFips180Example()
        {
            // Arrange: FIPS 180-4 / NIST CSRC example "SHA512.pdf", one-block message "abc".
            byte[] expected = TestBytes.Hex(
                "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");

            // Act
            byte[] digest = Sha512.Hash(TestBytes.Ascii("abc"));

            // Assert
            CollectionAssert.AreEqual(expected, digest);
        }

        [TestMethod]
        public void Sha256Append_ChunkedEqualsOneShotAcrossBlockBoundaries()
        {
            // Arrange: lengths around the 55/56/64 padding boundaries, split at every position.
            int[] lengths = { 0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 200 };
            byte[] digest = new byte[Sha256.HashSize];
            Sha256 hash = new Sha256();
            for (int l = 0; l < lengths.Length; l++)
            {
                byte[] message = Pattern(lengths[l]);
                byte[] expected = Sha256.Hash(message);
                for (int split = 0; split <= message.Length; split += 7)
                {
                    // Act
                    hash.Append(message, 0, split);
                    hash.Append(message, split, message.Length - split);
                    hash.Finish(digest, 0);

                    // Assert
                    CollectionAssert.AreEqual(expected, digest);
                }
            }
        }

        [TestMethod]
        public void Sha512Append_ChunkedEqualsOneShotAcrossBlockBoundaries()
        {
            // Arrange: lengths around the 111/112/128 padding boundaries.
            int[] lengths = { 0, 1, 111, 112, 113, 127, 128, 129, 250 };
            byte[] digest = new byte[Sha512.HashSize];
            Sha512 hash = new Sha512();
            for (int l = 0; l < lengths.Length; l++)
            {
                byte[] message = Pattern(lengths[l]);
                byte[] expected = Sha512.Hash(message);
                for (int split = 0; split <= message.Length; split += 13)
                {
                    // Act
                    hash.Append(message, 0, split);
                    hash.Append(message, split, message.Length - split);
                    hash.Finish(digest, 0);

                    // Assert
                    CollectionAssert.AreEqual(expected, digest);
                }
            }
        }

        [TestMethod]
        public void Hash_NullDataThrows()
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => Sha256.Hash(null));
            Assert.ThrowsException(typeof(ArgumentNullException), () => Sha512.Hash(null));
        }

        [TestMethod]
        public void Hash_RangeOutsideArrayThrows()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Sha256.Hash(new byte[4], 2, 3));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Sha512.Hash(new byte[4], -1, 1));
        }

        private static byte[] Pattern(int length)
        {
            byte[] message = new byte[length];
            for (int i = 0; i < length; i++)
            {
                message[i] = (byte)((i * 31) + 7);
            }

            return message;
        }
    }
}
