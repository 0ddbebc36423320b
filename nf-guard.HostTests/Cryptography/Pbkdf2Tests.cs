// Copyright (c) NetGuard contributors. MIT licence.

#nullable disable // these tests pass null on purpose to check argument validation
using System.Collections.Generic;
using NetGuard.Cryptography;
using DotNetPbkdf2 = System.Security.Cryptography.Rfc2898DeriveBytes;
using HashAlgorithmName = System.Security.Cryptography.HashAlgorithmName;

namespace NetGuard.HostTests.Cryptography
{
    public class Pbkdf2Tests
    {
        private const string File = "pbkdf2-hmac-sha256.txt";

        public static IEnumerable<object[]> VectorNames => CryptoTestData.Names(File);

        [Theory]
        [MemberData(nameof(VectorNames))]
        public void DeriveKey_MatchesPublishedVector(string name)
        {
            // Arrange
            string[] v = CryptoTestData.Find(File, name);
            byte[] password = CryptoTestData.Hex(v[1]);
            byte[] salt = CryptoTestData.Hex(v[2]);
            int iterations = int.Parse(v[3]);
            int length = v[4].Length / 2;

            // Act
            byte[] key = Pbkdf2.DeriveKey(password, salt, iterations, length);

            // Assert
            Assert.Equal(v[4], CryptoTestData.ToHex(key));
            Assert.Equal(v[4], CryptoTestData.ToHex(DotNetPbkdf2.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, length)));
        }

        [Fact]
        public void DeriveKey_MatchesDotNetOnRandomInputs()
        {
            // Arrange
            var random = new Random(12345);
            for (int i = 0; i < 300; i++)
            {
                byte[] password = new byte[random.Next(0, 100)];
                byte[] salt = new byte[random.Next(0, 70)];
                random.NextBytes(password);
                random.NextBytes(salt);
                int iterations = random.Next(1, 50);
                int length = random.Next(1, 100);

                // Act
                byte[] key = Pbkdf2.DeriveKey(password, salt, iterations, length);

                // Assert
                Assert.Equal(DotNetPbkdf2.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, length), key);
            }
        }

        [Fact]
        public void DeriveKey_WithPluggedHmacMatchesManaged()
        {
            // Arrange: an adapter shaped like the device one, over a ComputeHash(byte[])-only HMAC.
            byte[] password = System.Text.Encoding.UTF8.GetBytes("correct horse battery staple");
            byte[] salt = { 1, 2, 3, 4, 5, 6, 7, 8 };
            byte[] viaAdapter = new byte[70];
            using var adapter = new ComputeHashOnlyAdapter(password);

            // Act
            Pbkdf2.DeriveKey(adapter, salt, 100, viaAdapter, 3, 65);

            // Assert
            Assert.Equal(Pbkdf2.DeriveKey(password, salt, 100, 65), viaAdapter.AsSpan(3, 65).ToArray());
            Assert.Equal(0, viaAdapter[0]);
            Assert.Equal(0, viaAdapter[69]);
            Assert.True(adapter.AlwaysWholeArrays);
        }

        /// <summary>Mimics a device adapter over nanoFramework's native HMACSHA256, which only has ComputeHash(byte[]).</summary>
        private sealed class ComputeHashOnlyAdapter : IHmacSha256, IDisposable
        {
            private readonly System.Security.Cryptography.HMACSHA256 _native;

            public ComputeHashOnlyAdapter(byte[] key)
            {
                _native = new System.Security.Cryptography.HMACSHA256((byte[])key.Clone());
            }

            public bool AlwaysWholeArrays { get; private set; } = true;

            public void Compute(byte[] data, int offset, int count, byte[] output, int outputOffset)
            {
                if (offset != 0 || count != data.Length || ReferenceEquals(data, output))
                {
                    AlwaysWholeArrays = false;
                }

                byte[] tag = _native.ComputeHash(data);
                Array.Copy(tag, 0, output, outputOffset, tag.Length);
            }

            public void Dispose()
            {
                _native.Dispose();
            }
        }
    }
}
