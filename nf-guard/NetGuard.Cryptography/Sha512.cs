// Copyright (c) NetGuard contributors. MIT licence.

using System;

namespace NetGuard.Cryptography
{
    /// <summary>
    /// SHA-512 (FIPS 180-4 section 6.4), managed. One-shot through <see cref="Hash(byte[])"/>, or incremental:
    /// <see cref="Append"/> any number of times, then <see cref="Finish"/>, which writes the digest and resets the
    /// instance for the next message. Hashing allocates nothing per block: the message schedule window is allocated once with the instance.
    /// An instance is not thread safe.
    /// </summary>
    public sealed class Sha512
    {
        /// <summary>The digest size in bytes (512 bits).</summary>
        public const int HashSize = 64;

        /// <summary>The block size in bytes (1024 bits) over which the compression function runs.</summary>
        public const int BlockSize = 128;

        private const int LengthFieldOffset = 128 - 16; // FIPS 180-4 5.1: the last 128 bits of the final block hold the bit length

        private readonly ulong[] _state = new ulong[24]; // [0, 8): chaining value H; [8, 24): the 16-word message schedule window
        private readonly byte[] _buffer = new byte[BlockSize];
        private int _bufferCount;
        private long _byteCount;

        /// <summary>Creates an instance ready to hash a new message.</summary>
        public Sha512()
        {
            Reset();
        }

        /// <summary>Computes the SHA-512 digest of <paramref name="data"/>.</summary>
        /// <param name="data">The message.</param>
        /// <returns>A new 64-byte digest.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
        public static byte[] Hash(byte[] data)
        {
            if (data == null)
            {
                throw new ArgumentNullException(nameof(data));
            }

            return Hash(data, 0, data.Length);
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
            Sha512 hash = new Sha512();
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
        /// Pads the message (FIPS 180-4 5.1.2), writes the 64-byte digest to <paramref name="output"/> at
        /// <paramref name="outputOffset"/>, and resets the instance.
        /// </summary>
        /// <param name="output">Receives the digest.</param>
        /// <param name="outputOffset">Index of the first digest byte.</param>
        /// <exception cref="ArgumentNullException"><paramref name="output"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">Fewer than 64 bytes fit from <paramref name="outputOffset"/>.</exception>
        public void Finish(byte[] output, int outputOffset)
        {
            CryptoArguments.CheckSpace(output, outputOffset, HashSize, nameof(output), nameof(outputOffset));

            // FIPS 180-4 5.1.2: a 1 bit, zeros up to 112 bytes mod 128, then the 128-bit big-endian
            // message length in bits. Byte counts up to 2^63 - 1 give bit lengths below 2^66.
            _buffer[_bufferCount++] = 0x80;
            if (_bufferCount > LengthFieldOffset)
            {
                Array.Clear(_buffer, _bufferCount, BlockSize - _bufferCount);
                Compress(_buffer, 0);
                _bufferCount = 0;
            }

            Array.Clear(_buffer, _bufferCount, LengthFieldOffset - _bufferCount);
            ulong bitLengthHigh = (ulong)_byteCount >> 61;
            ulong bitLengthLow = (ulong)_byteCount << 3;
            _buffer[LengthFieldOffset + 0] = (byte)(bitLengthHigh >> 56);
            _buffer[LengthFieldOffset + 1] = (byte)(bitLengthHigh >> 48);
            _buffer[LengthFieldOffset + 2] = (byte)(bitLengthHigh >> 40);
            _buffer[LengthFieldOffset + 3] = (byte)(bitLengthHigh >> 32);
            _buffer[LengthFieldOffset + 4] = (byte)(bitLengthHigh >> 24);
            _buffer[LengthFieldOffset + 5] = (byte)(bitLengthHigh >> 16);
            _buffer[LengthFieldOffset + 6] = (byte)(bitLengthHigh >> 8);
            _buffer[LengthFieldOffset + 7] = (byte)(bitLengthHigh >> 0);
            _buffer[LengthFieldOffset + 8] = (byte)(bitLengthLow >> 56);
            _buffer[LengthFieldOffset + 9] = (byte)(bitLengthLow >> 48);
            _buffer[LengthFieldOffset + 10] = (byte)(bitLengthLow >> 40);
            _buffer[LengthFieldOffset + 11] = (byte)(bitLengthLow >> 32);
            _buffer[LengthFieldOffset + 12] = (byte)(bitLengthLow >> 24);
            _buffer[LengthFieldOffset + 13] = (byte)(bitLengthLow >> 16);
            _buffer[LengthFieldOffset + 14] = (byte)(bitLengthLow >> 8);
            _buffer[LengthFieldOffset + 15] = (byte)(bitLengthLow >> 0);
            Compress(_buffer, 0);

            for (int i = 0; i < 8; i++)
            {
                ulong s = _state[i];
                output[outputOffset + (i * 8) + 0] = (byte)(s >> 56);
                output[outputOffset + (i * 8) + 1] = (byte)(s >> 48);
                output[outputOffset + (i * 8) + 2] = (byte)(s >> 40);
                output[outputOffset + (i * 8) + 3] = (byte)(s >> 32);
                output[outputOffset + (i * 8) + 4] = (byte)(s >> 24);
                output[outputOffset + (i * 8) + 5] = (byte)(s >> 16);
                output[outputOffset + (i * 8) + 6] = (byte)(s >> 8);
                output[outputOffset + (i * 8) + 7] = (byte)s;
            }

            Reset();
        }

        /// <summary>Discards any appended data and starts a new message (FIPS 180-4 5.3.5 initial hash value).</summary>
        public void Reset()
        {
            _state[0] = 0x6A09E667F3BCC908UL;
            _state[1] = 0xBB67AE8584CAA73BUL;
            _state[2] = 0x3C6EF372FE94F82BUL;
            _state[3] = 0xA54FF53A5F1D36F1UL;
            _state[4] = 0x510E527FADE682D1UL;
            _state[5] = 0x9B05688C2B3E6C1FUL;
            _state[6] = 0x1F83D9ABFB41BD6BUL;
            _state[7] = 0x5BE0CD19137E2179UL;
            Array.Clear(_buffer, 0, BlockSize);
            _bufferCount = 0;
            _byteCount = 0;
        }

        /// <summary>Copies the chaining value; valid only on a block boundary (used to precompute HMAC pads).</summary>
        internal void GetState(ulong[] destination)
        {
            Array.Copy(_state, destination, 8);
        }

        /// <summary>Restarts from a chaining value saved on a block boundary after <paramref name="byteCount"/> bytes.</summary>
        internal void SetState(ulong[] source, long byteCount)
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
        /// The compression function (FIPS 180-4 6.4.2), fully unrolled. The schedule W_t (6.4.2 step 1) is kept
        /// in a 16-word rolling window w[8]..w[23]: W_t = sigma1(W_t-2) + W_t-7 + sigma0(W_t-15) + W_t-16.
        /// Each round: T1 = h + Sigma1(e) + Ch(e, f, g) + K_t + W_t; T2 = Sigma0(a) + Maj(a, b, c);
        /// the working variables shift, e = d + T1, a = T1 + T2. Instead of moving eight variables per round,
        /// the code renames them: the variable written as h in round t plays a in round t + 1.
        /// Ch(e, f, g) = g ^ (e &amp; (f ^ g)); Maj(a, b, c) = (a &amp; (b | c)) | (b &amp; c).
        /// </summary>
        private void Compress(byte[] block, int offset)
        {
            ulong[] w = _state;
            w[23] = 0; // one bounds check up front lets the JIT drop the checks on the constant indices below
            w[8] = ((ulong)block[offset + 0] << 56) | ((ulong)block[offset + 1] << 48) | ((ulong)block[offset + 2] << 40) | ((ulong)block[offset + 3] << 32) | ((ulong)block[offset + 4] << 24) | ((ulong)block[offset + 5] << 16) | ((ulong)block[offset + 6] << 8) | block[offset + 7];
            w[9] = ((ulong)block[offset + 8] << 56) | ((ulong)block[offset + 9] << 48) | ((ulong)block[offset + 10] << 40) | ((ulong)block[offset + 11] << 32) | ((ulong)block[offset + 12] << 24) | ((ulong)block[offset + 13] << 16) | ((ulong)block[offset + 14] << 8) | block[offset + 15];
            w[10] = ((ulong)block[offset + 16] << 56) | ((ulong)block[offset + 17] << 48) | ((ulong)block[offset + 18] << 40) | ((ulong)block[offset + 19] << 32) | ((ulong)block[offset + 20] << 24) | ((ulong)block[offset + 21] << 16) | ((ulong)block[offset + 22] << 8) | block[offset + 23];
            w[11] = ((ulong)block[offset + 24] << 56) | ((ulong)block[offset + 25] << 48) | ((ulong)block[offset + 26] << 40) | ((ulong)block[offset + 27] << 32) | ((ulong)block[offset + 28] << 24) | ((ulong)block[offset + 29] << 16) | ((ulong)block[offset + 30] << 8) | block[offset + 31];
            w[12] = ((ulong)block[offset + 32] << 56) | ((ulong)block[offset + 33] << 48) | ((ulong)block[offset + 34] << 40) | ((ulong)block[offset + 35] << 32) | ((ulong)block[offset + 36] << 24) | ((ulong)block[offset + 37] << 16) | ((ulong)block[offset + 38] << 8) | block[offset + 39];
            w[13] = ((ulong)block[offset + 40] << 56) | ((ulong)block[offset + 41] << 48) | ((ulong)block[offset + 42] << 40) | ((ulong)block[offset + 43] << 32) | ((ulong)block[offset + 44] << 24) | ((ulong)block[offset + 45] << 16) | ((ulong)block[offset + 46] << 8) | block[offset + 47];
            w[14] = ((ulong)block[offset + 48] << 56) | ((ulong)block[offset + 49] << 48) | ((ulong)block[offset + 50] << 40) | ((ulong)block[offset + 51] << 32) | ((ulong)block[offset + 52] << 24) | ((ulong)block[offset + 53] << 16) | ((ulong)block[offset + 54] << 8) | block[offset + 55];
            w[15] = ((ulong)block[offset + 56] << 56) | ((ulong)block[offset + 57] << 48) | ((ulong)block[offset + 58] << 40) | ((ulong)block[offset + 59] << 32) | ((ulong)block[offset + 60] << 24) | ((ulong)block[offset + 61] << 16) | ((ulong)block[offset + 62] << 8) | block[offset + 63];
            w[16] = ((ulong)block[offset + 64] << 56) | ((ulong)block[offset + 65] << 48) | ((ulong)block[offset + 66] << 40) | ((ulong)block[offset + 67] << 32) | ((ulong)block[offset + 68] << 24) | ((ulong)block[offset + 69] << 16) | ((ulong)block[offset + 70] << 8) | block[offset + 71];
            w[17] = ((ulong)block[offset + 72] << 56) | ((ulong)block[offset + 73] << 48) | ((ulong)block[offset + 74] << 40) | ((ulong)block[offset + 75] << 32) | ((ulong)block[offset + 76] << 24) | ((ulong)block[offset + 77] << 16) | ((ulong)block[offset + 78] << 8) | block[offset + 79];
            w[18] = ((ulong)block[offset + 80] << 56) | ((ulong)block[offset + 81] << 48) | ((ulong)block[offset + 82] << 40) | ((ulong)block[offset + 83] << 32) | ((ulong)block[offset + 84] << 24) | ((ulong)block[offset + 85] << 16) | ((ulong)block[offset + 86] << 8) | block[offset + 87];
            w[19] = ((ulong)block[offset + 88] << 56) | ((ulong)block[offset + 89] << 48) | ((ulong)block[offset + 90] << 40) | ((ulong)block[offset + 91] << 32) | ((ulong)block[offset + 92] << 24) | ((ulong)block[offset + 93] << 16) | ((ulong)block[offset + 94] << 8) | block[offset + 95];
            w[20] = ((ulong)block[offset + 96] << 56) | ((ulong)block[offset + 97] << 48) | ((ulong)block[offset + 98] << 40) | ((ulong)block[offset + 99] << 32) | ((ulong)block[offset + 100] << 24) | ((ulong)block[offset + 101] << 16) | ((ulong)block[offset + 102] << 8) | block[offset + 103];
            w[21] = ((ulong)block[offset + 104] << 56) | ((ulong)block[offset + 105] << 48) | ((ulong)block[offset + 106] << 40) | ((ulong)block[offset + 107] << 32) | ((ulong)block[offset + 108] << 24) | ((ulong)block[offset + 109] << 16) | ((ulong)block[offset + 110] << 8) | block[offset + 111];
            w[22] = ((ulong)block[offset + 112] << 56) | ((ulong)block[offset + 113] << 48) | ((ulong)block[offset + 114] << 40) | ((ulong)block[offset + 115] << 32) | ((ulong)block[offset + 116] << 24) | ((ulong)block[offset + 117] << 16) | ((ulong)block[offset + 118] << 8) | block[offset + 119];
            w[23] = ((ulong)block[offset + 120] << 56) | ((ulong)block[offset + 121] << 48) | ((ulong)block[offset + 122] << 40) | ((ulong)block[offset + 123] << 32) | ((ulong)block[offset + 124] << 24) | ((ulong)block[offset + 125] << 16) | ((ulong)block[offset + 126] << 8) | block[offset + 127];
            ulong a = w[0], b = w[1], c = w[2], d = w[3];
            ulong e = w[4], f = w[5], g = w[6], h = w[7];

            h += (((e >> 14) | (e << 50)) ^ ((e >> 18) | (e << 46)) ^ ((e >> 41) | (e << 23))) + (g ^ (e & (f ^ g))) + 0x428A2F98D728AE22UL + w[8];
            d += h;
            h += (((a >> 28) | (a << 36)) ^ ((a >> 34) | (a << 30)) ^ ((a >> 39) | (a << 25))) + ((a & (b | c)) | (b & c));
            g += (((d >> 14) | (d << 50)) ^ ((d >> 18) | (d << 46)) ^ ((d >> 41) | (d << 23))) + (f ^ (d & (e ^ f))) + 0x7137449123EF65CDUL + w[9];
            c += g;
            g += (((h >> 28) | (h << 36)) ^ ((h >> 34) | (h << 30)) ^ ((h >> 39) | (h << 25))) + ((h & (a | b)) | (a & b));
            f += (((c >> 14) | (c << 50)) ^ ((c >> 18) | (c << 46)) ^ ((c >> 41) | (c << 23))) + (e ^ (c & (d ^ e))) + 0xB5C0FBCFEC4D3B2FUL + w[10];
            b += f;
            f += (((g >> 28) | (g << 36)) ^ ((g >> 34) | (g << 30)) ^ ((g >> 39) | (g << 25))) + ((g & (h | a)) | (h & a));
            e += (((b >> 14) | (b << 50)) ^ ((b >> 18) | (b << 46)) ^ ((b >> 41) | (b << 23))) + (d ^ (b & (c ^ d))) + 0xE9B5DBA58189DBBCUL + w[11];
            a += e;
            e += (((f >> 28) | (f << 36)) ^ ((f >> 34) | (f << 30)) ^ ((f >> 39) | (f << 25))) + ((f & (g | h)) | (g & h));
            d += (((a >> 14) | (a << 50)) ^ ((a >> 18) | (a << 46)) ^ ((a >> 41) | (a << 23))) + (c ^ (a & (b ^ c))) + 0x3956C25BF348B538UL + w[12];
            h += d;
            d += (((e >> 28) | (e << 36)) ^ ((e >> 34) | (e << 30)) ^ ((e >> 39) | (e << 25))) + ((e & (f | g)) | (f & g));
            c += (((h >> 14) | (h << 50)) ^ ((h >> 18) | (h << 46)) ^ ((h >> 41) | (h << 23))) + (b ^ (h & (a ^ b))) + 0x59F111F1B605D019UL + w[13];
            g += c;
            c += (((d >> 28) | (d << 36)) ^ ((d >> 34) | (d << 30)) ^ ((d >> 39) | (d << 25))) + ((d & (e | f)) | (e & f));
            b += (((g >> 14) | (g << 50)) ^ ((g >> 18) | (g << 46)) ^ ((g >> 41) | (g << 23))) + (a ^ (g & (h ^ a))) + 0x923F82A4AF194F9BUL + w[14];
            f += b;
            b += (((c >> 28) | (c << 36)) ^ ((c >> 34) | (c << 30)) ^ ((c >> 39) | (c << 25))) + ((c & (d | e)) | (d & e));
            a += (((f >> 14) | (f << 50)) ^ ((f >> 18) | (f << 46)) ^ ((f >> 41) | (f << 23))) + (h ^ (f & (g ^ h))) + 0xAB1C5ED5DA6D8118UL + w[15];
            e += a;
            a += (((b >> 28) | (b << 36)) ^ ((b >> 34) | (b << 30)) ^ ((b >> 39) | (b << 25))) + ((b & (c | d)) | (c & d));
            h += (((e >> 14) | (e << 50)) ^ ((e >> 18) | (e << 46)) ^ ((e >> 41) | (e << 23))) + (g ^ (e & (f ^ g))) + 0xD807AA98A3030242UL + w[16];
            d += h;
            h += (((a >> 28) | (a << 36)) ^ ((a >> 34) | (a << 30)) ^ ((a >> 39) | (a << 25))) + ((a & (b | c)) | (b & c));
            g += (((d >> 14) | (d << 50)) ^ ((d >> 18) | (d << 46)) ^ ((d >> 41) | (d << 23))) + (f ^ (d & (e ^ f))) + 0x12835B0145706FBEUL + w[17];
            c += g;
            g += (((h >> 28) | (h << 36)) ^ ((h >> 34) | (h << 30)) ^ ((h >> 39) | (h << 25))) + ((h & (a | b)) | (a & b));
            f += (((c >> 14) | (c << 50)) ^ ((c >> 18) | (c << 46)) ^ ((c >> 41) | (c << 23))) + (e ^ (c & (d ^ e))) + 0x243185BE4EE4B28CUL + w[18];
            b += f;
            f += (((g >> 28) | (g << 36)) ^ ((g >> 34) | (g << 30)) ^ ((g >> 39) | (g << 25))) + ((g & (h | a)) | (h & a));
            e += (((b >> 14) | (b << 50)) ^ ((b >> 18) | (b << 46)) ^ ((b >> 41) | (b << 23))) + (d ^ (b & (c ^ d))) + 0x550C7DC3D5FFB4E2UL + w[19];
            a += e;
            e += (((f >> 28) | (f << 36)) ^ ((f >> 34) | (f << 30)) ^ ((f >> 39) | (f << 25))) + ((f & (g | h)) | (g & h));
            d += (((a >> 14) | (a << 50)) ^ ((a >> 18) | (a << 46)) ^ ((a >> 41) | (a << 23))) + (c ^ (a & (b ^ c))) + 0x72BE5D74F27B896FUL + w[20];
            h += d;
            d += (((e >> 28) | (e << 36)) ^ ((e >> 34) | (e << 30)) ^ ((e >> 39) | (e << 25))) + ((e & (f | g)) | (f & g));
            c += (((h >> 14) | (h << 50)) ^ ((h >> 18) | (h << 46)) ^ ((h >> 41) | (h << 23))) + (b ^ (h & (a ^ b))) + 0x80DEB1FE3B1696B1UL + w[21];
            g += c;
            c += (((d >> 28) | (d << 36)) ^ ((d >> 34) | (d << 30)) ^ ((d >> 39) | (d << 25))) + ((d & (e | f)) | (e & f));
            b += (((g >> 14) | (g << 50)) ^ ((g >> 18) | (g << 46)) ^ ((g >> 41) | (g << 23))) + (a ^ (g & (h ^ a))) + 0x9BDC06A725C71235UL + w[22];
            f += b;
            b += (((c >> 28) | (c << 36)) ^ ((c >> 34) | (c << 30)) ^ ((c >> 39) | (c << 25))) + ((c & (d | e)) | (d & e));
            a += (((f >> 14) | (f << 50)) ^ ((f >> 18) | (f << 46)) ^ ((f >> 41) | (f << 23))) + (h ^ (f & (g ^ h))) + 0xC19BF174CF692694UL + w[23];
            e += a;
            a += (((b >> 28) | (b << 36)) ^ ((b >> 34) | (b << 30)) ^ ((b >> 39) | (b << 25))) + ((b & (c | d)) | (c & d));
            w[8] += (((w[22] >> 19) | (w[22] << 45)) ^ ((w[22] >> 61) | (w[22] << 3)) ^ (w[22] >> 6)) + w[17] + (((w[9] >> 1) | (w[9] << 63)) ^ ((w[9] >> 8) | (w[9] << 56)) ^ (w[9] >> 7));
            h += (((e >> 14) | (e << 50)) ^ ((e >> 18) | (e << 46)) ^ ((e >> 41) | (e << 23))) + (g ^ (e & (f ^ g))) + 0xE49B69C19EF14AD2UL + w[8];
            d += h;
            h += (((a >> 28) | (a << 36)) ^ ((a >> 34) | (a << 30)) ^ ((a >> 39) | (a << 25))) + ((a & (b | c)) | (b & c));
            w[9] += (((w[23] >> 19) | (w[23] << 45)) ^ ((w[23] >> 61) | (w[23] << 3)) ^ (w[23] >> 6)) + w[18] + (((w[10] >> 1) | (w[10] << 63)) ^ ((w[10] >> 8) | (w[10] << 56)) ^ (w[10] >> 7));
            g += (((d >> 14) | (d << 50)) ^ ((d >> 18) | (d << 46)) ^ ((d >> 41) | (d << 23))) + (f ^ (d & (e ^ f))) + 0xEFBE4786384F25E3UL + w[9];
            c += g;
            g += (((h >> 28) | (h << 36)) ^ ((h >> 34) | (h << 30)) ^ ((h >> 39) | (h << 25))) + ((h & (a | b)) | (a & b));
            w[10] += (((w[8] >> 19) | (w[8] << 45)) ^ ((w[8] >> 61) | (w[8] << 3)) ^ (w[8] >> 6)) + w[19] + (((w[11] >> 1) | (w[11] << 63)) ^ ((w[11] >> 8) | (w[11] << 56)) ^ (w[11] >> 7));
            f += (((c >> 14) | (c << 50)) ^ ((c >> 18) | (c << 46)) ^ ((c >> 41) | (c << 23))) + (e ^ (c & (d ^ e))) + 0x0FC19DC68B8CD5B5UL + w[10];
            b += f;
            f += (((g >> 28) | (g << 36)) ^ ((g >> 34) | (g << 30)) ^ ((g >> 39) | (g << 25))) + ((g & (h | a)) | (h & a));
            w[11] += (((w[9] >> 19) | (w[9] << 45)) ^ ((w[9] >> 61) | (w[9] << 3)) ^ (w[9] >> 6)) + w[20] + (((w[12] >> 1) | (w[12] << 63)) ^ ((w[12] >> 8) | (w[12] << 56)) ^ (w[12] >> 7));
            e += (((b >> 14) | (b << 50)) ^ ((b >> 18) | (b << 46)) ^ ((b >> 41) | (b << 23))) + (d ^ (b & (c ^ d))) + 0x240CA1CC77AC9C65UL + w[11];
            a += e;
            e += (((f >> 28) | (f << 36)) ^ ((f >> 34) | (f << 30)) ^ ((f >> 39) | (f << 25))) + ((f & (g | h)) | (g & h));
            w[12] += (((w[10] >> 19) | (w[10] << 45)) ^ ((w[10] >> 61) | (w[10] << 3)) ^ (w[10] >> 6)) + w[21] + (((w[13] >> 1) | (w[13] << 63)) ^ ((w[13] >> 8) | (w[13] << 56)) ^ (w[13] >> 7));
            d += (((a >> 14) | (a << 50)) ^ ((a >> 18) | (a << 46)) ^ ((a >> 41) | (a << 23))) + (c ^ (a & (b ^ c))) + 0x2DE92C6F592B0275UL + w[12];
            h += d;
            d += (((e >> 28) | (e << 36)) ^ ((e >> 34) | (e << 30)) ^ ((e >> 39) | (e << 25))) + ((e & (f | g)) | (f & g));
            w[13] += (((w[11] >> 19) | (w[11] << 45)) ^ ((w[11] >> 61) | (w[11] << 3)) ^ (w[11] >> 6)) + w[22] + (((w[14] >> 1) | (w[14] << 63)) ^ ((w[14] >> 8) | (w[14] << 56)) ^ (w[14] >> 7));
            c += (((h >> 14) | (h << 50)) ^ ((h >> 18) | (h << 46)) ^ ((h >> 41) | (h << 23))) + (b ^ (h & (a ^ b))) + 0x4A7484AA6EA6E483UL + w[13];
            g += c;
            c += (((d >> 28) | (d << 36)) ^ ((d >> 34) | (d << 30)) ^ ((d >> 39) | (d << 25))) + ((d & (e | f)) | (e & f));
            w[14] += (((w[12] >> 19) | (w[12] << 45)) ^ ((w[12] >> 61) | (w[12] << 3)) ^ (w[12] >> 6)) + w[23] + (((w[15] >> 1) | (w[15] << 63)) ^ ((w[15] >> 8) | (w[15] << 56)) ^ (w[15] >> 7));
            b += (((g >> 14) | (g << 50)) ^ ((g >> 18) | (g << 46)) ^ ((g >> 41) | (g << 23))) + (a ^ (g & (h ^ a))) + 0x5CB0A9DCBD41FBD4UL + w[14];
            f += b;
            b += (((c >> 28) | (c << 36)) ^ ((c >> 34) | (c << 30)) ^ ((c >> 39) | (c << 25))) + ((c & (d | e)) | (d & e));
            w[15] += (((w[13] >> 19) | (w[13] << 45)) ^ ((w[13] >> 61) | (w[13] << 3)) ^ (w[13] >> 6)) + w[8] + (((w[16] >> 1) | (w[16] << 63)) ^ ((w[16] >> 8) | (w[16] << 56)) ^ (w[16] >> 7));
            a += (((f >> 14) | (f << 50)) ^ ((f >> 18) | (f << 46)) ^ ((f >> 41) | (f << 23))) + (h ^ (f & (g ^ h))) + 0x76F988DA831153B5UL + w[15];
            e += a;
            a += (((b >> 28) | (b << 36)) ^ ((b >> 34) | (b << 30)) ^ ((b >> 39) | (b << 25))) + ((b & (c | d)) | (c & d));
            w[16] += (((w[14] >> 19) | (w[14] << 45)) ^ ((w[14] >> 61) | (w[14] << 3)) ^ (w[14] >> 6)) + w[9] + (((w[17] >> 1) | (w[17] << 63)) ^ ((w[17] >> 8) | (w[17] << 56)) ^ (w[17] >> 7));
            h += (((e >> 14) | (e << 50)) ^ ((e >> 18) | (e << 46)) ^ ((e >> 41) | (e << 23))) + (g ^ (e & (f ^ g))) + 0x983E5152EE66DFABUL + w[16];
            d += h;
            h += (((a >> 28) | (a << 36)) ^ ((a >> 34) | (a << 30)) ^ ((a >> 39) | (a << 25))) + ((a & (b | c)) | (b & c));
            w[17] += (((w[15] >> 19) | (w[15] << 45)) ^ ((w[15] >> 61) | (w[15] << 3)) ^ (w[15] >> 6)) + w[10] + (((w[18] >> 1) | (w[18] << 63)) ^ ((w[18] >> 8) | (w[18] << 56)) ^ (w[18] >> 7));
            g += (((d >> 14) | (d << 50)) ^ ((d >> 18) | (d << 46)) ^ ((d >> 41) | (d << 23))) + (f ^ (d & (e ^ f))) + 0xA831C66D2DB43210UL + w[17];
            c += g;
            g += (((h >> 28) | (h << 36)) ^ ((h >> 34) | (h << 30)) ^ ((h >> 39) | (h << 25))) + ((h & (a | b)) | (a & b));
            w[18] += (((w[16] >> 19) | (w[16] << 45)) ^ ((w[16] >> 61) | (w[16] << 3)) ^ (w[16] >> 6)) + w[11] + (((w[19] >> 1) | (w[19] << 63)) ^ ((w[19] >> 8) | (w[19] << 56)) ^ (w[19] >> 7));
            f += (((c >> 14) | (c << 50)) ^ ((c >> 18) | (c << 46)) ^ ((c >> 41) | (c << 23))) + (e ^ (c & (d ^ e))) + 0xB00327C898FB213FUL + w[18];
            b += f;
            f += (((g >> 28) | (g << 36)) ^ ((g >> 34) | (g << 30)) ^ ((g >> 39) | (g << 25))) + ((g & (h | a)) | (h & a));
            w[19] += (((w[17] >> 19) | (w[17] << 45)) ^ ((w[17] >> 61) | (w[17] << 3)) ^ (w[17] >> 6)) + w[12] + (((w[20] >> 1) | (w[20] << 63)) ^ ((w[20] >> 8) | (w[20] << 56)) ^ (w[20] >> 7));
            e += (((b >> 14) | (b << 50)) ^ ((b >> 18) | (b << 46)) ^ ((b >> 41) | (b << 23))) + (d ^ (b & (c ^ d))) + 0xBF597FC7BEEF0EE4UL + w[19];
            a += e;
            e += (((f >> 28) | (f << 36)) ^ ((f >> 34) | (f << 30)) ^ ((f >> 39) | (f << 25))) + ((f & (g | h)) | (g & h));
            w[20] += (((w[18] >> 19) | (w[18] << 45)) ^ ((w[18] >> 61) | (w[18] << 3)) ^ (w[18] >> 6)) + w[13] + (((w[21] >> 1) | (w[21] << 63)) ^ ((w[21] >> 8) | (w[21] << 56)) ^ (w[21] >> 7));
            d += (((a >> 14) | (a << 50)) ^ ((a >> 18) | (a << 46)) ^ ((a >> 41) | (a << 23))) + (c ^ (a & (b ^ c))) + 0xC6E00BF33DA88FC2UL + w[20];
            h += d;
            d += (((e >> 28) | (e << 36)) ^ ((e >> 34) | (e << 30)) ^ ((e >> 39) | (e << 25))) + ((e & (f | g)) | (f & g));
            w[21] += (((w[19] >> 19) | (w[19] << 45)) ^ ((w[19] >> 61) | (w[19] << 3)) ^ (w[19] >> 6)) + w[14] + (((w[22] >> 1) | (w[22] << 63)) ^ ((w[22] >> 8) | (w[22] << 56)) ^ (w[22] >> 7));
            c += (((h >> 14) | (h << 50)) ^ ((h >> 18) | (h << 46)) ^ ((h >> 41) | (h << 23))) + (b ^ (h & (a ^ b))) + 0xD5A79147930AA725UL + w[21];
            g += c;
            c += (((d >> 28) | (d << 36)) ^ ((d >> 34) | (d << 30)) ^ ((d >> 39) | (d << 25))) + ((d & (e | f)) | (e & f));
            w[22] += (((w[20] >> 19) | (w[20] << 45)) ^ ((w[20] >> 61) | (w[20] << 3)) ^ (w[20] >> 6)) + w[15] + (((w[23] >> 1) | (w[23] << 63)) ^ ((w[23] >> 8) | (w[23] << 56)) ^ (w[23] >> 7));
            b += (((g >> 14) | (g << 50)) ^ ((g >> 18) | (g << 46)) ^ ((g >> 41) | (g << 23))) + (a ^ (g & (h ^ a))) + 0x06CA6351E003826FUL + w[22];
            f += b;
            b += (((c >> 28) | (c << 36)) ^ ((c >> 34) | (c << 30)) ^ ((c >> 39) | (c << 25))) + ((c & (d | e)) | (d & e));
            w[23] += (((w[21] >> 19) | (w[21] << 45)) ^ ((w[21] >> 61) | (w[21] << 3)) ^ (w[21] >> 6)) + w[16] + (((w[8] >> 1) | (w[8] << 63)) ^ ((w[8] >> 8) | (w[8] << 56)) ^ (w[8] >> 7));
            a += (((f >> 14) | (f << 50)) ^ ((f >> 18) | (f << 46)) ^ ((f >> 41) | (f << 23))) + (h ^ (f & (g ^ h))) + 0x142929670A0E6E70UL + w[23];
            e += a;
            a += (((b >> 28) | (b << 36)) ^ ((b >> 34) | (b << 30)) ^ ((b >> 39) | (b << 25))) + ((b & (c | d)) | (c & d));
            w[8] += (((w[22] >> 19) | (w[22] << 45)) ^ ((w[22] >> 61) | (w[22] << 3)) ^ (w[22] >> 6)) + w[17] + (((w[9] >> 1) | (w[9] << 63)) ^ ((w[9] >> 8) | (w[9] << 56)) ^ (w[9] >> 7));
            h += (((e >> 14) | (e << 50)) ^ ((e >> 18) | (e << 46)) ^ ((e >> 41) | (e << 23))) + (g ^ (e & (f ^ g))) + 0x27B70A8546D22FFCUL + w[8];
            d += h;
            h += (((a >> 28) | (a << 36)) ^ ((a >> 34) | (a << 30)) ^ ((a >> 39) | (a << 25))) + ((a & (b | c)) | (b & c));
            w[9] += (((w[23] >> 19) | (w[23] << 45)) ^ ((w[23] >> 61) | (w[23] << 3)) ^ (w[23] >> 6)) + w[18] + (((w[10] >> 1) | (w[10] << 63)) ^ ((w[10] >> 8) | (w[10] << 56)) ^ (w[10] >> 7));
            g += (((d >> 14) | (d << 50)) ^ ((d >> 18) | (d << 46)) ^ ((d >> 41) | (d << 23))) + (f ^ (d & (e ^ f))) + 0x2E1B21385C26C926UL + w[9];
            c += g;
            g += (((h >> 28) | (h << 36)) ^ ((h >> 34) | (h << 30)) ^ ((h >> 39) | (h << 25))) + ((h & (a | b)) | (a & b));
            w[10] += (((w[8] >> 19) | (w[8] << 45)) ^ ((w[8] >> 61) | (w[8] << 3)) ^ (w[8] >> 6)) + w[19] + (((w[11] >> 1) | (w[11] << 63)) ^ ((w[11] >> 8) | (w[11] << 56)) ^ (w[11] >> 7));
            f += (((c >> 14) | (c << 50)) ^ ((c >> 18) | (c << 46)) ^ ((c >> 41) | (c << 23))) + (e ^ (c & (d ^ e))) + 0x4D2C6DFC5AC42AEDUL + w[10];
            b += f;
            f += (((g >> 28) | (g << 36)) ^ ((g >> 34) | (g << 30)) ^ ((g >> 39) | (g << 25))) + ((g & (h | a)) | (h & a));
            w[11] += (((w[9] >> 19) | (w[9] << 45)) ^ ((w[9] >> 61) | (w[9] << 3)) ^ (w[9] >> 6)) + w[20] + (((w[12] >> 1) | (w[12] << 63)) ^ ((w[12] >> 8) | (w[12] << 56)) ^ (w[12] >> 7));
            e += (((b >> 14) | (b << 50)) ^ ((b >> 18) | (b << 46)) ^ ((b >> 41) | (b << 23))) + (d ^ (b & (c ^ d))) + 0x53380D139D95B3DFUL + w[11];
            a += e;
            e += (((f >> 28) | (f << 36)) ^ ((f >> 34) | (f << 30)) ^ ((f >> 39) | (f << 25))) + ((f & (g | h)) | (g & h));
            w[12] += (((w[10] >> 19) | (w[10] << 45)) ^ ((w[10] >> 61) | (w[10] << 3)) ^ (w[10] >> 6)) + w[21] + (((w[13] >> 1) | (w[13] << 63)) ^ ((w[13] >> 8) | (w[13] << 56)) ^ (w[13] >> 7));
            d += (((a >> 14) | (a << 50)) ^ ((a >> 18) | (a << 46)) ^ ((a >> 41) | (a << 23))) + (c ^ (a & (b ^ c))) + 0x650A73548BAF63DEUL + w[12];
            h += d;
            d += (((e >> 28) | (e << 36)) ^ ((e >> 34) | (e << 30)) ^ ((e >> 39) | (e << 25))) + ((e & (f | g)) | (f & g));
            w[13] += (((w[11] >> 19) | (w[11] << 45)) ^ ((w[11] >> 61) | (w[11] << 3)) ^ (w[11] >> 6)) + w[22] + (((w[14] >> 1) | (w[14] << 63)) ^ ((w[14] >> 8) | (w[14] << 56)) ^ (w[14] >> 7));
            c += (((h >> 14) | (h << 50)) ^ ((h >> 18) | (h << 46)) ^ ((h >> 41) | (h << 23))) + (b ^ (h & (a ^ b))) + 0x766A0ABB3C77B2A8UL + w[13];
            g += c;
            c += (((d >> 28) | (d << 36)) ^ ((d >> 34) | (d << 30)) ^ ((d >> 39) | (d << 25))) + ((d & (e | f)) | (e & f));
            w[14] += (((w[12] >> 19) | (w[12] << 45)) ^ ((w[12] >> 61) | (w[12] << 3)) ^ (w[12] >> 6)) + w[23] + (((w[15] >> 1) | (w[15] << 63)) ^ ((w[15] >> 8) | (w[15] << 56)) ^ (w[15] >> 7));
            b += (((g >> 14) | (g << 50)) ^ ((g >> 18) | (g << 46)) ^ ((g >> 41) | (g << 23))) + (a ^ (g & (h ^ a))) + 0x81C2C92E47EDAEE6UL + w[14];
            f += b;
            b += (((c >> 28) | (c << 36)) ^ ((c >> 34) | (c << 30)) ^ ((c >> 39) | (c << 25))) + ((c & (d | e)) | (d & e));
            w[15] += (((w[13] >> 19) | (w[13] << 45)) ^ ((w[13] >> 61) | (w[13] << 3)) ^ (w[13] >> 6)) + w[8] + (((w[16] >> 1) | (w[16] << 63)) ^ ((w[16] >> 8) | (w[16] << 56)) ^ (w[16] >> 7));
            a += (((f >> 14) | (f << 50)) ^ ((f >> 18) | (f << 46)) ^ ((f >> 41) | (f << 23))) + (h ^ (f & (g ^ h))) + 0x92722C851482353BUL + w[15];
            e += a;
            a += (((b >> 28) | (b << 36)) ^ ((b >> 34) | (b << 30)) ^ ((b >> 39) | (b << 25))) + ((b & (c | d)) | (c & d));
            w[16] += (((w[14] >> 19) | (w[14] << 45)) ^ ((w[14] >> 61) | (w[14] << 3)) ^ (w[14] >> 6)) + w[9] + (((w[17] >> 1) | (w[17] << 63)) ^ ((w[17] >> 8) | (w[17] << 56)) ^ (w[17] >> 7));
            h += (((e >> 14) | (e << 50)) ^ ((e >> 18) | (e << 46)) ^ ((e >> 41) | (e << 23))) + (g ^ (e & (f ^ g))) + 0xA2BFE8A14CF10364UL + w[16];
            d += h;
            h += (((a >> 28) | (a << 36)) ^ ((a >> 34) | (a << 30)) ^ ((a >> 39) | (a << 25))) + ((a & (b | c)) | (b & c));
            w[17] += (((w[15] >> 19) | (w[15] << 45)) ^ ((w[15] >> 61) | (w[15] << 3)) ^ (w[15] >> 6)) + w[10] + (((w[18] >> 1) | (w[18] << 63)) ^ ((w[18] >> 8) | (w[18] << 56)) ^ (w[18] >> 7));
            g += (((d >> 14) | (d << 50)) ^ ((d >> 18) | (d << 46)) ^ ((d >> 41) | (d << 23))) + (f ^ (d & (e ^ f))) + 0xA81A664BBC423001UL + w[17];
            c += g;
            g += (((h >> 28) | (h << 36)) ^ ((h >> 34) | (h << 30)) ^ ((h >> 39) | (h << 25))) + ((h & (a | b)) | (a & b));
            w[18] += (((w[16] >> 19) | (w[16] << 45)) ^ ((w[16] >> 61) | (w[16] << 3)) ^ (w[16] >> 6)) + w[11] + (((w[19] >> 1) | (w[19] << 63)) ^ ((w[19] >> 8) | (w[19] << 56)) ^ (w[19] >> 7));
            f += (((c >> 14) | (c << 50)) ^ ((c >> 18) | (c << 46)) ^ ((c >> 41) | (c << 23))) + (e ^ (c & (d ^ e))) + 0xC24B8B70D0F89791UL + w[18];
            b += f;
            f += (((g >> 28) | (g << 36)) ^ ((g >> 34) | (g << 30)) ^ ((g >> 39) | (g << 25))) + ((g & (h | a)) | (h & a));
            w[19] += (((w[17] >> 19) | (w[17] << 45)) ^ ((w[17] >> 61) | (w[17] << 3)) ^ (w[17] >> 6)) + w[12] + (((w[20] >> 1) | (w[20] << 63)) ^ ((w[20] >> 8) | (w[20] << 56)) ^ (w[20] >> 7));
            e += (((b >> 14) | (b << 50)) ^ ((b >> 18) | (b << 46)) ^ ((b >> 41) | (b << 23))) + (d ^ (b & (c ^ d))) + 0xC76C51A30654BE30UL + w[19];
            a += e;
            e += (((f >> 28) | (f << 36)) ^ ((f >> 34) | (f << 30)) ^ ((f >> 39) | (f << 25))) + ((f & (g | h)) | (g & h));
            w[20] += (((w[18] >> 19) | (w[18] << 45)) ^ ((w[18] >> 61) | (w[18] << 3)) ^ (w[18] >> 6)) + w[13] + (((w[21] >> 1) | (w[21] << 63)) ^ ((w[21] >> 8) | (w[21] << 56)) ^ (w[21] >> 7));
            d += (((a >> 14) | (a << 50)) ^ ((a >> 18) | (a << 46)) ^ ((a >> 41) | (a << 23))) + (c ^ (a & (b ^ c))) + 0xD192E819D6EF5218UL + w[20];
            h += d;
            d += (((e >> 28) | (e << 36)) ^ ((e >> 34) | (e << 30)) ^ ((e >> 39) | (e << 25))) + ((e & (f | g)) | (f & g));
            w[21] += (((w[19] >> 19) | (w[19] << 45)) ^ ((w[19] >> 61) | (w[19] << 3)) ^ (w[19] >> 6)) + w[14] + (((w[22] >> 1) | (w[22] << 63)) ^ ((w[22] >> 8) | (w[22] << 56)) ^ (w[22] >> 7));
            c += (((h >> 14) | (h << 50)) ^ ((h >> 18) | (h << 46)) ^ ((h >> 41) | (h << 23))) + (b ^ (h & (a ^ b))) + 0xD69906245565A910UL + w[21];
            g += c;
            c += (((d >> 28) | (d << 36)) ^ ((d >> 34) | (d << 30)) ^ ((d >> 39) | (d << 25))) + ((d & (e | f)) | (e & f));
            w[22] += (((w[20] >> 19) | (w[20] << 45)) ^ ((w[20] >> 61) | (w[20] << 3)) ^ (w[20] >> 6)) + w[15] + (((w[23] >> 1) | (w[23] << 63)) ^ ((w[23] >> 8) | (w[23] << 56)) ^ (w[23] >> 7));
            b += (((g >> 14) | (g << 50)) ^ ((g >> 18) | (g << 46)) ^ ((g >> 41) | (g << 23))) + (a ^ (g & (h ^ a))) + 0xF40E35855771202AUL + w[22];
            f += b;
            b += (((c >> 28) | (c << 36)) ^ ((c >> 34) | (c << 30)) ^ ((c >> 39) | (c << 25))) + ((c & (d | e)) | (d & e));
            w[23] += (((w[21] >> 19) | (w[21] << 45)) ^ ((w[21] >> 61) | (w[21] << 3)) ^ (w[21] >> 6)) + w[16] + (((w[8] >> 1) | (w[8] << 63)) ^ ((w[8] >> 8) | (w[8] << 56)) ^ (w[8] >> 7));
            a += (((f >> 14) | (f << 50)) ^ ((f >> 18) | (f << 46)) ^ ((f >> 41) | (f << 23))) + (h ^ (f & (g ^ h))) + 0x106AA07032BBD1B8UL + w[23];
            e += a;
            a += (((b >> 28) | (b << 36)) ^ ((b >> 34) | (b << 30)) ^ ((b >> 39) | (b << 25))) + ((b & (c | d)) | (c & d));
            w[8] += (((w[22] >> 19) | (w[22] << 45)) ^ ((w[22] >> 61) | (w[22] << 3)) ^ (w[22] >> 6)) + w[17] + (((w[9] >> 1) | (w[9] << 63)) ^ ((w[9] >> 8) | (w[9] << 56)) ^ (w[9] >> 7));
            h += (((e >> 14) | (e << 50)) ^ ((e >> 18) | (e << 46)) ^ ((e >> 41) | (e << 23))) + (g ^ (e & (f ^ g))) + 0x19A4C116B8D2D0C8UL + w[8];
            d += h;
            h += (((a >> 28) | (a << 36)) ^ ((a >> 34) | (a << 30)) ^ ((a >> 39) | (a << 25))) + ((a & (b | c)) | (b & c));
            w[9] += (((w[23] >> 19) | (w[23] << 45)) ^ ((w[23] >> 61) | (w[23] << 3)) ^ (w[23] >> 6)) + w[18] + (((w[10] >> 1) | (w[10] << 63)) ^ ((w[10] >> 8) | (w[10] << 56)) ^ (w[10] >> 7));
            g += (((d >> 14) | (d << 50)) ^ ((d >> 18) | (d << 46)) ^ ((d >> 41) | (d << 23))) + (f ^ (d & (e ^ f))) + 0x1E376C085141AB53UL + w[9];
            c += g;
            g += (((h >> 28) | (h << 36)) ^ ((h >> 34) | (h << 30)) ^ ((h >> 39) | (h << 25))) + ((h & (a | b)) | (a & b));
            w[10] += (((w[8] >> 19) | (w[8] << 45)) ^ ((w[8] >> 61) | (w[8] << 3)) ^ (w[8] >> 6)) + w[19] + (((w[11] >> 1) | (w[11] << 63)) ^ ((w[11] >> 8) | (w[11] << 56)) ^ (w[11] >> 7));
            f += (((c >> 14) | (c << 50)) ^ ((c >> 18) | (c << 46)) ^ ((c >> 41) | (c << 23))) + (e ^ (c & (d ^ e))) + 0x2748774CDF8EEB99UL + w[10];
            b += f;
            f += (((g >> 28) | (g << 36)) ^ ((g >> 34) | (g << 30)) ^ ((g >> 39) | (g << 25))) + ((g & (h | a)) | (h & a));
            w[11] += (((w[9] >> 19) | (w[9] << 45)) ^ ((w[9] >> 61) | (w[9] << 3)) ^ (w[9] >> 6)) + w[20] + (((w[12] >> 1) | (w[12] << 63)) ^ ((w[12] >> 8) | (w[12] << 56)) ^ (w[12] >> 7));
            e += (((b >> 14) | (b << 50)) ^ ((b >> 18) | (b << 46)) ^ ((b >> 41) | (b << 23))) + (d ^ (b & (c ^ d))) + 0x34B0BCB5E19B48A8UL + w[11];
            a += e;
            e += (((f >> 28) | (f << 36)) ^ ((f >> 34) | (f << 30)) ^ ((f >> 39) | (f << 25))) + ((f & (g | h)) | (g & h));
            w[12] += (((w[10] >> 19) | (w[10] << 45)) ^ ((w[10] >> 61) | (w[10] << 3)) ^ (w[10] >> 6)) + w[21] + (((w[13] >> 1) | (w[13] << 63)) ^ ((w[13] >> 8) | (w[13] << 56)) ^ (w[13] >> 7));
            d += (((a >> 14) | (a << 50)) ^ ((a >> 18) | (a << 46)) ^ ((a >> 41) | (a << 23))) + (c ^ (a & (b ^ c))) + 0x391C0CB3C5C95A63UL + w[12];
            h += d;
            d += (((e >> 28) | (e << 36)) ^ ((e >> 34) | (e << 30)) ^ ((e >> 39) | (e << 25))) + ((e & (f | g)) | (f & g));
            w[13] += (((w[11] >> 19) | (w[11] << 45)) ^ ((w[11] >> 61) | (w[11] << 3)) ^ (w[11] >> 6)) + w[22] + (((w[14] >> 1) | (w[14] << 63)) ^ ((w[14] >> 8) | (w[14] << 56)) ^ (w[14] >> 7));
            c += (((h >> 14) | (h << 50)) ^ ((h >> 18) | (h << 46)) ^ ((h >> 41) | (h << 23))) + (b ^ (h & (a ^ b))) + 0x4ED8AA4AE3418ACBUL + w[13];
            g += c;
            c += (((d >> 28) | (d << 36)) ^ ((d >> 34) | (d << 30)) ^ ((d >> 39) | (d << 25))) + ((d & (e | f)) | (e & f));
            w[14] += (((w[12] >> 19) | (w[12] << 45)) ^ ((w[12] >> 61) | (w[12] << 3)) ^ (w[12] >> 6)) + w[23] + (((w[15] >> 1) | (w[15] << 63)) ^ ((w[15] >> 8) | (w[15] << 56)) ^ (w[15] >> 7));
            b += (((g >> 14) | (g << 50)) ^ ((g >> 18) | (g << 46)) ^ ((g >> 41) | (g << 23))) + (a ^ (g & (h ^ a))) + 0x5B9CCA4F7763E373UL + w[14];
            f += b;
            b += (((c >> 28) | (c << 36)) ^ ((c >> 34) | (c << 30)) ^ ((c >> 39) | (c << 25))) + ((c & (d | e)) | (d & e));
            w[15] += (((w[13] >> 19) | (w[13] << 45)) ^ ((w[13] >> 61) | (w[13] << 3)) ^ (w[13] >> 6)) + w[8] + (((w[16] >> 1) | (w[16] << 63)) ^ ((w[16] >> 8) | (w[16] << 56)) ^ (w[16] >> 7));
            a += (((f >> 14) | (f << 50)) ^ ((f >> 18) | (f << 46)) ^ ((f >> 41) | (f << 23))) + (h ^ (f & (g ^ h))) + 0x682E6FF3D6B2B8A3UL + w[15];
            e += a;
            a += (((b >> 28) | (b << 36)) ^ ((b >> 34) | (b << 30)) ^ ((b >> 39) | (b << 25))) + ((b & (c | d)) | (c & d));
            w[16] += (((w[14] >> 19) | (w[14] << 45)) ^ ((w[14] >> 61) | (w[14] << 3)) ^ (w[14] >> 6)) + w[9] + (((w[17] >> 1) | (w[17] << 63)) ^ ((w[17] >> 8) | (w[17] << 56)) ^ (w[17] >> 7));
            h += (((e >> 14) | (e << 50)) ^ ((e >> 18) | (e << 46)) ^ ((e >> 41) | (e << 23))) + (g ^ (e & (f ^ g))) + 0x748F82EE5DEFB2FCUL + w[16];
            d += h;
            h += (((a >> 28) | (a << 36)) ^ ((a >> 34) | (a << 30)) ^ ((a >> 39) | (a << 25))) + ((a & (b | c)) | (b & c));
            w[17] += (((w[15] >> 19) | (w[15] << 45)) ^ ((w[15] >> 61) | (w[15] << 3)) ^ (w[15] >> 6)) + w[10] + (((w[18] >> 1) | (w[18] << 63)) ^ ((w[18] >> 8) | (w[18] << 56)) ^ (w[18] >> 7));
            g += (((d >> 14) | (d << 50)) ^ ((d >> 18) | (d << 46)) ^ ((d >> 41) | (d << 23))) + (f ^ (d & (e ^ f))) + 0x78A5636F43172F60UL + w[17];
            c += g;
            g += (((h >> 28) | (h << 36)) ^ ((h >> 34) | (h << 30)) ^ ((h >> 39) | (h << 25))) + ((h & (a | b)) | (a & b));
            w[18] += (((w[16] >> 19) | (w[16] << 45)) ^ ((w[16] >> 61) | (w[16] << 3)) ^ (w[16] >> 6)) + w[11] + (((w[19] >> 1) | (w[19] << 63)) ^ ((w[19] >> 8) | (w[19] << 56)) ^ (w[19] >> 7));
            f += (((c >> 14) | (c << 50)) ^ ((c >> 18) | (c << 46)) ^ ((c >> 41) | (c << 23))) + (e ^ (c & (d ^ e))) + 0x84C87814A1F0AB72UL + w[18];
            b += f;
            f += (((g >> 28) | (g << 36)) ^ ((g >> 34) | (g << 30)) ^ ((g >> 39) | (g << 25))) + ((g & (h | a)) | (h & a));
            w[19] += (((w[17] >> 19) | (w[17] << 45)) ^ ((w[17] >> 61) | (w[17] << 3)) ^ (w[17] >> 6)) + w[12] + (((w[20] >> 1) | (w[20] << 63)) ^ ((w[20] >> 8) | (w[20] << 56)) ^ (w[20] >> 7));
            e += (((b >> 14) | (b << 50)) ^ ((b >> 18) | (b << 46)) ^ ((b >> 41) | (b << 23))) + (d ^ (b & (c ^ d))) + 0x8CC702081A6439ECUL + w[19];
            a += e;
            e += (((f >> 28) | (f << 36)) ^ ((f >> 34) | (f << 30)) ^ ((f >> 39) | (f << 25))) + ((f & (g | h)) | (g & h));
            w[20] += (((w[18] >> 19) | (w[18] << 45)) ^ ((w[18] >> 61) | (w[18] << 3)) ^ (w[18] >> 6)) + w[13] + (((w[21] >> 1) | (w[21] << 63)) ^ ((w[21] >> 8) | (w[21] << 56)) ^ (w[21] >> 7));
            d += (((a >> 14) | (a << 50)) ^ ((a >> 18) | (a << 46)) ^ ((a >> 41) | (a << 23))) + (c ^ (a & (b ^ c))) + 0x90BEFFFA23631E28UL + w[20];
            h += d;
            d += (((e >> 28) | (e << 36)) ^ ((e >> 34) | (e << 30)) ^ ((e >> 39) | (e << 25))) + ((e & (f | g)) | (f & g));
            w[21] += (((w[19] >> 19) | (w[19] << 45)) ^ ((w[19] >> 61) | (w[19] << 3)) ^ (w[19] >> 6)) + w[14] + (((w[22] >> 1) | (w[22] << 63)) ^ ((w[22] >> 8) | (w[22] << 56)) ^ (w[22] >> 7));
            c += (((h >> 14) | (h << 50)) ^ ((h >> 18) | (h << 46)) ^ ((h >> 41) | (h << 23))) + (b ^ (h & (a ^ b))) + 0xA4506CEBDE82BDE9UL + w[21];
            g += c;
            c += (((d >> 28) | (d << 36)) ^ ((d >> 34) | (d << 30)) ^ ((d >> 39) | (d << 25))) + ((d & (e | f)) | (e & f));
            w[22] += (((w[20] >> 19) | (w[20] << 45)) ^ ((w[20] >> 61) | (w[20] << 3)) ^ (w[20] >> 6)) + w[15] + (((w[23] >> 1) | (w[23] << 63)) ^ ((w[23] >> 8) | (w[23] << 56)) ^ (w[23] >> 7));
            b += (((g >> 14) | (g << 50)) ^ ((g >> 18) | (g << 46)) ^ ((g >> 41) | (g << 23))) + (a ^ (g & (h ^ a))) + 0xBEF9A3F7B2C67915UL + w[22];
            f += b;
            b += (((c >> 28) | (c << 36)) ^ ((c >> 34) | (c << 30)) ^ ((c >> 39) | (c << 25))) + ((c & (d | e)) | (d & e));
            w[23] += (((w[21] >> 19) | (w[21] << 45)) ^ ((w[21] >> 61) | (w[21] << 3)) ^ (w[21] >> 6)) + w[16] + (((w[8] >> 1) | (w[8] << 63)) ^ ((w[8] >> 8) | (w[8] << 56)) ^ (w[8] >> 7));
            a += (((f >> 14) | (f << 50)) ^ ((f >> 18) | (f << 46)) ^ ((f >> 41) | (f << 23))) + (h ^ (f & (g ^ h))) + 0xC67178F2E372532BUL + w[23];
            e += a;
            a += (((b >> 28) | (b << 36)) ^ ((b >> 34) | (b << 30)) ^ ((b >> 39) | (b << 25))) + ((b & (c | d)) | (c & d));
            w[8] += (((w[22] >> 19) | (w[22] << 45)) ^ ((w[22] >> 61) | (w[22] << 3)) ^ (w[22] >> 6)) + w[17] + (((w[9] >> 1) | (w[9] << 63)) ^ ((w[9] >> 8) | (w[9] << 56)) ^ (w[9] >> 7));
            h += (((e >> 14) | (e << 50)) ^ ((e >> 18) | (e << 46)) ^ ((e >> 41) | (e << 23))) + (g ^ (e & (f ^ g))) + 0xCA273ECEEA26619CUL + w[8];
            d += h;
            h += (((a >> 28) | (a << 36)) ^ ((a >> 34) | (a << 30)) ^ ((a >> 39) | (a << 25))) + ((a & (b | c)) | (b & c));
            w[9] += (((w[23] >> 19) | (w[23] << 45)) ^ ((w[23] >> 61) | (w[23] << 3)) ^ (w[23] >> 6)) + w[18] + (((w[10] >> 1) | (w[10] << 63)) ^ ((w[10] >> 8) | (w[10] << 56)) ^ (w[10] >> 7));
            g += (((d >> 14) | (d << 50)) ^ ((d >> 18) | (d << 46)) ^ ((d >> 41) | (d << 23))) + (f ^ (d & (e ^ f))) + 0xD186B8C721C0C207UL + w[9];
            c += g;
            g += (((h >> 28) | (h << 36)) ^ ((h >> 34) | (h << 30)) ^ ((h >> 39) | (h << 25))) + ((h & (a | b)) | (a & b));
            w[10] += (((w[8] >> 19) | (w[8] << 45)) ^ ((w[8] >> 61) | (w[8] << 3)) ^ (w[8] >> 6)) + w[19] + (((w[11] >> 1) | (w[11] << 63)) ^ ((w[11] >> 8) | (w[11] << 56)) ^ (w[11] >> 7));
            f += (((c >> 14) | (c << 50)) ^ ((c >> 18) | (c << 46)) ^ ((c >> 41) | (c << 23))) + (e ^ (c & (d ^ e))) + 0xEADA7DD6CDE0EB1EUL + w[10];
            b += f;
            f += (((g >> 28) | (g << 36)) ^ ((g >> 34) | (g << 30)) ^ ((g >> 39) | (g << 25))) + ((g & (h | a)) | (h & a));
            w[11] += (((w[9] >> 19) | (w[9] << 45)) ^ ((w[9] >> 61) | (w[9] << 3)) ^ (w[9] >> 6)) + w[20] + (((w[12] >> 1) | (w[12] << 63)) ^ ((w[12] >> 8) | (w[12] << 56)) ^ (w[12] >> 7));
            e += (((b >> 14) | (b << 50)) ^ ((b >> 18) | (b << 46)) ^ ((b >> 41) | (b << 23))) + (d ^ (b & (c ^ d))) + 0xF57D4F7FEE6ED178UL + w[11];
            a += e;
            e += (((f >> 28) | (f << 36)) ^ ((f >> 34) | (f << 30)) ^ ((f >> 39) | (f << 25))) + ((f & (g | h)) | (g & h));
            w[12] += (((w[10] >> 19) | (w[10] << 45)) ^ ((w[10] >> 61) | (w[10] << 3)) ^ (w[10] >> 6)) + w[21] + (((w[13] >> 1) | (w[13] << 63)) ^ ((w[13] >> 8) | (w[13] << 56)) ^ (w[13] >> 7));
            d += (((a >> 14) | (a << 50)) ^ ((a >> 18) | (a << 46)) ^ ((a >> 41) | (a << 23))) + (c ^ (a & (b ^ c))) + 0x06F067AA72176FBAUL + w[12];
            h += d;
            d += (((e >> 28) | (e << 36)) ^ ((e >> 34) | (e << 30)) ^ ((e >> 39) | (e << 25))) + ((e & (f | g)) | (f & g));
            w[13] += (((w[11] >> 19) | (w[11] << 45)) ^ ((w[11] >> 61) | (w[11] << 3)) ^ (w[11] >> 6)) + w[22] + (((w[14] >> 1) | (w[14] << 63)) ^ ((w[14] >> 8) | (w[14] << 56)) ^ (w[14] >> 7));
            c += (((h >> 14) | (h << 50)) ^ ((h >> 18) | (h << 46)) ^ ((h >> 41) | (h << 23))) + (b ^ (h & (a ^ b))) + 0x0A637DC5A2C898A6UL + w[13];
            g += c;
            c += (((d >> 28) | (d << 36)) ^ ((d >> 34) | (d << 30)) ^ ((d >> 39) | (d << 25))) + ((d & (e | f)) | (e & f));
            w[14] += (((w[12] >> 19) | (w[12] << 45)) ^ ((w[12] >> 61) | (w[12] << 3)) ^ (w[12] >> 6)) + w[23] + (((w[15] >> 1) | (w[15] << 63)) ^ ((w[15] >> 8) | (w[15] << 56)) ^ (w[15] >> 7));
            b += (((g >> 14) | (g << 50)) ^ ((g >> 18) | (g << 46)) ^ ((g >> 41) | (g << 23))) + (a ^ (g & (h ^ a))) + 0x113F9804BEF90DAEUL + w[14];
            f += b;
            b += (((c >> 28) | (c << 36)) ^ ((c >> 34) | (c << 30)) ^ ((c >> 39) | (c << 25))) + ((c & (d | e)) | (d & e));
            w[15] += (((w[13] >> 19) | (w[13] << 45)) ^ ((w[13] >> 61) | (w[13] << 3)) ^ (w[13] >> 6)) + w[8] + (((w[16] >> 1) | (w[16] << 63)) ^ ((w[16] >> 8) | (w[16] << 56)) ^ (w[16] >> 7));
            a += (((f >> 14) | (f << 50)) ^ ((f >> 18) | (f << 46)) ^ ((f >> 41) | (f << 23))) + (h ^ (f & (g ^ h))) + 0x1B710B35131C471BUL + w[15];
            e += a;
            a += (((b >> 28) | (b << 36)) ^ ((b >> 34) | (b << 30)) ^ ((b >> 39) | (b << 25))) + ((b & (c | d)) | (c & d));
            w[16] += (((w[14] >> 19) | (w[14] << 45)) ^ ((w[14] >> 61) | (w[14] << 3)) ^ (w[14] >> 6)) + w[9] + (((w[17] >> 1) | (w[17] << 63)) ^ ((w[17] >> 8) | (w[17] << 56)) ^ (w[17] >> 7));
            h += (((e >> 14) | (e << 50)) ^ ((e >> 18) | (e << 46)) ^ ((e >> 41) | (e << 23))) + (g ^ (e & (f ^ g))) + 0x28DB77F523047D84UL + w[16];
            d += h;
            h += (((a >> 28) | (a << 36)) ^ ((a >> 34) | (a << 30)) ^ ((a >> 39) | (a << 25))) + ((a & (b | c)) | (b & c));
            w[17] += (((w[15] >> 19) | (w[15] << 45)) ^ ((w[15] >> 61) | (w[15] << 3)) ^ (w[15] >> 6)) + w[10] + (((w[18] >> 1) | (w[18] << 63)) ^ ((w[18] >> 8) | (w[18] << 56)) ^ (w[18] >> 7));
            g += (((d >> 14) | (d << 50)) ^ ((d >> 18) | (d << 46)) ^ ((d >> 41) | (d << 23))) + (f ^ (d & (e ^ f))) + 0x32CAAB7B40C72493UL + w[17];
            c += g;
            g += (((h >> 28) | (h << 36)) ^ ((h >> 34) | (h << 30)) ^ ((h >> 39) | (h << 25))) + ((h & (a | b)) | (a & b));
            w[18] += (((w[16] >> 19) | (w[16] << 45)) ^ ((w[16] >> 61) | (w[16] << 3)) ^ (w[16] >> 6)) + w[11] + (((w[19] >> 1) | (w[19] << 63)) ^ ((w[19] >> 8) | (w[19] << 56)) ^ (w[19] >> 7));
            f += (((c >> 14) | (c << 50)) ^ ((c >> 18) | (c << 46)) ^ ((c >> 41) | (c << 23))) + (e ^ (c & (d ^ e))) + 0x3C9EBE0A15C9BEBCUL + w[18];
            b += f;
            f += (((g >> 28) | (g << 36)) ^ ((g >> 34) | (g << 30)) ^ ((g >> 39) | (g << 25))) + ((g & (h | a)) | (h & a));
            w[19] += (((w[17] >> 19) | (w[17] << 45)) ^ ((w[17] >> 61) | (w[17] << 3)) ^ (w[17] >> 6)) + w[12] + (((w[20] >> 1) | (w[20] << 63)) ^ ((w[20] >> 8) | (w[20] << 56)) ^ (w[20] >> 7));
            e += (((b >> 14) | (b << 50)) ^ ((b >> 18) | (b << 46)) ^ ((b >> 41) | (b << 23))) + (d ^ (b & (c ^ d))) + 0x431D67C49C100D4CUL + w[19];
            a += e;
            e += (((f >> 28) | (f << 36)) ^ ((f >> 34) | (f << 30)) ^ ((f >> 39) | (f << 25))) + ((f & (g | h)) | (g & h));
            w[20] += (((w[18] >> 19) | (w[18] << 45)) ^ ((w[18] >> 61) | (w[18] << 3)) ^ (w[18] >> 6)) + w[13] + (((w[21] >> 1) | (w[21] << 63)) ^ ((w[21] >> 8) | (w[21] << 56)) ^ (w[21] >> 7));
            d += (((a >> 14) | (a << 50)) ^ ((a >> 18) | (a << 46)) ^ ((a >> 41) | (a << 23))) + (c ^ (a & (b ^ c))) + 0x4CC5D4BECB3E42B6UL + w[20];
            h += d;
            d += (((e >> 28) | (e << 36)) ^ ((e >> 34) | (e << 30)) ^ ((e >> 39) | (e << 25))) + ((e & (f | g)) | (f & g));
            w[21] += (((w[19] >> 19) | (w[19] << 45)) ^ ((w[19] >> 61) | (w[19] << 3)) ^ (w[19] >> 6)) + w[14] + (((w[22] >> 1) | (w[22] << 63)) ^ ((w[22] >> 8) | (w[22] << 56)) ^ (w[22] >> 7));
            c += (((h >> 14) | (h << 50)) ^ ((h >> 18) | (h << 46)) ^ ((h >> 41) | (h << 23))) + (b ^ (h & (a ^ b))) + 0x597F299CFC657E2AUL + w[21];
            g += c;
            c += (((d >> 28) | (d << 36)) ^ ((d >> 34) | (d << 30)) ^ ((d >> 39) | (d << 25))) + ((d & (e | f)) | (e & f));
            w[22] += (((w[20] >> 19) | (w[20] << 45)) ^ ((w[20] >> 61) | (w[20] << 3)) ^ (w[20] >> 6)) + w[15] + (((w[23] >> 1) | (w[23] << 63)) ^ ((w[23] >> 8) | (w[23] << 56)) ^ (w[23] >> 7));
            b += (((g >> 14) | (g << 50)) ^ ((g >> 18) | (g << 46)) ^ ((g >> 41) | (g << 23))) + (a ^ (g & (h ^ a))) + 0x5FCB6FAB3AD6FAECUL + w[22];
            f += b;
            b += (((c >> 28) | (c << 36)) ^ ((c >> 34) | (c << 30)) ^ ((c >> 39) | (c << 25))) + ((c & (d | e)) | (d & e));
            w[23] += (((w[21] >> 19) | (w[21] << 45)) ^ ((w[21] >> 61) | (w[21] << 3)) ^ (w[21] >> 6)) + w[16] + (((w[8] >> 1) | (w[8] << 63)) ^ ((w[8] >> 8) | (w[8] << 56)) ^ (w[8] >> 7));
            a += (((f >> 14) | (f << 50)) ^ ((f >> 18) | (f << 46)) ^ ((f >> 41) | (f << 23))) + (h ^ (f & (g ^ h))) + 0x6C44198C4A475817UL + w[23];
            e += a;
            a += (((b >> 28) | (b << 36)) ^ ((b >> 34) | (b << 30)) ^ ((b >> 39) | (b << 25))) + ((b & (c | d)) | (c & d));

            w[0] += a; w[1] += b; w[2] += c; w[3] += d;
            w[4] += e; w[5] += f; w[6] += g; w[7] += h;
        }
    }
}
