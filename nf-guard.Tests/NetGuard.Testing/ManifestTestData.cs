using System;
using NetGuard.Updates;

namespace NetGuard.Testing
{
    /// <summary>Manifests and packages for tests that need no valid signature.</summary>
    public static class ManifestTestData
    {
        public const string Model = "SmartSocket";
        public const long IssuedAt = 1790000000;

        public static byte[] KeyId()
        {
            return new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 };
        }

        public static UpdateManifest Manifest(long expiresAt)
        {
            byte[] sha = new byte[32];
            sha[0] = 0xAA;
            return new UpdateManifest(Model, new FirmwareVersion(1, 2, 3), 5, 100, sha, IssuedAt, expiresAt, KeyId());
        }

        /// <summary>A TLV: type, length, value (little-endian header).</summary>
        public static byte[] Tlv(int type, byte[] value)
        {
            byte[] tlv = new byte[4 + value.Length];
            tlv[0] = (byte)type;
            tlv[1] = (byte)(type >> 8);
            tlv[2] = (byte)value.Length;
            tlv[3] = (byte)(value.Length >> 8);
            Array.Copy(value, 0, tlv, 4, value.Length);
            return tlv;
        }

        public static byte[] Concat(byte[] a, byte[] b)
        {
            byte[] c = new byte[a.Length + b.Length];
            Array.Copy(a, c, a.Length);
            Array.Copy(b, 0, c, a.Length, b.Length);
            return c;
        }

        /// <summary>A package with a zero signature (fails at the signature check, after parsing).</summary>
        public static byte[] UnsignedPackage(byte[] manifest, int imageLength)
        {
            return UpdatePackage.Assemble(manifest, new byte[64], new byte[imageLength]);
        }
    }
}
