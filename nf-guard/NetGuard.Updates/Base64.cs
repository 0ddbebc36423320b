using System;

namespace NetGuard.Updates
{
    /// <summary>
    /// Strict base64 (RFC 4648 section 4, standard alphabet, '=' padding required, no whitespace) for announcements
    /// carried in DNS TXT records. Written here because the device's mscorlib is not relied on for it, and strictness
    /// (non-canonical trailing bits refused) keeps one announcement to one spelling.
    /// </summary>
    public static class Base64
    {
        /// <summary>Encodes <paramref name="data"/>; throws <see cref="ArgumentNullException"/> for null.</summary>
        /// <param name="data">The bytes.</param>
        /// <returns>The base64 text with padding.</returns>
        public static string Encode(byte[] data)
        {
            ArgumentNullException.ThrowIfNull(data, nameof(data));

            char[] output = new char[((data.Length + 2) / 3) * 4];
            int o = 0;
            for (int i = 0; i < data.Length; i += 3)
            {
                int remaining = data.Length - i;
                int block = data[i] << 16;
                if (remaining > 1)
                {
                    block |= data[i + 1] << 8;
                }

                if (remaining > 2)
                {
                    block |= data[i + 2];
                }

                output[o++] = Symbol((block >> 18) & 63);
                output[o++] = Symbol((block >> 12) & 63);
                output[o++] = remaining > 1 ? Symbol((block >> 6) & 63) : '=';
                output[o++] = remaining > 2 ? Symbol(block & 63) : '=';
            }

            return new string(output);
        }

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

        // RFC 4648 table 1, computed (a string table would be indexed, which nanoCLR does slowly).
        private static char Symbol(int value)
        {
            if (value < 26)
            {
                return (char)('A' + value);
            }

            if (value < 52)
            {
                return (char)('a' + value - 26);
            }

            if (value < 62)
            {
                return (char)('0' + value - 52);
            }

            return value == 62 ? '+' : '/';
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
