using System;
using System.IO;
using NetGuard.Storage;

namespace NetGuard.Platform.Host
{
    /// <summary>
    /// The host's <see cref="IFileSystem"/>: plain files in one data directory (created when missing), through
    /// <see cref="System.IO"/>. I/O errors become false results, as on the device. Writes are flushed to disk
    /// before returning, so a host power cut behaves like the device's. Host build only.
    /// </summary>
    public sealed class DirectoryFileSystem : IFileSystem
    {
        private readonly string _directory;

        /// <summary>
        /// Uses <paramref name="directory"/> for the files and creates it if needed. Throws
        /// <see cref="ArgumentNullException"/> for null and <see cref="IOException"/> when it cannot be created.
        /// </summary>
        /// <param name="directory">The data directory.</param>
        public DirectoryFileSystem(string directory)
        {
            ArgumentNullException.ThrowIfNull(directory);
            _directory = Path.GetFullPath(directory);
            Directory.CreateDirectory(_directory);
        }

        /// <summary>The full path of the data directory.</summary>
        public string DirectoryPath => _directory;

        /// <inheritdoc />
        public bool Exists(string fileName) => File.Exists(PathOf(fileName));

        /// <inheritdoc />
        public bool TryReadAllBytes(string fileName, out byte[] data)
        {
            string path = PathOf(fileName);
            try
            {
                data = File.ReadAllBytes(path);
                return true;
            }
            catch (IOException)
            {
                data = null;
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                data = null;
                return false;
            }
        }

        /// <inheritdoc />
        public bool TryWriteAllBytes(string fileName, byte[] data, int offset, int count)
        {
            ArgumentNullException.ThrowIfNull(data);
            string path = PathOf(fileName);
            try
            {
                using (FileStream stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None))
                {
                    stream.Write(data, offset, count);
                    stream.Flush(true);
                }

                return true;
            }
            catch (IOException)
            {
                return false;
            }
            catch (UnauthorizedAccessException)
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
                return true;
            }
            catch (IOException)
            {
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }
        }

        private string PathOf(string fileName)
        {
            ArgumentNullException.ThrowIfNull(fileName);
            if (fileName.Length == 0 || fileName.IndexOfAny(new[] { '/', '\\', ':' }) >= 0 || fileName == "." || fileName == "..")
            {
                throw new ArgumentOutOfRangeException(nameof(fileName), "A plain file name is expected.");
            }

            return Path.Combine(_directory, fileName);
        }
    }
}
