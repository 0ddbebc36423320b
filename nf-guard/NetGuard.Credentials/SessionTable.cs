using System;
using NetGuard.Cryptography;
using NetGuard.Diagnostics;
using NetGuard.Platform;

namespace NetGuard.Credentials
{
    /// <summary>
    /// Admin sessions, in RAM only (a reboot logs everyone out; nothing about sessions reaches flash). A token is
    /// 128 random bits written as 32 lower-case hex characters (OWASP ASVS 5.0 V7.2: at least 128 bits from a
    /// CSPRNG) and compared in constant time against every slot. A session ends after
    /// <see cref="OwnerAccountPolicy.SessionIdleTicks"/> without use or <see cref="OwnerAccountPolicy.SessionLifetimeTicks"/>
    /// after login (ASVS V7.3). When all <see cref="OwnerAccountPolicy.MaximumSessions"/> slots are taken a new
    /// login evicts the oldest session rather than being refused, so a forgotten browser tab can never lock
    /// the owner out. Not thread-safe: <see cref="OwnerAccount"/> locks around it.
    /// </summary>
    public sealed class SessionTable
    {
        /// <summary>Random bytes per token.</summary>
        public const int TokenBytes = 16;

        /// <summary>Characters per token string.</summary>
        public const int TokenLength = 2 * TokenBytes;


        private readonly OwnerAccountPolicy _policy;
        private readonly byte[][] _tokens;
        private readonly long[] _createdTicks;
        private readonly long[] _lastUsedTicks;

        /// <summary>Creates an empty table. Throws <see cref="ArgumentNullException"/> for a null policy.</summary>
        /// <param name="policy">The limits.</param>
        public SessionTable(OwnerAccountPolicy policy)
        {
            ArgumentNullException.ThrowIfNull(policy, nameof(policy));

            _policy = policy;
            _tokens = new byte[policy.MaximumSessions][];
            _createdTicks = new long[policy.MaximumSessions];
            _lastUsedTicks = new long[policy.MaximumSessions];
        }

        /// <summary>Sessions currently held (expired ones count until they are next looked at).</summary>
        public int Count
        {
            get
            {
                int count = 0;
                for (int i = 0; i < _tokens.Length; i++)
                {
                    if (_tokens[i] != null)
                    {
                        count++;
                    }
                }

                return count;
            }
        }

        /// <summary>
        /// Starts a session at <paramref name="nowTicks"/> and returns its token; evicts the oldest session when
        /// the table is full. Throws <see cref="ArgumentNullException"/> for a null entropy source.
        /// </summary>
        /// <param name="entropy">The random source for the token.</param>
        /// <param name="nowTicks">The monotonic time, in 100 ns ticks.</param>
        /// <returns>The token, 32 hex characters.</returns>
        public string Create(IEntropySource entropy, long nowTicks)
        {
            ArgumentNullException.ThrowIfNull(entropy, nameof(entropy));

            int slot = -1;
            for (int i = 0; i < _tokens.Length; i++)
            {
                if (_tokens[i] != null && IsExpired(i, nowTicks))
                {
                    Remove(i);
                }

                if (_tokens[i] == null && slot < 0)
                {
                    slot = i;
                }
            }

            if (slot < 0)
            {
                slot = 0;
                for (int i = 1; i < _tokens.Length; i++)
                {
                    if (_createdTicks[i] < _createdTicks[slot])
                    {
                        slot = i;
                    }
                }

                Remove(slot);
            }

            byte[] token = new byte[TokenBytes];
            entropy.GetBytes(token, 0, TokenBytes);
            _tokens[slot] = token;
            _createdTicks[slot] = nowTicks;
            _lastUsedTicks[slot] = nowTicks;
            return ToHex(token);
        }

        /// <summary>
        /// Checks <paramref name="token"/> at <paramref name="nowTicks"/> and, when valid, marks the session used.
        /// Refusals: <see cref="ReasonCode.Unauthorized"/> for a missing, malformed or unknown token,
        /// <see cref="ReasonCode.SessionExpired"/> for one past its idle or absolute limit (which is then removed).
        /// </summary>
        /// <param name="token">The token presented, or null.</param>
        /// <param name="nowTicks">The monotonic time, in 100 ns ticks.</param>
        /// <returns>The decision.</returns>
        public Decision Authorize(string token, long nowTicks)
        {
            int slot = Find(token);
            if (slot < 0)
            {
                return Decision.Refuse(ReasonCode.Unauthorized);
            }

            if (IsExpired(slot, nowTicks))
            {
                Remove(slot);
                return Decision.Refuse(ReasonCode.SessionExpired);
            }

            if (nowTicks > _lastUsedTicks[slot])
            {
                _lastUsedTicks[slot] = nowTicks;
            }

            return Decision.Accept();
        }

        /// <summary>Ends the session of <paramref name="token"/>; true when there was one.</summary>
        /// <param name="token">The token, or null.</param>
        /// <returns>True when a session was removed.</returns>
        public bool Revoke(string token)
        {
            int slot = Find(token);
            if (slot < 0)
            {
                return false;
            }

            Remove(slot);
            return true;
        }

        /// <summary>Ends every session (password change, factory reset) and wipes the tokens.</summary>
        public void RevokeAll()
        {
            for (int i = 0; i < _tokens.Length; i++)
            {
                Remove(i);
            }
        }

        private bool IsExpired(int slot, long nowTicks)
        {
            return nowTicks - _lastUsedTicks[slot] >= _policy.SessionIdleTicks
                || nowTicks - _createdTicks[slot] >= _policy.SessionLifetimeTicks;
        }

        private void Remove(int slot)
        {
            if (_tokens[slot] != null)
            {
                ConstantTime.Clear(_tokens[slot]);
                _tokens[slot] = null;
            }

            _createdTicks[slot] = 0;
            _lastUsedTicks[slot] = 0;
        }

        // Compares against every slot, whatever matches, so the time taken does not tell which slot matched.
        private int Find(string token)
        {
            byte[] presented;
            if (!TryParseHex(token, out presented))
            {
                return -1;
            }

            int found = -1;
            for (int i = 0; i < _tokens.Length; i++)
            {
                if (_tokens[i] != null && ConstantTime.Equals(_tokens[i], presented) && found < 0)
                {
                    found = i;
                }
            }

            ConstantTime.Clear(presented);
            return found;
        }

        private static string ToHex(byte[] bytes)
        {
            char[] chars = new char[bytes.Length * 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = HexDigit(bytes[i] >> 4);
                chars[(2 * i) + 1] = HexDigit(bytes[i] & 0x0F);
            }

            return new string(chars);
        }

        private static bool TryParseHex(string text, out byte[] bytes)
        {
            bytes = null;
            if (text == null || text.Length != TokenLength)
            {
                return false;
            }

            byte[] result = new byte[TokenBytes];
            char[] chars = text.ToCharArray();
            for (int i = 0; i < TokenBytes; i++)
            {
                int high = HexValue(chars[2 * i]);
                int low = HexValue(chars[(2 * i) + 1]);
                if (high < 0 || low < 0)
                {
                    return false;
                }

                result[i] = (byte)((high << 4) | low);
            }

            bytes = result;
            return true;
        }

        private static char HexDigit(int value)
        {
            return (char)(value < 10 ? '0' + value : 'a' + value - 10);
        }

        private static int HexValue(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        }
    }
}
