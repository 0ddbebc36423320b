// Copyright (c) NetGuard contributors. MIT licence.

#nullable disable // these tests pass null on purpose to check argument validation
using System.Numerics;
using NetGuard.Cryptography;
using BcEd25519 = Org.BouncyCastle.Math.EC.Rfc8032.Ed25519;

namespace NetGuard.HostTests.Cryptography
{
    /// <summary>Reject twins of the RFC 8032 vectors: every accepted signature is mutated and must fail.</summary>
    public class Ed25519RejectTests
    {
        private static readonly BigInteger P = BigInteger.Pow(2, 255) - 19;
        private static readonly BigInteger L = BigInteger.Pow(2, 252) + BigInteger.Parse("27742317777372353535851937790883648493");

        private static (byte[] PublicKey, byte[] Message, byte[] Signature) Vector(string name)
        {
            string[] v = CryptoTestData.Find("ed25519.txt", name);
            return (CryptoTestData.Hex(v[2]), CryptoTestData.Hex(v[3]), CryptoTestData.Hex(v[4]));
        }

        [Theory]
        [InlineData("TEST 1")]
        [InlineData("TEST 2")]
        [InlineData("TEST 3")]
        [InlineData("TEST SHA(abc)")]
        public void Verify_RejectsSignatureWithFlippedBit(string name)
        {
            // Arrange
            var (publicKey, message, signature) = Vector(name);

            for (int bit = 0; bit < signature.Length * 8; bit++)
            {
                byte[] mutated = (byte[])signature.Clone();
                mutated[bit / 8] ^= (byte)(1 << (bit % 8));

                // Act
                bool valid = Ed25519.Verify(publicKey, message, mutated);

                // Assert
                Assert.False(valid, "signature bit " + bit);
            }
        }

        [Theory]
        [InlineData("TEST 1")]
        [InlineData("TEST 2")]
        [InlineData("TEST 3")]
        public void Verify_RejectsSignatureWithFlippedByte(string name)
        {
            // Arrange
            var (publicKey, message, signature) = Vector(name);

            for (int i = 0; i < signature.Length; i++)
            {
                byte[] mutated = (byte[])signature.Clone();
                mutated[i] ^= 0xFF;

                // Act
                bool valid = Ed25519.Verify(publicKey, message, mutated);

                // Assert
                Assert.False(valid, "signature byte " + i);
            }
        }

        [Theory]
        [InlineData("TEST 1")]
        [InlineData("TEST 2")]
        [InlineData("TEST SHA(abc)")]
        public void Verify_RejectsPublicKeyWithFlippedBit(string name)
        {
            // Arrange
            var (publicKey, message, signature) = Vector(name);

            for (int bit = 0; bit < publicKey.Length * 8; bit++)
            {
                byte[] mutated = (byte[])publicKey.Clone();
                mutated[bit / 8] ^= (byte)(1 << (bit % 8));

                // Act
                bool valid = Ed25519.Verify(mutated, message, signature);

                // Assert
                Assert.False(valid, "public key bit " + bit);
            }
        }

        [Theory]
        [InlineData("TEST 2")]
        [InlineData("TEST 3")]
        [InlineData("TEST 1024")]
        [InlineData("TEST SHA(abc)")]
        public void Verify_RejectsMessageWithFlippedBit(string name)
        {
            // Arrange
            var (publicKey, message, signature) = Vector(name);
            int bits = Math.Min(message.Length * 8, 256); // TEST 1024: the first 32 bytes are enough

            for (int bit = 0; bit < bits; bit++)
            {
                byte[] mutated = (byte[])message.Clone();
                mutated[bit / 8] ^= (byte)(1 << (bit % 8));

                // Act
                bool valid = Ed25519.Verify(publicKey, mutated, signature);

                // Assert
                Assert.False(valid, "message bit " + bit);
            }
        }

        [Fact]
        public void Verify_RejectsAppendedOrTruncatedMessage()
        {
            // Arrange
            var (publicKey, message, signature) = Vector("TEST 3");
            byte[] longer = new byte[message.Length + 1];
            Array.Copy(message, longer, message.Length);
            byte[] shorter = new byte[message.Length - 1];
            Array.Copy(message, shorter, shorter.Length);

            // Act + Assert
            Assert.False(Ed25519.Verify(publicKey, longer, signature));
            Assert.False(Ed25519.Verify(publicKey, shorter, signature));
        }

        [Fact]
        public void Verify_RejectsSPlusL()
        {
            // Arrange: S + L satisfies the group equation too; RFC 8032 5.1.7 requires S < L.
            var (publicKey, message, signature) = Vector("TEST 1");
            byte[] mutated = WithScalar(signature, ReadScalar(signature) + L);

            // Act
            bool valid = Ed25519.Verify(publicKey, message, mutated);

            // Assert
            Assert.False(valid);
            Assert.False(BcEd25519.Verify(mutated, 0, publicKey, 0, message, 0, message.Length));
        }

        [Fact]
        public void Verify_RejectsSEqualToL()
        {
            // Arrange
            var (publicKey, message, signature) = Vector("TEST 2");
            byte[] mutated = WithScalar(signature, L);

            // Act
            bool valid = Ed25519.Verify(publicKey, message, mutated);

            // Assert
            Assert.False(valid);
        }

        [Fact]
        public void Verify_RejectsSWithTopBitsSet()
        {
            // Arrange
            var (publicKey, message, signature) = Vector("TEST 2");
            byte[] mutated = (byte[])signature.Clone();
            mutated[63] |= 0xE0;

            // Act + Assert
            Assert.False(Ed25519.Verify(publicKey, message, mutated));
        }

        [Fact]
        public void Verify_RejectsNonCanonicalR()
        {
            // Arrange: R = the neutral element encoded non-canonically (y = p + 1 instead of 1).
            var (publicKey, message, signature) = Vector("TEST 1");
            byte[] mutated = (byte[])signature.Clone();
            byte[] y = EncodeField(P + 1);
            Array.Copy(y, 0, mutated, 0, 32);

            // Act + Assert
            Assert.False(Ed25519.Verify(publicKey, message, mutated));
            Assert.False(BcEd25519.Verify(mutated, 0, publicKey, 0, message, 0, message.Length));
        }

        [Fact]
        public void Verify_RejectsEveryNonCanonicalR()
        {
            // Arrange: all 19 non-canonical y values (p .. p + 18) as R, with alternating sign bits.
            var (publicKey, message, signature) = Vector("TEST 1");
            for (int t = 0; t < 19; t++)
            {
                byte[] mutated = (byte[])signature.Clone();
                Array.Copy(EncodeField(P + t), 0, mutated, 0, 32);
                mutated[31] |= (byte)(t % 2 == 0 ? 0x00 : 0x80);

                // Act + Assert
                Assert.False(Ed25519.Verify(publicKey, message, mutated), "y = p + " + t);
            }
        }

        [Fact]
        public void Verify_RejectsNonCanonicalPublicKey()
        {
            // Arrange: every y in [p, 2^255) with both sign bits.
            var (_, message, signature) = Vector("TEST 1");
            for (int t = 0; t < 19; t++)
            {
                for (int sign = 0; sign < 2; sign++)
                {
                    byte[] publicKey = EncodeField(P + t);
                    publicKey[31] |= (byte)(sign << 7);

                    // Act
                    bool valid = Ed25519.Verify(publicKey, message, signature);

                    // Assert
                    Assert.False(valid, "y = p + " + t + ", sign " + sign);
                }
            }
        }

        [Theory]
        [InlineData("0100000000000000000000000000000000000000000000000000000000000000")] // neutral element
        [InlineData("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")] // order 2: (0, -1)
        [InlineData("0000000000000000000000000000000000000000000000000000000000000000")] // order 4, y = 0
        [InlineData("0000000000000000000000000000000000000000000000000000000000000080")] // order 4, other x
        [InlineData("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a")] // order 8
        [InlineData("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa")] // order 8
        [InlineData("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05")] // order 8
        [InlineData("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85")] // order 8
        public void Verify_RejectsSmallOrderPublicKey(string publicKeyHex)
        {
            // Arrange: with A small-order, [k]A is small-order too, so R = [S]B satisfies [S]B = R + [k]A for every
            // message whenever [k]A = 0 (always for the neutral A). Decision: reject all eight torsion points, whatever
            // the signature, as BouncyCastle 2.7 does.
            byte[] publicKey = CryptoTestData.Hex(publicKeyHex);
            byte[] message = { 1, 2, 3 };
            byte[] signature = new byte[64];
            byte[] sScalar = new byte[32];
            sScalar[0] = 5;
            Array.Copy(sScalar, 0, signature, 32, 32);
            ScalarMultBase(sScalar, signature);                  // R = [S]B so that the equation holds when [k]A = 0 or small

            // Act
            bool ours = Ed25519.Verify(publicKey, message, signature);
            bool bouncyCastle = BcEd25519.Verify(signature, 0, publicKey, 0, message, 0, message.Length);

            // Assert
            Assert.False(ours);
            Assert.Equal(bouncyCastle, ours);
        }

        [Fact]
        public void Verify_RejectsPublicKeyNotOnCurve()
        {
            // Arrange: y = 2 gives (y^2 - 1) / (d y^2 + 1) with no square root (checked independently below).
            var (_, message, signature) = Vector("TEST 1");
            byte[] publicKey = EncodeField(2);
            Assert.False(HasSquareRoot(2));

            // Act + Assert
            Assert.False(Ed25519.Verify(publicKey, message, signature));
        }

        [Fact]
        public void Verify_RejectsWrongLengths()
        {
            // Arrange
            var (publicKey, message, signature) = Vector("TEST 2");

            // Act + Assert
            Assert.False(Ed25519.Verify(new byte[31], message, signature));
            Assert.False(Ed25519.Verify(new byte[33], message, signature));
            Assert.False(Ed25519.Verify(publicKey, message, new byte[63]));
            Assert.False(Ed25519.Verify(publicKey, message, new byte[65]));
            Assert.False(Ed25519.Verify(publicKey, message, new byte[0]));
            byte[] longerSignature = new byte[65];
            Array.Copy(signature, longerSignature, 64);
            Assert.False(Ed25519.Verify(publicKey, message, longerSignature));
        }

        [Fact]
        public void Verify_NullArgumentsThrow()
        {
            // Arrange
            var (publicKey, message, signature) = Vector("TEST 2");

            // Act + Assert
            Assert.Equal("publicKey", Assert.Throws<ArgumentNullException>(() => Ed25519.Verify(null, message, signature)).ParamName);
            Assert.Equal("message", Assert.Throws<ArgumentNullException>(() => Ed25519.Verify(publicKey, null, signature)).ParamName);
            Assert.Equal("signature", Assert.Throws<ArgumentNullException>(() => Ed25519.Verify(publicKey, message, null)).ParamName);
            Assert.Throws<ArgumentNullException>(() => Ed25519.Verify(null, 0, message, 0, 1, signature, 0));
            Assert.Throws<ArgumentNullException>(() => Ed25519.Verify(publicKey, 0, null, 0, 0, signature, 0));
            Assert.Throws<ArgumentNullException>(() => Ed25519.Verify(publicKey, 0, message, 0, 1, null, 0));
        }

        [Fact]
        public void Verify_OffsetRangesThatDoNotFitThrow()
        {
            // Arrange
            var (publicKey, message, signature) = Vector("TEST 2");

            // Act + Assert
            Assert.Equal("publicKeyOffset", Assert.Throws<ArgumentOutOfRangeException>(() => Ed25519.Verify(publicKey, 1, message, 0, 1, signature, 0)).ParamName);
            Assert.Equal("publicKeyOffset", Assert.Throws<ArgumentOutOfRangeException>(() => Ed25519.Verify(publicKey, -1, message, 0, 1, signature, 0)).ParamName);
            Assert.Equal("messageCount", Assert.Throws<ArgumentOutOfRangeException>(() => Ed25519.Verify(publicKey, 0, message, 0, 2, signature, 0)).ParamName);
            Assert.Equal("messageOffset", Assert.Throws<ArgumentOutOfRangeException>(() => Ed25519.Verify(publicKey, 0, message, -1, 1, signature, 0)).ParamName);
            Assert.Equal("messageCount", Assert.Throws<ArgumentOutOfRangeException>(() => Ed25519.Verify(publicKey, 0, message, 0, -1, signature, 0)).ParamName);
            Assert.Equal("signatureOffset", Assert.Throws<ArgumentOutOfRangeException>(() => Ed25519.Verify(publicKey, 0, message, 0, 1, signature, 1)).ParamName);
            Assert.Equal("signatureOffset", Assert.Throws<ArgumentOutOfRangeException>(() => Ed25519.Verify(publicKey, 0, message, 0, 1, new byte[63], 0)).ParamName);
        }

        private static BigInteger ReadScalar(byte[] signature)
        {
            return new BigInteger(signature.AsSpan(32, 32), isUnsigned: true, isBigEndian: false);
        }

        private static byte[] WithScalar(byte[] signature, BigInteger s)
        {
            byte[] result = (byte[])signature.Clone();
            byte[] bytes = s.ToByteArray(isUnsigned: true, isBigEndian: false);
            Array.Clear(result, 32, 32);
            Array.Copy(bytes, 0, result, 32, Math.Min(bytes.Length, 32));
            return result;
        }

        private static byte[] EncodeField(BigInteger value)
        {
            byte[] result = new byte[32];
            byte[] bytes = value.ToByteArray(isUnsigned: true, isBigEndian: false);
            Array.Copy(bytes, result, Math.Min(bytes.Length, 32));
            return result;
        }

        private static bool HasSquareRoot(BigInteger y)
        {
            BigInteger d = (P - 121665 * BigInteger.ModPow(121666, P - 2, P)) % P;
            BigInteger u = (y * y - 1 + P) % P;
            BigInteger v = (d * y * y + 1) % P;
            BigInteger x2 = u * BigInteger.ModPow(v, P - 2, P) % P;
            return x2 == 0 || BigInteger.ModPow(x2, (P - 1) / 2, P) == 1;
        }

        /// <summary>Writes the encoding of [s]B into signature[0..32), computed with the BigInteger reference below.</summary>
        private static void ScalarMultBase(byte[] s, byte[] signature)
        {
            BigInteger scalar = new BigInteger(s, isUnsigned: true, isBigEndian: false);
            (BigInteger x, BigInteger y) = ReferenceScalarMult(scalar);
            byte[] encoded = EncodeField(y);
            if (!x.IsEven)
            {
                encoded[31] |= 0x80;
            }

            Array.Copy(encoded, 0, signature, 0, 32);
        }

        /// <summary>A slow, obviously-correct affine double-and-add over BigInteger (RFC 8032 5.1.4 formulas).</summary>
        internal static (BigInteger X, BigInteger Y) ReferenceScalarMult(BigInteger scalar)
        {
            BigInteger d = (P - 121665 * BigInteger.ModPow(121666, P - 2, P)) % P;
            BigInteger by = 4 * BigInteger.ModPow(5, P - 2, P) % P;
            BigInteger bx = BigInteger.Parse("15112221349535400772501151409588531511454012693041857206046113283949847762202");
            (BigInteger X, BigInteger Y) acc = (0, 1);
            (BigInteger X, BigInteger Y) q = (bx, by);
            while (scalar > 0)
            {
                if (!scalar.IsEven)
                {
                    acc = AffineAdd(acc, q, d);
                }

                q = AffineAdd(q, q, d);
                scalar >>= 1;
            }

            return acc;
        }

        private static (BigInteger X, BigInteger Y) AffineAdd((BigInteger X, BigInteger Y) a, (BigInteger X, BigInteger Y) b, BigInteger d)
        {
            BigInteger t = d * a.X % P * b.X % P * a.Y % P * b.Y % P;
            BigInteger x = (a.X * b.Y + b.X * a.Y) % P * BigInteger.ModPow((1 + t) % P, P - 2, P) % P;
            BigInteger y = (a.Y * b.Y + a.X * b.X) % P * BigInteger.ModPow((1 - t + P) % P, P - 2, P) % P;
            return (x, y);
        }
    }
}
