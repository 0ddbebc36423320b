using System;
using NetGuard.Cryptography;
using NetGuard.Diagnostics;
using NetGuard.Platform;
using NetGuard.Storage;

namespace NetGuard.Credentials
{
    /// <summary>
    /// The device owner's credential, the one the admin HTTP API checks. States: <b>SetupRequired</b> (no
    /// password yet: only setup with the per-device setup code is allowed, ETSI EN 303 645 5.1-1/5.1-2) and
    /// <b>Active</b> (password set: login, sessions, password change, factory reset). Every transition is one
    /// atomic record write or delete, so a power cut leaves the old or the new state. A missing or unreadable
    /// credential record means SetupRequired, which still demands the setup code: damage never opens the
    /// device. Passwords are checked by <see cref="PasswordPolicy"/> and stored as PBKDF2-HMAC-SHA256 with a
    /// 16-byte random salt and the iteration count beside the hash. Wrong passwords and wrong setup codes share
    /// one persisted back-off (<see cref="LoginThrottle"/>); the failure is counted on flash before the secret is
    /// checked, so cutting power mid-check cannot undo it. Sessions live in RAM only (<see cref="SessionTable"/>):
    /// a reboot logs everyone out. Thread-safe: one lock serialises all operations, and with them the
    /// deliberately slow hashing.
    /// </summary>
    public sealed class OwnerAccount
    {
        /// <summary>Record holding the password hash (absent before setup and after a factory reset).</summary>
        public const string CredentialRecord = "owner";

        /// <summary>Record holding the consecutive failure count.</summary>
        public const string FailureRecord = "login-failures";

        /// <summary>Record holding the setup code when the device has no secret to derive it from.</summary>
        public const string SetupCodeRecord = "setup-code";

        /// <summary>Bytes of random salt per password hash (NIST SP 800-132 5.1: at least 128 bits).</summary>
        public const int SaltLength = 16;

        /// <summary>Bytes of PBKDF2 output stored per password.</summary>
        public const int HashLength = 32;

        private const byte RecordVersion = 1;
        private const byte StateActive = 1;
        private const int CredentialLength = 1 + 1 + 4 + SaltLength + HashLength;

        private readonly IRecordStore _store;
        private readonly IEntropySource _entropy;
        private readonly DeviceIdentity _identity;
        private readonly OwnerAccountPolicy _policy;
        private readonly LoginThrottle _throttle;
        private readonly SessionTable _sessions;
        private readonly string _setupCode;
        private readonly object _gate = new object();

        private bool _active;
        private bool _credentialDamaged;
        private int _iterations;
        private readonly HmacSha256Factory _passwordHmac;
        private byte[] _salt;
        private byte[] _hash;

        /// <summary>
        /// Loads the account from <paramref name="store"/>. On first boot of a device without a secret it draws
        /// the setup code and stores it. Throws <see cref="ArgumentNullException"/> for any null argument; damaged
        /// records never throw (see the class remarks).
        /// </summary>
        /// <param name="store">The persistent records.</param>
        /// <param name="entropy">Random bytes for salts, tokens and the setup code.</param>
        /// <param name="identity">Model, vendor and optional device secret.</param>
        /// <param name="policy">The limits.</param>
        public OwnerAccount(IRecordStore store, IEntropySource entropy, DeviceIdentity identity, OwnerAccountPolicy policy)
            : this(store, entropy, identity, policy, null)
        {
        }

        /// <summary>
        /// Opens the account as the other constructor does, hashing passwords with the HMAC-SHA256 that
        /// <paramref name="passwordHmac"/> makes (the device's native one); null means the managed HMAC. Both give the
        /// same hashes, so a stored hash stays valid whichever is used.
        /// </summary>
        /// <param name="store">The persistent records.</param>
        /// <param name="entropy">Random bytes for salts, tokens and the setup code.</param>
        /// <param name="identity">Model, vendor and optional device secret.</param>
        /// <param name="policy">The limits.</param>
        /// <param name="passwordHmac">The PBKDF2 HMAC maker, or null.</param>
        public OwnerAccount(IRecordStore store, IEntropySource entropy, DeviceIdentity identity, OwnerAccountPolicy policy, HmacSha256Factory passwordHmac)
        {
            _passwordHmac = passwordHmac;
            ArgumentNullException.ThrowIfNull(store, nameof(store));
            ArgumentNullException.ThrowIfNull(entropy, nameof(entropy));
            ArgumentNullException.ThrowIfNull(identity, nameof(identity));
            ArgumentNullException.ThrowIfNull(policy, nameof(policy));

            _store = store;
            _entropy = entropy;
            _identity = identity;
            _policy = policy;
            _sessions = new SessionTable(policy);
            _setupCode = LoadSetupCode();
            _throttle = new LoginThrottle(policy, LoadFailures());
            LoadCredential();
        }

        /// <summary>True until the owner has set a password (and again after a factory reset or if the credential record is unreadable).</summary>
        public bool IsSetupRequired
        {
            get
            {
                lock (_gate)
                {
                    return !_active;
                }
            }
        }

        /// <summary>
        /// True when a credential record exists but no intact copy could be read at start-up; the account then
        /// behaves as SetupRequired. For diagnostics (a <see cref="ReasonCode.StorageCorrupt"/> event).
        /// </summary>
        public bool IsCredentialRecordDamaged
        {
            get
            {
                lock (_gate)
                {
                    return _credentialDamaged;
                }
            }
        }

        /// <summary>Consecutive failed attempts (passwords and setup codes) since the last success.</summary>
        public int ConsecutiveFailures
        {
            get
            {
                lock (_gate)
                {
                    return _throttle.Failures;
                }
            }
        }

        /// <summary>Sessions currently held.</summary>
        public int SessionCount
        {
            get
            {
                lock (_gate)
                {
                    return _sessions.Count;
                }
            }
        }

        /// <summary>
        /// The setup code in printed form (<c>K7QM-2XPA-9DHF</c>), for the serial console at boot and the host
        /// simulation's <c>setup-code.txt</c>: the stand-ins for the label on the case. Never serve it over the
        /// network; the admin API has no route that returns it.
        /// </summary>
        /// <returns>The formatted setup code.</returns>
        public string ReadSetupCodeForLabel()
        {
            return SetupCode.Format(_setupCode);
        }

        /// <summary>
        /// Sets the first password, with the setup code from the label. Refusals: <see cref="ReasonCode.SetupAlreadyDone"/>,
        /// <see cref="ReasonCode.Throttled"/> (with the wait), <see cref="ReasonCode.SetupCodeInvalid"/> (counts as a
        /// failed attempt), the <see cref="PasswordPolicy"/> reasons (checked only after the code is right, so the
        /// policy's answers tell nothing about the code), <see cref="ReasonCode.StorageWriteFailed"/> (state unchanged).
        /// Throws <see cref="ArgumentNullException"/> for a null password; a null code is just wrong.
        /// </summary>
        /// <param name="setupCode">The code as typed: any case, dashes and spaces optional.</param>
        /// <param name="newPassword">The owner's new password.</param>
        /// <param name="nowTicks">The monotonic time, in 100 ns ticks.</param>
        /// <returns>The decision.</returns>
        public Decision CompleteSetup(string setupCode, string newPassword, long nowTicks)
        {
            ArgumentNullException.ThrowIfNull(newPassword, nameof(newPassword));

            lock (_gate)
            {
                if (_active)
                {
                    return Decision.Refuse(ReasonCode.SetupAlreadyDone);
                }

                Decision attempt = Attempt(setupCode, true, nowTicks);
                if (!attempt.IsAccepted)
                {
                    return attempt;
                }

                return ReplacePassword(newPassword);
            }
        }

        /// <summary>
        /// Logs the owner in and starts a session. Refusals: <see cref="ReasonCode.SetupRequired"/>,
        /// <see cref="ReasonCode.Throttled"/> (with the wait; a correct password is refused too while it lasts),
        /// <see cref="ReasonCode.PasswordInvalid"/>, <see cref="ReasonCode.StorageWriteFailed"/> (the attempt could
        /// not be counted, so it is not made). On success a stored hash with fewer iterations than the policy's is
        /// replaced by a stronger one. Throws <see cref="ArgumentNullException"/> for a null password.
        /// </summary>
        /// <param name="password">The password as typed.</param>
        /// <param name="nowTicks">The monotonic time, in 100 ns ticks.</param>
        /// <param name="token">The session token (32 hex characters), or null when refused.</param>
        /// <returns>The decision.</returns>
        public Decision Login(string password, long nowTicks, out string token)
        {
            ArgumentNullException.ThrowIfNull(password, nameof(password));

            token = null;
            lock (_gate)
            {
                if (!_active)
                {
                    return Decision.Refuse(ReasonCode.SetupRequired);
                }

                Decision attempt = Attempt(password, false, nowTicks);
                if (!attempt.IsAccepted)
                {
                    return attempt;
                }

                if (_iterations < _policy.Iterations)
                {
                    // Upgrade the work factor while the plain password is at hand; if the write fails the old
                    // hash stays valid and the upgrade is tried again at the next login.
                    StoreCredential(password, _policy.Iterations);
                }

                token = _sessions.Create(_entropy, nowTicks);
                return Decision.Accept();
            }
        }

        /// <summary>
        /// Checks a session token for an admin request. Refusals: <see cref="ReasonCode.SetupRequired"/>,
        /// <see cref="ReasonCode.Unauthorized"/> (null, malformed or unknown token),
        /// <see cref="ReasonCode.SessionExpired"/>.
        /// </summary>
        /// <param name="token">The bearer token, or null when none was sent.</param>
        /// <param name="nowTicks">The monotonic time, in 100 ns ticks.</param>
        /// <returns>The decision.</returns>
        public Decision Authorize(string token, long nowTicks)
        {
            lock (_gate)
            {
                return AuthorizeLocked(token, nowTicks);
            }
        }

        /// <summary>Ends the session of <paramref name="token"/> (logout). Refusal: <see cref="ReasonCode.Unauthorized"/> when there is no such session.</summary>
        /// <param name="token">The bearer token, or null.</param>
        /// <returns>The decision.</returns>
        public Decision Logout(string token)
        {
            lock (_gate)
            {
                return _sessions.Revoke(token) ? Decision.Accept() : Decision.Refuse(ReasonCode.Unauthorized);
            }
        }

        /// <summary>
        /// Replaces the password; needs a valid session and the current password (re-authentication, ASVS 5.0
        /// V6.2.3). On success every session, including the caller's, is revoked: the admin page logs in again.
        /// Refusals: those of <see cref="Authorize"/>, <see cref="ReasonCode.Throttled"/>,
        /// <see cref="ReasonCode.PasswordInvalid"/> (counts as a failed attempt),
        /// <see cref="ReasonCode.PasswordUnchanged"/>, the <see cref="PasswordPolicy"/> reasons,
        /// <see cref="ReasonCode.StorageWriteFailed"/> (old password still valid). Throws
        /// <see cref="ArgumentNullException"/> for a null password.
        /// </summary>
        /// <param name="token">The caller's session token.</param>
        /// <param name="currentPassword">The password now in force.</param>
        /// <param name="newPassword">The replacement.</param>
        /// <param name="nowTicks">The monotonic time, in 100 ns ticks.</param>
        /// <returns>The decision.</returns>
        public Decision ChangePassword(string token, string currentPassword, string newPassword, long nowTicks)
        {
            ArgumentNullException.ThrowIfNull(currentPassword, nameof(currentPassword));
            ArgumentNullException.ThrowIfNull(newPassword, nameof(newPassword));

            lock (_gate)
            {
                Decision session = AuthorizeLocked(token, nowTicks);
                if (!session.IsAccepted)
                {
                    return session;
                }

                Decision attempt = Attempt(currentPassword, false, nowTicks);
                if (!attempt.IsAccepted)
                {
                    return attempt;
                }

                if (SameText(currentPassword, newPassword))
                {
                    return Decision.Refuse(ReasonCode.PasswordUnchanged);
                }

                return ReplacePassword(newPassword);
            }
        }

        /// <summary>
        /// Factory reset from the admin API: needs a valid session, then as <see cref="FactoryReset(long)"/>.
        /// Refusals: those of <see cref="Authorize"/> and of <see cref="FactoryReset(long)"/>.
        /// </summary>
        /// <param name="token">The caller's session token.</param>
        /// <param name="nowTicks">The monotonic time, in 100 ns ticks.</param>
        /// <returns>The decision.</returns>
        public Decision FactoryReset(string token, long nowTicks)
        {
            lock (_gate)
            {
                Decision session = AuthorizeLocked(token, nowTicks);
                return session.IsAccepted ? ResetLocked() : session;
            }
        }

        /// <summary>
        /// Factory reset for a trusted local caller (the physical button): erases the credential and the failure
        /// count, revokes every session and returns to SetupRequired (ETSI EN 303 645 5.11-1). The setup code is
        /// kept: it is the device's, printed on its label. The credential delete is the atomic commit point.
        /// Refusal: <see cref="ReasonCode.StorageWriteFailed"/> when the credential could not be erased (the
        /// state is then unchanged). Other subsystems erase their own records.
        /// </summary>
        /// <param name="nowTicks">The monotonic time, in 100 ns ticks (kept for symmetry with the other operations and for events).</param>
        /// <returns>The decision.</returns>
        public Decision FactoryReset(long nowTicks)
        {
            lock (_gate)
            {
                return ResetLocked();
            }
        }

        private Decision ResetLocked()
        {
            Decision erased = _store.Delete(CredentialRecord);
            if (!erased.IsAccepted)
            {
                return erased;
            }

            _active = false;
            _credentialDamaged = false;
            ClearCredential();
            _sessions.RevokeAll();

            // After the commit point: a failure here only leaves an old failure count behind, which errs on the
            // side of a longer wait.
            _store.Delete(FailureRecord);
            _throttle.Reset();
            return Decision.Accept();
        }

        private Decision AuthorizeLocked(string token, long nowTicks)
        {
            return _active ? _sessions.Authorize(token, nowTicks) : Decision.Refuse(ReasonCode.SetupRequired);
        }

        // One attempt at a secret (the setup code, or the password): throttle check, then the attempt is counted on
        // flash before the secret is compared; a wrong secret stays counted, a right one clears the count.
        private Decision Attempt(string secret, bool isSetupCode, long nowTicks)
        {
            long wait = _throttle.WaitTicks(nowTicks);
            if (wait > 0)
            {
                return Decision.Refuse(ReasonCode.Throttled, wait);
            }

            Decision counted = WriteFailures(_throttle.Failures + 1);
            if (!counted.IsAccepted)
            {
                return counted;
            }

            if (!(isSetupCode ? SetupCodeMatches(secret) : PasswordMatches(secret)))
            {
                _throttle.RecordFailure(nowTicks);
                return Decision.Refuse(isSetupCode ? ReasonCode.SetupCodeInvalid : ReasonCode.PasswordInvalid);
            }

            _throttle.Reset();

            // If this write fails the stored count stays one higher than it should: a longer wait, never a shorter one.
            WriteFailures(0);
            return Decision.Accept();
        }

        // Checks the new password against the policy, stores its hash and ends every session.
        private Decision ReplacePassword(string newPassword)
        {
            Decision quality = CheckNewPassword(newPassword);
            if (!quality.IsAccepted)
            {
                return quality;
            }

            Decision stored = StoreCredential(newPassword, _policy.Iterations);
            if (!stored.IsAccepted)
            {
                return stored;
            }

            _sessions.RevokeAll();
            return Decision.Accept();
        }

        private Decision CheckNewPassword(string newPassword)
        {
            string[] context = new string[]
            {
                _identity.Model,
                _identity.Vendor,
                _identity.Model + _identity.Vendor,
                _identity.Vendor + _identity.Model,
                "admin",
                "administrator",
                "netguard",
                _setupCode,
            };

            return PasswordPolicy.Check(newPassword, _policy.MinimumLength, _policy.MaximumLength, context);
        }

        private bool SetupCodeMatches(string typed)
        {
            string canonical;
            bool wellFormed = SetupCode.TryNormalize(typed, out canonical);

            // Compare even a malformed input against something of the right length, so timing does not tell
            // a malformed code from a wrong one.
            byte[] presented = AsciiBytes(wellFormed ? canonical : "000000000000");
            byte[] expected = AsciiBytes(_setupCode);
            bool equal = ConstantTime.Equals(presented, expected);
            ConstantTime.Clear(presented);
            ConstantTime.Clear(expected);
            return wellFormed && equal;
        }

        private bool PasswordMatches(string password)
        {
            byte[] bytes = PasswordText.ToUtf8(password);
            byte[] derived = null;
            try
            {
                derived = Pbkdf2.DeriveKey(_passwordHmac, bytes, _salt, _iterations, HashLength);
                return ConstantTime.Equals(derived, _hash);
            }
            finally
            {
                ConstantTime.Clear(bytes);
                if (derived != null)
                {
                    ConstantTime.Clear(derived);
                }
            }
        }

        private static bool SameText(string a, string b)
        {
            byte[] first = PasswordText.ToUtf8(a);
            byte[] second = PasswordText.ToUtf8(b);
            bool same = ConstantTime.Equals(first, second);
            ConstantTime.Clear(first);
            ConstantTime.Clear(second);
            return same;
        }

        private Decision StoreCredential(string password, int iterations)
        {
            byte[] salt = new byte[SaltLength];
            _entropy.GetBytes(salt, 0, SaltLength);
            byte[] bytes = PasswordText.ToUtf8(password);
            byte[] hash;
            try
            {
                hash = Pbkdf2.DeriveKey(_passwordHmac, bytes, salt, iterations, HashLength);
            }
            finally
            {
                ConstantTime.Clear(bytes);
            }

            byte[] record = new byte[CredentialLength];
            record[0] = RecordVersion;
            record[1] = StateActive;
            WriteInt32(record, 2, iterations);
            Array.Copy(salt, 0, record, 6, SaltLength);
            Array.Copy(hash, 0, record, 6 + SaltLength, HashLength);
            Decision written = _store.Write(CredentialRecord, record, 0, record.Length);
            ConstantTime.Clear(record);
            if (!written.IsAccepted)
            {
                ConstantTime.Clear(hash);
                return written;
            }

            ClearCredential();
            _iterations = iterations;
            _salt = salt;
            _hash = hash;
            _active = true;
            _credentialDamaged = false;
            return Decision.Accept();
        }

        private void ClearCredential()
        {
            if (_hash != null)
            {
                ConstantTime.Clear(_hash);
            }

            _hash = null;
            _salt = null;
            _iterations = 0;
        }

        private void LoadCredential()
        {
            byte[] data;
            ReasonCode reason;
            if (!_store.TryRead(CredentialRecord, out data, out reason))
            {
                _credentialDamaged = reason != ReasonCode.NotFound;
                return;
            }

            int iterations = data.Length == CredentialLength ? ReadInt32(data, 2) : 0;
            if (data.Length != CredentialLength || data[0] != RecordVersion || data[1] != StateActive || iterations < 1)
            {
                // Intact slot, unknown content: still never "open".
                _credentialDamaged = true;
                return;
            }

            _iterations = iterations;
            _salt = new byte[SaltLength];
            _hash = new byte[HashLength];
            Array.Copy(data, 6, _salt, 0, SaltLength);
            Array.Copy(data, 6 + SaltLength, _hash, 0, HashLength);
            ConstantTime.Clear(data);
            _active = true;
        }

        private int LoadFailures()
        {
            byte[] data;
            ReasonCode reason;
            if (_store.TryRead(FailureRecord, out data, out reason))
            {
                if (data.Length == 5 && data[0] == RecordVersion)
                {
                    int count = ReadInt32(data, 1);
                    if (count >= 0)
                    {
                        return count;
                    }
                }
            }
            else if (reason == ReasonCode.NotFound)
            {
                return 0;
            }

            // Unreadable count: fail closed at the capped back-off rather than forgetting past failures.
            int failures = _policy.FreeAttempts;
            while (_policy.DelayAfter(failures) < _policy.MaximumDelayTicks)
            {
                failures++;
            }

            return failures;
        }

        private Decision WriteFailures(int count)
        {
            byte[] record = new byte[5];
            record[0] = RecordVersion;
            WriteInt32(record, 1, count);
            return _store.Write(FailureRecord, record, 0, record.Length);
        }

        private string LoadSetupCode()
        {
            string derived = _identity.DeriveSetupCode();
            if (derived != null)
            {
                return derived;
            }

            byte[] data;
            ReasonCode reason;
            if (_store.TryRead(SetupCodeRecord, out data, out reason) && data.Length == 1 + SetupCode.Length && data[0] == RecordVersion)
            {
                char[] chars = new char[SetupCode.Length];
                for (int i = 0; i < chars.Length; i++)
                {
                    chars[i] = (char)data[i + 1];
                }

                string stored = new string(chars);
                if (SetupCode.IsCanonical(stored))
                {
                    return stored;
                }
            }

            // First boot (or an unreadable record): draw a new code. It reaches people only through the console
            // and the label file, which need physical access, so a fresh code never opens anything remotely.
            string code = SetupCode.Generate(_entropy);
            byte[] record = new byte[1 + SetupCode.Length];
            record[0] = RecordVersion;
            char[] codeChars = code.ToCharArray();
            for (int i = 0; i < SetupCode.Length; i++)
            {
                record[i + 1] = (byte)codeChars[i];
            }

            _store.Write(SetupCodeRecord, record, 0, record.Length);
            return code;
        }

        private static byte[] AsciiBytes(string text)
        {
            char[] chars = text.ToCharArray();
            byte[] bytes = new byte[chars.Length];
            for (int i = 0; i < chars.Length; i++)
            {
                bytes[i] = (byte)chars[i];
            }

            return bytes;
        }

        private static int ReadInt32(byte[] buffer, int offset)
        {
            return buffer[offset] | (buffer[offset + 1] << 8) | (buffer[offset + 2] << 16) | (buffer[offset + 3] << 24);
        }

        private static void WriteInt32(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
            buffer[offset + 3] = (byte)(value >> 24);
        }
    }
}
