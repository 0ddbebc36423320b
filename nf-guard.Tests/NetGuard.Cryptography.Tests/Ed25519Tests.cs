// Copyright (c) NetGuard contributors. MIT licence.

using System;
using nanoFramework.TestFramework;
using NetGuard.Testing;

namespace NetGuard.Cryptography.Tests
{
    [TestClass]
    public class Ed25519Tests
    {
        // RFC 8032 section 7.1, TEST 1 (empty message).
        private const string Test1PublicKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
        private const string Test1Signature =
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

        // RFC 8032 section 7.1, TEST 2 (message 0x72).
        private const string Test2PublicKey = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";
        private const string Test2Signature =
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00";

        [TestMethod]
        public void Verify_Rfc8032Test1_Accepts()
        {
            Assert.IsTrue(Ed25519.Verify(TestBytes.Hex(Test1PublicKey), new byte[0], TestBytes.Hex(Test1Signature)));
        }

        [TestMethod]
        public void Verify_Rfc8032Test2_Accepts()
        {
            Assert.IsTrue(Ed25519.Verify(TestBytes.Hex(Test2PublicKey), new byte[] { 0x72 }, TestBytes.Hex(Test2Signature)));
        }

        [TestMethod]
        public void Verify_RejectsSignatureWithFlippedByte()
        {
            // Arrange
            byte[] publicKey = TestBytes.Hex(Test2PublicKey);
            byte[] message = { 0x72 };
            byte[] signature = TestBytes.Hex(Test2Signature);

            for (int i = 0; i < signature.Length; i++)
            {
                // Act
                signature[i] ^= 0x01;
                bool valid = Ed25519.Verify(publicKey, message, signature);
                signature[i] ^= 0x01;

                // Assert
                Assert.IsFalse(valid, "signature byte " + i.ToString());
            }
        }

        [TestMethod]
        public void Verify_RejectsPublicKeyWithFlippedByte()
        {
            byte[] publicKey = TestBytes.Hex(Test2PublicKey);
            byte[] signature = TestBytes.Hex(Test2Signature);
            for (int i = 0; i < publicKey.Length; i++)
            {
                publicKey[i] ^= 0x20;
                bool valid = Ed25519.Verify(publicKey, new byte[] { 0x72 }, signature);
                publicKey[i] ^= 0x20;
                Assert.IsFalse(valid, "public key byte " + i.ToString());
            }
        }

        [TestMethod]
        public void Verify_RejectsOtherMessage()
        {
            Assert.IsFalse(Ed25519.Verify(TestBytes.Hex(Test2PublicKey), new byte[] { 0x73 }, TestBytes.Hex(Test2Signature)));
            Assert.IsFalse(Ed25519.Verify(TestBytes.Hex(Test1PublicKey), new byte[] { 0x00 }, TestBytes.Hex(Test1Signature)));
        }

        [TestMethod]
        public void Verify_RejectsSEqualToGroupOrder()
        {
            // Arrange: S = L (RFC 8032 5.1.7 requires S < L).
            byte[] signature = TestBytes.Hex(Test1Signature);
            byte[] order = TestBytes.Hex("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
            Array.Copy(order, 0, signature, 32, 32);

            // Act + Assert
            Assert.IsFalse(Ed25519.Verify(TestBytes.Hex(Test1PublicKey), new byte[0], signature));
        }

        [TestMethod]
        public void Verify_RejectsNeutralElementAsPublicKey()
        {
            byte[] neutral = new byte[32];
            neutral[0] = 1;
            Assert.IsFalse(Ed25519.Verify(neutral, new byte[0], TestBytes.Hex(Test1Signature)));
        }

        [TestMethod]
        public void Verify_WrongLengthsReturnFalse()
        {
            Assert.IsFalse(Ed25519.Verify(new byte[31], new byte[0], TestBytes.Hex(Test1Signature)));
            Assert.IsFalse(Ed25519.Verify(TestBytes.Hex(Test1PublicKey), new byte[0], new byte[63]));
        }

        [TestMethod]
        public void Verify_NullArgumentsThrow()
        {
            byte[] publicKey = TestBytes.Hex(Test1PublicKey);
            byte[] signature = TestBytes.Hex(Test1Signature);
            Assert.ThrowsException(typeof(ArgumentNullException), () => Ed25519.Verify(null, new byte[0], signature));
            Assert.ThrowsException(typeof(ArgumentNullException), () => Ed25519.Verify(publicKey, null, signature));
            Assert.ThrowsException(typeof(ArgumentNullException), () => Ed25519.Verify(publicKey, new byte[0], null));
        }

        [TestMethod]
        public void Verify_OffsetRangeOutsideArrayThrows()
        {
            byte[] publicKey = TestBytes.Hex(Test1PublicKey);
            byte[] signature = TestBytes.Hex(Test1Signature);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Ed25519.Verify(publicKey, 1, new byte[0], 0, 0, signature, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Ed25519.Verify(publicKey, 0, new byte[0], 0, 1, signature, 0));
        }
    }
}
