// Copyright (c) NetGuard contributors. MIT licence.

using System;

namespace NetGuard.Cryptography
{
    /// <summary>
    /// Ed25519 signature verification (RFC 8032 section 5.1.7), strict and cofactorless. Signing is deliberately not
    /// offered: the device only checks signatures made elsewhere. All inputs of verification are public, so the
    /// arithmetic is variable time. Malformed or hostile input returns false; only caller mistakes (null arrays,
    /// ranges that do not fit) throw.
    /// </summary>
    /// <remarks>
    /// Rules, each its own early rejection:
    /// <list type="number">
    /// <item>R must be a canonical encoding (its y below p).</item>
    /// <item>S must be below the group order L, otherwise (R, S + L) would also verify (malleability).</item>
    /// <item>A must be a canonical encoding (its y below p).</item>
    /// <item>A must not be one of the eight points of small order (y in {0, 1, p - 1} or an order-8 y, whatever
    /// the sign bit): such keys verify signatures on messages nobody signed. This matches BouncyCastle 2.7, which
    /// also rejects them; points with a small-order component that are not themselves of small order are accepted
    /// as RFC 8032 requires.</item>
    /// <item>A must decode to a curve point: x^2 = (y^2 - 1) / (d y^2 + 1) must have a square root, and x = 0
    /// must not come with the sign bit set.</item>
    /// <item>Cofactorless equation [S]B = R + [k]A with k = SHA-512(R || A || M) mod L, checked as
    /// encode([S]B - [k]A) == R byte for byte. This also rejects an R that is not a point, or that encodes x = 0
    /// with the sign bit set: no point has such an encoding.</item>
    /// </list>
    /// Cost: about 253 doublings and 75 additions (width-5 NAF of k over an 8-entry table of -A, width-7 NAF of S
    /// over a 32-entry static table of B), one square root and one inversion. Allocation: one 576-byte work array and
    /// a SHA-512 instance (about 1 KB in all on 64-bit .NET).
    /// </remarks>
    public static class Ed25519
    {
        /// <summary>Size of an encoded public key A in bytes.</summary>
        public const int PublicKeySize = 32;

        /// <summary>Size of a signature R || S in bytes.</summary>
        public const int SignatureSize = 64;

        private const int PointSize = 32;
        // Work array layout (one allocation per verification). Bytes 0..63 are reused: first as the scratch of
        // field-element tests while A is decoded, then for SHA-512(R || A || M), then k = hash mod L (reduced in
        // place), and finally, once the NAF digits are computed, for the encoding of the result.
        private const int HashOffset = 0;        // SHA-512(R || A || M), 64 bytes
        private const int KOffset = 0;           // k = hash mod L, 32 bytes (Reduce reads all input before writing)
        private const int EncodingOffset = 32;   // encode([S]B - [k]A), 32 bytes
        private const int KNafOffset = 64;       // width-5 NAF of k, 256 digits
        private const int SNafOffset = 320;      // width-7 NAF of S, 256 digits
        private const int WorkSize = 576;
        private const int KWidth = 5;
        private const int SWidth = 7;

        /// <summary>y of the order-8 points (x positive or negative), little-endian.</summary>
        private static readonly byte[] Order8Y1 =
        {
            0xC7, 0x17, 0x6A, 0x70, 0x3D, 0x4D, 0xD8, 0x4F, 0xBA, 0x3C, 0x0B, 0x76, 0x0D, 0x10, 0x67, 0x0F,
            0x2A, 0x20, 0x53, 0xFA, 0x2C, 0x39, 0xCC, 0xC6, 0x4E, 0xC7, 0xFD, 0x77, 0x92, 0xAC, 0x03, 0x7A,
        };

        /// <summary>p - <see cref="Order8Y1"/>: y of the other two order-8 points.</summary>
        private static readonly byte[] Order8Y2 =
        {
            0x26, 0xE8, 0x95, 0x8F, 0xC2, 0xB2, 0x27, 0xB0, 0x45, 0xC3, 0xF4, 0x89, 0xF2, 0xEF, 0x98, 0xF0,
            0xD5, 0xDF, 0xAC, 0x05, 0xD3, 0xC6, 0x33, 0x39, 0xB1, 0x38, 0x02, 0x88, 0x6D, 0x53, 0xFC, 0x05,
        };

        /// <summary>
        /// Verifies an Ed25519 signature (RFC 8032 5.1.7) of <paramref name="message"/> under <paramref name="publicKey"/>.
        /// </summary>
        /// <param name="publicKey">The 32-byte encoded public key A.</param>
        /// <param name="message">The signed message M (any length).</param>
        /// <param name="signature">The 64-byte signature R || S.</param>
        /// <returns>True only when the signature is valid under every rule listed on <see cref="Ed25519"/>; false for
        /// any other input, including a public key that is not 32 bytes or a signature that is not 64 bytes.</returns>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        public static bool Verify(byte[] publicKey, byte[] message, byte[] signature)
        {
            ArgumentNullException.ThrowIfNull(publicKey, nameof(publicKey));
            ArgumentNullException.ThrowIfNull(message, nameof(message));
            ArgumentNullException.ThrowIfNull(signature, nameof(signature));

            // RFC 8032 5.1.7: A is 32 octets and the signature 64; anything else is not an Ed25519 signature.
            if (publicKey.Length != PublicKeySize)
            {
                return false;
            }

            if (signature.Length != SignatureSize)
            {
                return false;
            }

            return VerifyCore(publicKey, 0, message, 0, message.Length, signature, 0);
        }

        /// <summary>
        /// Verifies an Ed25519 signature (RFC 8032 5.1.7) held inside larger arrays: the 32-byte public key at
        /// <paramref name="publicKeyOffset"/>, the message range, and the 64-byte signature at <paramref name="signatureOffset"/>.
        /// </summary>
        /// <param name="publicKey">The array holding the 32-byte encoded public key A.</param>
        /// <param name="publicKeyOffset">Index of the first public key byte.</param>
        /// <param name="message">The array holding the message M.</param>
        /// <param name="messageOffset">Index of the first message byte.</param>
        /// <param name="messageCount">Message length in bytes.</param>
        /// <param name="signature">The array holding the 64-byte signature R || S.</param>
        /// <param name="signatureOffset">Index of the first signature byte.</param>
        /// <returns>True only when the signature is valid under every rule listed on <see cref="Ed25519"/>.</returns>
        /// <exception cref="ArgumentNullException">An array is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A range does not fit in its array (32 bytes of key or
        /// 64 bytes of signature must be available from the offsets).</exception>
        public static bool Verify(byte[] publicKey, int publicKeyOffset, byte[] message, int messageOffset, int messageCount,
            byte[] signature, int signatureOffset)
        {
            CryptoArguments.CheckSpace(publicKey, publicKeyOffset, PublicKeySize, nameof(publicKey), nameof(publicKeyOffset));
            CryptoArguments.CheckRange(message, messageOffset, messageCount, nameof(message), nameof(messageOffset), nameof(messageCount));
            CryptoArguments.CheckSpace(signature, signatureOffset, SignatureSize, nameof(signature), nameof(signatureOffset));
            return VerifyCore(publicKey, publicKeyOffset, message, messageOffset, messageCount, signature, signatureOffset);
        }

        private static bool VerifyCore(byte[] publicKey, int publicKeyOffset, byte[] message, int messageOffset, int messageCount,
            byte[] signature, int signatureOffset)
        {
            int rOffset = signatureOffset;
            int sOffset = signatureOffset + PointSize;

            // RFC 8032 5.1.7 step 1 (and 5.1.3 step 1): R must be a canonical encoding, y < p.
            if (!IsCanonicalFieldEncodingVar(signature, rOffset))
            {
                return false;
            }

            // RFC 8032 5.1.7 step 1: reject S >= L, else signatures are malleable (S + L verifies too).
            if (!Ed25519Scalar.IsCanonicalVar(signature, sOffset))
            {
                return false;
            }

            // RFC 8032 5.1.3 step 1: A must be a canonical encoding, y < p.
            if (!IsCanonicalFieldEncodingVar(publicKey, publicKeyOffset))
            {
                return false;
            }

            // Small-order public keys (the eight torsion points) are rejected, as in BouncyCastle 2.7.
            if (HasSmallOrderYVar(publicKey, publicKeyOffset))
            {
                return false;
            }

            byte[] work = new byte[WorkSize];

            // RFC 8032 5.1.3 steps 2-3: recover x from y; fail when (y^2 - 1) / (d y^2 + 1) is not a square.
            Ed25519FieldElement y, x;
            Ed25519FieldElement.FromBytes(publicKey, publicKeyOffset, out y);
            if (!RecoverXVar(ref y, out x, work))
            {
                return false;
            }

            // RFC 8032 5.1.3 step 4: x = 0 with the sign bit set is not a valid encoding.
            bool signBit = (publicKey[publicKeyOffset + 31] & 0x80) != 0;
            bool xIsZero = Ed25519FieldElement.IsZeroVar(ref x, Scratch(work));
            if (xIsZero && signBit)
            {
                return false;
            }

            // Choose the root whose low bit matches the sign bit, then negate the whole point: the check below
            // computes [S]B + [k](-A). Since x is a root of the opposite parity when they differ, -A has x' = x
            // exactly when the parity differs from the sign bit, otherwise x' = -x.
            bool xIsOdd = Ed25519FieldElement.IsNegativeVar(ref x, Scratch(work));
            Ed25519Point.Extended minusA;
            if (xIsOdd == signBit)
            {
                Ed25519FieldElement.Negate(out minusA.X, ref x);
            }
            else
            {
                minusA.X = x;
            }

            minusA.Y = y;
            Ed25519FieldElement.One(out minusA.Z);
            Ed25519FieldElement.Mul(out minusA.T, ref minusA.X, ref minusA.Y);

            // RFC 8032 5.1.7 step 2: k = SHA-512(dom2(F, C) || R || A || PH(M)) mod L; for Ed25519 dom2 is empty
            // and PH is the identity.
            Sha512 sha = new Sha512();
            sha.Append(signature, rOffset, PointSize);
            sha.Append(publicKey, publicKeyOffset, PointSize);
            sha.Append(message, messageOffset, messageCount);
            sha.Finish(work, HashOffset);
            Ed25519Scalar.Reduce(work, HashOffset, work, KOffset);

            // RFC 8032 5.1.7 step 3, cofactorless: [S]B == R + [k]A, checked as encode([S]B + [k](-A)) == R.
            Ed25519Point.Projective check;
            DoubleScalarMultiplyVar(work, signature, sOffset, ref minusA, out check);
            Ed25519Point.EncodeVar(ref check, work, EncodingOffset, Scratch(work));
            for (int i = 0; i < PointSize; i++)
            {
                if (work[EncodingOffset + i] != signature[rOffset + i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Computes [S]B + [k]P with a shared chain of doublings (Straus/Shamir), k taken from the work array and
        /// S from the signature, both as width-w NAF digits; B's odd multiples come from a static table.
        /// </summary>
        private static void DoubleScalarMultiplyVar(byte[] work, byte[] signature, int sOffset, ref Ed25519Point.Extended p,
            out Ed25519Point.Projective result)
        {
            Ed25519Scalar.ComputeWnafVar(work, KOffset, KWidth, work, KNafOffset);
            Ed25519Scalar.ComputeWnafVar(signature, sOffset, SWidth, work, SNafOffset);

            Ed25519FieldElement d2;
            Ed25519FieldElement.FromLimbs(Ed25519Constants.D2, 0, out d2);

            // Odd multiples P, 3P, ..., 15P for digits of k in (-16, 16).
            Ed25519Point.CachedTable8 table = default;
            Ed25519Point.Cached cached, twiceCached;
            Ed25519Point.Completed completed;
            Ed25519Point.Extended current = p;
            Ed25519Point.Extended twice;
            Ed25519Point.Projective projective;
            Ed25519Point.ToCached(ref current, ref d2, out cached);
            Ed25519Point.CachedTable8.Set(ref table, 0, ref cached);
            projective.X = p.X;
            projective.Y = p.Y;
            projective.Z = p.Z;
            Ed25519Point.Double(ref projective, out completed);
            Ed25519Point.ToExtended(ref completed, out twice);
            Ed25519Point.ToCached(ref twice, ref d2, out twiceCached);
            for (int j = 1; j < 8; j++)
            {
                Ed25519Point.Add(ref current, ref twiceCached, out completed);
                Ed25519Point.ToExtended(ref completed, out current);
                Ed25519Point.ToCached(ref current, ref d2, out cached);
                Ed25519Point.CachedTable8.Set(ref table, j, ref cached);
            }

            int top = 255;
            while (top >= 0 && work[KNafOffset + top] == 0 && work[SNafOffset + top] == 0)
            {
                top--;
            }

            Ed25519Point.Identity(out result);
            Ed25519Point.Extended extended;
            Ed25519Point.Precomputed precomputed;
            for (int i = top; i >= 0; i--)
            {
                Ed25519Point.Double(ref result, out completed);

                int kDigit = (sbyte)work[KNafOffset + i];
                if (kDigit != 0)
                {
                    Ed25519Point.ToExtended(ref completed, out extended);
                    if (kDigit > 0)
                    {
                        Ed25519Point.CachedTable8.Get(ref table, kDigit >> 1, out cached);
                        Ed25519Point.Add(ref extended, ref cached, out completed);
                    }
                    else
                    {
                        Ed25519Point.CachedTable8.Get(ref table, (-kDigit) >> 1, out cached);
                        Ed25519Point.Subtract(ref extended, ref cached, out completed);
                    }
                }

                int sDigit = (sbyte)work[SNafOffset + i];
                if (sDigit != 0)
                {
                    Ed25519Point.ToExtended(ref completed, out extended);
                    if (sDigit > 0)
                    {
                        Ed25519Point.LoadBaseMultiple(sDigit >> 1, out precomputed);
                        Ed25519Point.AddPrecomputed(ref extended, ref precomputed, out completed);
                    }
                    else
                    {
                        Ed25519Point.LoadBaseMultiple((-sDigit) >> 1, out precomputed);
                        Ed25519Point.SubtractPrecomputed(ref extended, ref precomputed, out completed);
                    }
                }

                Ed25519Point.ToProjective(ref completed, out result);
            }
        }

        /// <summary>
        /// RFC 8032 5.1.3 steps 2-3: with u = y^2 - 1 and v = d y^2 + 1, the candidate root is
        /// x = u v^3 (u v^7)^((p - 5) / 8). If v x^2 = u it is a root; if v x^2 = -u then x * sqrt(-1) is;
        /// otherwise u / v is not a square and y is not on the curve. Variable time (public key only).
        /// </summary>
        private static bool RecoverXVar(ref Ed25519FieldElement y, out Ed25519FieldElement x, byte[] work)
        {
            Ed25519FieldElement one, d, u, v, v3, v7, t, check;
            Ed25519FieldElement.One(out one);
            Ed25519FieldElement.FromLimbs(Ed25519Constants.D, 0, out d);
            Ed25519FieldElement.Square(out u, ref y);
            Ed25519FieldElement.Mul(out v, ref u, ref d);
            Ed25519FieldElement.Sub(out u, ref u, ref one);       // u = y^2 - 1
            Ed25519FieldElement.Add(out v, ref v, ref one);       // v = d y^2 + 1
            Ed25519FieldElement.Square(out v3, ref v);
            Ed25519FieldElement.Mul(out v3, ref v3, ref v);        // v^3
            Ed25519FieldElement.Square(out v7, ref v3);
            Ed25519FieldElement.Mul(out v7, ref v7, ref v);        // v^7
            Ed25519FieldElement.Mul(out t, ref u, ref v7);         // u v^7
            Ed25519FieldElement.Pow22523(out t, ref t);            // (u v^7)^((p - 5) / 8)
            Ed25519FieldElement.Mul(out t, ref t, ref v3);
            Ed25519FieldElement.Mul(out x, ref t, ref u);          // x = u v^3 (u v^7)^((p - 5) / 8)

            Ed25519FieldElement.Square(out check, ref x);
            Ed25519FieldElement.Mul(out check, ref check, ref v);  // v x^2
            Ed25519FieldElement.Sub(out t, ref check, ref u);
            if (Ed25519FieldElement.IsZeroVar(ref t, Scratch(work)))
            {
                return true;
            }

            Ed25519FieldElement.Add(out t, ref check, ref u);
            if (Ed25519FieldElement.IsZeroVar(ref t, Scratch(work)))
            {
                Ed25519FieldElement sqrtMinusOne;
                Ed25519FieldElement.FromLimbs(Ed25519Constants.SqrtMinusOne, 0, out sqrtMinusOne);
                Ed25519FieldElement.Mul(out x, ref x, ref sqrtMinusOne);
                return true;
            }

            return false;
        }

        /// <summary>True when the 255-bit y at <paramref name="offset"/> (sign bit ignored) is below p = 2^255 - 19.</summary>
        private static bool IsCanonicalFieldEncodingVar(byte[] encoding, int offset)
        {
            // y >= p only if y = 2^255 - 19 + t for t in 0..18: the top byte is 0x7F (after masking the sign bit),
            // bytes 30..1 are 0xFF, and byte 0 is at least 0xED.
            if ((encoding[offset + 31] & 0x7F) != 0x7F)
            {
                return true;
            }

            for (int i = 30; i >= 1; i--)
            {
                if (encoding[offset + i] != 0xFF)
                {
                    return true;
                }
            }

            return encoding[offset] < 0xED;
        }

        /// <summary>
        /// True when y (sign bit ignored) is the y of a point of order 1, 2, 4 or 8: 1 (neutral), p - 1 (order 2),
        /// 0 (order 4) or one of the two order-8 values. Assumes y is canonical.
        /// </summary>
        private static bool HasSmallOrderYVar(byte[] encoding, int offset)
        {
            bool zeroOrOne = encoding[offset] <= 1 && (encoding[offset + 31] & 0x7F) == 0;
            bool minusOne = encoding[offset] == 0xEC && (encoding[offset + 31] & 0x7F) == 0x7F;
            bool order8a = (encoding[offset + 31] & 0x7F) == Order8Y1[31];
            bool order8b = (encoding[offset + 31] & 0x7F) == Order8Y2[31];
            for (int i = 1; i < 31; i++)
            {
                byte b = encoding[offset + i];
                zeroOrOne &= b == 0;
                minusOne &= b == 0xFF;
                order8a &= b == Order8Y1[i];
                order8b &= b == Order8Y2[i];
            }

            order8a &= encoding[offset] == Order8Y1[0];
            order8b &= encoding[offset] == Order8Y2[0];
            return zeroOrOne || minusOne || order8a || order8b;
        }

        /// <summary>The 32 scratch bytes (work[0..32)) used by field-element tests; free whenever such a test runs.</summary>
        private static byte[] Scratch(byte[] work)
        {
            return work;
        }
    }
}
