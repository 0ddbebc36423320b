using System;
using NetGuard.Cryptography;
using NetGuard.Diagnostics;

namespace NetGuard.Updates
{
    /// <summary>
    /// Streaming verifier for one update package, fed in chunks of any size (push style, for the HTTP upload):
    /// the header and manifest are checked and the manifest's signature, model, security counter and expiry verified
    /// before a single image byte is staged; the image is then hashed while it is written to the staging area, and
    /// <see cref="Complete"/> stages it only if length and SHA-256 match. Fail closed: the result starts as a
    /// rejection and becomes Accept on the last line of <see cref="Complete"/>. After the first refusal every call
    /// returns that refusal and nothing more is staged. Memory: at most 8 + 1024 + 64 bytes, allocated after the
    /// header's sizes were checked. Not thread-safe (one upload).
    /// </summary>
    public sealed class UpdateReceiver
    {
        private const int PhaseHeader = 0;
        private const int PhaseManifest = 1;
        private const int PhaseImage = 2;
        private const int PhaseDone = 3;

        private readonly UpdateController _owner;
        private readonly IStagingArea _staging;
        private readonly int _generation;
        private readonly byte[] _header = new byte[UpdatePackageFormat.HeaderSize];
        private readonly Sha256 _hash = new Sha256();
        private int _phase;
        private int _filled;
        private byte[] _signed;
        private int _manifestLength;
        private UpdateManifest _manifest;
        private long _imageReceived;
        private long _totalReceived;
        private ReasonCode _failure;
        private bool _stagingOpen;

        internal UpdateReceiver(UpdateController owner, IStagingArea staging, int generation)
        {
            _owner = owner;
            _staging = staging;
            _generation = generation;
            _failure = ReasonCode.Accepted;
        }

        /// <summary>The verified manifest once the signature checked out; null before that or after a refusal of the manifest.</summary>
        public UpdateManifest Manifest
        {
            get { return _manifest; }
        }

        /// <summary>Package bytes received so far.</summary>
        public long BytesReceived
        {
            get { return _totalReceived; }
        }

        /// <summary>
        /// Feeds the next <paramref name="count"/> package bytes. Returns Accept while the package is still acceptable,
        /// else the refusal (the first one sticks): Malformed, UnsupportedVersion, TooLarge, Truncated,
        /// UnknownCriticalField, KeyUnknown, KeyRevoked, SignatureInvalid, ModelMismatch, SecurityCounterRollback,
        /// Expired, NotYetValid, LengthMismatch (bytes after the image), StorageWriteFailed, InvalidState (after Complete).
        /// </summary>
        /// <param name="data">The bytes.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">Number of bytes; 0 is allowed.</param>
        /// <returns>The decision so far.</returns>
        public Decision Append(byte[] data, int offset, int count)
        {
            ByteRange.Check(data, offset, count);
            if (_failure != ReasonCode.Accepted)
            {
                return Decision.Refuse(_failure);
            }

            if (_phase == PhaseDone)
            {
                return Decision.Refuse(ReasonCode.InvalidState);
            }

            _totalReceived += count;
            while (count > 0)
            {
                int used;
                ReasonCode step;
                if (_phase == PhaseHeader)
                {
                    step = FillHeader(data, offset, count, out used);
                }
                else if (_phase == PhaseManifest)
                {
                    step = FillManifest(data, offset, count, out used);
                }
                else
                {
                    step = TakeImage(data, offset, count, out used);
                }

                if (step != ReasonCode.Accepted)
                {
                    return Fail(step);
                }

                offset += used;
                count -= used;
            }

            return Decision.Accept();
        }

        /// <summary>
        /// Ends the package: Truncated when bytes are missing, DigestMismatch when the image's SHA-256 differs from the
        /// signed one, else the staging result (Accept: the update is staged; StorageWriteFailed, InvalidState when a
        /// newer receiver started). Calling it again returns InvalidState after an Accept, or the refusal.
        /// </summary>
        /// <returns>The decision.</returns>
        public Decision Complete()
        {
            if (_failure != ReasonCode.Accepted)
            {
                return Decision.Refuse(_failure);
            }

            if (_phase == PhaseDone)
            {
                return Decision.Refuse(ReasonCode.InvalidState);
            }

            if (_phase != PhaseImage || _imageReceived != _manifest.ImageLength)
            {
                return Fail(ReasonCode.Truncated);
            }

            byte[] digest = new byte[32];
            _hash.Finish(digest, 0);
            if (!ConstantTime.Equals(digest, _manifest.ImageSha256Internal))
            {
                return Fail(ReasonCode.DigestMismatch);
            }

            _stagingOpen = false;
            Decision staged = _owner.CompleteStaging(_manifest, _generation);
            if (!staged.IsAccepted)
            {
                _failure = staged.Reason;
                return staged;
            }

            _phase = PhaseDone;
            return staged;
        }

        /// <summary>Abandons the upload (connection lost): drops the scratch copy. Safe to call at any time.</summary>
        public void Abort()
        {
            if (_phase != PhaseDone && _failure == ReasonCode.Accepted)
            {
                Fail(ReasonCode.Truncated);
            }
        }

        private Decision Fail(ReasonCode reason)
        {
            _failure = reason;
            if (_stagingOpen)
            {
                _stagingOpen = false;
                _staging.Abort();
            }

            return Decision.Refuse(reason);
        }

        private ReasonCode FillHeader(byte[] data, int offset, int count, out int used)
        {
            used = Min(count, UpdatePackageFormat.HeaderSize - _filled);
            Array.Copy(data, offset, _header, _filled, used);
            _filled += used;
            if (_filled < UpdatePackageFormat.HeaderSize)
            {
                return ReasonCode.Accepted;
            }

            // Check the header before allocating anything it asks for.
            if (!LittleEndian.BytesEqualVar(_header, 0, UpdatePackageFormat.Magic, 0, 4))
            {
                return ReasonCode.Malformed;
            }

            if (_header[4] != UpdatePackageFormat.HeaderVersion)
            {
                return ReasonCode.UnsupportedVersion;
            }

            if (_header[5] != 0)
            {
                return ReasonCode.Malformed;
            }

            _manifestLength = LittleEndian.ReadUInt16(_header, 6);
            if (_manifestLength == 0)
            {
                return ReasonCode.Malformed;
            }

            if (_manifestLength > UpdatePackageFormat.MaxManifestLength)
            {
                return ReasonCode.TooLarge;
            }

            _signed = new byte[UpdatePackageFormat.HeaderSize + _manifestLength + UpdatePackageFormat.SignatureSize];
            Array.Copy(_header, 0, _signed, 0, UpdatePackageFormat.HeaderSize);
            _filled = UpdatePackageFormat.HeaderSize;
            _phase = PhaseManifest;
            return ReasonCode.Accepted;
        }

        private ReasonCode FillManifest(byte[] data, int offset, int count, out int used)
        {
            used = Min(count, _signed.Length - _filled);
            Array.Copy(data, offset, _signed, _filled, used);
            _filled += used;
            if (_filled < _signed.Length)
            {
                return ReasonCode.Accepted;
            }

            UpdateManifest manifest;
            ReasonCode reason;
            if (!UpdateManifest.TryParse(_signed, UpdatePackageFormat.HeaderSize, _manifestLength, out manifest, out reason))
            {
                return reason;
            }

            int signedCount = UpdatePackageFormat.HeaderSize + _manifestLength;
            reason = _owner.CheckManifest(manifest, _signed, 0, signedCount, _signed, signedCount);
            if (reason != ReasonCode.Accepted)
            {
                return reason;
            }

            Decision begun = _staging.Begin(manifest.ImageLength);
            if (!begun.IsAccepted)
            {
                _staging.Abort();
                return begun.Reason;
            }

            _stagingOpen = true;
            _manifest = manifest;
            _phase = PhaseImage;
            return ReasonCode.Accepted;
        }

        private ReasonCode TakeImage(byte[] data, int offset, int count, out int used)
        {
            used = 0;
            long left = _manifest.ImageLength - _imageReceived;
            if (count > left)
            {
                return ReasonCode.LengthMismatch;
            }

            Decision appended = _staging.Append(data, offset, count);
            if (!appended.IsAccepted)
            {
                return appended.Reason;
            }

            _hash.Append(data, offset, count);
            _imageReceived += count;
            used = count;
            return ReasonCode.Accepted;
        }

        private static int Min(int a, int b)
        {
            return a < b ? a : b;
        }
    }
}
