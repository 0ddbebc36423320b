using System;

namespace NetGuard.Updates
{
    /// <summary>
    /// A firmware version major.minor.patch, laid out like the first four bytes of MCUboot's
    /// <c>struct image_version</c> (major u8, minor u8, revision u16 little-endian). Ordering compares
    /// major, then minor, then patch. Immutable value.
    /// </summary>
    public readonly struct FirmwareVersion
    {
        /// <summary>Creates a version; throws <see cref="ArgumentOutOfRangeException"/> when a part is outside its field.</summary>
        /// <param name="major">0 to 255.</param>
        /// <param name="minor">0 to 255.</param>
        /// <param name="patch">0 to 65535.</param>
        public FirmwareVersion(int major, int minor, int patch)
        {
            if (major < 0 || major > 255)
            {
                throw new ArgumentOutOfRangeException(nameof(major));
            }

            if (minor < 0 || minor > 255)
            {
                throw new ArgumentOutOfRangeException(nameof(minor));
            }

            if (patch < 0 || patch > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(patch));
            }

            Major = major;
            Minor = minor;
            Patch = patch;
        }

        /// <summary>The major part, 0 to 255.</summary>
        public int Major { get; }

        /// <summary>The minor part, 0 to 255.</summary>
        public int Minor { get; }

        /// <summary>The patch part (MCUboot's revision), 0 to 65535.</summary>
        public int Patch { get; }

        /// <summary>Compares with <paramref name="other"/>: negative when older, 0 when equal, positive when newer.</summary>
        /// <param name="other">The version to compare with.</param>
        /// <returns>The sign of the comparison.</returns>
        public int CompareTo(FirmwareVersion other)
        {
            if (Major != other.Major)
            {
                return Major < other.Major ? -1 : 1;
            }

            if (Minor != other.Minor)
            {
                return Minor < other.Minor ? -1 : 1;
            }

            if (Patch != other.Patch)
            {
                return Patch < other.Patch ? -1 : 1;
            }

            return 0;
        }

        /// <summary>The version as "major.minor.patch".</summary>
        public override string ToString()
        {
            return Major.ToString() + "." + Minor.ToString() + "." + Patch.ToString();
        }

        /// <summary>Writes the 4-byte wire form (major, minor, patch little-endian) at <paramref name="offset"/>.</summary>
        /// <param name="destination">Where to write; 4 bytes must fit.</param>
        /// <param name="offset">First byte to write.</param>
        public void WriteTo(byte[] destination, int offset)
        {
            ByteRange.Check(destination, offset, 4);
            destination[offset] = (byte)Major;
            destination[offset + 1] = (byte)Minor;
            LittleEndian.WriteUInt16(destination, offset + 2, Patch);
        }

        /// <summary>Reads the 4-byte wire form at <paramref name="offset"/>; every value is valid.</summary>
        /// <param name="source">The bytes; 4 must be available.</param>
        /// <param name="offset">First byte to read.</param>
        /// <returns>The version.</returns>
        public static FirmwareVersion ReadFrom(byte[] source, int offset)
        {
            ByteRange.Check(source, offset, 4);
            return new FirmwareVersion(source[offset], source[offset + 1], LittleEndian.ReadUInt16(source, offset + 2));
        }

        /// <summary>
        /// Parses "X.Y.Z" (decimal digits only, each part within its field). Returns false for anything else.
        /// </summary>
        /// <param name="text">The text.</param>
        /// <param name="version">The version, or 0.0.0 on failure.</param>
        /// <returns>True when <paramref name="text"/> is a valid version.</returns>
        public static bool TryParse(string text, out FirmwareVersion version)
        {
            version = new FirmwareVersion(0, 0, 0);
            if (text == null || text.Length == 0 || text.Length > 17)
            {
                return false;
            }

            int[] parts = new int[3];
            int part = 0;
            int digits = 0;
            char[] chars = text.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                if (c == '.')
                {
                    if (digits == 0 || part == 2)
                    {
                        return false;
                    }

                    part++;
                    digits = 0;
                }
                else if (c >= '0' && c <= '9')
                {
                    if (digits == 5)
                    {
                        return false;
                    }

                    parts[part] = (parts[part] * 10) + (c - '0');
                    digits++;
                }
                else
                {
                    return false;
                }
            }

            if (part != 2 || digits == 0 || parts[0] > 255 || parts[1] > 255 || parts[2] > 65535)
            {
                return false;
            }

            version = new FirmwareVersion(parts[0], parts[1], parts[2]);
            return true;
        }
    }
}
