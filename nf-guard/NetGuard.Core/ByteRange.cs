using System;

namespace NetGuard
{
    // The library's one check of a caller's byte range; a mistake throws (ArgumentNullException naming the array,
    // ArgumentOutOfRangeException naming offset or count). Not public API: the other layers see it as friends.
    internal static class ByteRange
    {
        internal static void Check(byte[] data, int offset, int count)
        {
            Check(data, offset, count, "data");
        }

        internal static void Check(byte[] data, int offset, int count, string dataName)
        {
            if (data == null)
            {
                throw new ArgumentNullException(dataName);
            }

            if (offset < 0 || offset > data.Length)
            {
                throw new ArgumentOutOfRangeException("offset");
            }

            if (count < 0 || count > data.Length - offset)
            {
                throw new ArgumentOutOfRangeException("count");
            }
        }
    }
}
