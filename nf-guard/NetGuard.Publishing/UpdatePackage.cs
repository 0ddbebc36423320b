using System;

namespace NetGuard.Updates
{
    /// <summary>
    /// Writes the package layout of docs/update-format.md: header, manifest, signature, image. Used by the signing
    /// tool and tests, and left out of the device build (see <see cref="UpdatePublishing"/>); the device reads
    /// packages with <see cref="UpdateReceiver"/>.
    /// </summary>
    public static class UpdatePackage
    {
        /// <summary>
        /// The bytes the Ed25519 signature covers: the 8-byte header followed by the manifest. Throws
        /// <see cref="ArgumentOutOfRangeException"/> for an empty manifest or one over 1 KB.
        /// </summary>
        /// <param name="manifest">The manifest TLV bytes.</param>
        /// <returns>A new array: header then manifest.</returns>
        public static byte[] SignedPortion(byte[] manifest)
        {
            ArgumentNullException.ThrowIfNull(manifest, nameof(manifest));

            if (manifest.Length == 0 || manifest.Length > UpdatePackageFormat.MaxManifestLength)
            {
                throw new ArgumentOutOfRangeException(nameof(manifest));
            }

            byte[] signed = new byte[UpdatePackageFormat.HeaderSize + manifest.Length];
            Array.Copy(UpdatePackageFormat.GetMagic(), 0, signed, 0, 4);
            signed[4] = UpdatePackageFormat.HeaderVersion;
            signed[5] = 0;
            LittleEndian.WriteUInt16(signed, 6, manifest.Length);
            Array.Copy(manifest, 0, signed, UpdatePackageFormat.HeaderSize, manifest.Length);
            return signed;
        }

        /// <summary>Assembles a package from the manifest, its 64-byte signature and the image.</summary>
        /// <param name="manifest">The manifest TLV bytes (1 to 1024).</param>
        /// <param name="signature">The Ed25519 signature over <see cref="SignedPortion"/>.</param>
        /// <param name="image">The image bytes.</param>
        /// <returns>A new array holding the whole package.</returns>
        public static byte[] Assemble(byte[] manifest, byte[] signature, byte[] image)
        {
            byte[] signed = SignedPortion(manifest);
            ArgumentNullException.ThrowIfNull(signature, nameof(signature));

            if (signature.Length != UpdatePackageFormat.SignatureSize)
            {
                throw new ArgumentOutOfRangeException(nameof(signature));
            }

            ArgumentNullException.ThrowIfNull(image, nameof(image));

            byte[] package = new byte[signed.Length + signature.Length + image.Length];
            Array.Copy(signed, 0, package, 0, signed.Length);
            Array.Copy(signature, 0, package, signed.Length, signature.Length);
            Array.Copy(image, 0, package, signed.Length + signature.Length, image.Length);
            return package;
        }
    }
}
