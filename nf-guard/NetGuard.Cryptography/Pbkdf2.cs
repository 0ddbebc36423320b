// Copyright (c) NetGuard contributors. MIT licence.

using System;

namespace NetGuard.Cryptography
{
    /// <summary>
    /// PBKDF2 with HMAC-SHA256 as the pseudorandom function (RFC 8018 section 5.2). The derived key is the
    /// concatenation of blocks T_i = U_1 ^ U_2 ^ ... ^ U_c with U_1 = PRF(P, S || INT(i)) and U_j = PRF(P, U_j-1),
    /// INT(i) being the block index as a 4-byte big-endian integer, truncated to the requested length.
    /// Intermediate values are wiped before returning. Iteration counts are the caller's security choice; this
    /// class only rejects counts below 1.
    /// </summary>
    public static class Pbkdf2
    {
        /// <summary>Derives <paramref name="length"/> bytes from a password and salt.</summary>
        /// <param name="password">The password bytes P (for text, the caller chooses the encoding, usually UTF-8).</param>
        /// <param name="salt">The salt S.</param>
        /// <param name="iterations">The iteration count c, at least 1.</param>
        /// <param name="length">The derived key length dkLen in bytes, at least 1.</param>
        /// <returns>A new array holding the derived key.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="password"/> or <paramref name="salt"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="iterations"/> or <paramref name="length"/> is below 1.</exception>
        public static byte[] DeriveKey(byte[] password, byte[] salt, int iterations, int length)
        {
            if (length < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(length), "The derived key length must be at least 1 byte.");
            }

            byte[] output = new byte[length];
            DeriveKey(password, salt, iterations, output, 0, length);
            return output;
        }

        /// <summary>
        /// Derives a key of <paramref name="length"/> bytes with the HMAC-SHA256 that <paramref name="factory"/> makes
        /// keyed with a copy of <paramref name="password"/> (cleared afterwards); a null factory means the managed
        /// <see cref="HmacSha256"/>. Both give the same bytes (RFC 8018); the factory only changes the speed.
        /// </summary>
        /// <param name="factory">The HMAC maker, or null.</param>
        /// <param name="password">The password bytes P.</param>
        /// <param name="salt">The salt S.</param>
        /// <param name="iterations">The iteration count c, at least 1.</param>
        /// <param name="length">The derived key length dkLen in bytes, at least 1.</param>
        /// <returns>A new array holding the derived key.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="password"/> or <paramref name="salt"/> is null, or the factory returned null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="iterations"/> or <paramref name="length"/> is below 1.</exception>
        public static byte[] DeriveKey(HmacSha256Factory factory, byte[] password, byte[] salt, int iterations, int length)
        {
            if (factory == null)
            {
                return DeriveKey(password, salt, iterations, length);
            }

            ArgumentNullException.ThrowIfNull(password, nameof(password));

            if (length < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(length), "The derived key length must be at least 1 byte.");
            }

            byte[] key = new byte[password.Length];
            Array.Copy(password, key, password.Length);
            try
            {
                IHmacSha256 prf = factory(key);
                if (prf == null)
                {
                    throw new ArgumentNullException(nameof(factory), "The HMAC factory returned null.");
                }

                byte[] output = new byte[length];
                DeriveKey(prf, salt, iterations, output, 0, length);
                return output;
            }
            finally
            {
                Array.Clear(key, 0, key.Length);
            }
        }

        /// <summary>
        /// Derives <paramref name="outputCount"/> bytes from a password and salt into <paramref name="output"/> at
        /// <paramref name="outputOffset"/>, with the managed <see cref="HmacSha256"/>.
        /// </summary>
        /// <param name="password">The password bytes P.</param>
        /// <param name="salt">The salt S.</param>
        /// <param name="iterations">The iteration count c, at least 1.</param>
        /// <param name="output">Receives the derived key.</param>
        /// <param name="outputOffset">Index of the first derived byte.</param>
        /// <param name="outputCount">The derived key length dkLen in bytes, at least 1.</param>
        /// <exception cref="ArgumentNullException">An array argument is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="iterations"/> or <paramref name="outputCount"/> is below 1, or the output range does not fit.</exception>
        public static void DeriveKey(byte[] password, byte[] salt, int iterations, byte[] output, int outputOffset, int outputCount)
        {
            ArgumentNullException.ThrowIfNull(password, nameof(password));

            CheckArguments(salt, iterations, output, outputOffset, outputCount);
            using (HmacSha256 prf = new HmacSha256(password))
            {
                DeriveKey(prf, salt, iterations, output, outputOffset, outputCount);
            }
        }

        /// <summary>
        /// Derives <paramref name="outputCount"/> bytes into <paramref name="output"/> at <paramref name="outputOffset"/>
        /// with a caller-supplied HMAC-SHA256 already keyed with the password (for example a device adapter over the
        /// native HMACSHA256). The caller keeps ownership of <paramref name="prf"/>.
        /// </summary>
        /// <param name="prf">HMAC-SHA256 keyed with the password P.</param>
        /// <param name="salt">The salt S.</param>
        /// <param name="iterations">The iteration count c, at least 1.</param>
        /// <param name="output">Receives the derived key.</param>
        /// <param name="outputOffset">Index of the first derived byte.</param>
        /// <param name="outputCount">The derived key length dkLen in bytes, at least 1.</param>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="iterations"/> or <paramref name="outputCount"/> is below 1, or the output range does not fit.</exception>
        public static void DeriveKey(IHmacSha256 prf, byte[] salt, int iterations, byte[] output, int outputOffset, int outputCount)
        {
            ArgumentNullException.ThrowIfNull(prf, nameof(prf));

            CheckArguments(salt, iterations, output, outputOffset, outputCount);

            // dkLen <= (2^32 - 1) * hLen (RFC 8018 5.2 step 1) always holds: an int count is below 2^31.
            byte[] block = new byte[salt.Length + 4];   // S || INT(i)
            byte[] u = new byte[HmacSha256.HashSize];    // U_j
            byte[] next = new byte[HmacSha256.HashSize]; // U_j+1 (separate, so an adapter never sees aliasing)
            byte[] t = new byte[HmacSha256.HashSize];    // T_i
            try
            {
                Array.Copy(salt, 0, block, 0, salt.Length);
                int blockIndex = 1;
                int produced = 0;
                while (produced < outputCount)
                {
                    // RFC 8018 5.2 step 3: INT(i), big-endian.
                    block[salt.Length] = (byte)(blockIndex >> 24);
                    block[salt.Length + 1] = (byte)(blockIndex >> 16);
                    block[salt.Length + 2] = (byte)(blockIndex >> 8);
                    block[salt.Length + 3] = (byte)blockIndex;

                    prf.Compute(block, 0, block.Length, u, 0);
                    Array.Copy(u, 0, t, 0, HmacSha256.HashSize);
                    for (int j = 2; j <= iterations; j++)
                    {
                        prf.Compute(u, 0, HmacSha256.HashSize, next, 0);
                        byte[] swap = u;
                        u = next;
                        next = swap;
                        for (int k = 0; k < HmacSha256.HashSize; k++)
                        {
                            t[k] ^= u[k];
                        }
                    }

                    // RFC 8018 5.2 step 4: the last block is truncated to what is still needed.
                    int take = outputCount - produced;
                    if (take > HmacSha256.HashSize)
                    {
                        take = HmacSha256.HashSize;
                    }

                    Array.Copy(t, 0, output, outputOffset + produced, take);
                    produced += take;
                    blockIndex++;
                }
            }
            finally
            {
                ConstantTime.Clear(u);
                ConstantTime.Clear(next);
                ConstantTime.Clear(t);
                ConstantTime.Clear(block);
            }
        }

        private static void CheckArguments(byte[] salt, int iterations, byte[] output, int outputOffset, int outputCount)
        {
            ArgumentNullException.ThrowIfNull(salt, nameof(salt));
            ArgumentNullException.ThrowIfNull(output, nameof(output));

            if (iterations < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(iterations), "The iteration count must be at least 1.");
            }

            if (outputCount < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(outputCount), "The derived key length must be at least 1 byte.");
            }

            CryptoArguments.CheckRange(output, outputOffset, outputCount, nameof(output), nameof(outputOffset), nameof(outputCount));
        }
    }
}
