using System;

namespace NetGuard.Updates
{
    /// <summary>
    /// Decodes strict base64 (RFC 4648 section 4, standard alphabet, '=' padding required, no whitespace) for
    /// announcements carried in DNS TXT records. Written here because the device's mscorlib is not relied on for it,
    /// and strictness (non-canonical trailing bits refused) keeps one announcement to one spelling. The publisher's
    /// side encodes with UpdatePublishing.ToBase64, which the device build leaves out.
    /// </summary>
    public static class Base64
    {
        /// <summary>
        /// Decodes strict base64 of at most <paramref name="maxBytes"/> decoded bytes; false for a bad length, a
        /// character outside the alphabet, misplaced padding, non-zero trailing bits, or more than the limit.
        /// </summary>
        /// <param name="text">The text.</param>
        /// <param name="maxBytes">The most decoded bytes accepted (checked before allocating).</param>
        /// <param name="data">The bytes, or null.</param>
        /// <returns>True when <paramref name="text"/> decoded.</returns>
        public static bool TryDecode(string text, int maxBytes, out byte[] data)
        {
            data = null;
            if (text == null || text.Length == 0 || (text.Length % 4) != 0)
            {
                return false;
            }

            char[] chars = text.ToCharArray();
            int padding = 0;
            if (chars[chars.Length - 1] == '=')
            {
                padding = chars[chars.Length - 2] == '=' ? 2 : 1;
            }

            int length = ((text.Length / 4) * 3) - padding;
            if (length > maxBytes)
            {
                return false;
            }

            byte[] output = new byte[length];
            int o = 0;
            for (int i = 0; i < text.Length; i += 4)
            {
                bool last = i + 4 == text.Length;
                int pad = last ? padding : 0;
                int block = 0;
                for (int j = 0; j < 4; j++)
                {
                    int value;
                    if (j >= 4 - pad)
                    {
                        value = 0;
                    }
                    else
                    {
                        value = Value(chars[i + j]);
                        if (value < 0)
                        {
                            return false;
                        }
                    }

                    block = (block << 6) | value;
                }

                // RFC 4648 3.5: the unused bits before padding must be zero for a canonical encoding.
                if ((pad == 1 && (block & 0xFF) != 0) || (pad == 2 && (block & 0xFFFF) != 0))
                {
                    return false;
                }

                output[o++] = (byte)(block >> 16);
                if (pad < 2)
                {
                    output[o++] = (byte)(block >> 8);
                }

                if (pad < 1)
                {
                    output[o++] = (byte)block;
                }
            }

            data = output;
            return true;
        }

        private static int Value(char c)
        {
            if (c >= 'A' && c <= 'Z')
            {
                return c - 'A';
            }

            if (c >= 'a' && c <= 'z')
            {
                return c - 'a' + 26;
            }

            if (c >= '0' && c <= '9')
            {
                return c - '0' + 52;
            }

            if (c == '+')
            {
                return 62;
            }

            if (c == '/')
            {
                return 63;
            }

            return -1;
        }
    }
}
