// Copyright (c) NetGuard contributors. MIT licence.

using System;

namespace NetGuard.Cryptography
{
    /// <summary>
    /// SHA-256 (FIPS 180-4 section 6.2), managed. One-shot through <see cref="Hash(byte[])"/>, or incremental:
    /// <see cref="Append"/> any number of times, then <see cref="Finish"/>, which writes the digest and resets the
    /// instance for the next message. Hashing allocates nothing per block: the message schedule window is allocated once with the instance.
    /// An instance is not thread safe.
    /// </summary>
    public sealed class Sha256
    {
        /// <summary>The digest size in bytes (256 bits).</summary>
        public const int HashSize = 32;

        /// <summary>The block size in bytes (512 bits) over which the compression function runs.</summary>
        public const int BlockSize = 64;

        private const int LengthFieldOffset = 64 - 8; // FIPS 180-4 5.1: the last 64 bits of the final block hold the bit length

        private readonly uint[] _state = new uint[24]; // [0, 8): chaining value H; [8, 24): the 16-word message schedule window
        private readonly byte[] _buffer = new byte[BlockSize];
        private int _bufferCount;
        private long _byteCount;

        /// <summary>Creates an instance ready to hash a new message.</summary>
        public Sha256()
        {
            Reset();
        }

        /// <summary>Computes the SHA-256 digest of <paramref name="data"/>.</summary>
        /// <param name="data">The message.</param>
        /// <returns>A new 32-byte digest.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
        public static byte[] Hash(byte[] data)
        {
            if (data == null)
            {
                throw new ArgumentNullException(nameof(data));
            }

            return Hash(data, 0, data.Length);
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
            Sha256 hash = new Sha256();
            hash.Append(data, offset, count);
            byte[] digest = new byte[HashSize];
            hash.Finish(digest, 0);
            return digest;
        }

        /// <summary>Appends <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/> to the message.</summary>
        /// <param name="data">The array holding the bytes.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <param name="count">Number of bytes; zero is allowed.</param>
        /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range does not fit in <paramref name="data"/>.</exception>
        public void Append(byte[] data, int offset, int count)
        {
            CryptoArguments.CheckRange(data, offset, count, nameof(data), nameof(offset), nameof(count));
            _byteCount += count;

            if (_bufferCount > 0)
            {
                int take = BlockSize - _bufferCount;
                if (take > count)
                {
                    take = count;
                }

                Array.Copy(data, offset, _buffer, _bufferCount, take);
                _bufferCount += take;
                offset += take;
                count -= take;
                if (_bufferCount < BlockSize)
                {
                    return;
                }

                Compress(_buffer, 0);
                _bufferCount = 0;
            }

            while (count >= BlockSize)
            {
                Compress(data, offset);
                offset += BlockSize;
                count -= BlockSize;
            }

            if (count > 0)
            {
                Array.Copy(data, offset, _buffer, 0, count);
                _bufferCount = count;
            }
        }

        /// <summary>
        /// Pads the message (FIPS 180-4 5.1.1), writes the 32-byte digest to <paramref name="output"/> at
        /// <paramref name="outputOffset"/>, and resets the instance.
        /// </summary>
        /// <param name="output">Receives the digest.</param>
        /// <param name="outputOffset">Index of the first digest byte.</param>
        /// <exception cref="ArgumentNullException"><paramref name="output"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">Fewer than 32 bytes fit from <paramref name="outputOffset"/>.</exception>
        public void Finish(byte[] output, int outputOffset)
        {
            CryptoArguments.CheckSpace(output, outputOffset, HashSize, nameof(output), nameof(outputOffset));

            // FIPS 180-4 5.1.1: a 1 bit, zeros up to 56 bytes mod 64, then the 64-bit big-endian
            // message length in bits. Byte counts up to 2^63 - 1 give bit lengths below 2^66.
            _buffer[_bufferCount++] = 0x80;
            if (_bufferCount > LengthFieldOffset)
            {
                Array.Clear(_buffer, _bufferCount, BlockSize - _bufferCount);
                Compress(_buffer, 0);
                _bufferCount = 0;
            }

            Array.Clear(_buffer, _bufferCount, LengthFieldOffset - _bufferCount);
            long bitLength = _byteCount << 3;
            _buffer[LengthFieldOffset + 0] = (byte)(bitLength >> 56);
            _buffer[LengthFieldOffset + 1] = (byte)(bitLength >> 48);
            _buffer[LengthFieldOffset + 2] = (byte)(bitLength >> 40);
            _buffer[LengthFieldOffset + 3] = (byte)(bitLength >> 32);
            _buffer[LengthFieldOffset + 4] = (byte)(bitLength >> 24);
            _buffer[LengthFieldOffset + 5] = (byte)(bitLength >> 16);
            _buffer[LengthFieldOffset + 6] = (byte)(bitLength >> 8);
            _buffer[LengthFieldOffset + 7] = (byte)(bitLength >> 0);
            Compress(_buffer, 0);

            for (int i = 0; i < 8; i++)
            {
                uint s = _state[i];
                output[outputOffset + (i * 4) + 0] = (byte)(s >> 24);
                output[outputOffset + (i * 4) + 1] = (byte)(s >> 16);
                output[outputOffset + (i * 4) + 2] = (byte)(s >> 8);
                output[outputOffset + (i * 4) + 3] = (byte)s;
            }

            Reset();
        }

        /// <summary>Discards any appended data and starts a new message (FIPS 180-4 5.3.3 initial hash value).</summary>
        public void Reset()
        {
            _state[0] = 0x6A09E667u;
            _state[1] = 0xBB67AE85u;
            _state[2] = 0x3C6EF372u;
            _state[3] = 0xA54FF53Au;
            _state[4] = 0x510E527Fu;
            _state[5] = 0x9B05688Cu;
            _state[6] = 0x1F83D9ABu;
            _state[7] = 0x5BE0CD19u;
            Array.Clear(_buffer, 0, BlockSize);
            _bufferCount = 0;
            _byteCount = 0;
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
            _bufferCount = 0;
            _byteCount = byteCount;
        }

        /// <summary>Overwrites the chaining value and buffered bytes (which may derive from a key) with zeros.</summary>
        internal void Wipe()
        {
            Array.Clear(_state, 0, _state.Length);
            Array.Clear(_buffer, 0, BlockSize);
            _bufferCount = 0;
            _byteCount = 0;
        }

        /// <summary>
        /// The compression function (FIPS 180-4 6.2.2), fully unrolled. The schedule W_t (6.2.2 step 1) is kept
        /// in a 16-word rolling window w[8]..w[23]: W_t = sigma1(W_t-2) + W_t-7 + sigma0(W_t-15) + W_t-16.
        /// Each round: T1 = h + Sigma1(e) + Ch(e, f, g) + K_t + W_t; T2 = Sigma0(a) + Maj(a, b, c);
        /// the working variables shift, e = d + T1, a = T1 + T2. Instead of moving eight variables per round,
        /// the code renames them: the variable written as h in round t plays a in round t + 1.
        /// Ch(e, f, g) = g ^ (e &amp; (f ^ g)); Maj(a, b, c) = (a &amp; (b | c)) | (b &amp; c).
        /// </summary>
        private void Compress(byte[] block, int offset)
        {
            uint[] w = _state;
            w[23] = 0; // one bounds check up front lets the JIT drop the checks on the constant indices below
            w[8] = ((uint)block[offset + 0] << 24) | ((uint)block[offset + 1] << 16) | ((uint)block[offset + 2] << 8) | block[offset + 3];
            w[9] = ((uint)block[offset + 4] << 24) | ((uint)block[offset + 5] << 16) | ((uint)block[offset + 6] << 8) | block[offset + 7];
            w[10] = ((uint)block[offset + 8] << 24) | ((uint)block[offset + 9] << 16) | ((uint)block[offset + 10] << 8) | block[offset + 11];
            w[11] = ((uint)block[offset + 12] << 24) | ((uint)block[offset + 13] << 16) | ((uint)block[offset + 14] << 8) | block[offset + 15];
            w[12] = ((uint)block[offset + 16] << 24) | ((uint)block[offset + 17] << 16) | ((uint)block[offset + 18] << 8) | block[offset + 19];
            w[13] = ((uint)block[offset + 20] << 24) | ((uint)block[offset + 21] << 16) | ((uint)block[offset + 22] << 8) | block[offset + 23];
            w[14] = ((uint)block[offset + 24] << 24) | ((uint)block[offset + 25] << 16) | ((uint)block[offset + 26] << 8) | block[offset + 27];
            w[15] = ((uint)block[offset + 28] << 24) | ((uint)block[offset + 29] << 16) | ((uint)block[offset + 30] << 8) | block[offset + 31];
            w[16] = ((uint)block[offset + 32] << 24) | ((uint)block[offset + 33] << 16) | ((uint)block[offset + 34] << 8) | block[offset + 35];
            w[17] = ((uint)block[offset + 36] << 24) | ((uint)block[offset + 37] << 16) | ((uint)block[offset + 38] << 8) | block[offset + 39];
            w[18] = ((uint)block[offset + 40] << 24) | ((uint)block[offset + 41] << 16) | ((uint)block[offset + 42] << 8) | block[offset + 43];
            w[19] = ((uint)block[offset + 44] << 24) | ((uint)block[offset + 45] << 16) | ((uint)block[offset + 46] << 8) | block[offset + 47];
            w[20] = ((uint)block[offset + 48] << 24) | ((uint)block[offset + 49] << 16) | ((uint)block[offset + 50] << 8) | block[offset + 51];
            w[21] = ((uint)block[offset + 52] << 24) | ((uint)block[offset + 53] << 16) | ((uint)block[offset + 54] << 8) | block[offset + 55];
            w[22] = ((uint)block[offset + 56] << 24) | ((uint)block[offset + 57] << 16) | ((uint)block[offset + 58] << 8) | block[offset + 59];
            w[23] = ((uint)block[offset + 60] << 24) | ((uint)block[offset + 61] << 16) | ((uint)block[offset + 62] << 8) | block[offset + 63];
            uint a = w[0], b = w[1], c = w[2], d = w[3];
            uint e = w[4], f = w[5], g = w[6], h = w[7];

            h += (((e >> 6) | (e << 26)) ^ ((e >> 11) | (e << 21)) ^ ((e >> 25) | (e << 7))) + (g ^ (e & (f ^ g))) + 0x428A2F98u + w[8];
            d += h;
            h += (((a >> 2) | (a << 30)) ^ ((a >> 13) | (a << 19)) ^ ((a >> 22) | (a << 10))) + ((a & (b | c)) | (b & c));
            g += (((d >> 6) | (d << 26)) ^ ((d >> 11) | (d << 21)) ^ ((d >> 25) | (d << 7))) + (f ^ (d & (e ^ f))) + 0x71374491u + w[9];
            c += g;
            g += (((h >> 2) | (h << 30)) ^ ((h >> 13) | (h << 19)) ^ ((h >> 22) | (h << 10))) + ((h & (a | b)) | (a & b));
            f += (((c >> 6) | (c << 26)) ^ ((c >> 11) | (c << 21)) ^ ((c >> 25) | (c << 7))) + (e ^ (c & (d ^ e))) + 0xB5C0FBCFu + w[10];
            b += f;
            f += (((g >> 2) | (g << 30)) ^ ((g >> 13) | (g << 19)) ^ ((g >> 22) | (g << 10))) + ((g & (h | a)) | (h & a));
            e += (((b >> 6) | (b << 26)) ^ ((b >> 11) | (b << 21)) ^ ((b >> 25) | (b << 7))) + (d ^ (b & (c ^ d))) + 0xE9B5DBA5u + w[11];
            a += e;
            e += (((f >> 2) | (f << 30)) ^ ((f >> 13) | (f << 19)) ^ ((f >> 22) | (f << 10))) + ((f & (g | h)) | (g & h));
            d += (((a >> 6) | (a << 26)) ^ ((a >> 11) | (a << 21)) ^ ((a >> 25) | (a << 7))) + (c ^ (a & (b ^ c))) + 0x3956C25Bu + w[12];
            h += d;
            d += (((e >> 2) | (e << 30)) ^ ((e >> 13) | (e << 19)) ^ ((e >> 22) | (e << 10))) + ((e & (f | g)) | (f & g));
            c += (((h >> 6) | (h << 26)) ^ ((h >> 11) | (h << 21)) ^ ((h >> 25) | (h << 7))) + (b ^ (h & (a ^ b))) + 0x59F111F1u + w[13];
            g += c;
            c += (((d >> 2) | (d << 30)) ^ ((d >> 13) | (d << 19)) ^ ((d >> 22) | (d << 10))) + ((d & (e | f)) | (e & f));
            b += (((g >> 6) | (g << 26)) ^ ((g >> 11) | (g << 21)) ^ ((g >> 25) | (g << 7))) + (a ^ (g & (h ^ a))) + 0x923F82A4u + w[14];
            f += b;
            b += (((c >> 2) | (c << 30)) ^ ((c >> 13) | (c << 19)) ^ ((c >> 22) | (c << 10))) + ((c & (d | e)) | (d & e));
            a += (((f >> 6) | (f << 26)) ^ ((f >> 11) | (f << 21)) ^ ((f >> 25) | (f << 7))) + (h ^ (f & (g ^ h))) + 0xAB1C5ED5u + w[15];
            e += a;
            a += (((b >> 2) | (b << 30)) ^ ((b >> 13) | (b << 19)) ^ ((b >> 22) | (b << 10))) + ((b & (c | d)) | (c & d));
            h += (((e >> 6) | (e << 26)) ^ ((e >> 11) | (e << 21)) ^ ((e >> 25) | (e << 7))) + (g ^ (e & (f ^ g))) + 0xD807AA98u + w[16];
            d += h;
            h += (((a >> 2) | (a << 30)) ^ ((a >> 13) | (a << 19)) ^ ((a >> 22) | (a << 10))) + ((a & (b | c)) | (b & c));
            g += (((d >> 6) | (d << 26)) ^ ((d >> 11) | (d << 21)) ^ ((d >> 25) | (d << 7))) + (f ^ (d & (e ^ f))) + 0x12835B01u + w[17];
            c += g;
            g += (((h >> 2) | (h << 30)) ^ ((h >> 13) | (h << 19)) ^ ((h >> 22) | (h << 10))) + ((h & (a | b)) | (a & b));
            f += (((c >> 6) | (c << 26)) ^ ((c >> 11) | (c << 21)) ^ ((c >> 25) | (c << 7))) + (e ^ (c & (d ^ e))) + 0x243185BEu + w[18];
            b += f;
            f += (((g >> 2) | (g << 30)) ^ ((g >> 13) | (g << 19)) ^ ((g >> 22) | (g << 10))) + ((g & (h | a)) | (h & a));
            e += (((b >> 6) | (b << 26)) ^ ((b >> 11) | (b << 21)) ^ ((b >> 25) | (b << 7))) + (d ^ (b & (c ^ d))) + 0x550C7DC3u + w[19];
            a += e;
            e += (((f >> 2) | (f << 30)) ^ ((f >> 13) | (f << 19)) ^ ((f >> 22) | (f << 10))) + ((f & (g | h)) | (g & h));
            d += (((a >> 6) | (a << 26)) ^ ((a >> 11) | (a << 21)) ^ ((a >> 25) | (a << 7))) + (c ^ (a & (b ^ c))) + 0x72BE5D74u + w[20];
            h += d;
            d += (((e >> 2) | (e << 30)) ^ ((e >> 13) | (e << 19)) ^ ((e >> 22) | (e << 10))) + ((e & (f | g)) | (f & g));
            c += (((h >> 6) | (h << 26)) ^ ((h >> 11) | (h << 21)) ^ ((h >> 25) | (h << 7))) + (b ^ (h & (a ^ b))) + 0x80DEB1FEu + w[21];
            g += c;
            c += (((d >> 2) | (d << 30)) ^ ((d >> 13) | (d << 19)) ^ ((d >> 22) | (d << 10))) + ((d & (e | f)) | (e & f));
            b += (((g >> 6) | (g << 26)) ^ ((g >> 11) | (g << 21)) ^ ((g >> 25) | (g << 7))) + (a ^ (g & (h ^ a))) + 0x9BDC06A7u + w[22];
            f += b;
            b += (((c >> 2) | (c << 30)) ^ ((c >> 13) | (c << 19)) ^ ((c >> 22) | (c << 10))) + ((c & (d | e)) | (d & e));
            a += (((f >> 6) | (f << 26)) ^ ((f >> 11) | (f << 21)) ^ ((f >> 25) | (f << 7))) + (h ^ (f & (g ^ h))) + 0xC19BF174u + w[23];
            e += a;
            a += (((b >> 2) | (b << 30)) ^ ((b >> 13) | (b << 19)) ^ ((b >> 22) | (b << 10))) + ((b & (c | d)) | (c & d));
            w[8] += (((w[22] >> 17) | (w[22] << 15)) ^ ((w[22] >> 19) | (w[22] << 13)) ^ (w[22] >> 10)) + w[17] + (((w[9] >> 7) | (w[9] << 25)) ^ ((w[9] >> 18) | (w[9] << 14)) ^ (w[9] >> 3));
            h += (((e >> 6) | (e << 26)) ^ ((e >> 11) | (e << 21)) ^ ((e >> 25) | (e << 7))) + (g ^ (e & (f ^ g))) + 0xE49B69C1u + w[8];
            d += h;
            h += (((a >> 2) | (a << 30)) ^ ((a >> 13) | (a << 19)) ^ ((a >> 22) | (a << 10))) + ((a & (b | c)) | (b & c));
            w[9] += (((w[23] >> 17) | (w[23] << 15)) ^ ((w[23] >> 19) | (w[23] << 13)) ^ (w[23] >> 10)) + w[18] + (((w[10] >> 7) | (w[10] << 25)) ^ ((w[10] >> 18) | (w[10] << 14)) ^ (w[10] >> 3));
            g += (((d >> 6) | (d << 26)) ^ ((d >> 11) | (d << 21)) ^ ((d >> 25) | (d << 7))) + (f ^ (d & (e ^ f))) + 0xEFBE4786u + w[9];
            c += g;
            g += (((h >> 2) | (h << 30)) ^ ((h >> 13) | (h << 19)) ^ ((h >> 22) | (h << 10))) + ((h & (a | b)) | (a & b));
            w[10] += (((w[8] >> 17) | (w[8] << 15)) ^ ((w[8] >> 19) | (w[8] << 13)) ^ (w[8] >> 10)) + w[19] + (((w[11] >> 7) | (w[11] << 25)) ^ ((w[11] >> 18) | (w[11] << 14)) ^ (w[11] >> 3));
            f += (((c >> 6) | (c << 26)) ^ ((c >> 11) | (c << 21)) ^ ((c >> 25) | (c << 7))) + (e ^ (c & (d ^ e))) + 0x0FC19DC6u + w[10];
            b += f;
            f += (((g >> 2) | (g << 30)) ^ ((g >> 13) | (g << 19)) ^ ((g >> 22) | (g << 10))) + ((g & (h | a)) | (h & a));
            w[11] += (((w[9] >> 17) | (w[9] << 15)) ^ ((w[9] >> 19) | (w[9] << 13)) ^ (w[9] >> 10)) + w[20] + (((w[12] >> 7) | (w[12] << 25)) ^ ((w[12] >> 18) | (w[12] << 14)) ^ (w[12] >> 3));
            e += (((b >> 6) | (b << 26)) ^ ((b >> 11) | (b << 21)) ^ ((b >> 25) | (b << 7))) + (d ^ (b & (c ^ d))) + 0x240CA1CCu + w[11];
            a += e;
            e += (((f >> 2) | (f << 30)) ^ ((f >> 13) | (f << 19)) ^ ((f >> 22) | (f << 10))) + ((f & (g | h)) | (g & h));
            w[12] += (((w[10] >> 17) | (w[10] << 15)) ^ ((w[10] >> 19) | (w[10] << 13)) ^ (w[10] >> 10)) + w[21] + (((w[13] >> 7) | (w[13] << 25)) ^ ((w[13] >> 18) | (w[13] << 14)) ^ (w[13] >> 3));
            d += (((a >> 6) | (a << 26)) ^ ((a >> 11) | (a << 21)) ^ ((a >> 25) | (a << 7))) + (c ^ (a & (b ^ c))) + 0x2DE92C6Fu + w[12];
            h += d;
            d += (((e >> 2) | (e << 30)) ^ ((e >> 13) | (e << 19)) ^ ((e >> 22) | (e << 10))) + ((e & (f | g)) | (f & g));
            w[13] += (((w[11] >> 17) | (w[11] << 15)) ^ ((w[11] >> 19) | (w[11] << 13)) ^ (w[11] >> 10)) + w[22] + (((w[14] >> 7) | (w[14] << 25)) ^ ((w[14] >> 18) | (w[14] << 14)) ^ (w[14] >> 3));
            c += (((h >> 6) | (h << 26)) ^ ((h >> 11) | (h << 21)) ^ ((h >> 25) | (h << 7))) + (b ^ (h & (a ^ b))) + 0x4A7484AAu + w[13];
            g += c;
            c += (((d >> 2) | (d << 30)) ^ ((d >> 13) | (d << 19)) ^ ((d >> 22) | (d << 10))) + ((d & (e | f)) | (e & f));
            w[14] += (((w[12] >> 17) | (w[12] << 15)) ^ ((w[12] >> 19) | (w[12] << 13)) ^ (w[12] >> 10)) + w[23] + (((w[15] >> 7) | (w[15] << 25)) ^ ((w[15] >> 18) | (w[15] << 14)) ^ (w[15] >> 3));
            b += (((g >> 6) | (g << 26)) ^ ((g >> 11) | (g << 21)) ^ ((g >> 25) | (g << 7))) + (a ^ (g & (h ^ a))) + 0x5CB0A9DCu + w[14];
            f += b;
            b += (((c >> 2) | (c << 30)) ^ ((c >> 13) | (c << 19)) ^ ((c >> 22) | (c << 10))) + ((c & (d | e)) | (d & e));
            w[15] += (((w[13] >> 17) | (w[13] << 15)) ^ ((w[13] >> 19) | (w[13] << 13)) ^ (w[13] >> 10)) + w[8] + (((w[16] >> 7) | (w[16] << 25)) ^ ((w[16] >> 18) | (w[16] << 14)) ^ (w[16] >> 3));
            a += (((f >> 6) | (f << 26)) ^ ((f >> 11) | (f << 21)) ^ ((f >> 25) | (f << 7))) + (h ^ (f & (g ^ h))) + 0x76F988DAu + w[15];
            e += a;
            a += (((b >> 2) | (b << 30)) ^ ((b >> 13) | (b << 19)) ^ ((b >> 22) | (b << 10))) + ((b & (c | d)) | (c & d));
            w[16] += (((w[14] >> 17) | (w[14] << 15)) ^ ((w[14] >> 19) | (w[14] << 13)) ^ (w[14] >> 10)) + w[9] + (((w[17] >> 7) | (w[17] << 25)) ^ ((w[17] >> 18) | (w[17] << 14)) ^ (w[17] >> 3));
            h += (((e >> 6) | (e << 26)) ^ ((e >> 11) | (e << 21)) ^ ((e >> 25) | (e << 7))) + (g ^ (e & (f ^ g))) + 0x983E5152u + w[16];
            d += h;
            h += (((a >> 2) | (a << 30)) ^ ((a >> 13) | (a << 19)) ^ ((a >> 22) | (a << 10))) + ((a & (b | c)) | (b & c));
            w[17] += (((w[15] >> 17) | (w[15] << 15)) ^ ((w[15] >> 19) | (w[15] << 13)) ^ (w[15] >> 10)) + w[10] + (((w[18] >> 7) | (w[18] << 25)) ^ ((w[18] >> 18) | (w[18] << 14)) ^ (w[18] >> 3));
            g += (((d >> 6) | (d << 26)) ^ ((d >> 11) | (d << 21)) ^ ((d >> 25) | (d << 7))) + (f ^ (d & (e ^ f))) + 0xA831C66Du + w[17];
            c += g;
            g += (((h >> 2) | (h << 30)) ^ ((h >> 13) | (h << 19)) ^ ((h >> 22) | (h << 10))) + ((h & (a | b)) | (a & b));
            w[18] += (((w[16] >> 17) | (w[16] << 15)) ^ ((w[16] >> 19) | (w[16] << 13)) ^ (w[16] >> 10)) + w[11] + (((w[19] >> 7) | (w[19] << 25)) ^ ((w[19] >> 18) | (w[19] << 14)) ^ (w[19] >> 3));
            f += (((c >> 6) | (c << 26)) ^ ((c >> 11) | (c << 21)) ^ ((c >> 25) | (c << 7))) + (e ^ (c & (d ^ e))) + 0xB00327C8u + w[18];
            b += f;
            f += (((g >> 2) | (g << 30)) ^ ((g >> 13) | (g << 19)) ^ ((g >> 22) | (g << 10))) + ((g & (h | a)) | (h & a));
            w[19] += (((w[17] >> 17) | (w[17] << 15)) ^ ((w[17] >> 19) | (w[17] << 13)) ^ (w[17] >> 10)) + w[12] + (((w[20] >> 7) | (w[20] << 25)) ^ ((w[20] >> 18) | (w[20] << 14)) ^ (w[20] >> 3));
            e += (((b >> 6) | (b << 26)) ^ ((b >> 11) | (b << 21)) ^ ((b >> 25) | (b << 7))) + (d ^ (b & (c ^ d))) + 0xBF597FC7u + w[19];
            a += e;
            e += (((f >> 2) | (f << 30)) ^ ((f >> 13) | (f << 19)) ^ ((f >> 22) | (f << 10))) + ((f & (g | h)) | (g & h));
            w[20] += (((w[18] >> 17) | (w[18] << 15)) ^ ((w[18] >> 19) | (w[18] << 13)) ^ (w[18] >> 10)) + w[13] + (((w[21] >> 7) | (w[21] << 25)) ^ ((w[21] >> 18) | (w[21] << 14)) ^ (w[21] >> 3));
            d += (((a >> 6) | (a << 26)) ^ ((a >> 11) | (a << 21)) ^ ((a >> 25) | (a << 7))) + (c ^ (a & (b ^ c))) + 0xC6E00BF3u + w[20];
            h += d;
            d += (((e >> 2) | (e << 30)) ^ ((e >> 13) | (e << 19)) ^ ((e >> 22) | (e << 10))) + ((e & (f | g)) | (f & g));
            w[21] += (((w[19] >> 17) | (w[19] << 15)) ^ ((w[19] >> 19) | (w[19] << 13)) ^ (w[19] >> 10)) + w[14] + (((w[22] >> 7) | (w[22] << 25)) ^ ((w[22] >> 18) | (w[22] << 14)) ^ (w[22] >> 3));
            c += (((h >> 6) | (h << 26)) ^ ((h >> 11) | (h << 21)) ^ ((h >> 25) | (h << 7))) + (b ^ (h & (a ^ b))) + 0xD5A79147u + w[21];
            g += c;
            c += (((d >> 2) | (d << 30)) ^ ((d >> 13) | (d << 19)) ^ ((d >> 22) | (d << 10))) + ((d & (e | f)) | (e & f));
            w[22] += (((w[20] >> 17) | (w[20] << 15)) ^ ((w[20] >> 19) | (w[20] << 13)) ^ (w[20] >> 10)) + w[15] + (((w[23] >> 7) | (w[23] << 25)) ^ ((w[23] >> 18) | (w[23] << 14)) ^ (w[23] >> 3));
            b += (((g >> 6) | (g << 26)) ^ ((g >> 11) | (g << 21)) ^ ((g >> 25) | (g << 7))) + (a ^ (g & (h ^ a))) + 0x06CA6351u + w[22];
            f += b;
            b += (((c >> 2) | (c << 30)) ^ ((c >> 13) | (c << 19)) ^ ((c >> 22) | (c << 10))) + ((c & (d | e)) | (d & e));
            w[23] += (((w[21] >> 17) | (w[21] << 15)) ^ ((w[21] >> 19) | (w[21] << 13)) ^ (w[21] >> 10)) + w[16] + (((w[8] >> 7) | (w[8] << 25)) ^ ((w[8] >> 18) | (w[8] << 14)) ^ (w[8] >> 3));
            a += (((f >> 6) | (f << 26)) ^ ((f >> 11) | (f << 21)) ^ ((f >> 25) | (f << 7))) + (h ^ (f & (g ^ h))) + 0x14292967u + w[23];
            e += a;
            a += (((b >> 2) | (b << 30)) ^ ((b >> 13) | (b << 19)) ^ ((b >> 22) | (b << 10))) + ((b & (c | d)) | (c & d));
            w[8] += (((w[22] >> 17) | (w[22] << 15)) ^ ((w[22] >> 19) | (w[22] << 13)) ^ (w[22] >> 10)) + w[17] + (((w[9] >> 7) | (w[9] << 25)) ^ ((w[9] >> 18) | (w[9] << 14)) ^ (w[9] >> 3));
            h += (((e >> 6) | (e << 26)) ^ ((e >> 11) | (e << 21)) ^ ((e >> 25) | (e << 7))) + (g ^ (e & (f ^ g))) + 0x27B70A85u + w[8];
            d += h;
            h += (((a >> 2) | (a << 30)) ^ ((a >> 13) | (a << 19)) ^ ((a >> 22) | (a << 10))) + ((a & (b | c)) | (b & c));
            w[9] += (((w[23] >> 17) | (w[23] << 15)) ^ ((w[23] >> 19) | (w[23] << 13)) ^ (w[23] >> 10)) + w[18] + (((w[10] >> 7) | (w[10] << 25)) ^ ((w[10] >> 18) | (w[10] << 14)) ^ (w[10] >> 3));
            g += (((d >> 6) | (d << 26)) ^ ((d >> 11) | (d << 21)) ^ ((d >> 25) | (d << 7))) + (f ^ (d & (e ^ f))) + 0x2E1B2138u + w[9];
            c += g;
            g += (((h >> 2) | (h << 30)) ^ ((h >> 13) | (h << 19)) ^ ((h >> 22) | (h << 10))) + ((h & (a | b)) | (a & b));
            w[10] += (((w[8] >> 17) | (w[8] << 15)) ^ ((w[8] >> 19) | (w[8] << 13)) ^ (w[8] >> 10)) + w[19] + (((w[11] >> 7) | (w[11] << 25)) ^ ((w[11] >> 18) | (w[11] << 14)) ^ (w[11] >> 3));
            f += (((c >> 6) | (c << 26)) ^ ((c >> 11) | (c << 21)) ^ ((c >> 25) | (c << 7))) + (e ^ (c & (d ^ e))) + 0x4D2C6DFCu + w[10];
            b += f;
            f += (((g >> 2) | (g << 30)) ^ ((g >> 13) | (g << 19)) ^ ((g >> 22) | (g << 10))) + ((g & (h | a)) | (h & a));
            w[11] += (((w[9] >> 17) | (w[9] << 15)) ^ ((w[9] >> 19) | (w[9] << 13)) ^ (w[9] >> 10)) + w[20] + (((w[12] >> 7) | (w[12] << 25)) ^ ((w[12] >> 18) | (w[12] << 14)) ^ (w[12] >> 3));
            e += (((b >> 6) | (b << 26)) ^ ((b >> 11) | (b << 21)) ^ ((b >> 25) | (b << 7))) + (d ^ (b & (c ^ d))) + 0x53380D13u + w[11];
            a += e;
            e += (((f >> 2) | (f << 30)) ^ ((f >> 13) | (f << 19)) ^ ((f >> 22) | (f << 10))) + ((f & (g | h)) | (g & h));
            w[12] += (((w[10] >> 17) | (w[10] << 15)) ^ ((w[10] >> 19) | (w[10] << 13)) ^ (w[10] >> 10)) + w[21] + (((w[13] >> 7) | (w[13] << 25)) ^ ((w[13] >> 18) | (w[13] << 14)) ^ (w[13] >> 3));
            d += (((a >> 6) | (a << 26)) ^ ((a >> 11) | (a << 21)) ^ ((a >> 25) | (a << 7))) + (c ^ (a & (b ^ c))) + 0x650A7354u + w[12];
            h += d;
            d += (((e >> 2) | (e << 30)) ^ ((e >> 13) | (e << 19)) ^ ((e >> 22) | (e << 10))) + ((e & (f | g)) | (f & g));
            w[13] += (((w[11] >> 17) | (w[11] << 15)) ^ ((w[11] >> 19) | (w[11] << 13)) ^ (w[11] >> 10)) + w[22] + (((w[14] >> 7) | (w[14] << 25)) ^ ((w[14] >> 18) | (w[14] << 14)) ^ (w[14] >> 3));
            c += (((h >> 6) | (h << 26)) ^ ((h >> 11) | (h << 21)) ^ ((h >> 25) | (h << 7))) + (b ^ (h & (a ^ b))) + 0x766A0ABBu + w[13];
            g += c;
            c += (((d >> 2) | (d << 30)) ^ ((d >> 13) | (d << 19)) ^ ((d >> 22) | (d << 10))) + ((d & (e | f)) | (e & f));
            w[14] += (((w[12] >> 17) | (w[12] << 15)) ^ ((w[12] >> 19) | (w[12] << 13)) ^ (w[12] >> 10)) + w[23] + (((w[15] >> 7) | (w[15] << 25)) ^ ((w[15] >> 18) | (w[15] << 14)) ^ (w[15] >> 3));
            b += (((g >> 6) | (g << 26)) ^ ((g >> 11) | (g << 21)) ^ ((g >> 25) | (g << 7))) + (a ^ (g & (h ^ a))) + 0x81C2C92Eu + w[14];
            f += b;
            b += (((c >> 2) | (c << 30)) ^ ((c >> 13) | (c << 19)) ^ ((c >> 22) | (c << 10))) + ((c & (d | e)) | (d & e));
            w[15] += (((w[13] >> 17) | (w[13] << 15)) ^ ((w[13] >> 19) | (w[13] << 13)) ^ (w[13] >> 10)) + w[8] + (((w[16] >> 7) | (w[16] << 25)) ^ ((w[16] >> 18) | (w[16] << 14)) ^ (w[16] >> 3));
            a += (((f >> 6) | (f << 26)) ^ ((f >> 11) | (f << 21)) ^ ((f >> 25) | (f << 7))) + (h ^ (f & (g ^ h))) + 0x92722C85u + w[15];
            e += a;
            a += (((b >> 2) | (b << 30)) ^ ((b >> 13) | (b << 19)) ^ ((b >> 22) | (b << 10))) + ((b & (c | d)) | (c & d));
            w[16] += (((w[14] >> 17) | (w[14] << 15)) ^ ((w[14] >> 19) | (w[14] << 13)) ^ (w[14] >> 10)) + w[9] + (((w[17] >> 7) | (w[17] << 25)) ^ ((w[17] >> 18) | (w[17] << 14)) ^ (w[17] >> 3));
            h += (((e >> 6) | (e << 26)) ^ ((e >> 11) | (e << 21)) ^ ((e >> 25) | (e << 7))) + (g ^ (e & (f ^ g))) + 0xA2BFE8A1u + w[16];
            d += h;
            h += (((a >> 2) | (a << 30)) ^ ((a >> 13) | (a << 19)) ^ ((a >> 22) | (a << 10))) + ((a & (b | c)) | (b & c));
            w[17] += (((w[15] >> 17) | (w[15] << 15)) ^ ((w[15] >> 19) | (w[15] << 13)) ^ (w[15] >> 10)) + w[10] + (((w[18] >> 7) | (w[18] << 25)) ^ ((w[18] >> 18) | (w[18] << 14)) ^ (w[18] >> 3));
            g += (((d >> 6) | (d << 26)) ^ ((d >> 11) | (d << 21)) ^ ((d >> 25) | (d << 7))) + (f ^ (d & (e ^ f))) + 0xA81A664Bu + w[17];
            c += g;
            g += (((h >> 2) | (h << 30)) ^ ((h >> 13) | (h << 19)) ^ ((h >> 22) | (h << 10))) + ((h & (a | b)) | (a & b));
            w[18] += (((w[16] >> 17) | (w[16] << 15)) ^ ((w[16] >> 19) | (w[16] << 13)) ^ (w[16] >> 10)) + w[11] + (((w[19] >> 7) | (w[19] << 25)) ^ ((w[19] >> 18) | (w[19] << 14)) ^ (w[19] >> 3));
            f += (((c >> 6) | (c << 26)) ^ ((c >> 11) | (c << 21)) ^ ((c >> 25) | (c << 7))) + (e ^ (c & (d ^ e))) + 0xC24B8B70u + w[18];
            b += f;
            f += (((g >> 2) | (g << 30)) ^ ((g >> 13) | (g << 19)) ^ ((g >> 22) | (g << 10))) + ((g & (h | a)) | (h & a));
            w[19] += (((w[17] >> 17) | (w[17] << 15)) ^ ((w[17] >> 19) | (w[17] << 13)) ^ (w[17] >> 10)) + w[12] + (((w[20] >> 7) | (w[20] << 25)) ^ ((w[20] >> 18) | (w[20] << 14)) ^ (w[20] >> 3));
            e += (((b >> 6) | (b << 26)) ^ ((b >> 11) | (b << 21)) ^ ((b >> 25) | (b << 7))) + (d ^ (b & (c ^ d))) + 0xC76C51A3u + w[19];
            a += e;
            e += (((f >> 2) | (f << 30)) ^ ((f >> 13) | (f << 19)) ^ ((f >> 22) | (f << 10))) + ((f & (g | h)) | (g & h));
            w[20] += (((w[18] >> 17) | (w[18] << 15)) ^ ((w[18] >> 19) | (w[18] << 13)) ^ (w[18] >> 10)) + w[13] + (((w[21] >> 7) | (w[21] << 25)) ^ ((w[21] >> 18) | (w[21] << 14)) ^ (w[21] >> 3));
            d += (((a >> 6) | (a << 26)) ^ ((a >> 11) | (a << 21)) ^ ((a >> 25) | (a << 7))) + (c ^ (a & (b ^ c))) + 0xD192E819u + w[20];
            h += d;
            d += (((e >> 2) | (e << 30)) ^ ((e >> 13) | (e << 19)) ^ ((e >> 22) | (e << 10))) + ((e & (f | g)) | (f & g));
            w[21] += (((w[19] >> 17) | (w[19] << 15)) ^ ((w[19] >> 19) | (w[19] << 13)) ^ (w[19] >> 10)) + w[14] + (((w[22] >> 7) | (w[22] << 25)) ^ ((w[22] >> 18) | (w[22] << 14)) ^ (w[22] >> 3));
            c += (((h >> 6) | (h << 26)) ^ ((h >> 11) | (h << 21)) ^ ((h >> 25) | (h << 7))) + (b ^ (h & (a ^ b))) + 0xD6990624u + w[21];
            g += c;
            c += (((d >> 2) | (d << 30)) ^ ((d >> 13) | (d << 19)) ^ ((d >> 22) | (d << 10))) + ((d & (e | f)) | (e & f));
            w[22] += (((w[20] >> 17) | (w[20] << 15)) ^ ((w[20] >> 19) | (w[20] << 13)) ^ (w[20] >> 10)) + w[15] + (((w[23] >> 7) | (w[23] << 25)) ^ ((w[23] >> 18) | (w[23] << 14)) ^ (w[23] >> 3));
            b += (((g >> 6) | (g << 26)) ^ ((g >> 11) | (g << 21)) ^ ((g >> 25) | (g << 7))) + (a ^ (g & (h ^ a))) + 0xF40E3585u + w[22];
            f += b;
            b += (((c >> 2) | (c << 30)) ^ ((c >> 13) | (c << 19)) ^ ((c >> 22) | (c << 10))) + ((c & (d | e)) | (d & e));
            w[23] += (((w[21] >> 17) | (w[21] << 15)) ^ ((w[21] >> 19) | (w[21] << 13)) ^ (w[21] >> 10)) + w[16] + (((w[8] >> 7) | (w[8] << 25)) ^ ((w[8] >> 18) | (w[8] << 14)) ^ (w[8] >> 3));
            a += (((f >> 6) | (f << 26)) ^ ((f >> 11) | (f << 21)) ^ ((f >> 25) | (f << 7))) + (h ^ (f & (g ^ h))) + 0x106AA070u + w[23];
            e += a;
            a += (((b >> 2) | (b << 30)) ^ ((b >> 13) | (b << 19)) ^ ((b >> 22) | (b << 10))) + ((b & (c | d)) | (c & d));
            w[8] += (((w[22] >> 17) | (w[22] << 15)) ^ ((w[22] >> 19) | (w[22] << 13)) ^ (w[22] >> 10)) + w[17] + (((w[9] >> 7) | (w[9] << 25)) ^ ((w[9] >> 18) | (w[9] << 14)) ^ (w[9] >> 3));
            h += (((e >> 6) | (e << 26)) ^ ((e >> 11) | (e << 21)) ^ ((e >> 25) | (e << 7))) + (g ^ (e & (f ^ g))) + 0x19A4C116u + w[8];
            d += h;
            h += (((a >> 2) | (a << 30)) ^ ((a >> 13) | (a << 19)) ^ ((a >> 22) | (a << 10))) + ((a & (b | c)) | (b & c));
            w[9] += (((w[23] >> 17) | (w[23] << 15)) ^ ((w[23] >> 19) | (w[23] << 13)) ^ (w[23] >> 10)) + w[18] + (((w[10] >> 7) | (w[10] << 25)) ^ ((w[10] >> 18) | (w[10] << 14)) ^ (w[10] >> 3));
            g += (((d >> 6) | (d << 26)) ^ ((d >> 11) | (d << 21)) ^ ((d >> 25) | (d << 7))) + (f ^ (d & (e ^ f))) + 0x1E376C08u + w[9];
            c += g;
            g += (((h >> 2) | (h << 30)) ^ ((h >> 13) | (h << 19)) ^ ((h >> 22) | (h << 10))) + ((h & (a | b)) | (a & b));
            w[10] += (((w[8] >> 17) | (w[8] << 15)) ^ ((w[8] >> 19) | (w[8] << 13)) ^ (w[8] >> 10)) + w[19] + (((w[11] >> 7) | (w[11] << 25)) ^ ((w[11] >> 18) | (w[11] << 14)) ^ (w[11] >> 3));
            f += (((c >> 6) | (c << 26)) ^ ((c >> 11) | (c << 21)) ^ ((c >> 25) | (c << 7))) + (e ^ (c & (d ^ e))) + 0x2748774Cu + w[10];
            b += f;
            f += (((g >> 2) | (g << 30)) ^ ((g >> 13) | (g << 19)) ^ ((g >> 22) | (g << 10))) + ((g & (h | a)) | (h & a));
            w[11] += (((w[9] >> 17) | (w[9] << 15)) ^ ((w[9] >> 19) | (w[9] << 13)) ^ (w[9] >> 10)) + w[20] + (((w[12] >> 7) | (w[12] << 25)) ^ ((w[12] >> 18) | (w[12] << 14)) ^ (w[12] >> 3));
            e += (((b >> 6) | (b << 26)) ^ ((b >> 11) | (b << 21)) ^ ((b >> 25) | (b << 7))) + (d ^ (b & (c ^ d))) + 0x34B0BCB5u + w[11];
            a += e;
            e += (((f >> 2) | (f << 30)) ^ ((f >> 13) | (f << 19)) ^ ((f >> 22) | (f << 10))) + ((f & (g | h)) | (g & h));
            w[12] += (((w[10] >> 17) | (w[10] << 15)) ^ ((w[10] >> 19) | (w[10] << 13)) ^ (w[10] >> 10)) + w[21] + (((w[13] >> 7) | (w[13] << 25)) ^ ((w[13] >> 18) | (w[13] << 14)) ^ (w[13] >> 3));
            d += (((a >> 6) | (a << 26)) ^ ((a >> 11) | (a << 21)) ^ ((a >> 25) | (a << 7))) + (c ^ (a & (b ^ c))) + 0x391C0CB3u + w[12];
            h += d;
            d += (((e >> 2) | (e << 30)) ^ ((e >> 13) | (e << 19)) ^ ((e >> 22) | (e << 10))) + ((e & (f | g)) | (f & g));
            w[13] += (((w[11] >> 17) | (w[11] << 15)) ^ ((w[11] >> 19) | (w[11] << 13)) ^ (w[11] >> 10)) + w[22] + (((w[14] >> 7) | (w[14] << 25)) ^ ((w[14] >> 18) | (w[14] << 14)) ^ (w[14] >> 3));
            c += (((h >> 6) | (h << 26)) ^ ((h >> 11) | (h << 21)) ^ ((h >> 25) | (h << 7))) + (b ^ (h & (a ^ b))) + 0x4ED8AA4Au + w[13];
            g += c;
            c += (((d >> 2) | (d << 30)) ^ ((d >> 13) | (d << 19)) ^ ((d >> 22) | (d << 10))) + ((d & (e | f)) | (e & f));
            w[14] += (((w[12] >> 17) | (w[12] << 15)) ^ ((w[12] >> 19) | (w[12] << 13)) ^ (w[12] >> 10)) + w[23] + (((w[15] >> 7) | (w[15] << 25)) ^ ((w[15] >> 18) | (w[15] << 14)) ^ (w[15] >> 3));
            b += (((g >> 6) | (g << 26)) ^ ((g >> 11) | (g << 21)) ^ ((g >> 25) | (g << 7))) + (a ^ (g & (h ^ a))) + 0x5B9CCA4Fu + w[14];
            f += b;
            b += (((c >> 2) | (c << 30)) ^ ((c >> 13) | (c << 19)) ^ ((c >> 22) | (c << 10))) + ((c & (d | e)) | (d & e));
            w[15] += (((w[13] >> 17) | (w[13] << 15)) ^ ((w[13] >> 19) | (w[13] << 13)) ^ (w[13] >> 10)) + w[8] + (((w[16] >> 7) | (w[16] << 25)) ^ ((w[16] >> 18) | (w[16] << 14)) ^ (w[16] >> 3));
            a += (((f >> 6) | (f << 26)) ^ ((f >> 11) | (f << 21)) ^ ((f >> 25) | (f << 7))) + (h ^ (f & (g ^ h))) + 0x682E6FF3u + w[15];
            e += a;
            a += (((b >> 2) | (b << 30)) ^ ((b >> 13) | (b << 19)) ^ ((b >> 22) | (b << 10))) + ((b & (c | d)) | (c & d));
            w[16] += (((w[14] >> 17) | (w[14] << 15)) ^ ((w[14] >> 19) | (w[14] << 13)) ^ (w[14] >> 10)) + w[9] + (((w[17] >> 7) | (w[17] << 25)) ^ ((w[17] >> 18) | (w[17] << 14)) ^ (w[17] >> 3));
            h += (((e >> 6) | (e << 26)) ^ ((e >> 11) | (e << 21)) ^ ((e >> 25) | (e << 7))) + (g ^ (e & (f ^ g))) + 0x748F82EEu + w[16];
            d += h;
            h += (((a >> 2) | (a << 30)) ^ ((a >> 13) | (a << 19)) ^ ((a >> 22) | (a << 10))) + ((a & (b | c)) | (b & c));
            w[17] += (((w[15] >> 17) | (w[15] << 15)) ^ ((w[15] >> 19) | (w[15] << 13)) ^ (w[15] >> 10)) + w[10] + (((w[18] >> 7) | (w[18] << 25)) ^ ((w[18] >> 18) | (w[18] << 14)) ^ (w[18] >> 3));
            g += (((d >> 6) | (d << 26)) ^ ((d >> 11) | (d << 21)) ^ ((d >> 25) | (d << 7))) + (f ^ (d & (e ^ f))) + 0x78A5636Fu + w[17];
            c += g;
            g += (((h >> 2) | (h << 30)) ^ ((h >> 13) | (h << 19)) ^ ((h >> 22) | (h << 10))) + ((h & (a | b)) | (a & b));
            w[18] += (((w[16] >> 17) | (w[16] << 15)) ^ ((w[16] >> 19) | (w[16] << 13)) ^ (w[16] >> 10)) + w[11] + (((w[19] >> 7) | (w[19] << 25)) ^ ((w[19] >> 18) | (w[19] << 14)) ^ (w[19] >> 3));
            f += (((c >> 6) | (c << 26)) ^ ((c >> 11) | (c << 21)) ^ ((c >> 25) | (c << 7))) + (e ^ (c & (d ^ e))) + 0x84C87814u + w[18];
            b += f;
            f += (((g >> 2) | (g << 30)) ^ ((g >> 13) | (g << 19)) ^ ((g >> 22) | (g << 10))) + ((g & (h | a)) | (h & a));
            w[19] += (((w[17] >> 17) | (w[17] << 15)) ^ ((w[17] >> 19) | (w[17] << 13)) ^ (w[17] >> 10)) + w[12] + (((w[20] >> 7) | (w[20] << 25)) ^ ((w[20] >> 18) | (w[20] << 14)) ^ (w[20] >> 3));
            e += (((b >> 6) | (b << 26)) ^ ((b >> 11) | (b << 21)) ^ ((b >> 25) | (b << 7))) + (d ^ (b & (c ^ d))) + 0x8CC70208u + w[19];
            a += e;
            e += (((f >> 2) | (f << 30)) ^ ((f >> 13) | (f << 19)) ^ ((f >> 22) | (f << 10))) + ((f & (g | h)) | (g & h));
            w[20] += (((w[18] >> 17) | (w[18] << 15)) ^ ((w[18] >> 19) | (w[18] << 13)) ^ (w[18] >> 10)) + w[13] + (((w[21] >> 7) | (w[21] << 25)) ^ ((w[21] >> 18) | (w[21] << 14)) ^ (w[21] >> 3));
            d += (((a >> 6) | (a << 26)) ^ ((a >> 11) | (a << 21)) ^ ((a >> 25) | (a << 7))) + (c ^ (a & (b ^ c))) + 0x90BEFFFAu + w[20];
            h += d;
            d += (((e >> 2) | (e << 30)) ^ ((e >> 13) | (e << 19)) ^ ((e >> 22) | (e << 10))) + ((e & (f | g)) | (f & g));
            w[21] += (((w[19] >> 17) | (w[19] << 15)) ^ ((w[19] >> 19) | (w[19] << 13)) ^ (w[19] >> 10)) + w[14] + (((w[22] >> 7) | (w[22] << 25)) ^ ((w[22] >> 18) | (w[22] << 14)) ^ (w[22] >> 3));
            c += (((h >> 6) | (h << 26)) ^ ((h >> 11) | (h << 21)) ^ ((h >> 25) | (h << 7))) + (b ^ (h & (a ^ b))) + 0xA4506CEBu + w[21];
            g += c;
            c += (((d >> 2) | (d << 30)) ^ ((d >> 13) | (d << 19)) ^ ((d >> 22) | (d << 10))) + ((d & (e | f)) | (e & f));
            w[22] += (((w[20] >> 17) | (w[20] << 15)) ^ ((w[20] >> 19) | (w[20] << 13)) ^ (w[20] >> 10)) + w[15] + (((w[23] >> 7) | (w[23] << 25)) ^ ((w[23] >> 18) | (w[23] << 14)) ^ (w[23] >> 3));
            b += (((g >> 6) | (g << 26)) ^ ((g >> 11) | (g << 21)) ^ ((g >> 25) | (g << 7))) + (a ^ (g & (h ^ a))) + 0xBEF9A3F7u + w[22];
            f += b;
            b += (((c >> 2) | (c << 30)) ^ ((c >> 13) | (c << 19)) ^ ((c >> 22) | (c << 10))) + ((c & (d | e)) | (d & e));
            w[23] += (((w[21] >> 17) | (w[21] << 15)) ^ ((w[21] >> 19) | (w[21] << 13)) ^ (w[21] >> 10)) + w[16] + (((w[8] >> 7) | (w[8] << 25)) ^ ((w[8] >> 18) | (w[8] << 14)) ^ (w[8] >> 3));
            a += (((f >> 6) | (f << 26)) ^ ((f >> 11) | (f << 21)) ^ ((f >> 25) | (f << 7))) + (h ^ (f & (g ^ h))) + 0xC67178F2u + w[23];
            e += a;
            a += (((b >> 2) | (b << 30)) ^ ((b >> 13) | (b << 19)) ^ ((b >> 22) | (b << 10))) + ((b & (c | d)) | (c & d));

            w[0] += a; w[1] += b; w[2] += c; w[3] += d;
            w[4] += e; w[5] += f; w[6] += g; w[7] += h;
        }
    }
}
