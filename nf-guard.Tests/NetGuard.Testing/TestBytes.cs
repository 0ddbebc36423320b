namespace NetGuard.Testing
{
    /// <summary>Bytes for tests from hex or ASCII text (no System.Text or Convert.FromHexString on the device).</summary>
    public static class TestBytes
    {
        /// <summary>The bytes of an even-length hex string (either case).</summary>
        public static byte[] Hex(string hex)
        {
            char[] chars = hex.ToCharArray();
            byte[] result = new byte[chars.Length / 2];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = (byte)((Nibble(chars[2 * i]) << 4) | Nibble(chars[(2 * i) + 1]));
            }

            return result;
        }

        /// <summary>The ASCII bytes of a string of plain characters.</summary>
        public static byte[] Ascii(string text)
        {
            char[] chars = text.ToCharArray();
            byte[] result = new byte[chars.Length];
            for (int i = 0; i < chars.Length; i++)
            {
                result[i] = (byte)chars[i];
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
