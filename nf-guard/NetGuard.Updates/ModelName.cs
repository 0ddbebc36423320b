using System;
using NetGuard.Cryptography;

namespace NetGuard.Updates
{
    /// <summary>
    /// Device model names as used by updates and announcements: 1 to 32 ASCII letters, digits and '-', compared
    /// without regard to case (the DNS name <c>_netguard.&lt;model&gt;.&lt;domain&gt;</c> uses the lower-case form,
    /// and DNS names are case-insensitive, RFC 4343).
    /// </summary>
    public static class ModelName
    {
        /// <summary>The longest model name, in characters.</summary>
        public const int MaxLength = 32;

        /// <summary>The length of <see cref="Hash"/>, in bytes.</summary>
        public const int HashLength = 8;

        /// <summary>True when <paramref name="model"/> is 1 to 32 characters from [A-Za-z0-9-].</summary>
        /// <param name="model">The name; null gives false.</param>
        /// <returns>Whether the name is valid.</returns>
        public static bool IsValid(string model)
        {
            if (model == null || model.Length == 0 || model.Length > MaxLength)
            {
                return false;
            }

            char[] chars = model.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (!IsModelChar(chars[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The lower-case ASCII form; throws <see cref="ArgumentOutOfRangeException"/> for an invalid name.</summary>
        /// <param name="model">A valid model name.</param>
        /// <returns>The lower-case name.</returns>
        public static string ToLower(string model)
        {
            CheckValid(model);
            char[] chars = model.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                chars[i] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
            }

            return new string(chars);
        }

        /// <summary>The lower-case name as ASCII bytes; throws <see cref="ArgumentOutOfRangeException"/> for an invalid name.</summary>
        /// <param name="model">A valid model name.</param>
        /// <returns>A new array.</returns>
        public static byte[] ToAsciiLower(string model)
        {
            char[] lower = ToLower(model).ToCharArray();
            byte[] bytes = new byte[lower.Length];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)lower[i];
            }

            return bytes;
        }

        /// <summary>
        /// The first 8 bytes of SHA-256 over the lower-case ASCII name: the compact model field of announcements.
        /// Throws <see cref="ArgumentOutOfRangeException"/> for an invalid name.
        /// </summary>
        /// <param name="model">A valid model name.</param>
        /// <returns>A new 8-byte array.</returns>
        public static byte[] Hash(string model)
        {
            byte[] digest = Sha256.Hash(ToAsciiLower(model));
            byte[] result = new byte[HashLength];
            Array.Copy(digest, 0, result, 0, HashLength);
            return result;
        }

        /// <summary>
        /// True when <paramref name="count"/> bytes at <paramref name="offset"/> are a valid model name equal to
        /// <paramref name="model"/> ignoring ASCII case. Bytes outside the name alphabet give false.
        /// </summary>
        /// <param name="data">The bytes holding a name.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">Length.</param>
        /// <param name="model">A valid model name.</param>
        /// <returns>Whether they name the same model.</returns>
        public static bool Matches(byte[] data, int offset, int count, string model)
        {
            ByteRange.Check(data, offset, count);
            CheckValid(model);
            if (count != model.Length)
            {
                return false;
            }

            char[] chars = model.ToCharArray();
            for (int i = 0; i < count; i++)
            {
                char c = (char)data[offset + i];
                if (!IsModelChar(c) || Lower(c) != Lower(chars[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True when the bytes are a valid model name (1 to 32 characters from [A-Za-z0-9-]).</summary>
        /// <param name="data">The bytes.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">Length.</param>
        /// <returns>Whether the bytes form a valid name.</returns>
        public static bool IsValid(byte[] data, int offset, int count)
        {
            ByteRange.Check(data, offset, count);
            if (count == 0 || count > MaxLength)
            {
                return false;
            }

            for (int i = 0; i < count; i++)
            {
                if (!IsModelChar((char)data[offset + i]))
                {
                    return false;
                }
            }

            return true;
        }

        private static void CheckValid(string model)
        {
            ArgumentNullException.ThrowIfNull(model, nameof(model));

            if (!IsValid(model))
            {
                throw new ArgumentOutOfRangeException(nameof(model), "A model name is 1 to 32 characters from [A-Za-z0-9-].");
            }
        }

        private static char Lower(char c)
        {
            return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
        }

        private static bool IsModelChar(char c)
        {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
        }
    }
}
