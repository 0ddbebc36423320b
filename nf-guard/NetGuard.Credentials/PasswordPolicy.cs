using System;
using NetGuard.Diagnostics;

namespace NetGuard.Credentials
{
    /// <summary>
    /// Decides whether a new password may be set, by NIST SP 800-63B rev 4 3.1.1.2 and OWASP ASVS 5.0 V6.2:
    /// a length window counted in Unicode code points, no composition rules, and a check against a blocklist of
    /// common and breached passwords (<see cref="PasswordBlocklistTable"/>: SecLists' 10,000 most common plus
    /// Mirai's factory credentials) and against context words (model, vendor, "admin", the setup code, ...).
    /// For the lists the password is normalised by ASCII lower-casing (NFKC is not available on the device) and
    /// also checked with leading and trailing digits and punctuation removed, so <c>Admin2024!</c> and
    /// <c>dragon123456</c> are refused as derivatives. Each refusal names one reason the admin page can show.
    /// </summary>
    public static class PasswordPolicy
    {
        // Context words at least this long are refused anywhere inside a password, shorter ones only as the
        // whole word: "admin" inside "badminton-court-7" is not a derivative, the setup code inside anything is.
        private const int ContainedWordLength = 8;

        /// <summary>
        /// Checks <paramref name="password"/>. Refusals, in this order: <see cref="ReasonCode.PasswordTooShort"/>,
        /// <see cref="ReasonCode.PasswordTooLong"/>, <see cref="ReasonCode.PasswordCommon"/>,
        /// <see cref="ReasonCode.PasswordContextWord"/>. Throws <see cref="ArgumentNullException"/> for a null
        /// password or word list and <see cref="ArgumentOutOfRangeException"/> for a bad length window.
        /// </summary>
        /// <param name="password">The proposed password, as typed.</param>
        /// <param name="minimumLength">Shortest accepted length, in code points (at least 1).</param>
        /// <param name="maximumLength">Longest accepted length, in code points (at least the minimum).</param>
        /// <param name="contextWords">Words tied to this device; null entries and empty ones are ignored.</param>
        /// <returns>The decision.</returns>
        public static Decision Check(string password, int minimumLength, int maximumLength, string[] contextWords)
        {
            ArgumentNullException.ThrowIfNull(password, nameof(password));
            ArgumentNullException.ThrowIfNull(contextWords, nameof(contextWords));

            if (minimumLength < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(minimumLength));
            }

            if (maximumLength < minimumLength)
            {
                throw new ArgumentOutOfRangeException(nameof(maximumLength));
            }

            // Cheap bound first: a string of more than 2 * maximum UTF-16 units has more than maximum code points.
            if (password.Length > 2 * maximumLength)
            {
                return Decision.Refuse(ReasonCode.PasswordTooLong);
            }

            int length = PasswordText.CodePointCount(password);
            if (length < minimumLength)
            {
                return Decision.Refuse(ReasonCode.PasswordTooShort);
            }

            if (length > maximumLength)
            {
                return Decision.Refuse(ReasonCode.PasswordTooLong);
            }

            string lower = PasswordText.ToLowerAscii(password);
            string core = PasswordText.StripPadding(lower);
            if (IsCommon(lower, core))
            {
                return Decision.Refuse(ReasonCode.PasswordCommon);
            }

            if (IsContextWord(lower, core, contextWords))
            {
                return Decision.Refuse(ReasonCode.PasswordContextWord);
            }

            return Decision.Accept();
        }

        /// <summary>
        /// True when <paramref name="word"/>, lower-cased, may be in the blocklist (Bloom filter: no false
        /// negatives, a small rate of false positives). Throws <see cref="ArgumentNullException"/> for null.
        /// </summary>
        /// <param name="word">The word to look up.</param>
        /// <returns>True when listed (or a false positive).</returns>
        public static bool IsBlocklisted(string word)
        {
            ArgumentNullException.ThrowIfNull(word, nameof(word));

            return PasswordBlocklist.Contains(PasswordText.ToLowerAscii(word));
        }

        private static bool IsCommon(string lower, string core)
        {
            if (PasswordBlocklist.Contains(lower))
            {
                return true;
            }

            return core.Length > 0 && core.Length != lower.Length && PasswordBlocklist.Contains(core);
        }

        private static bool IsContextWord(string lower, string core, string[] contextWords)
        {
            string compact = Compact(lower);
            for (int i = 0; i < contextWords.Length; i++)
            {
                string word = contextWords[i];
                if (word == null || word.Length == 0)
                {
                    continue;
                }

                string wordLower = PasswordText.ToLowerAscii(word);
                string wordCore = PasswordText.StripPadding(wordLower);
                if (wordCore.Length == 0)
                {
                    wordCore = wordLower;
                }

                if (core == wordCore || lower == wordLower || compact == Compact(wordLower))
                {
                    return true;
                }

                string wordCompact = Compact(wordLower);
                if (wordCompact.Length >= ContainedWordLength && compact.IndexOf(wordCompact) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        // Drops separators people put in or leave out at will: "K7QM-2XPA-9DHF", "smart socket", "smart_socket".
        private static string Compact(string text)
        {
            char[] chars = text.ToCharArray();
            int count = 0;
            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                if (c != '-' && c != ' ' && c != '_' && c != '.')
                {
                    chars[count++] = c;
                }
            }

            return new string(chars, 0, count);
        }
    }
}
