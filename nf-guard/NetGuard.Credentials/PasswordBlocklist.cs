using System;

namespace NetGuard.Credentials
{
    /// <summary>
    /// Looks words up in the password blocklist (<see cref="PasswordBlocklistTable"/>) without building the 16 KiB
    /// filter: it copies from flash only the chunks that hold the word's filter bits, nine at most, each
    /// <see cref="PasswordBlocklistTable.ChunkBytes"/> bytes, so no allocation on a fragmented device heap is larger
    /// than that. Thread-safe (no state).
    /// </summary>
    public static class PasswordBlocklist
    {
        private const int ChunkBits = PasswordBlocklistTable.ChunkBytes * 8;

        /// <summary>
        /// True when <paramref name="normalisedWord"/> (lower-cased as <see cref="PasswordText.ToLowerAscii"/> does) is
        /// listed, or is one of the filter's false positives. Throws <see cref="ArgumentNullException"/> for null.
        /// </summary>
        /// <param name="normalisedWord">The word.</param>
        /// <returns>True when listed (or a false positive).</returns>
        public static bool Contains(string normalisedWord)
        {
            uint[] positions = new uint[PasswordBloomFilter.HashCount];
            PasswordBloomFilter.GetBitPositions(normalisedWord, positions);
            SortAscending(positions);
            int loaded = -1;
            byte[] chunk = null;
            for (int i = 0; i < positions.Length; i++)
            {
                int index = (int)(positions[i] / ChunkBits);
                if (index != loaded)
                {
                    chunk = PasswordBlocklistTable.CreateChunk(index);
                    loaded = index;
                }

                int bit = (int)(positions[i] % ChunkBits);
                if ((chunk[bit >> 3] & (1 << (bit & 7))) == 0)
                {
                    return false;
                }
            }

            return true;
        }

        // Sorted positions fall in each chunk together, so a chunk is copied once per lookup.
        private static void SortAscending(uint[] values)
        {
            for (int i = 1; i < values.Length; i++)
            {
                uint value = values[i];
                int j = i - 1;
                while (j >= 0 && values[j] > value)
                {
                    values[j + 1] = values[j];
                    j--;
                }

                values[j + 1] = value;
            }
        }
    }
}
