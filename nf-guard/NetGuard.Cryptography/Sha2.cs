// Copyright (c) NetGuard contributors. MIT licence.

using System;

namespace NetGuard.Cryptography
{
    /// <summary>
    /// What SHA-256 and SHA-512 share (FIPS 180-4 sections 5.1 and 6): the message is cut into blocks for the
    /// compression function, and ends with a 1 bit, zeros and the big-endian bit length. <see cref="Append"/> any
    /// number of times, then <see cref="Finish"/>, which writes the digest and resets the instance for the next
    /// message. Hashing allocates nothing per block. An instance is not thread safe.
    /// </summary>
    public abstract class Sha2
    {
        private readonly byte[] _buffer;
        private readonly int _hashSize;
        private readonly int _lengthFieldOffset;
        private int _bufferCount;
        private long _byteCount;

        internal Sha2(int blockSize, int hashSize, int lengthFieldSize)
        {
            _buffer = new byte[blockSize];
            _hashSize = hashSize;
            _lengthFieldOffset = blockSize - lengthFieldSize;
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
            int blockSize = _buffer.Length;

            if (_bufferCount > 0)
            {
                int take = blockSize - _bufferCount;
                if (take > count)
                {
                    take = count;
                }

                Array.Copy(data, offset, _buffer, _bufferCount, take);
                _bufferCount += take;
                offset += take;
                count -= take;
                if (_bufferCount < blockSize)
                {
                    return;
                }

                Compress(_buffer, 0);
                _bufferCount = 0;
            }

            while (count >= blockSize)
            {
                Compress(data, offset);
                offset += blockSize;
                count -= blockSize;
            }

            if (count > 0)
            {
                Array.Copy(data, offset, _buffer, 0, count);
                _bufferCount = count;
            }
        }

        /// <summary>
        /// Pads the message (FIPS 180-4 5.1), writes the digest to <paramref name="output"/> at
        /// <paramref name="outputOffset"/>, and resets the instance.
        /// </summary>
        /// <param name="output">Receives the digest (32 bytes for SHA-256, 64 for SHA-512).</param>
        /// <param name="outputOffset">Index of the first digest byte.</param>
        /// <exception cref="ArgumentNullException"><paramref name="output"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The digest does not fit from <paramref name="outputOffset"/>.</exception>
        public void Finish(byte[] output, int outputOffset)
        {
            CryptoArguments.CheckSpace(output, outputOffset, _hashSize, nameof(output), nameof(outputOffset));

            // A 1 bit, zeros up to the length field, then the message length in bits, big-endian, in the field's last
            // nine bytes (byte counts below 2^63 give bit lengths below 2^66); SHA-256 keeps the low 64 bits.
            byte[] buffer = _buffer;
            int blockSize = buffer.Length;
            buffer[_bufferCount++] = 0x80;
            if (_bufferCount > _lengthFieldOffset)
            {
                Array.Clear(buffer, _bufferCount, blockSize - _bufferCount);
                Compress(buffer, 0);
                _bufferCount = 0;
            }

            Array.Clear(buffer, _bufferCount, blockSize - _bufferCount);
            ulong bitLength = (ulong)_byteCount << 3;
            for (int i = 1; i <= 8; i++, bitLength >>= 8)
            {
                buffer[blockSize - i] = (byte)bitLength;
            }

            if (blockSize - _lengthFieldOffset > 8)
            {
                buffer[blockSize - 9] = (byte)((ulong)_byteCount >> 61);
            }

            Compress(buffer, 0);
            WriteDigest(output, outputOffset);
            Reset();
        }

        /// <summary>Discards any appended data and starts a new message (the initial hash value, FIPS 180-4 5.3).</summary>
        public void Reset()
        {
            SetInitialState();
            Array.Clear(_buffer, 0, _buffer.Length);
            _bufferCount = 0;
            _byteCount = 0;
        }

        /// <summary>Hashes one whole message into a new digest array (the algorithms' static Hash methods).</summary>
        internal byte[] HashMessage(byte[] data, int offset, int count)
        {
            Append(data, offset, count);
            byte[] digest = new byte[_hashSize];
            Finish(digest, 0);
            return digest;
        }

        /// <summary>Restarts after <paramref name="byteCount"/> bytes, on a block boundary; the caller has set the chaining value.</summary>
        internal void Restart(long byteCount)
        {
            _bufferCount = 0;
            _byteCount = byteCount;
        }

        /// <summary>Overwrites the chaining value and buffered bytes (which may derive from a key) with zeros.</summary>
        internal void Wipe()
        {
            ClearState();
            Array.Clear(_buffer, 0, _buffer.Length);
            _bufferCount = 0;
            _byteCount = 0;
        }

        /// <summary>Runs the compression function over one block of <paramref name="block"/> at <paramref name="offset"/>.</summary>
        internal abstract void Compress(byte[] block, int offset);

        /// <summary>Writes the chaining value, big-endian, as the digest.</summary>
        internal abstract void WriteDigest(byte[] output, int offset);

        /// <summary>Sets the chaining value to the algorithm's initial hash value.</summary>
        internal abstract void SetInitialState();

        /// <summary>Overwrites the chaining value and message schedule with zeros.</summary>
        internal abstract void ClearState();
    }
}
