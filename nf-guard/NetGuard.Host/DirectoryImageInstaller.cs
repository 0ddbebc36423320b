using System;
using System.IO;
using NetGuard.Diagnostics;
using NetGuard.Updates;

namespace NetGuard.Platform.Host
{
    /// <summary>
    /// Installs a confirmed image into a host directory as <c>installed.bin</c> (copy to a scratch file, flush,
    /// rename over), where the host simulation loads it at its next start. Idempotent. Host build only.
    /// </summary>
    public sealed class DirectoryImageInstaller : IImageInstaller
    {
        private readonly string _installedPath;
        private readonly string _partPath;

        /// <summary>Creates the installer for <paramref name="directory"/> (created if missing).</summary>
        /// <param name="directory">The directory.</param>
        public DirectoryImageInstaller(string directory)
        {
            ArgumentNullException.ThrowIfNull(directory);
            Directory.CreateDirectory(directory);
            _installedPath = Path.Combine(directory, "installed.bin");
            _partPath = Path.Combine(directory, "installed.part");
        }

        /// <summary>The path of the installed image.</summary>
        public string InstalledPath => _installedPath;

        /// <inheritdoc />
        public Decision Activate(IStagingArea staging, StagedUpdate update)
        {
            ArgumentNullException.ThrowIfNull(staging);
            ArgumentNullException.ThrowIfNull(update);
            try
            {
                using (FileStream output = new FileStream(_partPath, FileMode.Create, FileAccess.Write, FileShare.None))
                {
                    byte[] buffer = new byte[4096];
                    long position = 0;
                    while (position < update.ImageLength)
                    {
                        int read = staging.ReadStaged(position, buffer, 0, (int)Math.Min(buffer.Length, update.ImageLength - position));
                        if (read <= 0)
                        {
                            return Decision.Refuse(ReasonCode.Truncated);
                        }

                        output.Write(buffer, 0, read);
                        position += read;
                    }

                    output.Flush(flushToDisk: true);
                }

                File.Move(_partPath, _installedPath, overwrite: true);
                return Decision.Accept();
            }
            catch (IOException)
            {
                return Decision.Refuse(ReasonCode.StorageWriteFailed);
            }
        }
    }
}
