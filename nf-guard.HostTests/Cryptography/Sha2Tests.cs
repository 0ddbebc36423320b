// Copyright (c) NetGuard contributors. MIT licence.

#nullable disable // these tests pass null on purpose to check argument validation
using System.Collections.Generic;
using NetGuard.Cryptography;
using Org.BouncyCastle.Crypto.Digests;

namespace NetGuard.HostTests.Cryptography
{
    /// <summary>SHA-256 and SHA-512: FIPS 180-4 vectors, cross-checks against .NET and BouncyCastle, incremental use.</summary>
    public class Sha2Tests
    {
        private const int Seed = 12345;

        public static IEnumerable<object[]> Sha256Names => CryptoTestData.Names("sha256.txt");

        public static IEnumerable<object[]> Sha512Names => CryptoTestData.Names("sha512.txt");

        [Theory]
        [MemberData(nameof(Sha256Names))]
        public void Sha256Hash_MatchesFips180Vector(string name)
        {
            // Arrange
            string[] v = CryptoTestData.Find("sha256.txt", name);
            byte[] message = Message(v);

            // Act
            byte[] digest = Sha256.Hash(message);

            // Assert
            Assert.Equal(v[v.Length - 1], CryptoTestData.ToHex(digest));
            Assert.Equal(v[v.Length - 1], CryptoTestData.ToHex(System.Security.Cryptography.SHA256.HashData(message)));
            Assert.Equal(v[v.Length - 1], CryptoTestData.ToHex(BouncyCastleDigest(new Sha256Digest(), message)));
        }

        [Theory]
        [MemberData(nameof(Sha512Names))]
        public void Sha512Hash_MatchesFips180Vector(string name)
        {
            // Arrange
            string[] v = CryptoTestData.Find("sha512.txt", name);
            byte[] message = Message(v);

            // Act
            byte[] digest = Sha512.Hash(message);

            // Assert
            Assert.Equal(v[v.Length - 1], CryptoTestData.ToHex(digest));
            Assert.Equal(v[v.Length - 1], CryptoTestData.ToHex(System.Security.Cryptography.SHA512.HashData(message)));
            Assert.Equal(v[v.Length - 1], CryptoTestData.ToHex(BouncyCastleDigest(new Sha512Digest(), message)));
        }

        [Fact]
        public void Sha256Hash_MatchesDotNetOnRandomInputs()
        {
            // Arrange
            var random = new Random(Seed);
            foreach (int length in Lengths(random))
            {
                byte[] message = new byte[length];
                random.NextBytes(message);

                // Act
                byte[] digest = Sha256.Hash(message);

                // Assert
                Assert.Equal(System.Security.Cryptography.SHA256.HashData(message), digest);
            }
        }

        [Fact]
        public void Sha512Hash_MatchesDotNetOnRandomInputs()
        {
            // Arrange
            var random = new Random(Seed + 1);
            foreach (int length in Lengths(random))
            {
                byte[] message = new byte[length];
                random.NextBytes(message);

                // Act
                byte[] digest = Sha512.Hash(message);

                // Assert
                Assert.Equal(System.Security.Cryptography.SHA512.HashData(message), digest);
            }
        }

        [Fact]
        public void Sha256Append_RandomChunkingEqualsOneShot()
        {
            // Arrange
            var random = new Random(Seed + 2);
            var hash = new Sha256();
            byte[] digest = new byte[Sha256.HashSize + 3];
            for (int i = 0; i < 1000; i++)
            {
                byte[] message = new byte[random.Next(0, 400)];
                random.NextBytes(message);

                // Act: the same instance is reused, relying on Finish resetting it.
                int position = 0;
                while (position < message.Length)
                {
                    int chunk = Math.Min(random.Next(0, 140), message.Length - position);
                    hash.Append(message, position, chunk);
                    position += chunk;
                }

                hash.Finish(digest, 3);

                // Assert
                Assert.Equal(Sha256.Hash(message), digest.AsSpan(3).ToArray());
            }
        }

        [Fact]
        public void Sha512Append_RandomChunkingEqualsOneShot()
        {
            // Arrange
            var random = new Random(Seed + 3);
            var hash = new Sha512();
            byte[] digest = new byte[Sha512.HashSize];
            for (int i = 0; i < 1000; i++)
            {
                byte[] message = new byte[random.Next(0, 600)];
                random.NextBytes(message);

                // Act
                int position = 0;
                while (position < message.Length)
                {
                    int chunk = Math.Min(random.Next(0, 260), message.Length - position);
                    hash.Append(message, position, chunk);
                    position += chunk;
                }

                hash.Finish(digest, 0);

                // Assert
                Assert.Equal(System.Security.Cryptography.SHA512.HashData(message), digest);
            }
        }

        /// <summary>Lengths 0..300 plus many around the 56/64 and 112/128 padding boundaries.</summary>
        private static IEnumerable<int> Lengths(Random random)
        {
            for (int length = 0; length <= 300; length++)
            {
                yield return length;
            }

            int[] boundaries = { 55, 56, 63, 64, 65, 111, 112, 119, 120, 127, 128, 129, 183, 184, 191, 192, 239, 240, 255, 256 };
            for (int i = 0; i < 2000; i++)
            {
                yield return boundaries[random.Next(boundaries.Length)] + (random.Next(3) - 1);
            }

            for (int i = 0; i < 200; i++)
            {
                yield return random.Next(300, 5000);
            }
        }

        private static byte[] Message(string[] v)
        {
            if (v[1] == "repeat")
            {
                // A generated message (the one-million 'a' vector): byte v[2] repeated v[3] times.
                byte[] message = new byte[int.Parse(v[3])];
                Array.Fill(message, Convert.FromHexString(v[2])[0]);
                return message;
            }

            return CryptoTestData.Hex(v[2]);
        }

        private static byte[] BouncyCastleDigest(Org.BouncyCastle.Crypto.IDigest digest, byte[] message)
        {
            digest.BlockUpdate(message, 0, message.Length);
            byte[] output = new byte[digest.GetDigestSize()];
            digest.DoFinal(output, 0);
            return output;
        }
    }
}
