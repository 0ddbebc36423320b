using System;
using System.IO;
using NetGuard.Storage;
using NetGuard.Updates;

namespace NetGuard.Platform.Host
{
    /// <summary>
    /// The host simulation's image slots: <c>slot-0/</c> and <c>slot-1/</c> (each a <see cref="ChunkedStagingArea"/>, the
    /// device's format) and the index record in the directory itself. Host build only.
    /// </summary>
    public static class DirectoryImageInstaller
    {
        /// <summary>Creates the installer over <paramref name="directory"/> (created if missing).</summary>
        /// <param name="directory">The directory.</param>
        /// <param name="maxImageLength">Largest image, in bytes.</param>
        /// <returns>The installer.</returns>
        public static SlotImageInstaller Create(string directory, long maxImageLength)
        {
            ArgumentNullException.ThrowIfNull(directory);
            return new SlotImageInstaller(
                new SlotRecordStore(new DirectoryFileSystem(directory), 64),
                new ChunkedStagingArea(new DirectoryFileSystem(Path.Combine(directory, "slot-0")), maxImageLength),
                new ChunkedStagingArea(new DirectoryFileSystem(Path.Combine(directory, "slot-1")), maxImageLength));
        }
    }
}
