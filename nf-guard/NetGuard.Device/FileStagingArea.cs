using System;
using System.IO;
using NetGuard.Diagnostics;
using NetGuard.Updates;

namespace NetGuard.Platform.Device
{
    /// <summary>
    /// Staging area on the littlefs <c>I:</c> drive using only File.Exists/ReadAllBytes/WriteAllBytes/Delete
    /// (nanoFramework.System.IO.FileSystem). The image is kept as 2 KiB chunk files in one of two slots
    /// (<c>a-0000.bin</c>..., <c>b-0000.bin</c>...); the small index file <c>staged.idx</c> (slot letter, length u32)
    /// names the staged slot. Writing always goes to the other slot, and <see cref="Commit"/> is the single
    /// WriteAllBytes of the index: littlefs commits a file atomically when it is closed, so after a power cut the
    /// index names the old slot, the new one, or (after Discard) none. Buffers: one chunk, allocated once. Device
    /// build only.
    /// </summary>
    public sealed class FileStagingArea : IStagingArea
    {
        /// <summary>Chunk size in bytes.</summary>
        public const int ChunkSize = 2048;

        private readonly string _directory;
        private readonly string _indexPath;
        private readonly long _maxLength;
        private byte[] _chunk;
        private char _writeSlot;
        private bool _writing;
        private long _expected;
        private long _written;
        private int _chunkFill;
        private int _chunkIndex;
        private byte[] _readCache;
        private int _readCacheIndex = -1;

        /// <summary>Creates the staging area in <paramref name="directory"/> (for example <c>I:\update</c>).</summary>
        /// <param name="directory">The directory on the I: drive.</param>
        /// <param name="maxLength">Largest image, in bytes; at least 1.</param>
        public FileStagingArea(string directory, long maxLength)
        {
            if (directory == null)
            {
                throw new ArgumentNullException(nameof(directory));
            }

            if (maxLength < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(maxLength));
            }

            _directory = directory;
            _indexPath = directory + "\\staged.idx";
            _maxLength = maxLength;
        }

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
                if (!Directory.Exists(_directory))
                {
                    Directory.CreateDirectory(_directory);
                }

                char staged;
                long stagedLength;
                _writeSlot = TryReadIndex(out staged, out stagedLength) && staged == 'a' ? 'b' : 'a';
                DeleteSlot(_writeSlot);
                _chunk = new byte[ChunkSize];
                _writing = true;
                _expected = length;
                _written = 0;
                _chunkFill = 0;
                _chunkIndex = 0;
                return Decision.Accept();
            }
            catch (Exception)
            {
                // Flash full or the drive missing: a refusal, never a crash.
                return Decision.Refuse(ReasonCode.StorageWriteFailed);
            }
        }

        /// <inheritdoc />
        public Decision Append(byte[] data, int offset, int count)
        {
            if (data == null)
            {
                throw new ArgumentNullException(nameof(data));
            }

            if (!_writing)
            {
                throw new InvalidOperationException("Begin was not called.");
            }

            if (count > _expected - _written)
            {
                return Decision.Refuse(ReasonCode.TooLarge);
            }

            try
            {
                while (count > 0)
                {
                    int take = ChunkSize - _chunkFill;
                    if (take > count)
                    {
                        take = count;
                    }

                    Array.Copy(data, offset, _chunk, _chunkFill, take);
                    _chunkFill += take;
                    offset += take;
                    count -= take;
                    _written += take;
                    if (_chunkFill == ChunkSize)
                    {
                        FlushChunk();
                    }
                }

                return Decision.Accept();
            }
            catch (Exception)
            {
                Abort();
                return Decision.Refuse(ReasonCode.StorageWriteFailed);
            }
        }

        /// <inheritdoc />
        public Decision Commit()
        {
            if (!_writing)
            {
                throw new InvalidOperationException("Begin was not called.");
            }

            try
            {
                if (_chunkFill > 0)
                {
                    FlushChunk();
                }

                byte[] index = new byte[5];
                index[0] = (byte)_writeSlot;
                index[1] = (byte)_written;
                index[2] = (byte)(_written >> 8);
                index[3] = (byte)(_written >> 16);
                index[4] = (byte)(_written >> 24);
                File.WriteAllBytes(_indexPath, index);
                _writing = false;
                _chunk = null;
                _readCacheIndex = -1;
                _readCache = null;
                return Decision.Accept();
            }
            catch (Exception)
            {
                Abort();
                return Decision.Refuse(ReasonCode.StorageWriteFailed);
            }
        }

        /// <inheritdoc />
        public void Abort()
        {
            if (!_writing)
            {
                return;
            }

            _writing = false;
            _chunk = null;
            try
            {
                DeleteSlot(_writeSlot);
            }
            catch (Exception)
            {
                // Leftover chunks are harmless: the next Begin deletes them.
            }
        }

        /// <inheritdoc />
        public int ReadStaged(long position, byte[] buffer, int offset, int count)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }

            try
            {
                char slot;
                long length;
                if (!TryReadIndex(out slot, out length) || position < 0 || position >= length)
                {
                    return 0;
                }

                int chunkIndex = (int)(position / ChunkSize);
                if (_readCacheIndex != chunkIndex)
                {
                    _readCache = File.ReadAllBytes(ChunkPath(slot, chunkIndex));
                    _readCacheIndex = chunkIndex;
                }

                int within = (int)(position % ChunkSize);
                int available = _readCache.Length - within;
                long left = length - position;
                int n = count;
                if (n > available)
                {
                    n = available;
                }

                if (n > left)
                {
                    n = (int)left;
                }

                if (n <= 0)
                {
                    return 0;
                }

                Array.Copy(_readCache, within, buffer, offset, n);
                if (n == left)
                {
                    // Read to the end (a verification pass): free the chunk rather than hold it at rest.
                    _readCache = null;
                    _readCacheIndex = -1;
                }

                return n;
            }
            catch (Exception)
            {
                _readCacheIndex = -1;
                return 0;
            }
        }

        /// <inheritdoc />
        public Decision Discard()
        {
            try
            {
                char slot;
                long length;
                bool had = TryReadIndex(out slot, out length);
                if (File.Exists(_indexPath))
                {
                    File.Delete(_indexPath);
                }

                _readCacheIndex = -1;
                _readCache = null;
                if (had)
                {
                    DeleteSlot(slot);
                }

                return Decision.Accept();
            }
            catch (Exception)
            {
                return Decision.Refuse(ReasonCode.StorageWriteFailed);
            }
        }

        private void FlushChunk()
        {
            byte[] chunk = new byte[_chunkFill];
            Array.Copy(_chunk, chunk, _chunkFill);
            File.WriteAllBytes(ChunkPath(_writeSlot, _chunkIndex), chunk);
            _chunkIndex++;
            _chunkFill = 0;
        }

        private bool TryReadIndex(out char slot, out long length)
        {
            slot = 'a';
            length = 0;
            if (!File.Exists(_indexPath))
            {
                return false;
            }

            byte[] index = File.ReadAllBytes(_indexPath);
            if (index == null || index.Length != 5 || (index[0] != 'a' && index[0] != 'b'))
            {
                return false;
            }

            slot = (char)index[0];
            length = (long)((uint)index[1] | ((uint)index[2] << 8) | ((uint)index[3] << 16) | ((uint)index[4] << 24));
            return true;
        }

        private void DeleteSlot(char slot)
        {
            long chunks = (_maxLength / ChunkSize) + 1;
            for (int i = 0; i < chunks; i++)
            {
                string path = ChunkPath(slot, i);
                if (!File.Exists(path))
                {
                    return;
                }

                File.Delete(path);
            }
        }

        private string ChunkPath(char slot, int index)
        {
            string number = index.ToString();
            while (number.Length < 4)
            {
                number = "0" + number;
            }

            return _directory + "\\" + slot.ToString() + "-" + number + ".bin";
        }
    }
}
