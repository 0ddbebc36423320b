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

        [Fact]
        public void Compute_OutputMayAliasInput()
        {
            // Arrange
            byte[] key = { 1, 2, 3 };
            byte[] buffer = new byte[32];
            new Random(7).NextBytes(buffer);
            byte[] expected = System.Security.Cryptography.HMACSHA256.HashData(key, buffer);
            using var hmac = new HmacSha256(key);

            // Act
            hmac.Compute(buffer, 0, 32, buffer, 0);

            // Assert
            Assert.Equal(expected, buffer);
        }

        [Fact]
        public void Clear_MakesTheInstanceUnusable()
        {
            // Arrange
            var hmac = new HmacSha256(new byte[] { 9, 9, 9 });

            // Act
            hmac.Dispose();

            // Assert
            Assert.Throws<ObjectDisposedException>(() => hmac.Append(new byte[1], 0, 1));
            Assert.Throws<ObjectDisposedException>(() => hmac.Finish(new byte[32], 0));
            Assert.Throws<ObjectDisposedException>(() => hmac.Compute(new byte[1], 0, 1, new byte[32], 0));
        }

        [Fact]
        public void Constructor_KeyRangeOverloadUsesOnlyTheRange()
        {
            // Arrange
            byte[] buffer = { 0xEE, 0x4A, 0x65, 0x66, 0x65, 0xEE }; // "Jefe" inside
            byte[] data = System.Text.Encoding.ASCII.GetBytes("what do ya want for nothing?");
            byte[] tag = new byte[32];

            // Act
            using (var hmac = new HmacSha256(buffer, 1, 4))
            {
                hmac.Compute(data, 0, data.Length, tag, 0);
            }

            // Assert
            Assert.Equal(CryptoTestData.Find(File, "case2")[3], CryptoTestData.ToHex(tag));
        }

        [Fact]
        public void Compute_InvalidArgumentsThrow()
        {
            // Act + Assert
            Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => HmacSha256.Compute(null, new byte[1])).ParamName);
            Assert.Equal("data", Assert.Throws<ArgumentNullException>(() => HmacSha256.Compute(new byte[1], null)).ParamName);
            Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => HmacSha256.Compute(new byte[1], new byte[2], 1, 2)).ParamName);
            Assert.Equal("keyCount", Assert.Throws<ArgumentOutOfRangeException>(() => new HmacSha256(new byte[4], 2, 3)).ParamName);
        }
    }
}
