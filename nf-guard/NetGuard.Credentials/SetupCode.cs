using System;
using NetGuard.Cryptography;
using NetGuard.Platform;

namespace NetGuard.Credentials
{
    /// <summary>
    /// The per-device setup code printed on the label (and the serial console, and the host simulation's
    /// <c>setup-code.txt</c>): 12 characters of Crockford's Base32 (0-9 and A-Z without I, L, O, U), shown as
    /// <c>K7QM-2XPA-9DHF</c>, carrying 60 bits. It is either derived from a per-device secret with HMAC-SHA256
    /// (RFC 2104) or drawn from the entropy source at first boot; never a shared constant, a counter or the
    /// serial number (ETSI EN 303 645 provision 5.1-1). Input is accepted case-insensitively, with or without
    /// dashes and spaces, and with Crockford's aliases (O reads as 0, I and L as 1).
    /// </summary>
    public static class SetupCode
    {
        /// <summary>Characters in a code, without separators.</summary>
        public const int Length = 12;

        /// <summary>Characters per dash-separated group in the printed form.</summary>
        public const int GroupLength = 4;

        /// <summary>Entropy of a code, in bits (5 per character).</summary>
        public const int EntropyBits = Length * 5;

        // Crockford's Base32 alphabet (https://www.crockford.com/base32.html).
        private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

        // Domain separation for the keyed derivation, so the device secret can key other things safely.
        private static readonly byte[] DerivationLabel = new byte[]
        {
            (byte)'N', (byte)'e', (byte)'t', (byte)'G', (byte)'u', (byte)'a', (byte)'r', (byte)'d', (byte)' ',
            (byte)'s', (byte)'e', (byte)'t', (byte)'u', (byte)'p', (byte)' ', (byte)'c', (byte)'o', (byte)'d',
            (byte)'e', (byte)' ', (byte)'v', (byte)'1',
        };

        /// <summary>
        /// Draws a new code from <paramref name="entropy"/>, in canonical form (12 characters, no dashes).
        /// Throws <see cref="ArgumentNullException"/> for null.
        /// </summary>
        /// <param name="entropy">The random source.</param>
        /// <returns>The canonical code.</returns>
        public static string Generate(IEntropySource entropy)
        {
            ArgumentNullException.ThrowIfNull(entropy, nameof(entropy));

            byte[] random = new byte[8];
            entropy.GetBytes(random, 0, random.Length);
            string code = FromBytes(random);
            ConstantTime.Clear(random);
            return code;
        }

        /// <summary>
        /// Derives the code from a per-device secret: the first 60 bits of
        /// HMAC-SHA256(secret, "NetGuard setup code v1"), in canonical form. The same secret always gives the same
        /// code, so a code printed at the factory survives any reset. Throws <see cref="ArgumentNullException"/>
        /// for null and <see cref="ArgumentOutOfRangeException"/> for a secret shorter than 16 bytes.
        /// </summary>
        /// <param name="deviceSecret">The device's secret (for example from eFuse or a provisioning step).</param>
        /// <returns>The canonical code.</returns>
        public static string Derive(byte[] deviceSecret)
        {
            ArgumentNullException.ThrowIfNull(deviceSecret, nameof(deviceSecret));

            if (deviceSecret.Length < 16)
            {
                throw new ArgumentOutOfRangeException(nameof(deviceSecret), "A device secret has at least 16 bytes.");
            }

            byte[] mac = HmacSha256.Compute(deviceSecret, DerivationLabel);
            string code = FromBytes(mac);
            ConstantTime.Clear(mac);
            return code;
        }

        /// <summary>
        /// Formats a canonical code for people: groups of <see cref="GroupLength"/> joined by dashes. Throws
        /// <see cref="ArgumentNullException"/> for null and <see cref="ArgumentOutOfRangeException"/> when
        /// <paramref name="canonical"/> is not <see cref="Length"/> characters.
        /// </summary>
        /// <param name="canonical">A code as returned by <see cref="Generate"/> or <see cref="TryNormalize"/>.</param>
        /// <returns>For example <c>K7QM-2XPA-9DHF</c>.</returns>
        public static string Format(string canonical)
        {
            ArgumentNullException.ThrowIfNull(canonical, nameof(canonical));

            if (canonical.Length != Length)
            {
                throw new ArgumentOutOfRangeException(nameof(canonical));
            }

            return canonical.Substring(0, GroupLength) + "-" + canonical.Substring(GroupLength, GroupLength) + "-" + canonical.Substring(2 * GroupLength, GroupLength);
        }

        /// <summary>
        /// Turns what a person typed into the canonical form: drops dashes and spaces, upper-cases, reads O as 0
        /// and I or L as 1. Returns false (and null) for null, a wrong length or a character outside the
        /// alphabet (including U). Never throws.
        /// </summary>
        /// <param name="input">The typed code.</param>
        /// <param name="canonical">The canonical code, or null.</param>
        /// <returns>True when <paramref name="input"/> is a well-formed code.</returns>
        public static bool TryNormalize(string input, out string canonical)
        {
            canonical = null;
            if (input == null || input.Length > 4 * Length)
            {
                return false;
            }

            char[] chars = new char[Length];
            char[] typed = input.ToCharArray();
            int count = 0;
            for (int i = 0; i < typed.Length; i++)
            {
                char c = typed[i];
                if (c == '-' || c == ' ')
                {
                    continue;
                }

                if (c >= 'a' && c <= 'z')
                {
                    c = (char)(c - ('a' - 'A'));
                }

                if (c == 'O')
                {
                    c = '0';
                }
                else if (c == 'I' || c == 'L')
                {
                    c = '1';
                }

                if (Alphabet.IndexOf(c) < 0 || count == Length)
                {
                    return false;
                }

                chars[count++] = c;
            }

            if (count != Length)
            {
                return false;
            }

            canonical = new string(chars);
            return true;
        }

        /// <summary>True when <paramref name="canonical"/> is exactly a canonical code (12 alphabet characters).</summary>
        /// <param name="canonical">The text to check; null gives false.</param>
        /// <returns>True when canonical.</returns>
        public static bool IsCanonical(string canonical)
        {
            if (canonical == null || canonical.Length != Length)
            {
                return false;
            }

            char[] chars = canonical.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (Alphabet.IndexOf(chars[i]) < 0)
                {
                    return false;
                }
            }

            return true;
        }

        // Takes the first 60 bits of the bytes, 5 bits per character, most significant first.
        private static string FromBytes(byte[] bytes)
        {
            ulong bits = 0;
            for (int i = 0; i < 8; i++)
            {
                bits = (bits << 8) | bytes[i];
            }

            char[] alphabet = Alphabet.ToCharArray();
            char[] chars = new char[Length];
            for (int i = 0; i < Length; i++)
            {
                int shift = 64 - (5 * (i + 1));
                chars[i] = alphabet[(int)((bits >> shift) & 0x1F)];
            }

            return new string(chars);
        }
    }
}
