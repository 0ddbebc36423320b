using System;
using NetGuard.Diagnostics;

namespace NetGuard.Updates
{
    /// <summary>
    /// A signed announcement of the latest firmware for a model, published as one DNS TXT string (base64, 144
    /// characters). Layout (docs/update-format.md, "Announcement"), 108 bytes: "NGA" + format 1, model hash (8),
    /// version (4), security counter u32, issued-at i64, expires-at i64, key id (8), Ed25519 signature over the
    /// first 44 bytes. The validity window (expires - issued) is at most 48 hours, so a device that stops getting
    /// fresh announcements notices (design.md section 5). Immutable.
    /// </summary>
    public sealed class UpdateAnnouncement
    {
        /// <summary>Length of an announcement in bytes.</summary>
        public const int Length = 108;

        /// <summary>Length of the signed part in bytes.</summary>
        public const int SignedLength = 44;

        /// <summary>Longest TXT value accepted, in characters (one DNS character-string).</summary>
        public const int MaxTextLength = 255;

        /// <summary>Longest validity window, in seconds (48 hours).</summary>
        public const long MaxValiditySeconds = 48 * 3600;

        private readonly byte[] _bytes;

        private UpdateAnnouncement(byte[] bytes)
        {
            _bytes = bytes;
        }

        /// <summary>The announced latest version.</summary>
        public FirmwareVersion Version
        {
            get { return FirmwareVersion.ReadFrom(_bytes, 12); }
        }

        /// <summary>The announced latest security counter.</summary>
        public uint SecurityCounter
        {
            get { return LittleEndian.ReadUInt32(_bytes, 16); }
        }

        /// <summary>Issue time, Unix seconds.</summary>
        public long IssuedAt
        {
            get { return LittleEndian.ReadInt64(_bytes, 20); }
        }

        /// <summary>Expiry, Unix seconds.</summary>
        public long ExpiresAt
        {
            get { return LittleEndian.ReadInt64(_bytes, 28); }
        }

        /// <summary>A copy of the 8-byte signing key id.</summary>
        public byte[] GetKeyId()
        {
            byte[] id = new byte[UpdatePackageFormat.KeyIdSize];
            Array.Copy(_bytes, 36, id, 0, id.Length);
            return id;
        }

        /// <summary>
        /// Decodes a TXT value: TooLarge over 255 characters, Malformed when it is not strict base64, then as
        /// <see cref="TryParse"/>.
        /// </summary>
        /// <param name="text">The TXT value.</param>
        /// <param name="announcement">The announcement (signature not yet checked), or null.</param>
        /// <param name="reason">Accepted, or why it was dropped.</param>
        /// <returns>True when the text holds a well-formed announcement.</returns>
        public static bool TryDecodeText(string text, out UpdateAnnouncement announcement, out ReasonCode reason)
        {
            announcement = null;
            reason = ReasonCode.Malformed;
            if (text == null)
            {
                return false;
            }

            if (text.Length > MaxTextLength)
            {
                reason = ReasonCode.TooLarge;
                return false;
            }

            byte[] data;
            if (!Base64.TryDecode(text, 189, out data))
            {
                return false;
            }

            return TryParse(data, 0, data.Length, out announcement, out reason);
        }

        /// <summary>
        /// Parses the binary form (structure only: see <see cref="Verify"/>): Truncated (short), TooLarge (long),
        /// Malformed (magic, issue time not positive, expiry not after issue or more than 48 h later),
        /// UnsupportedVersion (format byte).
        /// </summary>
        /// <param name="data">The bytes.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">Length.</param>
        /// <param name="announcement">The announcement, or null.</param>
        /// <param name="reason">Accepted, or why it was dropped.</param>
        /// <returns>True when parsed.</returns>
        public static bool TryParse(byte[] data, int offset, int count, out UpdateAnnouncement announcement, out ReasonCode reason)
        {
            ByteRange.Check(data, offset, count);
            announcement = null;
            if (count < Length)
            {
                reason = ReasonCode.Truncated;
                return false;
            }

            if (count > Length)
            {
                reason = ReasonCode.TooLarge;
                return false;
            }

            reason = ReasonCode.Malformed;
            if (!LittleEndian.BytesEqualVar(data, offset, UpdatePackageFormat.AnnouncementMagic, 0, 3))
            {
                return false;
            }

            if (data[offset + 3] != UpdatePackageFormat.AnnouncementMagic[3])
            {
                reason = ReasonCode.UnsupportedVersion;
                return false;
            }

            byte[] bytes = new byte[Length];
            Array.Copy(data, offset, bytes, 0, Length);
            UpdateAnnouncement parsed = new UpdateAnnouncement(bytes);
            long issued = parsed.IssuedAt;
            long expires = parsed.ExpiresAt;
            if (issued <= 0 || expires <= issued || expires - issued > MaxValiditySeconds)
            {
                return false;
            }

            announcement = parsed;
            reason = ReasonCode.Accepted;
            return true;
        }

        /// <summary>
        /// Checks the announcement for this device, cheap checks first: ModelMismatch, KeyRevoked, KeyUnknown, then
        /// against trusted time (when known) Expired and NotYetValid (issued more than
        /// <paramref name="clockSkewSeconds"/> ahead), then SignatureInvalid. Accepted last. When the time is unknown
        /// the expiry cannot be checked; a verified announcement then teaches the device its issue time.
        /// </summary>
        /// <param name="keys">The trusted keys.</param>
        /// <param name="model">This device's model.</param>
        /// <param name="time">Trusted time.</param>
        /// <param name="clockSkewSeconds">Tolerated skew, seconds; not negative.</param>
        /// <returns>The outcome.</returns>
        public ReasonCode Verify(TrustedKeyRing keys, string model, ITrustedTime time, int clockSkewSeconds)
        {
            ArgumentNullException.ThrowIfNull(keys, nameof(keys));
            ArgumentNullException.ThrowIfNull(time, nameof(time));

            if (clockSkewSeconds < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(clockSkewSeconds));
            }

            byte[] modelHash = ModelName.Hash(model);
            if (!LittleEndian.BytesEqualVar(modelHash, 0, _bytes, 4, 8))
            {
                return ReasonCode.ModelMismatch;
            }

            byte[] key;
            ReasonCode found = keys.FindKey(_bytes, 36, out key);
            if (found != ReasonCode.Accepted)
            {
                return found;
            }

            long now;
            if (time.TryGetUnixSeconds(out now))
            {
                if (now >= ExpiresAt)
                {
                    return ReasonCode.Expired;
                }

                if (IssuedAt > now + clockSkewSeconds)
                {
                    return ReasonCode.NotYetValid;
                }
            }

            return keys.VerifySignature(_bytes, 36, _bytes, 0, SignedLength, _bytes, SignedLength);
        }
    }
}
