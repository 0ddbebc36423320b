// Copyright (c) NetGuard contributors. MIT licence.

using System;

namespace NetGuard.Cryptography
{
    /// <summary>
    /// HMAC-SHA256 (RFC 2104; FIPS 198-1), managed: HMAC(K, m) = H((K0 ^ opad) || H((K0 ^ ipad) || m)), where K0 is
    /// the key zero-padded to the 64-byte block (a longer key is first replaced by its SHA-256 digest), ipad is 0x36
    /// repeated and opad 0x5c repeated. The constructor compresses the two padded key blocks once and keeps the two
    /// chaining values, so each further message costs only the message blocks plus two compressions (what
    /// <see cref="Pbkdf2"/> relies on). <see cref="Dispose"/> (or <see cref="Clear"/>) wipes the key material.
    /// An instance is not thread safe.
    /// </summary>
    public sealed class HmacSha256 : IHmacSha256, IDisposable
    {
        /// <summary>The tag size in bytes.</summary>
        public const int HashSize = 32;

        /// <summary>The SHA-256 block size in bytes, the length K0 is padded to.</summary>
        public const int BlockSize = 64;

        private readonly Sha256 _inner = new Sha256();
        private readonly Sha256 _outer = new Sha256();
        private readonly uint[] _innerPadState = new uint[8]; // chaining value after compressing K0 ^ ipad
        private readonly uint[] _outerPadState = new uint[8]; // chaining value after compressing K0 ^ opad
        private readonly byte[] _innerDigest = new byte[HashSize];
        private bool _cleared;

        /// <summary>Creates an HMAC-SHA256 keyed with all of <paramref name="key"/> (any length, including zero).</summary>
        /// <param name="key">The secret key. It is not kept: only the two pad chaining values are.</param>
        /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
        public HmacSha256(byte[] key)
        {
            ArgumentNullException.ThrowIfNull(key, nameof(key));

            Initialize(key, 0, key.Length);
        }

        /// <summary>Creates an HMAC-SHA256 keyed with <paramref name="keyCount"/> bytes of <paramref name="key"/> from <paramref name="keyOffset"/>.</summary>
        /// <param name="key">The array holding the secret key.</param>
        /// <param name="keyOffset">Index of the first key byte.</param>
        /// <param name="keyCount">Key length in bytes.</param>
        /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range does not fit in <paramref name="key"/>.</exception>
        public HmacSha256(byte[] key, int keyOffset, int keyCount)
        {
            CryptoArguments.CheckRange(key, keyOffset, keyCount, nameof(key), nameof(keyOffset), nameof(keyCount));
            Initialize(key, keyOffset, keyCount);
        }

        /// <summary>Computes HMAC-SHA256(<paramref name="key"/>, <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>).</summary>
        /// <param name="key">The secret key (any length).</param>
        /// <param name="data">The array holding the message.</param>
        /// <param name="offset">Index of the first message byte.</param>
        /// <param name="count">Message length in bytes.</param>
        /// <returns>A new 32-byte tag.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="data"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range does not fit in <paramref name="data"/>.</exception>
        public static byte[] Compute(byte[] key, byte[] data, int offset, int count)
        {
            CryptoArguments.CheckRange(data, offset, count, nameof(data), nameof(offset), nameof(count));
            byte[] tag = new byte[HashSize];
            using (HmacSha256 hmac = new HmacSha256(key))
            {
                hmac.Compute(data, offset, count, tag, 0);
            }

            return tag;
        }

        /// <summary>Computes HMAC-SHA256(<paramref name="key"/>, <paramref name="data"/>).</summary>
        /// <param name="key">The secret key (any length).</param>
        /// <param name="data">The message.</param>
        /// <returns>A new 32-byte tag.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="data"/> is null.</exception>
        public static byte[] Compute(byte[] key, byte[] data)
        {
            ArgumentNullException.ThrowIfNull(data, nameof(data));

            return Compute(key, data, 0, data.Length);
        }

        /// <summary>
        /// Computes the tag of one whole message under this instance's key and writes it to <paramref name="output"/>;
        /// discards any data appended with <see cref="Append"/> and not finished.
        /// </summary>
        /// <param name="data">The array holding the message.</param>
        /// <param name="offset">Index of the first message byte.</param>
        /// <param name="count">Message length in bytes.</param>
        /// <param name="output">Receives the 32-byte tag; may be the same array as <paramref name="data"/>.</param>
        /// <param name="outputOffset">Index of the first tag byte.</param>
        /// <exception cref="ArgumentNullException"><paramref name="data"/> or <paramref name="output"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A range does not fit in its array.</exception>
        /// <exception cref="ObjectDisposedException">The key has been cleared.</exception>
        public void Compute(byte[] data, int offset, int count, byte[] output, int outputOffset)
        {
            Reset();
            Append(data, offset, count);
            Finish(output, outputOffset);
        }

        /// <summary>Appends <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/> to the message.</summary>
        /// <param name="data">The array holding the bytes.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <param name="count">Number of bytes; zero is allowed.</param>
        /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range does not fit in <paramref name="data"/>.</exception>
        /// <exception cref="ObjectDisposedException">The key has been cleared.</exception>
        public void Append(byte[] data, int offset, int count)
        {
            ThrowIfCleared();
            _inner.Append(data, offset, count);
        }

        /// <summary>
        /// Writes the 32-byte tag of the appended message to <paramref name="output"/> at <paramref name="outputOffset"/>
        /// and starts a new message under the same key.
        /// </summary>
        /// <param name="output">Receives the tag.</param>
        /// <param name="outputOffset">Index of the first tag byte.</param>
        /// <exception cref="ArgumentNullException"><paramref name="output"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">Fewer than 32 bytes fit from <paramref name="outputOffset"/>.</exception>
        /// <exception cref="ObjectDisposedException">The key has been cleared.</exception>
        public void Finish(byte[] output, int outputOffset)
        {
            ThrowIfCleared();
            CryptoArguments.CheckSpace(output, outputOffset, HashSize, nameof(output), nameof(outputOffset));

            // Inner hash H((K0 ^ ipad) || m), then the outer hash H((K0 ^ opad) || inner), each resumed from the
            // chaining value after its pad block (64 bytes already hashed).
            _inner.Finish(_innerDigest, 0);
            _outer.SetState(_outerPadState, BlockSize);
            _outer.Append(_innerDigest, 0, HashSize);
            _outer.Finish(output, outputOffset);
            Array.Clear(_innerDigest, 0, HashSize);
            _inner.SetState(_innerPadState, BlockSize);
        }

        /// <summary>Discards any appended data and starts a new message under the same key.</summary>
        /// <exception cref="ObjectDisposedException">The key has been cleared.</exception>
        public void Reset()
        {
            ThrowIfCleared();
            _inner.SetState(_innerPadState, BlockSize);
        }

        /// <summary>Wipes the pad chaining values and every buffer derived from the key; the instance is unusable afterwards.</summary>
        public void Clear()
        {
            Array.Clear(_innerPadState, 0, 8);
            Array.Clear(_outerPadState, 0, 8);
            Array.Clear(_innerDigest, 0, HashSize);
            _inner.Wipe();
            _outer.Wipe();
            _cleared = true;
        }

        /// <summary>Same as <see cref="Clear"/>.</summary>
        public void Dispose()
        {
            Clear();
        }

        private void Initialize(byte[] key, int keyOffset, int keyCount)
        {
            byte[] pad = new byte[BlockSize];
            try
            {
                // RFC 2104 section 2: keys longer than the block are hashed first; shorter keys are zero-padded.
                if (keyCount > BlockSize)
                {
                    _inner.Append(key, keyOffset, keyCount);
                    _inner.Finish(pad, 0);
                }
                else
                {
                    Array.Copy(key, keyOffset, pad, 0, keyCount);
                }

                for (int i = 0; i < BlockSize; i++)
                {
                    pad[i] ^= 0x36; // K0 ^ ipad
                }

                _inner.Reset();
                _inner.Append(pad, 0, BlockSize);
                _inner.GetState(_innerPadState);

                for (int i = 0; i < BlockSize; i++)
                {
                    pad[i] ^= 0x36 ^ 0x5c; // K0 ^ opad
                }

                _outer.Append(pad, 0, BlockSize);
                _outer.GetState(_outerPadState);
                _outer.Wipe();
            }
            finally
            {
                ConstantTime.Clear(pad);
            }
        }

        private void ThrowIfCleared()
        {
            if (_cleared)
            {
                throw new ObjectDisposedException(nameof(HmacSha256));
            }
        }
    }
}
