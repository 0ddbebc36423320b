// Copyright (c) NetGuard contributors. MIT licence.

using System;

namespace NetGuard.Cryptography
{
    /// <summary>
    /// Comparisons whose running time does not depend on where secret bytes differ, and wiping of secrets.
    /// Use these for MACs, tags and keys instead of <c>==</c> or a loop with an early exit.
    /// </summary>
    public static class ConstantTime
    {
        /// <summary>
        /// Compares two arrays. Different lengths return false at once (lengths are not secret); equal lengths are
        /// compared over every byte, OR-ing the XOR of each pair, with no early exit.
        /// </summary>
        /// <param name="a">The first array.</param>
        /// <param name="b">The second array.</param>
        /// <returns>True when both arrays have the same length and content.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="a"/> or <paramref name="b"/> is null.</exception>
        public static bool Equals(byte[] a, byte[] b)
        {
            ArgumentNullException.ThrowIfNull(a, nameof(a));
            ArgumentNullException.ThrowIfNull(b, nameof(b));

            if (a.Length != b.Length)
            {
                return false;
            }

            return Equals(a, 0, b, 0, a.Length);
        }

        /// <summary>
        /// Compares <paramref name="count"/> bytes of <paramref name="a"/> from <paramref name="aOffset"/> with the same
        /// number of bytes of <paramref name="b"/> from <paramref name="bOffset"/>, touching every byte.
        /// </summary>
        /// <param name="a">The first array.</param>
        /// <param name="aOffset">Index of the first byte compared in <paramref name="a"/>.</param>
        /// <param name="b">The second array.</param>
        /// <param name="bOffset">Index of the first byte compared in <paramref name="b"/>.</param>
        /// <param name="count">Number of bytes to compare.</param>
        /// <returns>True when the two ranges hold the same bytes.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="a"/> or <paramref name="b"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A range does not fit in its array.</exception>
        public static bool Equals(byte[] a, int aOffset, byte[] b, int bOffset, int count)
        {
            CryptoArguments.CheckRange(a, aOffset, count, nameof(a), nameof(aOffset), nameof(count));
            CryptoArguments.CheckRange(b, bOffset, count, nameof(b), nameof(bOffset), nameof(count));

            int difference = 0;
            for (int i = 0; i < count; i++)
            {
                difference |= a[aOffset + i] ^ b[bOffset + i];
            }

            return difference == 0;
        }

        /// <summary>Overwrites every byte of <paramref name="buffer"/> with zero (for keys, pads and intermediate secrets).</summary>
        /// <param name="buffer">The buffer to wipe; null is ignored so that it can be called from <c>finally</c> blocks.</param>
        public static void Clear(byte[] buffer)
        {
            if (buffer != null)
            {
                Array.Clear(buffer, 0, buffer.Length);
            }
        }

        /// <summary>Overwrites <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/> with zero.</summary>
        /// <param name="buffer">The buffer to wipe.</param>
        /// <param name="offset">Index of the first byte to wipe.</param>
        /// <param name="count">Number of bytes to wipe.</param>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range does not fit in <paramref name="buffer"/>.</exception>
        public static void Clear(byte[] buffer, int offset, int count)
        {
            CryptoArguments.CheckRange(buffer, offset, count, nameof(buffer), nameof(offset), nameof(count));
            Array.Clear(buffer, offset, count);
        }
    }
}
