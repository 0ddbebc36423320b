// Copyright (c) NetGuard contributors. MIT licence.

namespace NetGuard.Cryptography
{
    /// <summary>
    /// Arithmetic on scalars modulo the group order L = 2^252 + 27742317777372353535851937790883648493
    /// (RFC 8032 5.1). Scalars are 32-byte little-endian arrays. Variable time: verification only.
    /// </summary>
    internal static class Ed25519Scalar
    {
        private const long Mask21 = (1L << 21) - 1;

        /// <summary>L little-endian (RFC 8032 5.1).</summary>
        private static readonly byte[] Order =
        {
            0xED, 0xD3, 0xF5, 0x5C, 0x1A, 0x63, 0x12, 0x58, 0xD6, 0x9C, 0xF7, 0xA2, 0xDE, 0xF9, 0xDE, 0x14,
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10,
        };

        /// <summary>
        /// True when the 32-byte little-endian integer at <paramref name="offset"/> is below L
        /// (RFC 8032 5.1.7 requires 0 &lt;= S &lt; L; otherwise S + L would verify too, a malleability).
        /// </summary>
        public static bool IsCanonicalVar(byte[] scalar, int offset)
        {
            for (int i = 31; i >= 0; i--)
            {
                int s = scalar[offset + i];
                int l = Order[i];
                if (s != l)
                {
                    return s < l;
                }
            }

            return false; // S == L
        }

        /// <summary>
        /// Reduces the 64-byte little-endian integer at <paramref name="hashOffset"/> modulo L and writes the
        /// 32-byte result at <paramref name="outputOffset"/> (RFC 8032 5.1.7 step 2: k = SHA-512(R || A || M) mod L).
        /// </summary>
        /// <remarks>
        /// The input is cut into 21-bit limbs x0..x24 (limb 24 holds the top 8 bits). Since L = 2^252 + c,
        /// 2^252 = -c (mod L): a limb x_i with i &gt;= 12 (weight 2^(21 i) = 2^252 * 2^(21 (i - 12))) is folded by
        /// subtracting x_i * c, with c in six 21-bit limbs, from limbs i - 12 .. i - 7. Folds from the top, with
        /// carries in between, keep every limb below 2^45 (checked for all-ones and random inputs), until a value
        /// in (-c, 2^253) remains; L is added if it is negative and subtracted once if it is at least L.
        /// </remarks>
        public static void Reduce(byte[] hash, int hashOffset, byte[] output, int outputOffset)
        {
            long x0 = Load21(hash, hashOffset, 0, 21);
            long x1 = Load21(hash, hashOffset, 21, 21);
            long x2 = Load21(hash, hashOffset, 42, 21);
            long x3 = Load21(hash, hashOffset, 63, 21);
            long x4 = Load21(hash, hashOffset, 84, 21);
            long x5 = Load21(hash, hashOffset, 105, 21);
            long x6 = Load21(hash, hashOffset, 126, 21);
            long x7 = Load21(hash, hashOffset, 147, 21);
            long x8 = Load21(hash, hashOffset, 168, 21);
            long x9 = Load21(hash, hashOffset, 189, 21);
            long x10 = Load21(hash, hashOffset, 210, 21);
            long x11 = Load21(hash, hashOffset, 231, 21);
            long x12 = Load21(hash, hashOffset, 252, 21);
            long x13 = Load21(hash, hashOffset, 273, 21);
            long x14 = Load21(hash, hashOffset, 294, 21);
            long x15 = Load21(hash, hashOffset, 315, 21);
            long x16 = Load21(hash, hashOffset, 336, 21);
            long x17 = Load21(hash, hashOffset, 357, 21);
            long x18 = Load21(hash, hashOffset, 378, 21);
            long x19 = Load21(hash, hashOffset, 399, 21);
            long x20 = Load21(hash, hashOffset, 420, 21);
            long x21 = Load21(hash, hashOffset, 441, 21);
            long x22 = Load21(hash, hashOffset, 462, 21);
            long x23 = Load21(hash, hashOffset, 483, 21);
            long x24 = Load21(hash, hashOffset, 504, 8);
            x12 -= x24 * 1430509;
            x13 -= x24 * 1626855;
            x14 -= x24 * 1442968;
            x15 -= x24 * 997804;
            x16 -= x24 * 1960495;
            x17 -= x24 * 683900;
            x24 = 0;
            x11 -= x23 * 1430509;
            x12 -= x23 * 1626855;
            x13 -= x23 * 1442968;
            x14 -= x23 * 997804;
            x15 -= x23 * 1960495;
            x16 -= x23 * 683900;
            x23 = 0;
            x10 -= x22 * 1430509;
            x11 -= x22 * 1626855;
            x12 -= x22 * 1442968;
            x13 -= x22 * 997804;
            x14 -= x22 * 1960495;
            x15 -= x22 * 683900;
            x22 = 0;
            x9 -= x21 * 1430509;
            x10 -= x21 * 1626855;
            x11 -= x21 * 1442968;
            x12 -= x21 * 997804;
            x13 -= x21 * 1960495;
            x14 -= x21 * 683900;
            x21 = 0;
            x8 -= x20 * 1430509;
            x9 -= x20 * 1626855;
            x10 -= x20 * 1442968;
            x11 -= x20 * 997804;
            x12 -= x20 * 1960495;
            x13 -= x20 * 683900;
            x20 = 0;
            x7 -= x19 * 1430509;
            x8 -= x19 * 1626855;
            x9 -= x19 * 1442968;
            x10 -= x19 * 997804;
            x11 -= x19 * 1960495;
            x12 -= x19 * 683900;
            x19 = 0;
            x6 -= x18 * 1430509;
            x7 -= x18 * 1626855;
            x8 -= x18 * 1442968;
            x9 -= x18 * 997804;
            x10 -= x18 * 1960495;
            x11 -= x18 * 683900;
            x18 = 0;
            x7 += x6 >> 21; x6 &= Mask21;
            x8 += x7 >> 21; x7 &= Mask21;
            x9 += x8 >> 21; x8 &= Mask21;
            x10 += x9 >> 21; x9 &= Mask21;
            x11 += x10 >> 21; x10 &= Mask21;
            x12 += x11 >> 21; x11 &= Mask21;
            x13 += x12 >> 21; x12 &= Mask21;
            x14 += x13 >> 21; x13 &= Mask21;
            x15 += x14 >> 21; x14 &= Mask21;
            x16 += x15 >> 21; x15 &= Mask21;
            x17 += x16 >> 21; x16 &= Mask21;
            x18 += x17 >> 21; x17 &= Mask21;
            x6 -= x18 * 1430509;
            x7 -= x18 * 1626855;
            x8 -= x18 * 1442968;
            x9 -= x18 * 997804;
            x10 -= x18 * 1960495;
            x11 -= x18 * 683900;
            x18 = 0;
            x5 -= x17 * 1430509;
            x6 -= x17 * 1626855;
            x7 -= x17 * 1442968;
            x8 -= x17 * 997804;
            x9 -= x17 * 1960495;
            x10 -= x17 * 683900;
            x17 = 0;
            x4 -= x16 * 1430509;
            x5 -= x16 * 1626855;
            x6 -= x16 * 1442968;
            x7 -= x16 * 997804;
            x8 -= x16 * 1960495;
            x9 -= x16 * 683900;
            x16 = 0;
            x3 -= x15 * 1430509;
            x4 -= x15 * 1626855;
            x5 -= x15 * 1442968;
            x6 -= x15 * 997804;
            x7 -= x15 * 1960495;
            x8 -= x15 * 683900;
            x15 = 0;
            x2 -= x14 * 1430509;
            x3 -= x14 * 1626855;
            x4 -= x14 * 1442968;
            x5 -= x14 * 997804;
            x6 -= x14 * 1960495;
            x7 -= x14 * 683900;
            x14 = 0;
            x1 -= x13 * 1430509;
            x2 -= x13 * 1626855;
            x3 -= x13 * 1442968;
            x4 -= x13 * 997804;
            x5 -= x13 * 1960495;
            x6 -= x13 * 683900;
            x13 = 0;
            x0 -= x12 * 1430509;
            x1 -= x12 * 1626855;
            x2 -= x12 * 1442968;
            x3 -= x12 * 997804;
            x4 -= x12 * 1960495;
            x5 -= x12 * 683900;
            x12 = 0;
            x1 += x0 >> 21; x0 &= Mask21;
            x2 += x1 >> 21; x1 &= Mask21;
            x3 += x2 >> 21; x2 &= Mask21;
            x4 += x3 >> 21; x3 &= Mask21;
            x5 += x4 >> 21; x4 &= Mask21;
            x6 += x5 >> 21; x5 &= Mask21;
            x7 += x6 >> 21; x6 &= Mask21;
            x8 += x7 >> 21; x7 &= Mask21;
            x9 += x8 >> 21; x8 &= Mask21;
            x10 += x9 >> 21; x9 &= Mask21;
            x11 += x10 >> 21; x10 &= Mask21;
            x12 += x11 >> 21; x11 &= Mask21;
            x0 -= x12 * 1430509;
            x1 -= x12 * 1626855;
            x2 -= x12 * 1442968;
            x3 -= x12 * 997804;
            x4 -= x12 * 1960495;
            x5 -= x12 * 683900;
            x12 = 0;
            x1 += x0 >> 21; x0 &= Mask21;
            x2 += x1 >> 21; x1 &= Mask21;
            x3 += x2 >> 21; x2 &= Mask21;
            x4 += x3 >> 21; x3 &= Mask21;
            x5 += x4 >> 21; x4 &= Mask21;
            x6 += x5 >> 21; x5 &= Mask21;
            x7 += x6 >> 21; x6 &= Mask21;
            x8 += x7 >> 21; x7 &= Mask21;
            x9 += x8 >> 21; x8 &= Mask21;
            x10 += x9 >> 21; x9 &= Mask21;
            x11 += x10 >> 21; x10 &= Mask21;
            x12 += x11 >> 21; x11 &= Mask21;
            x0 -= x12 * 1430509;
            x1 -= x12 * 1626855;
            x2 -= x12 * 1442968;
            x3 -= x12 * 997804;
            x4 -= x12 * 1960495;
            x5 -= x12 * 683900;
            x12 = 0;
            x1 += x0 >> 21; x0 &= Mask21;
            x2 += x1 >> 21; x1 &= Mask21;
            x3 += x2 >> 21; x2 &= Mask21;
            x4 += x3 >> 21; x3 &= Mask21;
            x5 += x4 >> 21; x4 &= Mask21;
            x6 += x5 >> 21; x5 &= Mask21;
            x7 += x6 >> 21; x6 &= Mask21;
            x8 += x7 >> 21; x7 &= Mask21;
            x9 += x8 >> 21; x8 &= Mask21;
            x10 += x9 >> 21; x9 &= Mask21;
            x11 += x10 >> 21; x10 &= Mask21;
            x12 += x11 >> 21; x11 &= Mask21;
            if (x12 < 0)
            {
                // Value in (-c, 0): add L = 2^252 + c.
                x12 = 0;
                x0 += 1430509; x1 += 1626855; x2 += 1442968; x3 += 997804; x4 += 1960495; x5 += 683900;
                x1 += x0 >> 21; x0 &= Mask21;
                x2 += x1 >> 21; x1 &= Mask21;
                x3 += x2 >> 21; x2 &= Mask21;
                x4 += x3 >> 21; x3 &= Mask21;
                x5 += x4 >> 21; x4 &= Mask21;
                x6 += x5 >> 21; x5 &= Mask21;
                x7 += x6 >> 21; x6 &= Mask21;
                x8 += x7 >> 21; x7 &= Mask21;
                x9 += x8 >> 21; x8 &= Mask21;
                x10 += x9 >> 21; x9 &= Mask21;
                x11 += x10 >> 21; x10 &= Mask21;
                x12 += x11 >> 21; x11 &= Mask21;
            }

            // Pack 12 limbs of 21 bits plus bit 252 (x12) into 32 bytes.
            ulong acc = 0;
            int bits = 0;
            int o = outputOffset;
            Store21(ref acc, ref bits, x0, output, ref o);
            Store21(ref acc, ref bits, x1, output, ref o);
            Store21(ref acc, ref bits, x2, output, ref o);
            Store21(ref acc, ref bits, x3, output, ref o);
            Store21(ref acc, ref bits, x4, output, ref o);
            Store21(ref acc, ref bits, x5, output, ref o);
            Store21(ref acc, ref bits, x6, output, ref o);
            Store21(ref acc, ref bits, x7, output, ref o);
            Store21(ref acc, ref bits, x8, output, ref o);
            Store21(ref acc, ref bits, x9, output, ref o);
            Store21(ref acc, ref bits, x10, output, ref o);
            Store21(ref acc, ref bits, x11, output, ref o);
            output[o] = (byte)(acc | ((ulong)x12 << 4)); // 252 = 31 * 8 + 4

            // The value is below 2^253 < 2L: subtract L at most once.
            if (!IsCanonicalVar(output, outputOffset))
            {
                int borrow = 0;
                for (int i = 0; i < 32; i++)
                {
                    int t = output[outputOffset + i] - Order[i] - borrow;
                    borrow = (t >> 8) & 1;
                    output[outputOffset + i] = (byte)t;
                }
            }
        }

        private static long Load21(byte[] source, int offset, int bitOffset, int width)
        {
            int start = bitOffset >> 3;
            int end = (bitOffset + width + 7) >> 3;
            ulong acc = 0;
            for (int i = end - 1; i >= start; i--)
            {
                acc = (acc << 8) | source[offset + i];
            }

            return (long)((acc >> (bitOffset & 7)) & ((1UL << width) - 1));
        }

        private static void Store21(ref ulong acc, ref int bits, long limb, byte[] output, ref int o)
        {
            acc |= (ulong)limb << bits;
            bits += 21;
            while (bits >= 8)
            {
                output[o++] = (byte)acc;
                acc >>= 8;
                bits -= 8;
            }
        }

        /// <summary>
        /// Computes the width-w non-adjacent form of a scalar below 2^253: 256 signed digits, each zero or odd
        /// with |digit| &lt; 2^(w-1), at most one non-zero digit in any w consecutive positions, and
        /// scalar = sum of digit_i * 2^i. Digits are stored as two's-complement bytes. Variable time.
        /// </summary>
        public static void ComputeWnafVar(byte[] scalar, int offset, int width, byte[] naf, int nafOffset)
        {
            System.Array.Clear(naf, nafOffset, 256);
            int windowSize = 1 << width;
            int windowMask = windowSize - 1;
            int carry = 0;
            int position = 0;
            while (position < 256)
            {
                // The next `width` bits from `position` (bits at or beyond 256 read as zero).
                int window = carry + (int)(ReadBits(scalar, offset, position, width) & (uint)windowMask);
                if ((window & 1) == 0)
                {
                    position++;
                    continue;
                }

                if (window < windowSize / 2)
                {
                    carry = 0;
                    naf[nafOffset + position] = (byte)window;
                }
                else
                {
                    // Use the negative digit window - 2^w and carry 2^w into the next window.
                    carry = 1;
                    naf[nafOffset + position] = (byte)(window - windowSize);
                }

                position += width;
            }
        }

        private static uint ReadBits(byte[] scalar, int offset, int position, int count)
        {
            int start = position >> 3;
            uint acc = 0;
            for (int i = 3; i >= 0; i--)
            {
                int index = start + i;
                acc = (acc << 8) | (index < 32 ? scalar[offset + index] : 0u);
            }

            return (acc >> (position & 7)) & ((1u << count) - 1);
        }
    }
}
