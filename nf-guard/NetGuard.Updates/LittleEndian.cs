
namespace NetGuard.Updates
{
    /// <summary>
    /// Little-endian reads and writes for the update formats (MCUboot's TLVs are little-endian). Written by hand
    /// because nanoFramework has no BitConverter. Callers check ranges first; these helpers do not.
    /// </summary>
    internal static class LittleEndian
    {
        internal static int ReadUInt16(byte[] data, int offset)
        {
            return data[offset] | (data[offset + 1] << 8);
        }

        internal static uint ReadUInt32(byte[] data, int offset)
        {
            return (uint)data[offset] | ((uint)data[offset + 1] << 8) | ((uint)data[offset + 2] << 16) | ((uint)data[offset + 3] << 24);
        }

        internal static long ReadInt64(byte[] data, int offset)
        {
            ulong low = ReadUInt32(data, offset);
            ulong high = ReadUInt32(data, offset + 4);
            return (long)(low | (high << 32));
        }

        internal static void WriteUInt16(byte[] data, int offset, int value)
        {
            data[offset] = (byte)value;
            data[offset + 1] = (byte)(value >> 8);
        }

        internal static void WriteUInt32(byte[] data, int offset, uint value)
        {
            data[offset] = (byte)value;
            data[offset + 1] = (byte)(value >> 8);
            data[offset + 2] = (byte)(value >> 16);
            data[offset + 3] = (byte)(value >> 24);
        }

        internal static void WriteInt64(byte[] data, int offset, long value)
        {
            WriteUInt32(data, offset, (uint)value);
            WriteUInt32(data, offset + 4, (uint)((ulong)value >> 32));
        }

        internal static bool BytesEqualVar(byte[] a, int aOffset, byte[] b, int bOffset, int count)
        {
            // Only for public data (key ids, model hashes): returns early.
            for (int i = 0; i < count; i++)
            {
                if (a[aOffset + i] != b[bOffset + i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
