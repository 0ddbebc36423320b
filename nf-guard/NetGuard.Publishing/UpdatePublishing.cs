using System;

namespace NetGuard.Updates
{
    /// <summary>
    /// The publisher's side of the update format (docs/update-format.md): the manifest's TLV bytes, the unsigned
    /// announcement and its base64 text. The signing tool and the tests call these; a device only reads what they
    /// write, so the folder NetGuard.Publishing is compiled into the host build and the test doubles' assembly, never
    /// into a device library (issue 16: code the device never runs stays off its flash).
    /// </summary>
    public static class UpdatePublishing
    {
        /// <summary>The manifest's TLV bytes in canonical order (format version first).</summary>
        /// <param name="manifest">The manifest.</param>
        /// <returns>A new array, which <see cref="UpdateManifest.TryParse"/> reads back to an equal manifest.</returns>
        public static byte[] ToBytes(this UpdateManifest manifest)
        {
            ArgumentNullException.ThrowIfNull(manifest, nameof(manifest));

            byte[] model = ModelName.ToAsciiLower(manifest.Model);
            int length = (UpdatePackageFormat.TlvHeaderSize * 9) + 1 + model.Length + 4 + 4 + 4 + 32 + 8 + 8 + 8;
            if (manifest.ExpiresAt == 0)
            {
                length -= UpdatePackageFormat.TlvHeaderSize + 8;
            }

            byte[] buffer = new byte[length];
            int p = 0;
            p = Tlv(buffer, p, UpdatePackageFormat.TypeFormatVersion, 1);
            buffer[p++] = UpdatePackageFormat.ManifestFormatVersion;
            p = Tlv(buffer, p, UpdatePackageFormat.TypeModel, model.Length);
            Array.Copy(model, 0, buffer, p, model.Length);
            p += model.Length;
            p = Tlv(buffer, p, UpdatePackageFormat.TypeVersion, 4);
            manifest.Version.WriteTo(buffer, p);
            p += 4;
            p = Tlv(buffer, p, UpdatePackageFormat.TypeSecurityCounter, 4);
            LittleEndian.WriteUInt32(buffer, p, manifest.SecurityCounter);
            p += 4;
            p = Tlv(buffer, p, UpdatePackageFormat.TypeImageLength, 4);
            LittleEndian.WriteUInt32(buffer, p, (uint)manifest.ImageLength);
            p += 4;
            p = Tlv(buffer, p, UpdatePackageFormat.TypeImageSha256, 32);
            Array.Copy(manifest.GetImageSha256(), 0, buffer, p, 32);
            p += 32;
            p = Tlv(buffer, p, UpdatePackageFormat.TypeIssuedAt, 8);
            LittleEndian.WriteInt64(buffer, p, manifest.IssuedAt);
            p += 8;
            if (manifest.ExpiresAt != 0)
            {
                p = Tlv(buffer, p, UpdatePackageFormat.TypeExpiry, 8);
                LittleEndian.WriteInt64(buffer, p, manifest.ExpiresAt);
                p += 8;
            }

            p = Tlv(buffer, p, UpdatePackageFormat.TypeKeyId, 8);
            Array.Copy(manifest.GetKeyId(), 0, buffer, p, 8);
            return buffer;
        }

        /// <summary>
        /// Builds the 108-byte announcement with an all-zero signature; the signer signs bytes 0..43 and writes the
        /// signature at 44. Throws <see cref="ArgumentOutOfRangeException"/> for an invalid model, an expiry not after
        /// the issue time or more than 48 hours after it, or a key id that is not 8 bytes.
        /// </summary>
        /// <param name="model">The model name.</param>
        /// <param name="version">The latest version.</param>
        /// <param name="securityCounter">Its security counter.</param>
        /// <param name="issuedAt">Issue time, Unix seconds; more than 0.</param>
        /// <param name="expiresAt">Expiry, Unix seconds.</param>
        /// <param name="keyId">8-byte id of the signing key.</param>
        /// <returns>A new 108-byte array.</returns>
        public static byte[] CreateUnsignedAnnouncement(string model, FirmwareVersion version, uint securityCounter, long issuedAt, long expiresAt, byte[] keyId)
        {
            byte[] modelHash = ModelName.Hash(model);
            if (issuedAt <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(issuedAt));
            }

            if (expiresAt <= issuedAt || expiresAt - issuedAt > UpdateAnnouncement.MaxValiditySeconds)
            {
                throw new ArgumentOutOfRangeException(nameof(expiresAt));
            }

            ArgumentNullException.ThrowIfNull(keyId, nameof(keyId));

            if (keyId.Length != UpdatePackageFormat.KeyIdSize)
            {
                throw new ArgumentOutOfRangeException(nameof(keyId));
            }

            byte[] bytes = new byte[UpdateAnnouncement.Length];
            Array.Copy(UpdatePackageFormat.GetAnnouncementMagic(), 0, bytes, 0, 4);
            Array.Copy(modelHash, 0, bytes, 4, 8);
            version.WriteTo(bytes, 12);
            LittleEndian.WriteUInt32(bytes, 16, securityCounter);
            LittleEndian.WriteInt64(bytes, 20, issuedAt);
            LittleEndian.WriteInt64(bytes, 28, expiresAt);
            Array.Copy(keyId, 0, bytes, 36, 8);
            return bytes;
        }

        /// <summary>
        /// Encodes <paramref name="data"/> as strict base64 with padding, the spelling <see cref="Base64.TryDecode"/>
        /// accepts; throws <see cref="ArgumentNullException"/> for null.
        /// </summary>
        /// <param name="data">The bytes.</param>
        /// <returns>The base64 text.</returns>
        public static string ToBase64(byte[] data)
        {
            ArgumentNullException.ThrowIfNull(data, nameof(data));

            char[] output = new char[((data.Length + 2) / 3) * 4];
            int o = 0;
            for (int i = 0; i < data.Length; i += 3)
            {
                int remaining = data.Length - i;
                int block = data[i] << 16;
                if (remaining > 1)
                {
                    block |= data[i + 1] << 8;
                }

                if (remaining > 2)
                {
                    block |= data[i + 2];
                }

                output[o++] = Symbol((block >> 18) & 63);
                output[o++] = Symbol((block >> 12) & 63);
                output[o++] = remaining > 1 ? Symbol((block >> 6) & 63) : '=';
                output[o++] = remaining > 2 ? Symbol(block & 63) : '=';
            }

            return new string(output);
        }

        private static int Tlv(byte[] buffer, int position, int type, int length)
        {
            LittleEndian.WriteUInt16(buffer, position, type);
            LittleEndian.WriteUInt16(buffer, position + 2, length);
            return position + UpdatePackageFormat.TlvHeaderSize;
        }

        // RFC 4648 table 1, computed (a string table would be indexed, which nanoCLR does slowly).
        private static char Symbol(int value)
        {
            if (value < 26)
            {
                return (char)('A' + value);
            }

            if (value < 52)
            {
                return (char)('a' + value - 26);
            }

            if (value < 62)
            {
                return (char)('0' + value - 52);
            }

            return value == 62 ? '+' : '/';
        }
    }
}
