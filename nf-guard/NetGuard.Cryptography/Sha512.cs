// Copyright (c) NetGuard contributors. MIT licence.

using System;

namespace NetGuard.Cryptography
{
    /// <summary>SHA-512 (FIPS 180-4 section 6.4), managed: one-shot through <see cref="Hash(byte[])"/>, or incremental (<see cref="Sha2"/>).</summary>
    public sealed class Sha512 : Sha2
    {
        /// <summary>The digest size in bytes (512 bits).</summary>
        public const int HashSize = 64;

        /// <summary>The block size in bytes (1024 bits) over which the compression function runs.</summary>
        public const int BlockSize = 128;


        // K_0..K_79 (FIPS 180-4 section 4.2.3.2): a constant table, never written.
        private static readonly ulong[] RoundConstants =
        {
            0x428A2F98D728AE22UL, 0x7137449123EF65CDUL, 0xB5C0FBCFEC4D3B2FUL, 0xE9B5DBA58189DBBCUL,
            0x3956C25BF348B538UL, 0x59F111F1B605D019UL, 0x923F82A4AF194F9BUL, 0xAB1C5ED5DA6D8118UL,
            0xD807AA98A3030242UL, 0x12835B0145706FBEUL, 0x243185BE4EE4B28CUL, 0x550C7DC3D5FFB4E2UL,
            0x72BE5D74F27B896FUL, 0x80DEB1FE3B1696B1UL, 0x9BDC06A725C71235UL, 0xC19BF174CF692694UL,
            0xE49B69C19EF14AD2UL, 0xEFBE4786384F25E3UL, 0x0FC19DC68B8CD5B5UL, 0x240CA1CC77AC9C65UL,
            0x2DE92C6F592B0275UL, 0x4A7484AA6EA6E483UL, 0x5CB0A9DCBD41FBD4UL, 0x76F988DA831153B5UL,
            0x983E5152EE66DFABUL, 0xA831C66D2DB43210UL, 0xB00327C898FB213FUL, 0xBF597FC7BEEF0EE4UL,
            0xC6E00BF33DA88FC2UL, 0xD5A79147930AA725UL, 0x06CA6351E003826FUL, 0x142929670A0E6E70UL,
            0x27B70A8546D22FFCUL, 0x2E1B21385C26C926UL, 0x4D2C6DFC5AC42AEDUL, 0x53380D139D95B3DFUL,
            0x650A73548BAF63DEUL, 0x766A0ABB3C77B2A8UL, 0x81C2C92E47EDAEE6UL, 0x92722C851482353BUL,
            0xA2BFE8A14CF10364UL, 0xA81A664BBC423001UL, 0xC24B8B70D0F89791UL, 0xC76C51A30654BE30UL,
            0xD192E819D6EF5218UL, 0xD69906245565A910UL, 0xF40E35855771202AUL, 0x106AA07032BBD1B8UL,
            0x19A4C116B8D2D0C8UL, 0x1E376C085141AB53UL, 0x2748774CDF8EEB99UL, 0x34B0BCB5E19B48A8UL,
            0x391C0CB3C5C95A63UL, 0x4ED8AA4AE3418ACBUL, 0x5B9CCA4F7763E373UL, 0x682E6FF3D6B2B8A3UL,
            0x748F82EE5DEFB2FCUL, 0x78A5636F43172F60UL, 0x84C87814A1F0AB72UL, 0x8CC702081A6439ECUL,
            0x90BEFFFA23631E28UL, 0xA4506CEBDE82BDE9UL, 0xBEF9A3F7B2C67915UL, 0xC67178F2E372532BUL,
            0xCA273ECEEA26619CUL, 0xD186B8C721C0C207UL, 0xEADA7DD6CDE0EB1EUL, 0xF57D4F7FEE6ED178UL,
            0x06F067AA72176FBAUL, 0x0A637DC5A2C898A6UL, 0x113F9804BEF90DAEUL, 0x1B710B35131C471BUL,
            0x28DB77F523047D84UL, 0x32CAAB7B40C72493UL, 0x3C9EBE0A15C9BEBCUL, 0x431D67C49C100D4CUL,
            0x4CC5D4BECB3E42B6UL, 0x597F299CFC657E2AUL, 0x5FCB6FAB3AD6FAECUL, 0x6C44198C4A475817UL
        };

        private readonly ulong[] _state = new ulong[88]; // [0, 8): chaining value H; [8, 88): the message schedule W_0..W_79

        /// <summary>Creates an instance ready to hash a new message.</summary>
        public Sha512()
            : base(BlockSize, HashSize, 16)
        {
            Reset();
        }

        /// <summary>Computes the SHA-512 digest of <paramref name="data"/>.</summary>
        /// <param name="data">The message.</param>
        /// <returns>A new 64-byte digest.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
        public static byte[] Hash(byte[] data)
        {
            return new Sha512().HashMessage(data, 0, data == null ? 0 : data.Length);
        }

        /// <summary>Computes the SHA-512 digest of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        /// <param name="data">The array holding the message.</param>
        /// <param name="offset">Index of the first message byte.</param>
        /// <param name="count">Message length in bytes.</param>
        /// <returns>A new 64-byte digest.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range does not fit in <paramref name="data"/>.</exception>
        public static byte[] Hash(byte[] data, int offset, int count)
        {
            return new Sha512().HashMessage(data, offset, count);
        }

        /// <inheritdoc/>
        internal override void SetInitialState()
        {
            _state[0] = 0x6A09E667F3BCC908UL;
            _state[1] = 0xBB67AE8584CAA73BUL;
            _state[2] = 0x3C6EF372FE94F82BUL;
            _state[3] = 0xA54FF53A5F1D36F1UL;
            _state[4] = 0x510E527FADE682D1UL;
            _state[5] = 0x9B05688C2B3E6C1FUL;
            _state[6] = 0x1F83D9ABFB41BD6BUL;
            _state[7] = 0x5BE0CD19137E2179UL;
        }

        /// <inheritdoc/>
        internal override void ClearState()
        {
            Array.Clear(_state, 0, _state.Length);
        }

        /// <inheritdoc/>
        internal override void WriteDigest(byte[] output, int offset)
        {
            for (int i = 0; i < 8; i++, offset += 8)
            {
                ulong s = _state[i];
                for (int j = 7; j >= 0; j--, s >>= 8)
                {
                    output[offset + j] = (byte)s;
                }
            }
        }

        /// <summary>
        /// The compression function (FIPS 180-4 section 6.4.2), eight rounds per loop pass. The message schedule W_0..W_79 is
        /// computed first into w[8..88) (step 1: W_t = sigma1(W_t-2) + W_t-7 + sigma0(W_t-15) + W_t-16). Each round:
        /// T1 = h + Sigma1(e) + Ch(e, f, g) + K_t + W_t; T2 = Sigma0(a) + Maj(a, b, c); the working variables shift,
        /// e = d + T1, a = T1 + T2. Instead of moving eight variables per round, the eight rounds of a pass rename them.
        /// Ch(e, f, g) = g ^ (e &amp; (f ^ g)); Maj(a, b, c) = (a &amp; (b | c)) | (b &amp; c). Eight rounds per pass: on the
        /// nanoFramework interpreter that is as fast as unrolling every round and a fraction of its byte code, and
        /// faster than one round per pass (docs/device-benchmarks.md).
        /// </summary>
        internal override void Compress(byte[] block, int offset)
        {
            ulong[] w = _state;
            for (int t = 8; t < 24; t++, offset += 8)
            {
                w[t] = ((ulong)block[offset] << 56) | ((ulong)block[offset + 1] << 48) | ((ulong)block[offset + 2] << 40) | ((ulong)block[offset + 3] << 32) | ((ulong)block[offset + 4] << 24) | ((ulong)block[offset + 5] << 16) | ((ulong)block[offset + 6] << 8) | block[offset + 7];
            }

            for (int t = 24; t < 88; t++)
            {
                ulong x = w[t - 2];
                ulong y = w[t - 15];
                w[t] = (((x >> 19) | (x << 45)) ^ ((x >> 61) | (x << 3)) ^ (x >> 6)) + w[t - 7] + (((y >> 1) | (y << 63)) ^ ((y >> 8) | (y << 56)) ^ (y >> 7)) + w[t - 16];
            }

            ulong[] k = RoundConstants;
            ulong a = w[0], b = w[1], c = w[2], d = w[3];
            ulong e = w[4], f = w[5], g = w[6], h = w[7];
            for (int t = 0; t < 80; t += 8)
            {
                h += (((e >> 14) | (e << 50)) ^ ((e >> 18) | (e << 46)) ^ ((e >> 41) | (e << 23))) + (g ^ (e & (f ^ g))) + k[t] + w[t + 8];
                d += h;
                h += (((a >> 28) | (a << 36)) ^ ((a >> 34) | (a << 30)) ^ ((a >> 39) | (a << 25))) + ((a & (b | c)) | (b & c));
                g += (((d >> 14) | (d << 50)) ^ ((d >> 18) | (d << 46)) ^ ((d >> 41) | (d << 23))) + (f ^ (d & (e ^ f))) + k[t + 1] + w[t + 9];
                c += g;
                g += (((h >> 28) | (h << 36)) ^ ((h >> 34) | (h << 30)) ^ ((h >> 39) | (h << 25))) + ((h & (a | b)) | (a & b));
                f += (((c >> 14) | (c << 50)) ^ ((c >> 18) | (c << 46)) ^ ((c >> 41) | (c << 23))) + (e ^ (c & (d ^ e))) + k[t + 2] + w[t + 10];
                b += f;
                f += (((g >> 28) | (g << 36)) ^ ((g >> 34) | (g << 30)) ^ ((g >> 39) | (g << 25))) + ((g & (h | a)) | (h & a));
                e += (((b >> 14) | (b << 50)) ^ ((b >> 18) | (b << 46)) ^ ((b >> 41) | (b << 23))) + (d ^ (b & (c ^ d))) + k[t + 3] + w[t + 11];
                a += e;
                e += (((f >> 28) | (f << 36)) ^ ((f >> 34) | (f << 30)) ^ ((f >> 39) | (f << 25))) + ((f & (g | h)) | (g & h));
                d += (((a >> 14) | (a << 50)) ^ ((a >> 18) | (a << 46)) ^ ((a >> 41) | (a << 23))) + (c ^ (a & (b ^ c))) + k[t + 4] + w[t + 12];
                h += d;
                d += (((e >> 28) | (e << 36)) ^ ((e >> 34) | (e << 30)) ^ ((e >> 39) | (e << 25))) + ((e & (f | g)) | (f & g));
                c += (((h >> 14) | (h << 50)) ^ ((h >> 18) | (h << 46)) ^ ((h >> 41) | (h << 23))) + (b ^ (h & (a ^ b))) + k[t + 5] + w[t + 13];
                g += c;
                c += (((d >> 28) | (d << 36)) ^ ((d >> 34) | (d << 30)) ^ ((d >> 39) | (d << 25))) + ((d & (e | f)) | (e & f));
                b += (((g >> 14) | (g << 50)) ^ ((g >> 18) | (g << 46)) ^ ((g >> 41) | (g << 23))) + (a ^ (g & (h ^ a))) + k[t + 6] + w[t + 14];
                f += b;
                b += (((c >> 28) | (c << 36)) ^ ((c >> 34) | (c << 30)) ^ ((c >> 39) | (c << 25))) + ((c & (d | e)) | (d & e));
                a += (((f >> 14) | (f << 50)) ^ ((f >> 18) | (f << 46)) ^ ((f >> 41) | (f << 23))) + (h ^ (f & (g ^ h))) + k[t + 7] + w[t + 15];
                e += a;
                a += (((b >> 28) | (b << 36)) ^ ((b >> 34) | (b << 30)) ^ ((b >> 39) | (b << 25))) + ((b & (c | d)) | (c & d));
            }

            w[0] += a; w[1] += b; w[2] += c; w[3] += d;
            w[4] += e; w[5] += f; w[6] += g; w[7] += h;
        }
    }
}
