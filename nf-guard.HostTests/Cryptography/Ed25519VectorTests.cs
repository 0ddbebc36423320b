// Copyright (c) NetGuard contributors. MIT licence.

#nullable disable // these tests pass null on purpose to check argument validation
using NetGuard.Cryptography;
using BcEd25519 = Org.BouncyCastle.Math.EC.Rfc8032.Ed25519;

namespace NetGuard.HostTests.Cryptography
{
    public class Ed25519VectorTests
    {
        private const string File = "ed25519.txt";

        public static IEnumerable<object[]> VectorNames => CryptoTestData.Names(File);

        [Theory]
        [MemberData(nameof(VectorNames))]
        public void Verify_AcceptsRfc8032Vector(string name)
        {
            // Arrange
            string[] v = CryptoTestData.Find(File, name);
            byte[] publicKey = CryptoTestData.Hex(v[2]);
            byte[] message = CryptoTestData.Hex(v[3]);
            byte[] signature = CryptoTestData.Hex(v[4]);

            // Act
            bool valid = Ed25519.Verify(publicKey, message, signature);

            // Assert
            Assert.True(valid);
        }

        [Theory]
        [MemberData(nameof(VectorNames))]
        public void Vector_IsReproducedByBouncyCastle(string name)
        {
            // Arrange: a second, independent source for the vector file (public key and signature from the seed).
            string[] v = CryptoTestData.Find(File, name);
            byte[] secretKey = CryptoTestData.Hex(v[1]);
            byte[] message = CryptoTestData.Hex(v[3]);
            byte[] publicKey = new byte[32];
            byte[] signature = new byte[64];

            // Act
            BcEd25519.GeneratePublicKey(secretKey, 0, publicKey, 0);
            BcEd25519.Sign(secretKey, 0, message, 0, message.Length, signature, 0);

            // Assert
            Assert.Equal(v[2], CryptoTestData.ToHex(publicKey));
            Assert.Equal(v[4], CryptoTestData.ToHex(signature));
        }

        [Theory]
        [MemberData(nameof(VectorNames))]
        public void Verify_OffsetOverloadAcceptsVectorInsideLargerArrays(string name)
        {
            // Arrange
            string[] v = CryptoTestData.Find(File, name);
            byte[] publicKey = Embed(CryptoTestData.Hex(v[2]), 3, 5);
            byte[] message = Embed(CryptoTestData.Hex(v[3]), 7, 2);
            byte[] signature = Embed(CryptoTestData.Hex(v[4]), 1, 9);

            // Act
            bool valid = Ed25519.Verify(publicKey, 3, message, 7, message.Length - 9, signature, 1);

            // Assert
            Assert.True(valid);
        }

        private static byte[] Embed(byte[] value, int before, int after)
        {
            byte[] result = new byte[before + value.Length + after];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = 0xA5;
            }

            System.Array.Copy(value, 0, result, before, value.Length);
            return result;
        }
    }
}
