using System;
using System.IO;
using NetGuard.Diagnostics;
using NetGuard.Updates;

namespace NetGuard.Platform.Device
{
    /// <summary>
    /// Installs a confirmed application image on nanoFramework 1.x, which has no managed API to rewrite its deploy
    /// region: the verified <c>.pe</c> is written to <c>I:\update\app-a.pe</c> or <c>app-b.pe</c> (the slot not in use)
    /// and the index <c>app.idx</c> is then switched with one atomic littlefs file write. At start the firmware's small
    /// loader calls <see cref="TryReadInstalled"/> and loads the bytes with <c>Assembly.Load(byte[])</c>, which needs the
    /// whole image in RAM anyway (so the image limit is a RAM limit). Firmware on the MCUboot-based in-field update API
    /// (CoreLibrary 2.0 preview) implements <see cref="IImageInstaller"/> over that API instead. Idempotent. Device
    /// build only.
    /// </summary>
    public sealed class AssemblyFileInstaller : IImageInstaller
    {
        private readonly string _directory;

        /// <summary>Creates the installer for <paramref name="directory"/> (for example <c>I:\update</c>).</summary>
        /// <param name="directory">The directory on the I: drive.</param>
        public AssemblyFileInstaller(string directory)
        {
            if (directory == null)
            {
                throw new ArgumentNullException(nameof(directory));
            }

            _directory = directory;
        }

        /// <inheritdoc />
        public Decision Activate(IStagingArea staging, StagedUpdate update)
        {
            if (staging == null)
            {
                throw new ArgumentNullException(nameof(staging));
            }

            if (update == null)
            {
                throw new ArgumentNullException(nameof(update));
            }

            try
            {
                byte[] image = new byte[(int)update.ImageLength];
                long position = 0;
                while (position < update.ImageLength)
                {
                    int read = staging.ReadStaged(position, image, (int)position, (int)(update.ImageLength - position));
                    if (read <= 0)
                    {
                        return Decision.Refuse(ReasonCode.Truncated);
                    }

                    position += read;
                }

                string current = ReadSlot(_directory);
                string next = current == "a" ? "b" : "a";
                File.WriteAllBytes(_directory + "\\app-" + next + ".pe", image);
                File.WriteAllBytes(_directory + "\\app.idx", new byte[] { (byte)(current == "a" ? 'b' : 'a') });
                return Decision.Accept();
            }
            catch (Exception)
            {
                // Out of memory or flash: the previous image stays installed.
                return Decision.Refuse(ReasonCode.StorageWriteFailed);
            }
        }

        /// <summary>Reads the installed application image for <c>Assembly.Load</c>; false when none is installed.</summary>
        /// <param name="directory">The directory on the I: drive.</param>
        /// <param name="image">The <c>.pe</c> bytes, or null.</param>
        /// <returns>True when an image is installed.</returns>
        public static bool TryReadInstalled(string directory, out byte[] image)
        {
            image = null;
            try
            {
                string slot = ReadSlot(directory);
                if (slot == null)
                {
                    return false;
                }

                string path = directory + "\\app-" + slot + ".pe";
                if (!File.Exists(path))
                {
                    return false;
                }

                image = File.ReadAllBytes(path);
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        private static string ReadSlot(string directory)
        {
            string index = directory + "\\app.idx";
            if (!File.Exists(index))
            {
                return null;
            }

            byte[] data = File.ReadAllBytes(index);
            if (data == null || data.Length != 1 || (data[0] != 'a' && data[0] != 'b'))
            {
                return null;
            }

            return data[0] == 'a' ? "a" : "b";
        }
    }
}
