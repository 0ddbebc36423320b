using System;
using NetGuard.Diagnostics;

namespace NetGuard.Updates
{
    /// <summary>
    /// The signed description of an update image: model, version, security counter, image length and SHA-256,
    /// issue and expiry times, and the id of the signing key. <see cref="TryParse"/> reads the TLV form strictly
    /// (every length checked against what remains, duplicates and missing fields rejected). The signing
    /// tool and the tests write it with UpdatePublishing.ToBytes, which the device build leaves out.
    /// </summary>
    public sealed class UpdateManifest
    {
        /// <summary>Creates a manifest; throws <see cref="ArgumentNullException"/>/<see cref="ArgumentOutOfRangeException"/> for bad fields.</summary>
        /// <param name="model">A valid model name (<see cref="ModelName.IsValid(string)"/>).</param>
        /// <param name="version">The firmware version.</param>
        /// <param name="securityCounter">The security counter.</param>
        /// <param name="imageLength">Image length in bytes; 0 or more.</param>
        /// <param name="imageSha256">32-byte SHA-256 of the image; copied.</param>
        /// <param name="issuedAt">Issue time, Unix seconds.</param>
        /// <param name="expiresAt">Expiry, Unix seconds; 0 for none.</param>
        /// <param name="keyId">8-byte key id; copied.</param>
        public UpdateManifest(string model, FirmwareVersion version, uint securityCounter, long imageLength, byte[] imageSha256, long issuedAt, long expiresAt, byte[] keyId)
        {
            ArgumentNullException.ThrowIfNull(model, nameof(model));

            if (!ModelName.IsValid(model))
            {
                throw new ArgumentOutOfRangeException(nameof(model));
            }

            if (imageLength < 0 || imageLength > uint.MaxValue)
            {
                throw new ArgumentOutOfRangeException(nameof(imageLength));
            }

            ArgumentNullException.ThrowIfNull(imageSha256, nameof(imageSha256));

            if (imageSha256.Length != 32)
            {
                throw new ArgumentOutOfRangeException(nameof(imageSha256));
            }

            ArgumentNullException.ThrowIfNull(keyId, nameof(keyId));

            if (keyId.Length != UpdatePackageFormat.KeyIdSize)
            {
                throw new ArgumentOutOfRangeException(nameof(keyId));
            }

            if (expiresAt < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(expiresAt));
            }

            Model = model;
            Version = version;
            SecurityCounter = securityCounter;
            ImageLength = imageLength;
            _imageSha256 = (byte[])imageSha256.Clone();
            IssuedAt = issuedAt;
            ExpiresAt = expiresAt;
            _keyId = (byte[])keyId.Clone();
        }

        private readonly byte[] _imageSha256;
        private readonly byte[] _keyId;

        /// <summary>The model the image is built for.</summary>
        public string Model { get; }

        /// <summary>The firmware version of the image.</summary>
        public FirmwareVersion Version { get; }

        /// <summary>The anti-rollback security counter.</summary>
        public uint SecurityCounter { get; }

        /// <summary>The image length in bytes.</summary>
        public long ImageLength { get; }

        /// <summary>Issue time, Unix seconds.</summary>
        public long IssuedAt { get; }

        /// <summary>Expiry, Unix seconds; 0 when the package does not expire.</summary>
        public long ExpiresAt { get; }

        /// <summary>A copy of the image's SHA-256.</summary>
        public byte[] GetImageSha256()
        {
            return (byte[])_imageSha256.Clone();
        }

        /// <summary>A copy of the signing key's id.</summary>
        public byte[] GetKeyId()
        {
            return (byte[])_keyId.Clone();
        }

        internal byte[] ImageSha256Internal
        {
            get { return _imageSha256; }
        }

        internal byte[] KeyIdInternal
        {
            get { return _keyId; }
        }

        /// <summary>
        /// Parses a manifest. Returns false with <see cref="ReasonCode.TooLarge"/> (over 1 KB),
        /// <see cref="ReasonCode.Truncated"/> (a TLV runs past the end), <see cref="ReasonCode.UnsupportedVersion"/>
        /// (format version other than 1), <see cref="ReasonCode.UnknownCriticalField"/>, or
        /// <see cref="ReasonCode.Malformed"/> (empty, format version not first, a known field with a wrong length or
        /// value, a duplicate, a missing required field). Unknown non-critical TLVs are skipped. Never throws for bad
        /// bytes; throws for a bad range.
        /// </summary>
        /// <param name="data">The bytes.</param>
        /// <param name="offset">First manifest byte.</param>
        /// <param name="count">Manifest length.</param>
        /// <param name="manifest">The manifest, or null on failure.</param>
        /// <param name="reason">Accepted, or why parsing failed.</param>
        /// <returns>True when <paramref name="manifest"/> was parsed.</returns>
        public static bool TryParse(byte[] data, int offset, int count, out UpdateManifest manifest, out ReasonCode reason)
        {
            ByteRange.Check(data, offset, count);
            manifest = null;
            reason = ReasonCode.Malformed;
            if (count > UpdatePackageFormat.MaxManifestLength)
            {
                reason = ReasonCode.TooLarge;
                return false;
            }

            if (count == 0)
            {
                return false;
            }

            int seen = 0;
            int modelOffset = 0;
            int modelLength = 0;
            FirmwareVersion version = new FirmwareVersion(0, 0, 0);
            uint counter = 0;
            long imageLength = 0;
            int shaOffset = 0;
            long issuedAt = 0;
            long expiresAt = 0;
            int keyIdOffset = 0;
            bool unknownCritical = false;
            int end = offset + count;
            int p = offset;
            bool first = true;
            while (p < end)
            {
                if (end - p < UpdatePackageFormat.TlvHeaderSize)
                {
                    reason = ReasonCode.Truncated;
                    return false;
                }

                int type = LittleEndian.ReadUInt16(data, p);
                int length = LittleEndian.ReadUInt16(data, p + 2);
                p += UpdatePackageFormat.TlvHeaderSize;
                if (length > end - p)
                {
                    reason = ReasonCode.Truncated;
                    return false;
                }

                if (first)
                {
                    // The format version comes first so a future format can change everything after it.
                    if (type != UpdatePackageFormat.TypeFormatVersion || length != 1)
                    {
                        reason = ReasonCode.Malformed;
                        return false;
                    }

                    if (data[p] != UpdatePackageFormat.ManifestFormatVersion)
                    {
                        reason = ReasonCode.UnsupportedVersion;
                        return false;
                    }

                    first = false;
                    seen |= 1;
                    p += length;
                    continue;
                }

                if (type == UpdatePackageFormat.TypeFormatVersion)
                {
                    reason = ReasonCode.Malformed;
                    return false;
                }

                int bit = FieldBit(type);
                if (bit == 0)
                {
                    if ((type & UpdatePackageFormat.CriticalBit) != 0)
                    {
                        // Keep scanning: a structural error later in the manifest is reported first.
                        unknownCritical = true;
                    }

                    p += length;
                    continue;
                }

                if ((seen & bit) != 0)
                {
                    reason = ReasonCode.Malformed;
                    return false;
                }

                seen |= bit;
                switch (type)
                {
                    case UpdatePackageFormat.TypeModel:
                        if (!ModelName.IsValid(data, p, length))
                        {
                            return false;
                        }

                        modelOffset = p;
                        modelLength = length;
                        break;
                    case UpdatePackageFormat.TypeVersion:
                        if (length != 4)
                        {
                            return false;
                        }

                        version = FirmwareVersion.ReadFrom(data, p);
                        break;
                    case UpdatePackageFormat.TypeSecurityCounter:
                        if (length != 4)
                        {
                            return false;
                        }

                        counter = LittleEndian.ReadUInt32(data, p);
                        break;
                    case UpdatePackageFormat.TypeImageLength:
                        if (length != 4)
                        {
                            return false;
                        }

                        imageLength = LittleEndian.ReadUInt32(data, p);
                        break;
                    case UpdatePackageFormat.TypeImageSha256:
                        if (length != 32)
                        {
                            return false;
                        }

                        shaOffset = p;
                        break;
                    case UpdatePackageFormat.TypeIssuedAt:
                        if (length != 8)
                        {
                            return false;
                        }

                        issuedAt = LittleEndian.ReadInt64(data, p);
                        if (issuedAt < 0)
                        {
                            return false;
                        }

                        break;
                    case UpdatePackageFormat.TypeExpiry:
                        if (length != 8)
                        {
                            return false;
                        }

                        expiresAt = LittleEndian.ReadInt64(data, p);
                        if (expiresAt <= 0)
                        {
                            return false;
                        }

                        break;
                    default:
                        if (length != UpdatePackageFormat.KeyIdSize)
                        {
                            return false;
                        }

                        keyIdOffset = p;
                        break;
                }

                p += length;
            }

            if (unknownCritical)
            {
                reason = ReasonCode.UnknownCriticalField;
                return false;
            }

            if ((seen & RequiredFields) != RequiredFields)
            {
                reason = ReasonCode.Malformed;
                return false;
            }

            if ((seen & ExpiryBit) != 0 && expiresAt <= issuedAt)
            {
                reason = ReasonCode.Malformed;
                return false;
            }

            char[] model = new char[modelLength];
            for (int i = 0; i < modelLength; i++)
            {
                model[i] = (char)data[modelOffset + i];
            }

            byte[] sha = new byte[32];
            Array.Copy(data, shaOffset, sha, 0, 32);
            byte[] keyId = new byte[UpdatePackageFormat.KeyIdSize];
            Array.Copy(data, keyIdOffset, keyId, 0, keyId.Length);
            manifest = new UpdateManifest(new string(model), version, counter, imageLength, sha, issuedAt, expiresAt, keyId);
            reason = ReasonCode.Accepted;
            return true;
        }

        // Bit 0 is the format version; the rest one per known field.
        private const int ExpiryBit = 0x80;
        private const int RequiredFields = 0x1 | 0x2 | 0x4 | 0x8 | 0x10 | 0x20 | 0x40 | 0x100;

        private static int FieldBit(int type)
        {
            switch (type)
            {
                case UpdatePackageFormat.TypeModel: return 0x2;
                case UpdatePackageFormat.TypeVersion: return 0x4;
                case UpdatePackageFormat.TypeSecurityCounter: return 0x8;
                case UpdatePackageFormat.TypeImageLength: return 0x10;
                case UpdatePackageFormat.TypeImageSha256: return 0x20;
                case UpdatePackageFormat.TypeIssuedAt: return 0x40;
                case UpdatePackageFormat.TypeExpiry: return ExpiryBit;
                case UpdatePackageFormat.TypeKeyId: return 0x100;
                default: return 0;
            }
        }
    }
}
