using System;
using NetGuard.Text;

namespace NetGuard.Credentials
{
    /// <summary>
    /// Text helpers for passwords that work without nanoFramework.System.Text: length in Unicode code points
    /// (NIST SP 800-63B rev 4 3.1.1.2: each Unicode code point counts as one character, so a surrogate pair is
    /// one), UTF-8 encoding by hand (the bytes PBKDF2 hashes, RFC 8265 / NIST: passwords are hashed as
    /// entered), and ASCII lower-casing for the blocklist (Unicode NFKC, which NIST suggests, is not available
    /// on the device).
    /// </summary>
    public static class PasswordText
    {
        /// <summary>
        /// Counts the Unicode code points of <paramref name="text"/>: a valid surrogate pair counts once, a lone
        /// surrogate counts once. Throws <see cref="ArgumentNullException"/> for null.
        /// </summary>
        /// <param name="text">The text.</param>
        /// <returns>The number of code points.</returns>
        public static int CodePointCount(string text)
        {
            ArgumentNullException.ThrowIfNull(text, nameof(text));

            // A copy: nanoCLR's string indexer returns the high surrogate twice for a pair (and walks the text each call).
            char[] chars = text.ToCharArray();
            int count = 0;
            for (int i = 0; i < chars.Length; i++)
            {
                if (IsHighSurrogate(chars[i]) && i + 1 < chars.Length && IsLowSurrogate(chars[i + 1]))
                {
                    i++;
                }

                count++;
            }

            return count;
        }

        /// <summary>
        /// Encodes <paramref name="text"/> as UTF-8 (RFC 3629). A lone surrogate, which UTF-8 cannot carry,
        /// becomes U+FFFD, as .NET's encoder does. Throws <see cref="ArgumentNullException"/> for null.
        /// </summary>
        /// <param name="text">The text.</param>
        /// <returns>A new array with the UTF-8 bytes; the caller should clear it after use.</returns>
        public static byte[] ToUtf8(string text)
        {
            ArgumentNullException.ThrowIfNull(text, nameof(text));

            return Utf8.GetBytes(text);
        }

        /// <summary>
        /// Lower-cases ASCII letters A-Z and leaves every other character as it is: the normalisation the
        /// blocklist and context-word checks use. Throws <see cref="ArgumentNullException"/> for null.
        /// </summary>
        /// <param name="text">The text.</param>
        /// <returns>The lower-cased text.</returns>
        public static string ToLowerAscii(string text)
        {
            ArgumentNullException.ThrowIfNull(text, nameof(text));

            char[] chars = text.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (chars[i] >= 'A' && chars[i] <= 'Z')
                {
                    chars[i] = (char)(chars[i] + ('a' - 'A'));
                }
            }

            return new string(chars);
        }

        /// <summary>
        /// Removes leading and trailing ASCII digits, punctuation and spaces (the usual "word plus 123!" padding),
        /// so <c>admin2024!</c> is checked as <c>admin</c>. Text made only of padding gives an empty string.
        /// Throws <see cref="ArgumentNullException"/> for null.
        /// </summary>
        /// <param name="text">The (already lower-cased) text.</param>
        /// <returns>The core word, possibly empty.</returns>
        public static string StripPadding(string text)
        {
            ArgumentNullException.ThrowIfNull(text, nameof(text));

            char[] chars = text.ToCharArray();
            int start = 0;
            int end = chars.Length;
            while (start < end && IsPadding(chars[start]))
            {
                start++;
            }

            while (end > start && IsPadding(chars[end - 1]))
            {
                end--;
            }

            return text.Substring(start, end - start);
        }

        private static bool IsPadding(char c)
        {
            return c < 0x80 && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z');
        }

        private static bool IsHighSurrogate(char c)
        {
            return c >= 0xD800 && c <= 0xDBFF;
        }

        private static bool IsLowSurrogate(char c)
        {
            return c >= 0xDC00 && c <= 0xDFFF;
        }
    }
}
