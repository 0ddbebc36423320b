// Copyright (c) NetGuard contributors. MIT licence.

#nullable disable // these tests pass null on purpose to check argument validation
using System.Collections.Generic;
using NetGuard.Cryptography;

namespace NetGuard.HostTests.Cryptography
{
    public class HmacSha256Tests
    {
        private const string File = "hmac-sha256.txt";

        public static IEnumerable<object[]> CaseNames => CryptoTestData.Names(File);

        [Theory]
        [MemberData(nameof(CaseNames))]
        public void Compute_MatchesRfc4231TestCase(string name)
        {
            // Arrange
            string[] v = CryptoTestData.Find(File, name);
            byte[] key = CryptoTestData.Hex(v[1]);
            byte[] data = CryptoTestData.Hex(v[2]);

            // Act
            byte[] tag = HmacSha256.Compute(key, data, 0, data.Length);

            // Assert (case 5 lists only the first 128 bits)
            Assert.StartsWith(v[3], CryptoTestData.ToHex(tag));
            Assert.StartsWith(v[3], CryptoTestData.ToHex(System.Security.Cryptography.HMACSHA256.HashData(key, data)));
        }

        [Fact]
        public void Compute_MatchesDotNetOnRandomKeysAndMessages()
        {
            // Arrange
            var random = new Random(12345);
            int[] keyLengths = { 0, 1, 31, 32, 33, 63, 64, 65, 100, 128, 200 };
            for (int i = 0; i < 2000; i++)
            {
                byte[] key = new byte[i < 1000 ? keyLengths[i % keyLengths.Length] : random.Next(0, 300)];
                byte[] data = new byte[random.Next(0, 300)];
                random.NextBytes(key);
                random.NextBytes(data);

                // Act
                byte[] tag = HmacSha256.Compute(key, data);

                // Assert
                Assert.Equal(System.Security.Cryptography.HMACSHA256.HashData(key, data), tag);
            }
        }

        [Fact]
        public void Instance_ReusedAcrossMessagesWithRandomChunking()
        {
            // Arrange
            var random = new Random(54321);
            byte[] key = new byte[40];
            random.NextBytes(key);
            byte[] tag = new byte[32];
            using var hmac = new HmacSha256(key);

            for (int i = 0; i < 500; i++)
            {
                byte[] data = new byte[random.Next(0, 400)];
                random.NextBytes(data);

                // Act
                int position = 0;
                while (position < data.Length)
                {
                    int chunk = Math.Min(random.Next(0, 100), data.Length - position);
                    hmac.Append(data, position, chunk);
                    position += chunk;
                }

                hmac.Finish(tag, 0);

                // Assert
                Assert.Equal(System.Security.Cryptography.HMACSHA256.HashData(key, data), tag);
            }
        }
    }
}
