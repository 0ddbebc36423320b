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
        public void Hash_OffsetOverload_HashesOnlyTheRange()
        {
            byte[] buffer = { 0xFF, 0x61, 0x62, 0x63, 0xFF };

            CollectionAssert.AreEqual(Sha256.Hash(TestBytes.Ascii("abc")), Sha256.Hash(buffer, 1, 3));
            CollectionAssert.AreEqual(Sha512.Hash(TestBytes.Ascii("abc")), Sha512.Hash(buffer, 1, 3));
        }

        [TestMethod]
        public void Reset_DiscardsAppendedData()
        {
            Sha256 hash = new Sha256();
            hash.Append(new byte[] { 1, 2, 3 }, 0, 3);
            byte[] digest = new byte[Sha256.HashSize];

            hash.Reset();
            hash.Finish(digest, 0);

            CollectionAssert.AreEqual(TestBytes.Hex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"), digest);
        }

        [TestMethod]
        public void Hash_InvalidArguments_ThrowNamingTheParameter()
        {
            NetworkTestKit.ThrowsNull("data", () => Sha256.Hash(null));
            NetworkTestKit.ThrowsNull("data", () => Sha512.Hash(null, 0, 0));
            NetworkTestKit.ThrowsOutOfRange("offset", () => Sha256.Hash(new byte[4], 5, 0));
            NetworkTestKit.ThrowsOutOfRange("offset", () => Sha512.Hash(new byte[4], -1, 1));
            NetworkTestKit.ThrowsOutOfRange("count", () => Sha256.Hash(new byte[4], 1, 4));
            NetworkTestKit.ThrowsOutOfRange("count", () => Sha512.Hash(new byte[4], 0, -1));
            NetworkTestKit.ThrowsOutOfRange("outputOffset", () => new Sha256().Finish(new byte[40], 9));
            NetworkTestKit.ThrowsNull("output", () => new Sha512().Finish(null, 0));
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
