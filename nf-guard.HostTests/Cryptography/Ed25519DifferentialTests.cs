// Copyright (c) NetGuard contributors. MIT licence.

#nullable disable // these tests pass null on purpose to check argument validation
using NetGuard.Cryptography;
using BcEd25519 = Org.BouncyCastle.Math.EC.Rfc8032.Ed25519;

namespace NetGuard.HostTests.Cryptography
{
    /// <summary>Differential tests against BouncyCastle 2.7 with a fixed seed.</summary>
    public class Ed25519DifferentialTests
    {
        private const int Seed = 12345;

        [Fact]
        public void Verify_AcceptsSignaturesMadeByBouncyCastle()
        {
            // Arrange
            var random = new Random(Seed);
            byte[] secretKey = new byte[32];
            byte[] publicKey = new byte[32];
            byte[] signature = new byte[64];

            for (int i = 0; i < 2000; i++)
            {
                random.NextBytes(secretKey);
                byte[] message = new byte[random.Next(0, 300)];
                random.NextBytes(message);
                BcEd25519.GeneratePublicKey(secretKey, 0, publicKey, 0);
                BcEd25519.Sign(secretKey, 0, message, 0, message.Length, signature, 0);

                // Act
                bool valid = Ed25519.Verify(publicKey, message, signature);

                // Assert
                Assert.True(valid, "signature " + i);
            }
        }

        [Fact]
        public void Verify_AgreesWithBouncyCastleOnMutatedInputs()
        {
            // Arrange
            var random = new Random(Seed + 1);
            byte[] secretKey = new byte[32];
            byte[] publicKey = new byte[32];
            byte[] signature = new byte[64];
            int accepted = 0;
            int cases = 0;

            for (int i = 0; i < 1500; i++)
            {
                random.NextBytes(secretKey);
                byte[] message = new byte[random.Next(0, 200)];
                random.NextBytes(message);
                BcEd25519.GeneratePublicKey(secretKey, 0, publicKey, 0);
                BcEd25519.Sign(secretKey, 0, message, 0, message.Length, signature, 0);

                byte[] k = (byte[])publicKey.Clone();
                byte[] m = (byte[])message.Clone();
                byte[] s = (byte[])signature.Clone();
                switch (random.Next(8))
                {
                    case 0: s[random.Next(64)] ^= (byte)(1 << random.Next(8)); break;
                    case 1: k[random.Next(32)] ^= (byte)(1 << random.Next(8)); break;
                    case 2:
                        if (m.Length > 0) { m[random.Next(m.Length)] ^= (byte)(1 << random.Next(8)); }
                        break;
                    case 3: random.NextBytes(k); break;                          // random (often invalid) key
                    case 4: random.NextBytes(s.AsSpan(0, 32)); break;             // random R
                    case 5: s[63] = (byte)random.Next(256); break;               // S possibly >= L
                    case 6: k[31] ^= 0x80; break;                               // flipped sign of x
                    default: break;                                             // unchanged: both accept
                }

                // Act
                bool ours = Ed25519.Verify(k, m, s);
                bool bouncyCastle = BcEd25519.Verify(s, 0, k, 0, m, 0, m.Length);

                // Assert
                Assert.True(bouncyCastle == ours, "case " + i);
                cases++;
                if (ours)
                {
                    accepted++;
                }
            }

            // Both outcomes occur, so the agreement is not vacuous.
            Assert.InRange(accepted, 100, cases - 100);
        }

        [Fact]
        public void Verify_AgreesWithBouncyCastleOnRandomPublicKeyEncodings()
        {
            // Arrange: random 32-byte keys exercise decoding (about half are not on the curve).
            var random = new Random(Seed + 2);
            byte[] publicKey = new byte[32];
            byte[] signature = new byte[64];
            byte[] message = { 0x61, 0x62, 0x63 };

            for (int i = 0; i < 500; i++)
            {
                random.NextBytes(publicKey);
                random.NextBytes(signature);
                signature[63] &= 0x0F;

                // Act
                bool ours = Ed25519.Verify(publicKey, message, signature);
                bool bouncyCastle = BcEd25519.Verify(signature, 0, publicKey, 0, message, 0, message.Length);

                // Assert
                Assert.Equal(bouncyCastle, ours);
            }
        }
    }
}
