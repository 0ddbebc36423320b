// Copyright (c) NetGuard contributors. MIT licence.

using System;

namespace NetGuard.Cryptography
{
    /// <summary>
    /// Argument checks shared by the cryptography classes. Caller mistakes (null arrays, ranges that do not fit)
    /// throw; hostile input (a bad signature) never reaches these checks as an exception.
    /// </summary>
    internal static class CryptoArguments
    {
        /// <summary>Throws unless <paramref name="array"/> is non-null and holds [offset, offset + count).</summary>
        public static void CheckRange(byte[] array, int offset, int count, string arrayName, string offsetName, string countName)
        {
            if (array == null)
            {
                throw new ArgumentNullException(arrayName);
            }

            if (offset < 0 || offset > array.Length)
            {
                throw new ArgumentOutOfRangeException(offsetName, "The offset must lie within the array.");
            }

            // Written as a subtraction so that offset + count cannot overflow.
            if (count < 0 || count > array.Length - offset)
            {
                throw new ArgumentOutOfRangeException(countName, "The count must be non-negative and fit in the array after the offset.");
            }
        }

        /// <summary>Throws unless <paramref name="array"/> is non-null and has <paramref name="size"/> bytes from <paramref name="offset"/>.</summary>
        public static void CheckSpace(byte[] array, int offset, int size, string arrayName, string offsetName)
        {
            if (array == null)
            {
                throw new ArgumentNullException(arrayName);
            }

            if (offset < 0 || offset > array.Length - size)
            {
                throw new ArgumentOutOfRangeException(offsetName, "The array must hold the full value from the offset.");
            }
        }
    }
}
