using System;

namespace NetGuard.Storage
{
    /// <summary>
    /// CRC-32 as used by IEEE 802.3, zlib and PNG (reflected polynomial 0xEDB88320, initial value and final
    /// XOR 0xFFFFFFFF; check value of "123456789" is 0xCBF43926). It detects torn and corrupted record slots,
    /// not tampering: an attacker who can write the flash can also recompute it.
    /// </summary>
    public static class Crc32
    {
        // Half-byte table: 16 entries (64 bytes of flash) instead of 256, two lookups per byte. Records are
        // small, so the speed difference does not matter on the device.
        private static readonly uint[] NibbleTable = BuildTable();

        /// <summary>
        /// Computes the CRC-32 of <paramref name="count"/> bytes of <paramref name="data"/> from
        /// <paramref name="offset"/>. Throws <see cref="ArgumentNullException"/> or
        /// <see cref="ArgumentOutOfRangeException"/> for a bad range.
        /// </summary>
        /// <param name="data">The bytes.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">Number of bytes.</param>
        /// <returns>The checksum.</returns>
        public static uint Compute(byte[] data, int offset, int count)
        {
            ByteRange.Check(data, offset, count);

            uint crc = 0xFFFFFFFF;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                crc ^= data[i];
                crc = (crc >> 4) ^ NibbleTable[crc & 0x0F];
                crc = (crc >> 4) ^ NibbleTable[crc & 0x0F];
            }

            return crc ^ 0xFFFFFFFF;
        }

        private static uint[] BuildTable()
        {
            uint[] table = new uint[16];
            for (uint n = 0; n < 16; n++)
            {
                uint c = n;
                for (int bit = 0; bit < 4; bit++)
                {
                    c = (c & 1) != 0 ? (c >> 1) ^ 0xEDB88320 : c >> 1;
                }

                table[n] = c;
            }

            return table;
        }
    }
}
