namespace NetGuard.Updates
{
    /// <summary>
    /// Constants of the signed update package (docs/update-format.md): an 8-byte header, a manifest of
    /// MCUboot-style TLVs (u16 type, u16 length, little-endian), a 64-byte Ed25519 signature over header and
    /// manifest, then the image. Type codes with bit 15 set are critical: a parser that does not know one rejects
    /// the manifest; unknown types without it are skipped.
    /// </summary>
    public static class UpdatePackageFormat
    {
        // The package magic "NGUP"; internal so no caller can change the shared array.
        internal static readonly byte[] Magic = { 0x4E, 0x47, 0x55, 0x50 };

        /// <summary>A copy of the package magic "NGUP" (0x4E 0x47 0x55 0x50).</summary>
        /// <returns>A new 4-byte array.</returns>
        public static byte[] GetMagic()
        {
            return (byte[])Magic.Clone();
        }

        // The announcement magic "NGA" and its format 1; internal for the same reason.
        internal static readonly byte[] AnnouncementMagic = { 0x4E, 0x47, 0x41, 0x01 };

        /// <summary>A copy of the announcement's first four bytes: "NGA" and format 1 (0x4E 0x47 0x41 0x01).</summary>
        /// <returns>A new 4-byte array.</returns>
        public static byte[] GetAnnouncementMagic()
        {
            return (byte[])AnnouncementMagic.Clone();
        }

        /// <summary>The header version this build writes and reads.</summary>
        public const int HeaderVersion = 1;

        /// <summary>The manifest format version (TLV <see cref="TypeFormatVersion"/>) this build understands.</summary>
        public const int ManifestFormatVersion = 1;

        /// <summary>Header size in bytes: magic (4), header version (1), flags (1, zero), manifest length (u16).</summary>
        public const int HeaderSize = 8;

        /// <summary>Ed25519 signature size in bytes (RFC 8032).</summary>
        public const int SignatureSize = 64;

        /// <summary>Ed25519 public key size in bytes (RFC 8032).</summary>
        public const int PublicKeySize = 32;

        /// <summary>Key id size in bytes: the first 8 bytes of SHA-256 of the public key.</summary>
        public const int KeyIdSize = 8;

        /// <summary>Largest manifest accepted, in bytes; checked before anything is allocated.</summary>
        public const int MaxManifestLength = 1024;

        /// <summary>TLV header size in bytes (type u16, length u16), as MCUboot's <c>struct image_tlv</c>.</summary>
        public const int TlvHeaderSize = 4;

        /// <summary>Bit set in a TLV type code that marks it critical.</summary>
        public const int CriticalBit = 0x8000;

        /// <summary>Manifest format version, u8; must be the first TLV. Critical.</summary>
        public const int TypeFormatVersion = 0x8001;

        /// <summary>Model name, 1 to 32 ASCII bytes [A-Za-z0-9-]. Critical.</summary>
        public const int TypeModel = 0x8002;

        /// <summary>Firmware version: major u8, minor u8, patch u16 (MCUboot image_version layout). Critical.</summary>
        public const int TypeVersion = 0x8003;

        /// <summary>Image length, u32. Critical.</summary>
        public const int TypeImageLength = 0x8004;

        /// <summary>Expiry, Unix seconds, i64; optional (absent: the package does not expire). Critical.</summary>
        public const int TypeExpiry = 0x8005;

        /// <summary>Issue time, Unix seconds, i64. Critical.</summary>
        public const int TypeIssuedAt = 0x8006;

        /// <summary>Signing key id, 8 bytes. Critical.</summary>
        public const int TypeKeyId = 0x8007;

        /// <summary>SHA-256 of the image, 32 bytes (MCUboot IMAGE_TLV_SHA256 = 0x10, plus the critical bit).</summary>
        public const int TypeImageSha256 = 0x8010;

        /// <summary>Security counter, u32 (MCUboot IMAGE_TLV_SEC_CNT = 0x50, plus the critical bit).</summary>
        public const int TypeSecurityCounter = 0x8050;
    }
}
