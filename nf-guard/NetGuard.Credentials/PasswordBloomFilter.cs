using System;

namespace NetGuard.Credentials
{
    /// <summary>
    /// The Bloom filter (B. H. Bloom, CACM 13(7), 1970) that holds the password blocklist in 16 KiB of flash
    /// instead of the ~80 KB word list. Each word is hashed once with 64-bit FNV-1a over its UTF-8 bytes,
    /// finished with MurmurHash3's fmix64 so every bit depends on every input byte, and the
    /// <see cref="HashCount"/> bit positions are derived from the two 32-bit halves by double hashing
    /// (Kirsch and Mitzenmacher, "Less hashing, same performance", 2006). No false negatives; the false-positive
    /// rate for the generated table is stated in <see cref="PasswordBlocklistTable"/>. The list is public, so a
    /// non-cryptographic hash is enough. Shared by the device and by tools/BlocklistGenerator, which builds the
    /// table with <see cref="Add"/>.
    /// </summary>
    public static class PasswordBloomFilter
    {
        /// <summary>Size of the filter, in bits (a power of two, so positions are masked, not divided).</summary>
        public const int BitCount = 131072;

        /// <summary>Size of the filter, in bytes.</summary>
        public const int ByteCount = BitCount / 8;

        /// <summary>Bits set per word: about (BitCount / words) * ln 2 for ~10,100 words.</summary>
        public const int HashCount = 9;

        /// <summary>
        /// Sets the bits of <paramref name="word"/> in <paramref name="filter"/>. Throws
        /// <see cref="ArgumentNullException"/> for null and <see cref="ArgumentOutOfRangeException"/> when the
        /// filter is not <see cref="ByteCount"/> bytes long.
        /// </summary>
        /// <param name="filter">The filter bits.</param>
        /// <param name="word">The normalised word.</param>
        public static void Add(byte[] filter, string word)
        {
            Check(filter, word);
            uint[] positions = new uint[HashCount];
            GetBitPositions(word, positions);
            for (int i = 0; i < HashCount; i++)
            {
                filter[positions[i] >> 3] |= (byte)(1 << (int)(positions[i] & 7));
            }
        }

        /// <summary>
        /// True when every bit of <paramref name="word"/> is set: the word is in the list, or is a false
        /// positive. False means certainly not in the list. Throws as <see cref="Add"/> does.
        /// </summary>
        /// <param name="filter">The filter bits.</param>
        /// <param name="word">The normalised word.</param>
        /// <returns>True when the word may be in the list.</returns>
        public static bool MightContain(byte[] filter, string word)
        {
            Check(filter, word);
            uint[] positions = new uint[HashCount];
            GetBitPositions(word, positions);
            for (int i = 0; i < HashCount; i++)
            {
                if ((filter[positions[i] >> 3] & (1 << (int)(positions[i] & 7))) == 0)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Writes the <see cref="HashCount"/> bit positions (0 to <see cref="BitCount"/> - 1) of <paramref name="word"/>
        /// to <paramref name="positions"/>. Throws <see cref="ArgumentNullException"/> for null and
        /// <see cref="ArgumentOutOfRangeException"/> when <paramref name="positions"/> holds fewer than HashCount entries.
        /// </summary>
        /// <param name="word">The normalised word.</param>
        /// <param name="positions">Receives the positions.</param>
        public static void GetBitPositions(string word, uint[] positions)
        {
            ArgumentNullException.ThrowIfNull(word, nameof(word));
            ArgumentNullException.ThrowIfNull(positions, nameof(positions));

            if (positions.Length < HashCount)
            {
                throw new ArgumentOutOfRangeException(nameof(positions), "Room for HashCount positions is needed.");
            }

            ulong hash = Hash(word);
            uint h1 = (uint)hash;
            uint h2 = (uint)(hash >> 32) | 1u;
            for (uint i = 0; i < HashCount; i++)
            {
                positions[i] = (h1 + (i * h2)) & (BitCount - 1);
            }
        }

        private static void Check(byte[] filter, string word)
        {
            ArgumentNullException.ThrowIfNull(filter, nameof(filter));
            ArgumentNullException.ThrowIfNull(word, nameof(word));

            if (filter.Length != ByteCount)
            {
                throw new ArgumentOutOfRangeException(nameof(filter), "The filter must be ByteCount bytes long.");
            }
        }

        private static ulong Hash(string word)
        {
            byte[] bytes = PasswordText.ToUtf8(word);

            // FNV-1a 64 (offset basis and prime from the FNV specification, draft-eastlake-fnv).
            ulong hash = 0xcbf29ce484222325UL;
            for (int i = 0; i < bytes.Length; i++)
            {
                hash ^= bytes[i];
                hash *= 0x100000001b3UL;
            }

            Array.Clear(bytes, 0, bytes.Length);

            // MurmurHash3 fmix64 finaliser (Austin Appleby, public domain).
            hash ^= hash >> 33;
            hash *= 0xff51afd7ed558ccdUL;
            hash ^= hash >> 33;
            hash *= 0xc4ceb9fe1a85ec53UL;
            hash ^= hash >> 33;
            return hash;
        }
    }
}
