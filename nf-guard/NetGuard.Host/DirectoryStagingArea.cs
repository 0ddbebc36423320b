using System;
using System.IO;
using NetGuard.Diagnostics;
using NetGuard.Updates;

namespace NetGuard.Platform.Host
{
    /// <summary>
    /// Staging area in a host directory: the scratch copy is <c>staging.part</c>, the staged image <c>staged.bin</c>.
    /// <see cref="Commit"/> flushes the scratch copy to disk and renames it over the staged image (an atomic replace
    /// on POSIX file systems), so a crash at any point leaves the old staged image or the new one. Host build only.
    /// </summary>
    public sealed class DirectoryStagingArea : IStagingArea
    {
        private readonly string _partPath;
        private readonly string _stagedPath;
        private readonly long _maxLength;
        private FileStream _part;
        private long _expected;
        private long _written;

        /// <summary>Creates the staging area in <paramref name="directory"/> (created if missing).</summary>
        /// <param name="directory">The directory.</param>
        /// <param name="maxLength">Largest image, in bytes; at least 1.</param>
        public DirectoryStagingArea(string directory, long maxLength)
        {
            ArgumentNullException.ThrowIfNull(directory);
            if (maxLength < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(maxLength));
            }

            Directory.CreateDirectory(directory);
            _partPath = Path.Combine(directory, "staging.part");
            _stagedPath = Path.Combine(directory, "staged.bin");
            _maxLength = maxLength;
        }

        /// <summary>The path of the staged image.</summary>
        public string StagedPath => _stagedPath;

        /// <inheritdoc />
        public Decision Begin(long length)
        {
            Abort();
            if (length < 0 || length > _maxLength)
            {
                return Decision.Refuse(ReasonCode.TooLarge);
            }

            try
            {
                _part = new FileStream(_partPath, FileMode.Create, FileAccess.Write, FileShare.None);
                _expected = length;
                _written = 0;
                return Decision.Accept();
            }
            catch (IOException)
            {
                return Decision.Refuse(ReasonCode.StorageWriteFailed);
            }
            catch (UnauthorizedAccessException)
            {
                return Decision.Refuse(ReasonCode.StorageWriteFailed);
            }
        }

        /// <inheritdoc />
        public Decision Append(byte[] data, int offset, int count)
        {
            ArgumentNullException.ThrowIfNull(data);
            if (_part == null)
            {
                throw new InvalidOperationException("Begin was not called.");
            }

            if (count > _expected - _written)
            {
                return Decision.Refuse(ReasonCode.TooLarge);
            }

            try
            {
                _part.Write(data, offset, count);
                _written += count;
                return Decision.Accept();
            }
            catch (IOException)
            {
                Abort();
                return Decision.Refuse(ReasonCode.StorageWriteFailed);
            }
        }

        /// <inheritdoc />
        public Decision Commit()
        {
            if (_part == null)
            {
                throw new InvalidOperationException("Begin was not called.");
            }

            try
            {
                _part.Flush(flushToDisk: true);
                _part.Dispose();
                _part = null;
                File.Move(_partPath, _stagedPath, overwrite: true);
                return Decision.Accept();
            }
            catch (IOException)
            {
                Abort();
                return Decision.Refuse(ReasonCode.StorageWriteFailed);
            }
        }

        /// <inheritdoc />
        public void Abort()
        {
            try
            {
                _part?.Dispose();
                _part = null;
                if (File.Exists(_partPath))
                {
                    File.Delete(_partPath);
                }
            }
            catch (IOException)
            {
                // A leftover scratch file is harmless: the next Begin truncates it.
            }
        }

        /// <inheritdoc />
        public int ReadStaged(long position, byte[] buffer, int offset, int count)
        {
            ArgumentNullException.ThrowIfNull(buffer);
            try
            {
                if (!File.Exists(_stagedPath))
                {
                    return 0;
                }

                using FileStream stream = new FileStream(_stagedPath, FileMode.Open, FileAccess.Read, FileShare.Read);
                if (position >= stream.Length)
                {
                    return 0;
                }

                stream.Position = position;
                return stream.Read(buffer, offset, count);
            }
            catch (IOException)
            {
                return 0;
            }
        }

        /// <inheritdoc />
        public Decision Discard()
        {
            try
            {
                if (File.Exists(_stagedPath))
                {
                    File.Delete(_stagedPath);
                }

                return Decision.Accept();
            }
            catch (IOException)
            {
                return Decision.Refuse(ReasonCode.StorageWriteFailed);
            }
        }
    }
}
