using System;
using System.IO;
using NetGuard.Storage;

namespace NetGuard.Platform.Device
{
    /// <summary>
    /// The device's <see cref="IFileSystem"/>: files in one folder of the ESP32's littlefs <c>config</c>
    /// partition, mounted by nanoFramework as the <c>I:</c> drive (nanoFramework.System.IO.FileSystem:
    /// <c>File.ReadAllBytes/WriteAllBytes/Exists/Delete</c>, <c>Directory.CreateDirectory</c>). Every I/O
    /// exception becomes a false result. Device build only.
    /// </summary>
    public sealed class LittleFsFileSystem : IFileSystem
    {
        /// <summary>The folder NetGuard uses unless told otherwise.</summary>
        public const string DefaultDirectory = "I:\\netguard";

        private readonly string _directory;

        /// <summary>
        /// Uses <paramref name="directory"/> (for example <see cref="DefaultDirectory"/>) and creates it if
        /// needed. Throws <see cref="ArgumentNullException"/> for null; a folder that cannot be created shows
        /// up later as failed reads and writes.
        /// </summary>
        /// <param name="directory">An absolute folder on a mounted drive.</param>
        public LittleFsFileSystem(string directory)
        {
            ArgumentNullException.ThrowIfNull(directory, nameof(directory));

            _directory = directory;
            try
            {
                Directory.CreateDirectory(_directory);
            }
            catch (Exception)
            {
                // Reported through the first read or write instead: the device must keep booting.
            }
        }

        /// <inheritdoc />
        public bool Exists(string fileName)
        {
            try
            {
                return File.Exists(PathOf(fileName));
            }
            catch (Exception)
            {
                return false;
            }
        }

        /// <inheritdoc />
        public bool TryReadAllBytes(string fileName, out byte[] data)
        {
            string path = PathOf(fileName);
            data = null;
            try
            {
                if (!File.Exists(path))
                {
                    return false;
                }

                data = File.ReadAllBytes(path);
                return data != null;
            }
            catch (Exception)
            {
                data = null;
                return false;
            }
        }

        /// <inheritdoc />
        public bool TryWriteAllBytes(string fileName, byte[] data, int offset, int count)
        {
            ArgumentNullException.ThrowIfNull(data, nameof(data));

            if (offset < 0 || count < 0 || offset > data.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            string path = PathOf(fileName);
            try
            {
                // File.WriteAllBytes takes a whole array; a part is copied first (inside the try: no heap is a refusal).
                byte[] content = data;
                if (offset != 0 || count != data.Length)
                {
                    content = new byte[count];
                    Array.Copy(data, offset, content, 0, count);
                }

                File.WriteAllBytes(path, content);
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        /// <inheritdoc />
        public bool TryDelete(string fileName)
        {
            string path = PathOf(fileName);
            try
            {
                File.Delete(path);
                return !File.Exists(path);
            }
            catch (Exception)
            {
                return false;
            }
        }

        private string PathOf(string fileName)
        {
            ArgumentNullException.ThrowIfNull(fileName, nameof(fileName));

            if (fileName.Length == 0 || fileName.IndexOf('\\') >= 0 || fileName.IndexOf('/') >= 0 || fileName.IndexOf(':') >= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(fileName), "A plain file name is expected.");
            }

            return _directory + "\\" + fileName;
        }
    }
}
