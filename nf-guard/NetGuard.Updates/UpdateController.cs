using System;
using NetGuard.Cryptography;
using NetGuard.Diagnostics;
using NetGuard.Storage;

namespace NetGuard.Updates
{
    /// <summary>
    /// The device's update state: the running image, the persisted security counter (anti-rollback), trusted keys, the
    /// staged update and the update on trial. Packages arrive through <see cref="BeginReceive"/>. At every start
    /// <see cref="Boot"/> rolls back a trial that never confirmed itself, or starts a staged update on trial (MCUboot's
    /// test mode: the previous image stays installable, the counter unchanged), and re-verifies the image about to run
    /// against its signed SHA-256. The new image confirms itself with <see cref="ConfirmTrial"/> after its self-test
    /// and a settle time, the only place the counter rises, or gives up with <see cref="FailTrial"/>. State lives in
    /// record <c>update-state</c> and keys in <c>update-keys</c>; every change is ordered so that a power cut at any
    /// write leaves the previous state or the new one (docs/update-format.md, "Power cuts"). An unreadable state record
    /// fails closed: packages are refused with <see cref="ReasonCode.StorageCorrupt"/> until a factory reset. Thread-safe.
    /// </summary>
    public sealed class UpdateController
    {
        /// <summary>The record holding version, counter and staged-update state.</summary>
        public const string StateRecordName = "update-state";

        /// <summary>The record holding the current key ring.</summary>
        public const string KeysRecordName = "update-keys";

        // State record (140 bytes, little-endian): format 2, flags, installed version, counter, pending update
        // (version, counter, length, SHA-256), trial update (the same), installed image length and SHA-256, last
        // outcome, its reason and version. Format 1 (before trials) was never released and reads as corrupt.
        private const int StateLength = 140;
        private const byte StateFormat = 2;
        private const int FlagInstalled = 1;
        private const int FlagPending = 2;
        private const int FlagTrial = 4;
        private const int FlagTrialBooted = 8;
        private const int PendingAt = 10;
        private const int TrialAt = 54;
        private const int InstalledImageAt = 98;
        private const int OutcomeAt = 134;

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
        private StagedUpdate _trial;
        private bool _trialBooted;
        private long _installedLength;
        private byte[] _installedSha256;
        private InstallOutcome _outcome;
        private ReasonCode _outcomeReason;
        private FirmwareVersion _outcomeVersion;
        private bool _corrupt;
        private int _generation;

        /// <summary>
        /// Loads the update state and keys (nothing is switched until <see cref="Boot"/>). Throws
        /// <see cref="ArgumentNullException"/> for a missing dependency.
        /// </summary>
        /// <param name="settings">The firmware's model, version, counter and limits.</param>
        /// <param name="builtInKeys">The keys compiled into the firmware; a stored ring replaces them only with a higher version.</param>
        /// <param name="store">Persistent records.</param>
        /// <param name="staging">Where images are staged.</param>
        /// <param name="installer">Switches images: trial, rollback, confirmation.</param>
        /// <param name="time">Trusted time for expiry checks.</param>
        public UpdateController(UpdateSettings settings, TrustedKeyRing builtInKeys, IRecordStore store, IStagingArea staging, IImageInstaller installer, ITrustedTime time)
        {
            ArgumentNullException.ThrowIfNull(settings, nameof(settings));
            ArgumentNullException.ThrowIfNull(builtInKeys, nameof(builtInKeys));
            ArgumentNullException.ThrowIfNull(store, nameof(store));
            ArgumentNullException.ThrowIfNull(staging, nameof(staging));
            ArgumentNullException.ThrowIfNull(installer, nameof(installer));
            ArgumentNullException.ThrowIfNull(time, nameof(time));

            _settings = settings;
            _store = store;
            _staging = staging;
            _installer = installer;
            _time = time;
            _keys = builtInKeys;
            _counter = settings.BuiltInSecurityCounter;
            LoadKeys(builtInKeys);
            LoadState();
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
                    if (_trial != null && _trialBooted)
                    {
                        return _trial.Version;
                    }

                    return _installed ? _installedVersion : _settings.BuiltInVersion;
                }
            }
        }

        /// <summary>True while an update runs on trial (started by <see cref="Boot"/>, not yet confirmed or rolled back).</summary>
        public bool IsOnTrial
        {
            get
            {
                lock (_gate)
                {
                    return _trial != null && _trialBooted;
                }
            }
        }

        /// <summary>True when the loader should start the installed image (an update, confirmed or on trial); false: the built-in firmware.</summary>
        public bool RunsInstalledImage
        {
            get
            {
                lock (_gate)
                {
                    return (_trial != null && _trialBooted) || _installed;
                }
            }
        }

        /// <summary>What became of the last update started on this device.</summary>
        public InstallOutcome LastInstall
        {
            get
            {
                lock (_gate)
                {
                    return _outcome;
                }
            }
        }

        /// <summary>Why the last update was rolled back (Accepted unless <see cref="LastInstall"/> is RolledBack).</summary>
        public ReasonCode LastInstallReason
        {
            get
            {
                lock (_gate)
                {
                    return _outcome == InstallOutcome.RolledBack ? _outcomeReason : ReasonCode.Accepted;
                }
            }
        }

        /// <summary>The version <see cref="LastInstall"/> concerns.</summary>
        public FirmwareVersion LastInstallVersion
        {
            get
            {
                lock (_gate)
                {
                    return _outcomeVersion;
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
            ByteRange.Check(data, offset, count);
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
        /// The start of every boot, before the image runs (on the device: in the loader, before <c>Assembly.Load</c>).
        /// In order: a trial that already started once and never confirmed itself is rolled back
        /// (<see cref="ReasonCode.TrialNotConfirmed"/>: a crash, watchdog, power cut or kill during its trial); a staged
        /// update starts on trial (re-hashed first; the trial is recorded before the image is switched, and the package
        /// is never retried automatically once it has been tried); the image about to run is re-verified against its
        /// signed SHA-256 (a trial that does not match is rolled back with <see cref="ReasonCode.DigestMismatch"/>; an
        /// installed image that does not match is no longer run and the built-in firmware runs instead). Returns
        /// Accepted once the image to run is settled (see <see cref="RunsInstalledImage"/>, <see cref="IsOnTrial"/>,
        /// <see cref="LastInstall"/>); StorageCorrupt with an unreadable state record; StorageWriteFailed when a step
        /// could not be recorded (the next boot repeats it).
        /// </summary>
        /// <returns>The decision.</returns>
        public Decision Boot()
        {
            lock (_gate)
            {
                if (_corrupt)
                {
                    return Decision.Refuse(ReasonCode.StorageCorrupt);
                }

                if (_trial != null && _trialBooted)
                {
                    Decision rolledBack = RollBack(ReasonCode.TrialNotConfirmed);
                    if (!rolledBack.IsAccepted)
                    {
                        return rolledBack;
                    }
                }

                if (_trial == null && _pending != null)
                {
                    Decision started = StartTrial();
                    if (!started.IsAccepted)
                    {
                        return started;
                    }
                }

                if (_trial != null)
                {
                    if (!_trialBooted && !ActiveImageMatches(_trial.ImageLength, _trial.ImageSha256Internal))
                    {
                        // The trial was recorded but a power cut may have stopped the switch: repeat it (idempotent).
                        // If it fails again the package is not tried a third time.
                        Decision again = _installer.Activate(_staging, _trial);
                        if (!again.IsAccepted)
                        {
                            return RollBack(again.Reason);
                        }
                    }

                    if (!_trialBooted && _pending == null)
                    {
                        // The installer holds the image; the staged copy is no longer needed (best effort).
                        _staging.Discard();
                    }

                    // First start of the image on trial: recorded before it runs, so a crash from here on rolls it back.
                    if (!WriteState(_installed, _installedVersion, _counter, _pending, _trial, true, _outcome, _outcomeReason, _outcomeVersion))
                    {
                        return Decision.Refuse(ReasonCode.StorageWriteFailed);
                    }

                    _trialBooted = true;
                    if (!ActiveImageMatches(_trial.ImageLength, _trial.ImageSha256Internal))
                    {
                        return RollBack(ReasonCode.DigestMismatch);
                    }

                    return Decision.Accept();
                }

                // No trial: a previous image kept by an interrupted confirmation is forgotten.
                _installer.Commit();
                if (_installed && !ActiveImageMatches(_installedLength, _installedSha256))
                {
                    // Corrupted (or tampered) in flash: never run it. The built-in firmware runs; the counter stays.
                    FirmwareVersion broken = _installedVersion;
                    if (!WriteState(false, _installedVersion, _counter, _pending, null, false, InstallOutcome.RolledBack, ReasonCode.DigestMismatch, broken))
                    {
                        return Decision.Refuse(ReasonCode.StorageWriteFailed);
                    }

                    _installed = false;
                    SetOutcome(InstallOutcome.RolledBack, ReasonCode.DigestMismatch, broken);
                }

                return Decision.Accept();
            }
        }

        /// <summary>
        /// The image on trial passed its self-test and settle time: it is kept, the security counter rises to its own
        /// (never down), and the previous image is forgotten. InvalidState when no image runs on trial;
        /// StorageWriteFailed leaves the trial running (a restart then rolls it back).
        /// </summary>
        /// <returns>The decision.</returns>
        public Decision ConfirmTrial()
        {
            lock (_gate)
            {
                if (_trial == null || !_trialBooted)
                {
                    return Decision.Refuse(ReasonCode.InvalidState);
                }

                uint counter = _trial.SecurityCounter > _counter ? _trial.SecurityCounter : _counter;
                if (!WriteState(true, _trial.Version, counter, _pending, null, false, InstallOutcome.Confirmed, ReasonCode.Accepted, _trial.Version, _trial))
                {
                    return Decision.Refuse(ReasonCode.StorageWriteFailed);
                }

                _installed = true;
                _installedVersion = _trial.Version;
                _installedLength = _trial.ImageLength;
                _installedSha256 = (byte[])_trial.ImageSha256Internal.Clone();
                _counter = counter;
                SetOutcome(InstallOutcome.Confirmed, ReasonCode.Accepted, _trial.Version);
                _trial = null;
                _trialBooted = false;

                // Best effort: a previous image still kept is forgotten at the next boot.
                _installer.Commit();
                return Decision.Accept();
            }
        }

        /// <summary>
        /// The image on trial failed (its self-test, with <paramref name="reason"/>): the previous image is made the one
        /// to start again and the update is recorded as rolled back; the device must restart to run it (the host
        /// simulation carries on as the previous image). InvalidState when no image runs on trial.
        /// </summary>
        /// <param name="reason">Why, e.g. <see cref="ReasonCode.SelfTestFailed"/>.</param>
        /// <returns>Accepted when rolled back.</returns>
        public Decision FailTrial(ReasonCode reason)
        {
            lock (_gate)
            {
                if (_trial == null || !_trialBooted)
                {
                    return Decision.Refuse(ReasonCode.InvalidState);
                }

                return RollBack(reason == ReasonCode.Accepted ? ReasonCode.SelfTestFailed : reason);
            }
        }

        /// <summary>
        /// Drops the staged update without trying it (factory reset): the record first, then the image. The installed
        /// image, an update on trial and the security counter stay. Accepted when nothing is staged;
        /// StorageWriteFailed keeps it staged.
        /// </summary>
        /// <returns>The decision.</returns>
        public Decision DiscardStaged()
        {
            lock (_gate)
            {
                if (_pending == null)
                {
                    return Decision.Accept();
                }

                if (!WriteState(_installed, _installedVersion, _counter, null, _trial, _trialBooted, _outcome, _outcomeReason, _outcomeVersion))
                {
                    return Decision.Refuse(ReasonCode.StorageWriteFailed);
                }

                _pending = null;
                _staging.Discard();
                return Decision.Accept();
            }
        }

        /// <summary>
        /// For the loader, after <see cref="Boot"/>: reads the running update's image (on trial or confirmed) from the
        /// installer into one array and verifies that array against the signed SHA-256, so the bytes handed to
        /// <c>Assembly.Load</c> are the bytes that were checked. NothingStaged when the built-in firmware runs;
        /// DigestMismatch or Truncated when the stored image is not the signed one (the loader then runs the built-in
        /// firmware; the next <see cref="Boot"/> records it).
        /// </summary>
        /// <param name="image">The verified image, or null.</param>
        /// <returns>The decision.</returns>
        public Decision ReadImageToLoad(out byte[] image)
        {
            image = null;
            long length;
            byte[] expected;
            lock (_gate)
            {
                if (_trial != null && _trialBooted)
                {
                    length = _trial.ImageLength;
                    expected = _trial.ImageSha256Internal;
                }
                else if (_installed)
                {
                    length = _installedLength;
                    expected = _installedSha256;
                }
                else
                {
                    return Decision.Refuse(ReasonCode.NothingStaged);
                }
            }

            byte[] bytes = new byte[(int)length];
            int position = 0;
            while (position < bytes.Length)
            {
                int read = _installer.ReadActive(position, bytes, position, bytes.Length - position);
                if (read <= 0 || read > bytes.Length - position)
                {
                    return Decision.Refuse(ReasonCode.Truncated);
                }

                position += read;
            }

            if (!ConstantTime.Equals(Sha256.Hash(bytes, 0, bytes.Length), expected))
            {
                return Decision.Refuse(ReasonCode.DigestMismatch);
            }

            image = bytes;
            return Decision.Accept();
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
                    if (!WriteState(_installed, _installedVersion, _counter, null, _trial, _trialBooted, _outcome, _outcomeReason, _outcomeVersion))
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
                if (!WriteState(_installed, _installedVersion, _counter, staged, _trial, _trialBooted, _outcome, _outcomeReason, _outcomeVersion))
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

        // Starts the staged update on trial. Order: re-hash the staged image (a mismatch drops it); record the trial
        // (pending moved into it, not yet booted) before the installer switches images; activate. A power cut after
        // the record rolls the trial back at the next boot (its image does not verify, or it never confirmed).
        private Decision StartTrial()
        {
            StagedUpdate staged = _pending;
            if (!StagedImageMatches(staged))
            {
                if (!WriteState(_installed, _installedVersion, _counter, null, null, false, InstallOutcome.RolledBack, ReasonCode.DigestMismatch, staged.Version))
                {
                    return Decision.Refuse(ReasonCode.StorageWriteFailed);
                }

                _pending = null;
                SetOutcome(InstallOutcome.RolledBack, ReasonCode.DigestMismatch, staged.Version);
                _staging.Discard();
                return Decision.Accept();
            }

            if (!WriteState(_installed, _installedVersion, _counter, null, staged, false, InstallOutcome.Trial, ReasonCode.Accepted, staged.Version))
            {
                return Decision.Refuse(ReasonCode.StorageWriteFailed);
            }

            InstallOutcome earlier = _outcome;
            ReasonCode earlierReason = _outcomeReason;
            FirmwareVersion earlierVersion = _outcomeVersion;
            _pending = null;
            _trial = staged;
            _trialBooted = false;
            SetOutcome(InstallOutcome.Trial, ReasonCode.Accepted, staged.Version);
            _installer.Commit();
            Decision activated = _installer.Activate(_staging, staged);
            if (!activated.IsAccepted)
            {
                // The previous image is still the active one: undo the record and keep the update staged for the next boot.
                if (WriteState(_installed, _installedVersion, _counter, staged, null, false, earlier, earlierReason, earlierVersion))
                {
                    _pending = staged;
                    _trial = null;
                    SetOutcome(earlier, earlierReason, earlierVersion);
                }

                return Decision.Refuse(activated.Reason);
            }

            return Decision.Accept();
        }

        // Makes the previous image active again, then records the rollback: in this order, so that a power cut in
        // between repeats the (idempotent) revert at the next boot instead of running the failed image unguarded.
        private Decision RollBack(ReasonCode reason)
        {
            if (!_installer.Revert().IsAccepted)
            {
                return Decision.Refuse(ReasonCode.StorageWriteFailed);
            }

            FirmwareVersion failed = _trial.Version;
            if (!WriteState(_installed, _installedVersion, _counter, _pending, null, false, InstallOutcome.RolledBack, reason, failed))
            {
                return Decision.Refuse(ReasonCode.StorageWriteFailed);
            }

            _trial = null;
            _trialBooted = false;
            SetOutcome(InstallOutcome.RolledBack, reason, failed);
            return Decision.Accept();
        }

        private void SetOutcome(InstallOutcome outcome, ReasonCode reason, FirmwareVersion version)
        {
            _outcome = outcome;
            _outcomeReason = reason;
            _outcomeVersion = version;
        }

        private bool ActiveImageMatches(long length, byte[] sha256)
        {
            return ImageMatches(false, length, sha256);
        }

        private bool StagedImageMatches(StagedUpdate staged)
        {
            return ImageMatches(true, staged.ImageLength, staged.ImageSha256Internal);
        }

        // Hashes the staged image (staged) or the installer's active one in 512-byte reads and compares in constant
        // time; a short, long or unreadable image does not match.
        private bool ImageMatches(bool staged, long length, byte[] sha256)
        {
            Sha256 hash = new Sha256();
            byte[] buffer = new byte[512];
            long position = 0;
            while (position < length)
            {
                long left = length - position;
                int want = left < buffer.Length ? (int)left : buffer.Length;
                int read = staged ? _staging.ReadStaged(position, buffer, 0, want) : _installer.ReadActive(position, buffer, 0, want);
                if (read <= 0 || read > want)
                {
                    return false;
                }

                hash.Append(buffer, 0, read);
                position += read;
            }

            int beyond = staged ? _staging.ReadStaged(position, buffer, 0, 1) : _installer.ReadActive(position, buffer, 0, 1);
            if (beyond != 0)
            {
                return false;
            }

            byte[] digest = new byte[32];
            hash.Finish(digest, 0);
            return ConstantTime.Equals(digest, sha256);
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

            int known = FlagInstalled | FlagPending | FlagTrial | FlagTrialBooted;
            if (data == null || data.Length != StateLength || data[0] != StateFormat || (data[1] & ~known) != 0 || data[OutcomeAt] > (byte)InstallOutcome.RolledBack)
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
                _pending = ReadUpdate(data, PendingAt);
            }

            if ((flags & FlagTrial) != 0)
            {
                _trial = ReadUpdate(data, TrialAt);
                _trialBooted = (flags & FlagTrialBooted) != 0;
            }

            if (_installed)
            {
                _installedLength = LittleEndian.ReadUInt32(data, InstalledImageAt);
                _installedSha256 = new byte[32];
                Array.Copy(data, InstalledImageAt + 4, _installedSha256, 0, 32);
            }

            SetOutcome((InstallOutcome)data[OutcomeAt], (ReasonCode)data[OutcomeAt + 1], FirmwareVersion.ReadFrom(data, OutcomeAt + 2));
        }

        private static StagedUpdate ReadUpdate(byte[] data, int at)
        {
            byte[] sha = new byte[32];
            Array.Copy(data, at + 12, sha, 0, 32);
            return new StagedUpdate(FirmwareVersion.ReadFrom(data, at), LittleEndian.ReadUInt32(data, at + 4), LittleEndian.ReadUInt32(data, at + 8), sha);
        }

        private static void WriteUpdate(byte[] data, int at, StagedUpdate update)
        {
            update.Version.WriteTo(data, at);
            LittleEndian.WriteUInt32(data, at + 4, update.SecurityCounter);
            LittleEndian.WriteUInt32(data, at + 8, (uint)update.ImageLength);
            Array.Copy(update.ImageSha256Internal, 0, data, at + 12, 32);
        }

        // Writes the whole state; the installed image's length and digest stay as they are.
        private bool WriteState(bool installed, FirmwareVersion version, uint counter, StagedUpdate pending, StagedUpdate trial, bool trialBooted, InstallOutcome outcome, ReasonCode reason, FirmwareVersion outcomeVersion)
        {
            return WriteState(installed, version, counter, pending, trial, trialBooted, outcome, reason, outcomeVersion, null);
        }

        // As above; a non-null installedImage becomes the installed image's length and digest (a confirmed trial).
        private bool WriteState(bool installed, FirmwareVersion version, uint counter, StagedUpdate pending, StagedUpdate trial, bool trialBooted, InstallOutcome outcome, ReasonCode reason, FirmwareVersion outcomeVersion, StagedUpdate installedImage)
        {
            byte[] data = new byte[StateLength];
            data[0] = StateFormat;
            int flags = (installed ? FlagInstalled : 0) | (pending != null ? FlagPending : 0) | (trial != null ? FlagTrial : 0) | (trial != null && trialBooted ? FlagTrialBooted : 0);
            data[1] = (byte)flags;
            version.WriteTo(data, 2);
            LittleEndian.WriteUInt32(data, 6, counter);
            if (pending != null)
            {
                WriteUpdate(data, PendingAt, pending);
            }

            if (trial != null)
            {
                WriteUpdate(data, TrialAt, trial);
            }

            if (installedImage != null)
            {
                LittleEndian.WriteUInt32(data, InstalledImageAt, (uint)installedImage.ImageLength);
                Array.Copy(installedImage.ImageSha256Internal, 0, data, InstalledImageAt + 4, 32);
            }
            else if (installed)
            {
                LittleEndian.WriteUInt32(data, InstalledImageAt, (uint)_installedLength);
                Array.Copy(_installedSha256, 0, data, InstalledImageAt + 4, 32);
            }

            data[OutcomeAt] = (byte)outcome;
            data[OutcomeAt + 1] = (byte)reason;
            outcomeVersion.WriteTo(data, OutcomeAt + 2);
            return _store.Write(StateRecordName, data, 0, data.Length).IsAccepted;
        }
    }
}
