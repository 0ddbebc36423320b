// Copyright (c) NetGuard contributors. MIT licence.

using System;

namespace NetGuard.Cryptography
{
    /// <summary>SHA-256 (FIPS 180-4 section 6.2), managed: one-shot through <see cref="Hash(byte[])"/>, or incremental (<see cref="Sha2"/>).</summary>
    public sealed class Sha256 : Sha2
    {
        /// <summary>The digest size in bytes (256 bits).</summary>
        public const int HashSize = 32;

        /// <summary>The block size in bytes (512 bits) over which the compression function runs.</summary>
        public const int BlockSize = 64;


        // K_0..K_63 (FIPS 180-4 section 4.2.2.2): a constant table, never written.
        private static readonly uint[] RoundConstants =
        {
            0x428A2F98u, 0x71374491u, 0xB5C0FBCFu, 0xE9B5DBA5u,
            0x3956C25Bu, 0x59F111F1u, 0x923F82A4u, 0xAB1C5ED5u,
            0xD807AA98u, 0x12835B01u, 0x243185BEu, 0x550C7DC3u,
            0x72BE5D74u, 0x80DEB1FEu, 0x9BDC06A7u, 0xC19BF174u,
            0xE49B69C1u, 0xEFBE4786u, 0x0FC19DC6u, 0x240CA1CCu,
            0x2DE92C6Fu, 0x4A7484AAu, 0x5CB0A9DCu, 0x76F988DAu,
            0x983E5152u, 0xA831C66Du, 0xB00327C8u, 0xBF597FC7u,
            0xC6E00BF3u, 0xD5A79147u, 0x06CA6351u, 0x14292967u,
            0x27B70A85u, 0x2E1B2138u, 0x4D2C6DFCu, 0x53380D13u,
            0x650A7354u, 0x766A0ABBu, 0x81C2C92Eu, 0x92722C85u,
            0xA2BFE8A1u, 0xA81A664Bu, 0xC24B8B70u, 0xC76C51A3u,
            0xD192E819u, 0xD6990624u, 0xF40E3585u, 0x106AA070u,
            0x19A4C116u, 0x1E376C08u, 0x2748774Cu, 0x34B0BCB5u,
            0x391C0CB3u, 0x4ED8AA4Au, 0x5B9CCA4Fu, 0x682E6FF3u,
            0x748F82EEu, 0x78A5636Fu, 0x84C87814u, 0x8CC70208u,
            0x90BEFFFAu, 0xA4506CEBu, 0xBEF9A3F7u, 0xC67178F2u
        };

        private readonly uint[] _state = new uint[72]; // [0, 8): chaining value H; [8, 72): the message schedule W_0..W_63

        /// <summary>Creates an instance ready to hash a new message.</summary>
        public Sha256()
            : base(BlockSize, HashSize, 8)
        {
            Reset();
        }

        /// <summary>Computes the SHA-256 digest of <paramref name="data"/>.</summary>
        /// <param name="data">The message.</param>
        /// <returns>A new 32-byte digest.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
        public static byte[] Hash(byte[] data)
        {
            return new Sha256().HashMessage(data, 0, data == null ? 0 : data.Length);
        }

        /// <summary>Computes the SHA-256 digest of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        /// <param name="data">The array holding the message.</param>
        /// <param name="offset">Index of the first message byte.</param>
        /// <param name="count">Message length in bytes.</param>
        /// <returns>A new 32-byte digest.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range does not fit in <paramref name="data"/>.</exception>
        public static byte[] Hash(byte[] data, int offset, int count)
        {
            return new Sha256().HashMessage(data, offset, count);
        }

        /// <inheritdoc/>
        internal override void SetInitialState()
        {
            _state[0] = 0x6A09E667u;
            _state[1] = 0xBB67AE85u;
            _state[2] = 0x3C6EF372u;
            _state[3] = 0xA54FF53Au;
            _state[4] = 0x510E527Fu;
            _state[5] = 0x9B05688Cu;
            _state[6] = 0x1F83D9ABu;
            _state[7] = 0x5BE0CD19u;
        }

        /// <summary>Copies the chaining value; valid only on a block boundary (used to precompute HMAC pads).</summary>
        internal void GetState(uint[] destination)
        {
            Array.Copy(_state, destination, 8);
        }

        /// <summary>Restarts from a chaining value saved on a block boundary after <paramref name="byteCount"/> bytes.</summary>
        internal void SetState(uint[] source, long byteCount)
        {
            Array.Copy(source, _state, 8);
            Restart(byteCount);
        }

        /// <inheritdoc/>
        internal override void ClearState()
        {
            Array.Clear(_state, 0, _state.Length);
        }

        /// <inheritdoc/>
        internal override void WriteDigest(byte[] output, int offset)
        {
            for (int i = 0; i < 8; i++, offset += 4)
            {
                uint s = _state[i];
                for (int j = 3; j >= 0; j--, s >>= 8)
                {
                    output[offset + j] = (byte)s;
                }
            }
        }

        /// <summary>
        /// The compression function (FIPS 180-4 section 6.2.2), eight rounds per loop pass. The message schedule W_0..W_63 is
        /// computed first into w[8..72) (step 1: W_t = sigma1(W_t-2) + W_t-7 + sigma0(W_t-15) + W_t-16). Each round:
        /// T1 = h + Sigma1(e) + Ch(e, f, g) + K_t + W_t; T2 = Sigma0(a) + Maj(a, b, c); the working variables shift,
        /// e = d + T1, a = T1 + T2. Instead of moving eight variables per round, the eight rounds of a pass rename them.
        /// Ch(e, f, g) = g ^ (e &amp; (f ^ g)); Maj(a, b, c) = (a &amp; (b | c)) | (b &amp; c). Eight rounds per pass: on the
        /// nanoFramework interpreter that is as fast as unrolling every round and a fraction of its byte code, and
        /// faster than one round per pass (docs/device-benchmarks.md).
        /// </summary>
        internal override void Compress(byte[] block, int offset)
        {
            uint[] w = _state;
            for (int t = 8; t < 24; t++, offset += 4)
            {
                w[t] = ((uint)block[offset] << 24) | ((uint)block[offset + 1] << 16) | ((uint)block[offset + 2] << 8) | block[offset + 3];
            }

            for (int t = 24; t < 72; t++)
            {
                uint x = w[t - 2];
                uint y = w[t - 15];
                w[t] = (((x >> 17) | (x << 15)) ^ ((x >> 19) | (x << 13)) ^ (x >> 10)) + w[t - 7] + (((y >> 7) | (y << 25)) ^ ((y >> 18) | (y << 14)) ^ (y >> 3)) + w[t - 16];
            }

            uint[] k = RoundConstants;
            uint a = w[0], b = w[1], c = w[2], d = w[3];
            uint e = w[4], f = w[5], g = w[6], h = w[7];
            for (int t = 0; t < 64; t += 8)
            {
                h += (((e >> 6) | (e << 26)) ^ ((e >> 11) | (e << 21)) ^ ((e >> 25) | (e << 7))) + (g ^ (e & (f ^ g))) + k[t] + w[t + 8];
                d += h;
                h += (((a >> 2) | (a << 30)) ^ ((a >> 13) | (a << 19)) ^ ((a >> 22) | (a << 10))) + ((a & (b | c)) | (b & c));
                g += (((d >> 6) | (d << 26)) ^ ((d >> 11) | (d << 21)) ^ ((d >> 25) | (d << 7))) + (f ^ (d & (e ^ f))) + k[t + 1] + w[t + 9];
                c += g;
                g += (((h >> 2) | (h << 30)) ^ ((h >> 13) | (h << 19)) ^ ((h >> 22) | (h << 10))) + ((h & (a | b)) | (a & b));
                f += (((c >> 6) | (c << 26)) ^ ((c >> 11) | (c << 21)) ^ ((c >> 25) | (c << 7))) + (e ^ (c & (d ^ e))) + k[t + 2] + w[t + 10];
                b += f;
                f += (((g >> 2) | (g << 30)) ^ ((g >> 13) | (g << 19)) ^ ((g >> 22) | (g << 10))) + ((g & (h | a)) | (h & a));
                e += (((b >> 6) | (b << 26)) ^ ((b >> 11) | (b << 21)) ^ ((b >> 25) | (b << 7))) + (d ^ (b & (c ^ d))) + k[t + 3] + w[t + 11];
                a += e;
                e += (((f >> 2) | (f << 30)) ^ ((f >> 13) | (f << 19)) ^ ((f >> 22) | (f << 10))) + ((f & (g | h)) | (g & h));
                d += (((a >> 6) | (a << 26)) ^ ((a >> 11) | (a << 21)) ^ ((a >> 25) | (a << 7))) + (c ^ (a & (b ^ c))) + k[t + 4] + w[t + 12];
                h += d;
                d += (((e >> 2) | (e << 30)) ^ ((e >> 13) | (e << 19)) ^ ((e >> 22) | (e << 10))) + ((e & (f | g)) | (f & g));
                c += (((h >> 6) | (h << 26)) ^ ((h >> 11) | (h << 21)) ^ ((h >> 25) | (h << 7))) + (b ^ (h & (a ^ b))) + k[t + 5] + w[t + 13];
                g += c;
                c += (((d >> 2) | (d << 30)) ^ ((d >> 13) | (d << 19)) ^ ((d >> 22) | (d << 10))) + ((d & (e | f)) | (e & f));
                b += (((g >> 6) | (g << 26)) ^ ((g >> 11) | (g << 21)) ^ ((g >> 25) | (g << 7))) + (a ^ (g & (h ^ a))) + k[t + 6] + w[t + 14];
                f += b;
                b += (((c >> 2) | (c << 30)) ^ ((c >> 13) | (c << 19)) ^ ((c >> 22) | (c << 10))) + ((c & (d | e)) | (d & e));
                a += (((f >> 6) | (f << 26)) ^ ((f >> 11) | (f << 21)) ^ ((f >> 25) | (f << 7))) + (h ^ (f & (g ^ h))) + k[t + 7] + w[t + 15];
                e += a;
                a += (((b >> 2) | (b << 30)) ^ ((b >> 13) | (b << 19)) ^ ((b >> 22) | (b << 10))) + ((b & (c | d)) | (c & d));
            }

            w[0] += a; w[1] += b; w[2] += c; w[3] += d;
            w[4] += e; w[5] += f; w[6] += g; w[7] += h;
        }
    }
}
