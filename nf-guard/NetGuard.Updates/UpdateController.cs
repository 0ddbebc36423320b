using System;
using NetGuard.Cryptography;
using NetGuard.Diagnostics;
using NetGuard.Storage;

namespace NetGuard.Updates
{
    /// <summary>
    /// The device's update state: installed version, persisted security counter (anti-rollback), trusted keys, and
    /// the staged update waiting for its self-test. Packages arrive through <see cref="BeginReceive"/>; a staged one is
    /// installed and confirmed with <see cref="ConfirmStaged(bool)"/>, which is the only place the security counter
    /// rises. State lives in record <c>update-state</c> and keys in <c>update-keys</c>; every change is ordered so that
    /// a power cut at any write leaves either the previous state or the new one (docs/update-format.md, "Power cuts").
    /// If the state record is unreadable the controller fails closed: it refuses packages with
    /// <see cref="ReasonCode.StorageCorrupt"/> until a factory reset deletes the record. Thread-safe.
    /// </summary>
    public sealed class UpdateController
    {
        /// <summary>The record holding version, counter and staged-update state.</summary>
        public const string StateRecordName = "update-state";

        /// <summary>The record holding the current key ring.</summary>
        public const string KeysRecordName = "update-keys";

        private const int StateLength = 54;
        private const int FlagInstalled = 1;
        private const int FlagPending = 2;
        private const int FlagConfirming = 4;

        private readonly object _gate = new object();
        private readonly UpdateSettings _settings;
        private readonly IRecordStore _store;
        private readonly IStagingArea _staging;
        private readonly IImageInstaller _installer;
        private readonly ITrustedTime _time;
        private TrustedKeyRing _keys;
        private bool _installed;
        private FirmwareVersion _installedVersion;
        private uint _counter;
        private StagedUpdate _pending;
        private bool _confirming;
        private bool _corrupt;
        private int _generation;

        /// <summary>
        /// Loads the update state and keys, and finishes a confirmation a power cut interrupted. Throws
        /// <see cref="ArgumentNullException"/> for a missing dependency.
        /// </summary>
        /// <param name="settings">The firmware's model, version, counter and limits.</param>
        /// <param name="builtInKeys">The keys compiled into the firmware; a stored ring replaces them only with a higher version.</param>
        /// <param name="store">Persistent records.</param>
        /// <param name="staging">Where images are staged.</param>
        /// <param name="installer">Makes a confirmed image the running one.</param>
        /// <param name="time">Trusted time for expiry checks.</param>
        public UpdateController(UpdateSettings settings, TrustedKeyRing builtInKeys, IRecordStore store, IStagingArea staging, IImageInstaller installer, ITrustedTime time)
        {
            if (settings == null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            if (builtInKeys == null)
            {
                throw new ArgumentNullException(nameof(builtInKeys));
            }

            if (store == null)
            {
                throw new ArgumentNullException(nameof(store));
            }

            if (staging == null)
            {
                throw new ArgumentNullException(nameof(staging));
            }

            if (installer == null)
            {
                throw new ArgumentNullException(nameof(installer));
            }

            if (time == null)
            {
                throw new ArgumentNullException(nameof(time));
            }

            _settings = settings;
            _store = store;
            _staging = staging;
            _installer = installer;
            _time = time;
            _keys = builtInKeys;
            _counter = settings.BuiltInSecurityCounter;
            LoadKeys(builtInKeys);
            LoadState();
            if (_confirming)
            {
                FinishConfirmation();
            }
        }

        /// <summary>The device model updates must be built for.</summary>
        public string Model
        {
            get { return _settings.Model; }
        }

        /// <summary>The settings the controller was built with.</summary>
        public UpdateSettings Settings
        {
            get { return _settings; }
        }

        /// <summary>The trusted time used for expiry checks.</summary>
        public ITrustedTime Time
        {
            get { return _time; }
        }

        /// <summary>The running firmware version: the last confirmed update's, else the built-in one.</summary>
        public FirmwareVersion CurrentVersion
        {
            get
            {
                lock (_gate)
                {
                    return _installed ? _installedVersion : _settings.BuiltInVersion;
                }
            }
        }

        /// <summary>The security counter: packages below it are refused. Never decreases.</summary>
        public uint SecurityCounter
        {
            get
            {
                lock (_gate)
                {
                    return _counter;
                }
            }
        }

        /// <summary>The key ring in force.</summary>
        public TrustedKeyRing Keys
        {
            get
            {
                lock (_gate)
                {
                    return _keys;
                }
            }
        }

        /// <summary>True when the state record was unreadable and packages are refused.</summary>
        public bool IsStateCorrupt
        {
            get
            {
                lock (_gate)
                {
                    return _corrupt;
                }
            }
        }

        /// <summary>Gets the staged update waiting for its self-test; false when nothing is staged.</summary>
        /// <param name="staged">The staged update, or null.</param>
        /// <returns>True when an update is staged.</returns>
        public bool TryGetStaged(out StagedUpdate staged)
        {
            lock (_gate)
            {
                staged = _pending;
                return staged != null;
            }
        }

        /// <summary>
        /// Starts receiving a package (push style: <see cref="UpdateReceiver.Append"/> then
        /// <see cref="UpdateReceiver.Complete"/>). Starting another receiver invalidates this one.
        /// </summary>
        /// <returns>A new receiver.</returns>
        public UpdateReceiver BeginReceive()
        {
            lock (_gate)
            {
                _generation++;
                return new UpdateReceiver(this, _staging, _generation);
            }
        }

        /// <summary>
        /// Replaces the key ring with a key list signed by the current root (see
        /// <see cref="TrustedKeyRing.TryApplyKeyList"/> for the refusals) and persists it;
        /// <see cref="ReasonCode.StorageWriteFailed"/> keeps the old ring.
        /// </summary>
        /// <param name="data">The signed key list.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">Length.</param>
        /// <returns>The decision.</returns>
        public Decision ApplyKeyList(byte[] data, int offset, int count)
        {
            LittleEndian.CheckRange(data, offset, count);
            lock (_gate)
            {
                TrustedKeyRing next;
                ReasonCode reason;
                if (!_keys.TryApplyKeyList(data, offset, count, out next, out reason))
                {
                    return Decision.Refuse(reason);
                }

                byte[] record = next.ToRecord();
                Decision written = _store.Write(KeysRecordName, record, 0, record.Length);
                if (!written.IsAccepted)
                {
                    return Decision.Refuse(ReasonCode.StorageWriteFailed);
                }

                _keys = next;
                return Decision.Accept();
            }
        }

        /// <summary>
        /// Installs and confirms the staged update after its self-test passed, or reverts it. With
        /// <paramref name="selfTestPassed"/> false the staged image is dropped and the previous one stays
        /// (<see cref="ReasonCode.SelfTestFailed"/>). With true the staged image is re-hashed
        /// (<see cref="ReasonCode.DigestMismatch"/> drops it), installed, and only then the version and security
        /// counter are raised. Refusals: <see cref="ReasonCode.NothingStaged"/>, <see cref="ReasonCode.StorageWriteFailed"/>
        /// or the installer's reason, all leaving the previous state.
        /// </summary>
        /// <param name="selfTestPassed">Whether the firmware's self-test of the staged image passed.</param>
        /// <returns>Accept when the update is now the installed one.</returns>
        public Decision ConfirmStaged(bool selfTestPassed)
        {
            lock (_gate)
            {
                if (_pending == null)
                {
                    return Decision.Refuse(ReasonCode.NothingStaged);
                }

                if (!selfTestPassed)
                {
                    return DropPending(ReasonCode.SelfTestFailed);
                }

                if (!StagedImageMatches(_pending))
                {
                    return DropPending(ReasonCode.DigestMismatch);
                }

                // Journal first: after a power cut from here on, the constructor finishes the installation.
                if (!WriteState(_installed, _installedVersion, _counter, _pending, true))
                {
                    return Decision.Refuse(ReasonCode.StorageWriteFailed);
                }

                _confirming = true;
                return FinishConfirmation();
            }
        }

        /// <summary>
        /// Runs <paramref name="selfTest"/> (an exception counts as a failure) and calls <see cref="ConfirmStaged(bool)"/>
        /// with its result.
        /// </summary>
        /// <param name="selfTest">The firmware's self-test.</param>
        /// <returns>The decision of <see cref="ConfirmStaged(bool)"/>.</returns>
        public Decision ConfirmStaged(SelfTest selfTest)
        {
            if (selfTest == null)
            {
                throw new ArgumentNullException(nameof(selfTest));
            }

            bool passed;
            try
            {
                passed = selfTest();
            }
            catch (Exception)
            {
                // A crashing self-test is a failed one: the previous image must stay.
                passed = false;
            }

            return ConfirmStaged(passed);
        }

        // Checks a parsed manifest against keys, signature, model, counter, time and size. Fail closed: each
        // precondition is its own early return and Accepted comes last.
        internal ReasonCode CheckManifest(UpdateManifest manifest, byte[] signed, int signedOffset, int signedCount, byte[] signature, int signatureOffset)
        {
            TrustedKeyRing keys;
            uint counter;
            lock (_gate)
            {
                if (_corrupt)
                {
                    return ReasonCode.StorageCorrupt;
                }

                keys = _keys;
                counter = _counter;
            }

            ReasonCode verified = keys.VerifySignature(manifest.KeyIdInternal, 0, signed, signedOffset, signedCount, signature, signatureOffset);
            if (verified != ReasonCode.Accepted)
            {
                return verified;
            }

            if (!ModelMatches(manifest.Model))
            {
                return ReasonCode.ModelMismatch;
            }

            if (manifest.SecurityCounter < counter)
            {
                return ReasonCode.SecurityCounterRollback;
            }

            long now;
            if (_time.TryGetUnixSeconds(out now))
            {
                if (manifest.ExpiresAt != 0 && now >= manifest.ExpiresAt)
                {
                    return ReasonCode.Expired;
                }

                if (manifest.IssuedAt > now + _settings.ClockSkewSeconds)
                {
                    return ReasonCode.NotYetValid;
                }
            }

            if (manifest.ImageLength > _settings.MaxImageLength)
            {
                return ReasonCode.TooLarge;
            }

            return ReasonCode.Accepted;
        }

        // Called by a receiver whose image verified: makes it the staged update. Order: clear the old pending entry,
        // commit the image, record the new entry; a power cut between steps leaves "nothing staged", never a record
        // that describes another image.
        internal Decision CompleteStaging(UpdateManifest manifest, int generation)
        {
            lock (_gate)
            {
                if (generation != _generation)
                {
                    _staging.Abort();
                    return Decision.Refuse(ReasonCode.InvalidState);
                }

                if (_corrupt)
                {
                    _staging.Abort();
                    return Decision.Refuse(ReasonCode.StorageCorrupt);
                }

                if (manifest.SecurityCounter < _counter)
                {
                    _staging.Abort();
                    return Decision.Refuse(ReasonCode.SecurityCounterRollback);
                }

                if (_pending != null)
                {
                    if (!WriteState(_installed, _installedVersion, _counter, null, false))
                    {
                        _staging.Abort();
                        return Decision.Refuse(ReasonCode.StorageWriteFailed);
                    }

                    _pending = null;
                }

                Decision committed = _staging.Commit();
                if (!committed.IsAccepted)
                {
                    _staging.Abort();
                    return Decision.Refuse(ReasonCode.StorageWriteFailed);
                }

                StagedUpdate staged = new StagedUpdate(manifest.Version, manifest.SecurityCounter, manifest.ImageLength, manifest.ImageSha256Internal);
                if (!WriteState(_installed, _installedVersion, _counter, staged, false))
                {
                    return Decision.Refuse(ReasonCode.StorageWriteFailed);
                }

                _pending = staged;
            }

            if (manifest.IssuedAt > 0)
            {
                // A verified package proves the time is at least its issue time (docs/update-format.md, "Time").
                _time.ObserveAuthenticated(manifest.IssuedAt);
            }

            return Decision.Accept();
        }

        private bool ModelMatches(string model)
        {
            byte[] ascii = ModelName.ToAsciiLower(model);
            return ModelName.Matches(ascii, 0, ascii.Length, _settings.Model);
        }

        private Decision FinishConfirmation()
        {
            Decision activated = _installer.Activate(_staging, _pending);
            if (!activated.IsAccepted)
            {
                // Leave the previous image; keep the update staged for another attempt.
                WriteState(_installed, _installedVersion, _counter, _pending, false);
                _confirming = false;
                return Decision.Refuse(activated.Reason);
            }

            uint counter = _pending.SecurityCounter > _counter ? _pending.SecurityCounter : _counter;
            if (!WriteState(true, _pending.Version, counter, null, false))
            {
                // The journal still says "confirming": the next start activates again (idempotent) and finishes.
                return Decision.Refuse(ReasonCode.StorageWriteFailed);
            }

            _installed = true;
            _installedVersion = _pending.Version;
            _counter = counter;
            _pending = null;
            _confirming = false;
            _staging.Discard();
            return Decision.Accept();
        }

        private Decision DropPending(ReasonCode reason)
        {
            if (!WriteState(_installed, _installedVersion, _counter, null, false))
            {
                return Decision.Refuse(ReasonCode.StorageWriteFailed);
            }

            _pending = null;
            _staging.Discard();
            return Decision.Refuse(reason);
        }

        private bool StagedImageMatches(StagedUpdate staged)
        {
            Sha256 hash = new Sha256();
            byte[] buffer = new byte[512];
            long position = 0;
            while (position < staged.ImageLength)
            {
                long left = staged.ImageLength - position;
                int want = left < buffer.Length ? (int)left : buffer.Length;
                int read = _staging.ReadStaged(position, buffer, 0, want);
                if (read <= 0 || read > want)
                {
                    return false;
                }

                hash.Append(buffer, 0, read);
                position += read;
            }

            if (_staging.ReadStaged(position, buffer, 0, 1) != 0)
            {
                return false;
            }

            byte[] digest = new byte[32];
            hash.Finish(digest, 0);
            return ConstantTime.Equals(digest, staged.ImageSha256Internal);
        }

        private void LoadKeys(TrustedKeyRing builtIn)
        {
            byte[] data;
            ReasonCode reason;
            TrustedKeyRing stored;
            if (_store.TryRead(KeysRecordName, out data, out reason) && TrustedKeyRing.TryLoad(data, out stored) && stored.Version > builtIn.Version)
            {
                _keys = stored;
            }
        }

        private void LoadState()
        {
            byte[] data;
            ReasonCode reason;
            if (!_store.TryRead(StateRecordName, out data, out reason))
            {
                _corrupt = reason != ReasonCode.NotFound;
                return;
            }

            if (data == null || data.Length != StateLength || data[0] != 1 || (data[1] & ~(FlagInstalled | FlagPending | FlagConfirming)) != 0)
            {
                _corrupt = true;
                return;
            }

            int flags = data[1];
            _installed = (flags & FlagInstalled) != 0;
            _installedVersion = FirmwareVersion.ReadFrom(data, 2);
            uint stored = LittleEndian.ReadUInt32(data, 6);
            if (stored > _counter)
            {
                _counter = stored;
            }

            if ((flags & FlagPending) != 0)
            {
                byte[] sha = new byte[32];
                Array.Copy(data, 22, sha, 0, 32);
                _pending = new StagedUpdate(FirmwareVersion.ReadFrom(data, 10), LittleEndian.ReadUInt32(data, 14), LittleEndian.ReadUInt32(data, 18), sha);
                _confirming = (flags & FlagConfirming) != 0;
            }
        }

        private bool WriteState(bool installed, FirmwareVersion version, uint counter, StagedUpdate pending, bool confirming)
        {
            byte[] data = new byte[StateLength];
            data[0] = 1;
            int flags = (installed ? FlagInstalled : 0) | (pending != null ? FlagPending : 0) | (confirming ? FlagConfirming : 0);
            data[1] = (byte)flags;
            version.WriteTo(data, 2);
            LittleEndian.WriteUInt32(data, 6, counter);
            if (pending != null)
            {
                pending.Version.WriteTo(data, 10);
                LittleEndian.WriteUInt32(data, 14, pending.SecurityCounter);
                LittleEndian.WriteUInt32(data, 18, (uint)pending.ImageLength);
                Array.Copy(pending.ImageSha256Internal, 0, data, 22, 32);
            }

            return _store.Write(StateRecordName, data, 0, data.Length).IsAccepted;
        }
    }
}
