// Copyright (c) NetGuard contributors. MIT licence.

namespace NetGuard.Cryptography
{
    /// <summary>
    /// An element of the prime field GF(p), p = 2^255 - 19 (RFC 8032 5.1), held as ten signed limbs in
    /// radix 2^25.5: value = L0 + L1*2^26 + L2*2^51 + L3*2^77 + L4*2^102 + L5*2^128 + L6*2^153 + L7*2^179
    /// + L8*2^204 + L9*2^230. Even limbs carry 26 bits and odd limbs 25 bits once reduced.
    /// </summary>
    /// <remarks>
    /// A value type, so field arithmetic allocates nothing. Bounds: a "carried" element (output of
    /// <see cref="Mul"/>, <see cref="Square"/> or <see cref="Carry(ref Ed25519FieldElement)"/>) has
    /// |limb| &lt;= about 1.01 * 2^25. Multiplication accepts limbs up to 2^27 (the worst limb sum is
    /// 267 * 2^54 &lt; 2^63), so an input to Mul or Square may be the sum or difference of at most three
    /// carried elements. Add, Sub and Negate do not carry. Methods accept the output aliasing an input.
    /// </remarks>
    internal struct Ed25519FieldElement
    {
        public int L0, L1, L2, L3, L4, L5, L6, L7, L8, L9;

        /// <summary>Sets r = 0.</summary>
        public static void Zero(out Ed25519FieldElement r)
        {
            r.L0 = 0; r.L1 = 0; r.L2 = 0; r.L3 = 0; r.L4 = 0; r.L5 = 0; r.L6 = 0; r.L7 = 0; r.L8 = 0; r.L9 = 0;
        }

        /// <summary>Sets r = 1.</summary>
        public static void One(out Ed25519FieldElement r)
        {
            Zero(out r);
            r.L0 = 1;
        }

        /// <summary>Loads ten limbs from a constant table starting at <paramref name="offset"/>.</summary>
        public static void FromLimbs(int[] limbs, int offset, out Ed25519FieldElement r)
        {
            r.L0 = limbs[offset]; r.L1 = limbs[offset + 1]; r.L2 = limbs[offset + 2]; r.L3 = limbs[offset + 3];
            r.L4 = limbs[offset + 4]; r.L5 = limbs[offset + 5]; r.L6 = limbs[offset + 6]; r.L7 = limbs[offset + 7];
            r.L8 = limbs[offset + 8]; r.L9 = limbs[offset + 9];
        }

        /// <summary>r = a + b, limb by limb, without carrying.</summary>
        public static void Add(out Ed25519FieldElement r, ref Ed25519FieldElement a, ref Ed25519FieldElement b)
        {
            r.L0 = a.L0 + b.L0; r.L1 = a.L1 + b.L1; r.L2 = a.L2 + b.L2; r.L3 = a.L3 + b.L3; r.L4 = a.L4 + b.L4;
            r.L5 = a.L5 + b.L5; r.L6 = a.L6 + b.L6; r.L7 = a.L7 + b.L7; r.L8 = a.L8 + b.L8; r.L9 = a.L9 + b.L9;
        }

        /// <summary>r = a - b, limb by limb, without carrying (limbs are signed, so no bias is needed).</summary>
        public static void Sub(out Ed25519FieldElement r, ref Ed25519FieldElement a, ref Ed25519FieldElement b)
        {
            r.L0 = a.L0 - b.L0; r.L1 = a.L1 - b.L1; r.L2 = a.L2 - b.L2; r.L3 = a.L3 - b.L3; r.L4 = a.L4 - b.L4;
            r.L5 = a.L5 - b.L5; r.L6 = a.L6 - b.L6; r.L7 = a.L7 - b.L7; r.L8 = a.L8 - b.L8; r.L9 = a.L9 - b.L9;
        }

        /// <summary>r = -a.</summary>
        public static void Negate(out Ed25519FieldElement r, ref Ed25519FieldElement a)
        {
            r.L0 = -a.L0; r.L1 = -a.L1; r.L2 = -a.L2; r.L3 = -a.L3; r.L4 = -a.L4;
            r.L5 = -a.L5; r.L6 = -a.L6; r.L7 = -a.L7; r.L8 = -a.L8; r.L9 = -a.L9;
        }

        /// <summary>Brings the limbs of an uncarried sum back to carried bounds.</summary>
        public static void Carry(ref Ed25519FieldElement a)
        {
            Carry(out a, a.L0, a.L1, a.L2, a.L3, a.L4, a.L5, a.L6, a.L7, a.L8, a.L9);
        }

        /// <summary>
        /// r = a * b mod p. Schoolbook product: h_k = sum over i + j = k of c_ij * f_i * g_j, plus 19 times the
        /// terms with i + j = k + 10 (because 2^255 = 19 mod p), where c_ij = 2 when i and j are both odd (two
        /// 25.5-bit half steps round up to one extra bit).
        /// </summary>
        public static void Mul(out Ed25519FieldElement r, ref Ed25519FieldElement a, ref Ed25519FieldElement b)
        {
            long f0 = a.L0, f1 = a.L1, f2 = a.L2, f3 = a.L3, f4 = a.L4, f5 = a.L5, f6 = a.L6, f7 = a.L7, f8 = a.L8, f9 = a.L9;
            long g0 = b.L0, g1 = b.L1, g2 = b.L2, g3 = b.L3, g4 = b.L4, g5 = b.L5, g6 = b.L6, g7 = b.L7, g8 = b.L8, g9 = b.L9;
            long f1x2 = 2 * f1;
            long f3x2 = 2 * f3;
            long f5x2 = 2 * f5;
            long f7x2 = 2 * f7;
            long f9x2 = 2 * f9;
            long g1x19 = 19 * g1;
            long g2x19 = 19 * g2;
            long g3x19 = 19 * g3;
            long g4x19 = 19 * g4;
            long g5x19 = 19 * g5;
            long g6x19 = 19 * g6;
            long g7x19 = 19 * g7;
            long g8x19 = 19 * g8;
            long g9x19 = 19 * g9;
            long h0 = f0 * g0 + f1x2 * g9x19 + f2 * g8x19 + f3x2 * g7x19 + f4 * g6x19 + f5x2 * g5x19 + f6 * g4x19 + f7x2 * g3x19 + f8 * g2x19 + f9x2 * g1x19;
            long h1 = f0 * g1 + f1 * g0 + f2 * g9x19 + f3 * g8x19 + f4 * g7x19 + f5 * g6x19 + f6 * g5x19 + f7 * g4x19 + f8 * g3x19 + f9 * g2x19;
            long h2 = f0 * g2 + f1x2 * g1 + f2 * g0 + f3x2 * g9x19 + f4 * g8x19 + f5x2 * g7x19 + f6 * g6x19 + f7x2 * g5x19 + f8 * g4x19 + f9x2 * g3x19;
            long h3 = f0 * g3 + f1 * g2 + f2 * g1 + f3 * g0 + f4 * g9x19 + f5 * g8x19 + f6 * g7x19 + f7 * g6x19 + f8 * g5x19 + f9 * g4x19;
            long h4 = f0 * g4 + f1x2 * g3 + f2 * g2 + f3x2 * g1 + f4 * g0 + f5x2 * g9x19 + f6 * g8x19 + f7x2 * g7x19 + f8 * g6x19 + f9x2 * g5x19;
            long h5 = f0 * g5 + f1 * g4 + f2 * g3 + f3 * g2 + f4 * g1 + f5 * g0 + f6 * g9x19 + f7 * g8x19 + f8 * g7x19 + f9 * g6x19;
            long h6 = f0 * g6 + f1x2 * g5 + f2 * g4 + f3x2 * g3 + f4 * g2 + f5x2 * g1 + f6 * g0 + f7x2 * g9x19 + f8 * g8x19 + f9x2 * g7x19;
            long h7 = f0 * g7 + f1 * g6 + f2 * g5 + f3 * g4 + f4 * g3 + f5 * g2 + f6 * g1 + f7 * g0 + f8 * g9x19 + f9 * g8x19;
            long h8 = f0 * g8 + f1x2 * g7 + f2 * g6 + f3x2 * g5 + f4 * g4 + f5x2 * g3 + f6 * g2 + f7x2 * g1 + f8 * g0 + f9x2 * g9x19;
            long h9 = f0 * g9 + f1 * g8 + f2 * g7 + f3 * g6 + f4 * g5 + f5 * g4 + f6 * g3 + f7 * g2 + f8 * g1 + f9 * g0;

            Carry(out r, h0, h1, h2, h3, h4, h5, h6, h7, h8, h9);
        }

        /// <summary>r = a^2 mod p: the product above with the symmetric terms f_i * f_j (i != j) counted twice.</summary>
        public static void Square(out Ed25519FieldElement r, ref Ed25519FieldElement a)
        {
            long f0 = a.L0, f1 = a.L1, f2 = a.L2, f3 = a.L3, f4 = a.L4, f5 = a.L5, f6 = a.L6, f7 = a.L7, f8 = a.L8, f9 = a.L9;
            long f0x2 = 2 * f0;
            long f1x2 = 2 * f1;
            long f1x4 = 4 * f1;
            long f2x2 = 2 * f2;
            long f3x2 = 2 * f3;
            long f3x4 = 4 * f3;
            long f4x2 = 2 * f4;
            long f5x2 = 2 * f5;
            long f5x4 = 4 * f5;
            long f6x2 = 2 * f6;
            long f7x2 = 2 * f7;
            long f7x4 = 4 * f7;
            long f8x2 = 2 * f8;
            long f9x2 = 2 * f9;
            long f5x19 = 19 * f5;
            long f6x19 = 19 * f6;
            long f7x19 = 19 * f7;
            long f8x19 = 19 * f8;
            long f9x19 = 19 * f9;
            long h0 = f0 * f0 + f1x4 * f9x19 + f2x2 * f8x19 + f3x4 * f7x19 + f4x2 * f6x19 + f5x2 * f5x19;
            long h1 = f0x2 * f1 + f2x2 * f9x19 + f3x2 * f8x19 + f4x2 * f7x19 + f5x2 * f6x19;
            long h2 = f0x2 * f2 + f1x2 * f1 + f3x4 * f9x19 + f4x2 * f8x19 + f5x4 * f7x19 + f6 * f6x19;
            long h3 = f0x2 * f3 + f1x2 * f2 + f4x2 * f9x19 + f5x2 * f8x19 + f6x2 * f7x19;
            long h4 = f0x2 * f4 + f1x4 * f3 + f2 * f2 + f5x4 * f9x19 + f6x2 * f8x19 + f7x2 * f7x19;
            long h5 = f0x2 * f5 + f1x2 * f4 + f2x2 * f3 + f6x2 * f9x19 + f7x2 * f8x19;
            long h6 = f0x2 * f6 + f1x4 * f5 + f2x2 * f4 + f3x2 * f3 + f7x4 * f9x19 + f8 * f8x19;
            long h7 = f0x2 * f7 + f1x2 * f6 + f2x2 * f5 + f3x2 * f4 + f8x2 * f9x19;
            long h8 = f0x2 * f8 + f1x4 * f7 + f2x2 * f6 + f3x4 * f5 + f4 * f4 + f9x2 * f9x19;
            long h9 = f0x2 * f9 + f1x2 * f8 + f2x2 * f7 + f3x2 * f6 + f4x2 * f5;

            Carry(out r, h0, h1, h2, h3, h4, h5, h6, h7, h8, h9);
        }

        /// <summary>r = a^(2^n), n &gt;= 1 squarings.</summary>
        public static void SquareTimes(out Ed25519FieldElement r, ref Ed25519FieldElement a, int n)
        {
            Square(out r, ref a);
            for (int i = 1; i < n; i++)
            {
                Square(out r, ref r);
            }
        }

        /// <summary>
        /// Carries 64-bit limb sums into carried bounds. Each carry rounds to the nearest multiple of the limb
        /// radix, so limbs stay signed and small; the carry out of limb 9 (weight 2^255) re-enters limb 0
        /// multiplied by 19.
        /// </summary>
        private static void Carry(out Ed25519FieldElement r, long h0, long h1, long h2, long h3, long h4, long h5,
            long h6, long h7, long h8, long h9)
        {
            long c;
            c = (h0 + (1L << 25)) >> 26; h1 += c; h0 -= c << 26;
            c = (h4 + (1L << 25)) >> 26; h5 += c; h4 -= c << 26;
            c = (h1 + (1L << 24)) >> 25; h2 += c; h1 -= c << 25;
            c = (h5 + (1L << 24)) >> 25; h6 += c; h5 -= c << 25;
            c = (h2 + (1L << 25)) >> 26; h3 += c; h2 -= c << 26;
            c = (h6 + (1L << 25)) >> 26; h7 += c; h6 -= c << 26;
            c = (h3 + (1L << 24)) >> 25; h4 += c; h3 -= c << 25;
            c = (h7 + (1L << 24)) >> 25; h8 += c; h7 -= c << 25;
            c = (h4 + (1L << 25)) >> 26; h5 += c; h4 -= c << 26;
            c = (h8 + (1L << 25)) >> 26; h9 += c; h8 -= c << 26;
            c = (h9 + (1L << 24)) >> 25; h0 += c * 19; h9 -= c << 25;
            c = (h0 + (1L << 25)) >> 26; h1 += c; h0 -= c << 26;
            r.L0 = (int)h0; r.L1 = (int)h1; r.L2 = (int)h2; r.L3 = (int)h3; r.L4 = (int)h4;
            r.L5 = (int)h5; r.L6 = (int)h6; r.L7 = (int)h7; r.L8 = (int)h8; r.L9 = (int)h9;
        }

        /// <summary>
        /// Computes z^(2^250 - 1), the common prefix of the exponent chains for inversion and square roots
        /// (11 multiplications and 250 squarings).
        /// </summary>
        private static void Pow2To250Minus1(out Ed25519FieldElement r, ref Ed25519FieldElement z, out Ed25519FieldElement z11)
        {
            Ed25519FieldElement t0, t1, t2, t3;
            Square(out t0, ref z);                 // z^2
            SquareTimes(out t1, ref t0, 2);        // z^8
            Mul(out t1, ref t1, ref z);            // z^9
            Mul(out z11, ref t0, ref t1);          // z^11
            Square(out t0, ref z11);               // z^22
            Mul(out t1, ref t1, ref t0);           // z^31 = z^(2^5 - 1)
            SquareTimes(out t0, ref t1, 5);
            Mul(out t1, ref t0, ref t1);           // z^(2^10 - 1)
            SquareTimes(out t0, ref t1, 10);
            Mul(out t2, ref t0, ref t1);           // z^(2^20 - 1)
            SquareTimes(out t0, ref t2, 20);
            Mul(out t0, ref t0, ref t2);           // z^(2^40 - 1)
            SquareTimes(out t0, ref t0, 10);
            Mul(out t2, ref t0, ref t1);           // z^(2^50 - 1)
            SquareTimes(out t0, ref t2, 50);
            Mul(out t3, ref t0, ref t2);           // z^(2^100 - 1)
            SquareTimes(out t0, ref t3, 100);
            Mul(out t0, ref t0, ref t3);           // z^(2^200 - 1)
            SquareTimes(out t0, ref t0, 50);
            Mul(out r, ref t0, ref t2);            // z^(2^250 - 1)
        }

        /// <summary>r = 1/z = z^(p - 2) (Fermat); p - 2 = (2^250 - 1) * 2^5 + 11. Returns 0 for z = 0.</summary>
        public static void Invert(out Ed25519FieldElement r, ref Ed25519FieldElement z)
        {
            Ed25519FieldElement t, z11;
            Pow2To250Minus1(out t, ref z, out z11);
            SquareTimes(out t, ref t, 5);
            Mul(out r, ref t, ref z11);
        }

        /// <summary>r = z^((p - 5) / 8) = z^(2^252 - 3) = z^((2^250 - 1) * 4 + 1), used for square roots (RFC 8032 5.1.3).</summary>
        public static void Pow22523(out Ed25519FieldElement r, ref Ed25519FieldElement z)
        {
            Ed25519FieldElement t, z11;
            Pow2To250Minus1(out t, ref z, out z11);
            SquareTimes(out t, ref t, 2);
            Mul(out r, ref t, ref z);
        }

        /// <summary>
        /// Loads 255 bits little-endian from <paramref name="source"/> (RFC 8032 5.1.2); bit 255 (the sign of x in
        /// a point encoding) is ignored. The value may be up to 2^255 - 1, i.e. not reduced: callers that need
        /// canonical input check it first.
        /// </summary>
        public static void FromBytes(byte[] source, int offset, out Ed25519FieldElement r)
        {
            r.L0 = LoadBits(source, offset, 0, 26);
            r.L1 = LoadBits(source, offset, 26, 25);
            r.L2 = LoadBits(source, offset, 51, 26);
            r.L3 = LoadBits(source, offset, 77, 25);
            r.L4 = LoadBits(source, offset, 102, 26);
            r.L5 = LoadBits(source, offset, 128, 25);
            r.L6 = LoadBits(source, offset, 153, 26);
            r.L7 = LoadBits(source, offset, 179, 25);
            r.L8 = LoadBits(source, offset, 204, 26);
            r.L9 = LoadBits(source, offset, 230, 25);
        }

        private static int LoadBits(byte[] source, int offset, int bitOffset, int width)
        {
            int start = bitOffset >> 3;
            int end = (bitOffset + width + 7) >> 3;
            ulong acc = 0;
            for (int i = end - 1; i >= start; i--)
            {
                acc = (acc << 8) | source[offset + i];
            }

            return (int)((acc >> (bitOffset & 7)) & ((1UL << width) - 1));
        }

        /// <summary>
        /// Writes the canonical 32-byte little-endian encoding of a (the unique representative in [0, p)),
        /// top bit clear (RFC 8032 5.1.2).
        /// </summary>
        public static void ToBytes(ref Ed25519FieldElement a, byte[] destination, int offset)
        {
            long h0 = a.L0, h1 = a.L1, h2 = a.L2, h3 = a.L3, h4 = a.L4, h5 = a.L5, h6 = a.L6, h7 = a.L7, h8 = a.L8, h9 = a.L9;
            long c;

            // Two floor-carry passes make every limb non-negative and within its width, so the value is in
            // [0, 2^255): a negative or slightly large total wraps once through the 19 * carry into limb 0.
            for (int pass = 0; pass < 2; pass++)
            {
                c = h0 >> 26; h1 += c; h0 -= c << 26;
                c = h1 >> 25; h2 += c; h1 -= c << 25;
                c = h2 >> 26; h3 += c; h2 -= c << 26;
                c = h3 >> 25; h4 += c; h3 -= c << 25;
                c = h4 >> 26; h5 += c; h4 -= c << 26;
                c = h5 >> 25; h6 += c; h5 -= c << 25;
                c = h6 >> 26; h7 += c; h6 -= c << 26;
                c = h7 >> 25; h8 += c; h7 -= c << 25;
                c = h8 >> 26; h9 += c; h8 -= c << 26;
                c = h9 >> 25; h0 += c * 19; h9 -= c << 25;
            }

            // Subtract p once if value >= p: value >= p exactly when value + 19 carries out of bit 255.
            c = (h0 + 19) >> 26;
            c = (h1 + c) >> 25;
            c = (h2 + c) >> 26;
            c = (h3 + c) >> 25;
            c = (h4 + c) >> 26;
            c = (h5 + c) >> 25;
            c = (h6 + c) >> 26;
            c = (h7 + c) >> 25;
            c = (h8 + c) >> 26;
            c = (h9 + c) >> 25;
            h0 += 19 * c;
            c = h0 >> 26; h1 += c; h0 -= c << 26;
            c = h1 >> 25; h2 += c; h1 -= c << 25;
            c = h2 >> 26; h3 += c; h2 -= c << 26;
            c = h3 >> 25; h4 += c; h3 -= c << 25;
            c = h4 >> 26; h5 += c; h4 -= c << 26;
            c = h5 >> 25; h6 += c; h5 -= c << 25;
            c = h6 >> 26; h7 += c; h6 -= c << 26;
            c = h7 >> 25; h8 += c; h7 -= c << 25;
            c = h8 >> 26; h9 += c; h8 -= c << 26;
            h9 &= (1L << 25) - 1; // drops 2^255, completing the subtraction of p = 2^255 - 19

            // Pack the limbs (26, 25, 26, ... bits) into bytes through a bit accumulator.
            ulong acc = 0;
            int bits = 0;
            int o = offset;
            AppendLimb(ref acc, ref bits, (ulong)h0, 26, destination, ref o);
            AppendLimb(ref acc, ref bits, (ulong)h1, 25, destination, ref o);
            AppendLimb(ref acc, ref bits, (ulong)h2, 26, destination, ref o);
            AppendLimb(ref acc, ref bits, (ulong)h3, 25, destination, ref o);
            AppendLimb(ref acc, ref bits, (ulong)h4, 26, destination, ref o);
            AppendLimb(ref acc, ref bits, (ulong)h5, 25, destination, ref o);
            AppendLimb(ref acc, ref bits, (ulong)h6, 26, destination, ref o);
            AppendLimb(ref acc, ref bits, (ulong)h7, 25, destination, ref o);
            AppendLimb(ref acc, ref bits, (ulong)h8, 26, destination, ref o);
            AppendLimb(ref acc, ref bits, (ulong)h9, 25, destination, ref o);
            destination[o] = (byte)acc; // the last 7 bits (255 = 31 * 8 + 7)
        }

        private static void AppendLimb(ref ulong acc, ref int bits, ulong limb, int width, byte[] destination, ref int o)
        {
            acc |= limb << bits;
            bits += width;
            while (bits >= 8)
            {
                destination[o++] = (byte)acc;
                acc >>= 8;
                bits -= 8;
            }
        }

        /// <summary>True when a = 0 mod p. Variable time: only for public values.</summary>
        public static bool IsZeroVar(ref Ed25519FieldElement a, byte[] scratch32)
        {
            ToBytes(ref a, scratch32, 0);
            int acc = 0;
            for (int i = 0; i < 32; i++)
            {
                acc |= scratch32[i];
            }

            return acc == 0;
        }

        /// <summary>True when the canonical value of a is odd, the "sign" of x in RFC 8032 5.1.2. Variable time.</summary>
        public static bool IsNegativeVar(ref Ed25519FieldElement a, byte[] scratch32)
        {
            ToBytes(ref a, scratch32, 0);
            return (scratch32[0] & 1) != 0;
        }
    }
}
