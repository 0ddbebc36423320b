using System;

namespace NetGuard.Updates
{
    /// <summary>What is staged and waiting for its self-test: version, security counter, image length and SHA-256. Immutable.</summary>
    public sealed class StagedUpdate
    {
        private readonly byte[] _imageSha256;

        /// <summary>Creates the description; throws for a null or non-32-byte digest or a negative length.</summary>
        /// <param name="version">The staged firmware version.</param>
        /// <param name="securityCounter">Its security counter.</param>
        /// <param name="imageLength">Its image length in bytes.</param>
        /// <param name="imageSha256">Its image SHA-256; copied.</param>
        public StagedUpdate(FirmwareVersion version, uint securityCounter, long imageLength, byte[] imageSha256)
        {
            ArgumentNullException.ThrowIfNull(imageSha256, nameof(imageSha256));

            if (imageSha256.Length != 32)
            {
                throw new ArgumentOutOfRangeException(nameof(imageSha256));
            }

            if (imageLength < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(imageLength));
            }

            Version = version;
            SecurityCounter = securityCounter;
            ImageLength = imageLength;
            _imageSha256 = (byte[])imageSha256.Clone();
        }

        /// <summary>The staged firmware version.</summary>
        public FirmwareVersion Version { get; }

        /// <summary>The staged security counter; becomes the device's counter when confirmed.</summary>
        public uint SecurityCounter { get; }

        /// <summary>The staged image length, in bytes.</summary>
        public long ImageLength { get; }

        /// <summary>A copy of the staged image's SHA-256.</summary>
        public byte[] GetImageSha256()
        {
            return (byte[])_imageSha256.Clone();
        }

        internal byte[] ImageSha256Internal
        {
            get { return _imageSha256; }
        }
    }
}
