using System;
using NetGuard.Storage;
using NetGuard.Updates;

namespace NetGuard.Platform.Device
{
    /// <summary>
    /// Application image slots on nanoFramework 1.x, which has no managed API to rewrite its deploy region: the verified
    /// <c>.pe</c> lives in <c>I:\update\slot0</c> or <c>slot1</c> (each a <see cref="ChunkedStagingArea"/> of 2 KiB chunk
    /// files) and the index record in <c>I:\update</c>. At start the firmware's loader calls
    /// <see cref="UpdateController.Boot"/>, then <see cref="UpdateController.ReadImageToLoad"/> and
    /// <c>Assembly.Load(byte[])</c>, which needs the whole image in RAM anyway (so the image limit is a RAM limit).
    /// Firmware on the MCUboot-based in-field update API (CoreLibrary 2.0 preview) implements
    /// <see cref="IImageInstaller"/> over that API instead. Device build only.
    /// </summary>
    public static class FileImageInstaller
    {
        /// <summary>Creates the installer over <paramref name="directory"/> (for example <c>I:\update</c>).</summary>
        /// <param name="directory">The directory on the I: drive.</param>
        /// <param name="maxImageLength">Largest image, in bytes.</param>
        /// <returns>The installer.</returns>
        public static SlotImageInstaller Create(string directory, long maxImageLength)
        {
            ArgumentNullException.ThrowIfNull(directory, nameof(directory));

            return new SlotImageInstaller(
                new SlotRecordStore(new LittleFsFileSystem(directory), 64),
                new ChunkedStagingArea(new LittleFsFileSystem(directory + "\\slot0"), maxImageLength),
                new ChunkedStagingArea(new LittleFsFileSystem(directory + "\\slot1"), maxImageLength));
        }
    }
}
