// Copyright (c) NetGuard contributors. MIT licence.

namespace NetGuard.Tests.Cryptography
{
    /// <summary>Hex decoding for inline vectors (no System.Text or Convert.FromHexString on the device).</summary>
    internal static class CryptoTestHex
    {
        public static byte[] Decode(string hex)
        {
            byte[] result = new byte[hex.Length / 2];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = (byte)((Nibble(hex[2 * i]) << 4) | Nibble(hex[(2 * i) + 1]));
            }

            return result;
        }

        /// <summary>The ASCII bytes of a string of plain characters.</summary>
        public static byte[] Ascii(string text)
        {
            byte[] result = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                result[i] = (byte)text[i];
            }

            return result;
        }

        private static int Nibble(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            return c - 'A' + 10;
        }
    }
}
