using System;
using NetGuard.Diagnostics;
using NetGuard.Storage;

namespace NetGuard.Updates
{
    /// <summary>
    /// A staging area of chunk files in an <see cref="IFileSystem"/>: the littlefs drive on the device
    /// (<c>LittleFsFileSystem</c>), a directory on the host (<c>DirectoryFileSystem</c>). The image is kept as 2 KiB
    /// chunks in one of two slots (<c>a-0000.bin</c>..., <c>b-0000.bin</c>...); a 5-byte index record (slot letter,
    /// length u32) names the staged slot. Writing always goes to the other slot, and <see cref="Commit"/> is the one
    /// write of the index, kept by a <see cref="SlotRecordStore"/> (<c>staged.0</c>, <c>staged.1</c>): a failed or torn
    /// index write leaves the previous index, so the staged image is the old one, the new one, or (after
    /// <see cref="Discard"/>) none, whatever the file system does with an interrupted write. An index whose copies are
    /// all damaged names nothing. The replaced image is deleted after the commit, so at rest the area holds one image in
    /// flash (two while a new one is written). Holds one chunk buffer while writing and one while reading; nothing at rest.
    /// </summary>
    public sealed class ChunkedStagingArea : IStagingArea
    {
        /// <summary>Chunk size in bytes.</summary>
        public const int ChunkSize = 2048;

        private const string IndexName = "staged";

        private readonly IFileSystem _files;
        private readonly SlotRecordStore _index;
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

        /// <summary>Creates the staging area over <paramref name="files"/>, which it uses alone.</summary>
        /// <param name="files">The file system (a directory of its own).</param>
        /// <param name="maxLength">Largest image, in bytes; at least 1.</param>
        public ChunkedStagingArea(IFileSystem files, long maxLength)
        {
            ArgumentNullException.ThrowIfNull(files, nameof(files));

            if (maxLength < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(maxLength));
            }

            _files = files;
            _index = new SlotRecordStore(files, 5);
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

            char staged;
            long stagedLength;
            _writeSlot = TryReadIndex(out staged, out stagedLength) && staged == 'a' ? 'b' : 'a';
            if (!DeleteSlot(_writeSlot))
            {
                // Flash full or the drive missing: a refusal, never a crash.
                return Decision.Refuse(ReasonCode.StorageWriteFailed);
            }

            _chunk = new byte[ChunkSize];
            _writing = true;
            _expected = length;
            _written = 0;
            _chunkFill = 0;
            _chunkIndex = 0;
            return Decision.Accept();
        }

        /// <inheritdoc />
        public Decision Append(byte[] data, int offset, int count)
        {
            ByteRange.Check(data, offset, count);
            if (!_writing)
            {
                throw new InvalidOperationException("Begin was not called.");
            }

            if (count > _expected - _written)
            {
                return Decision.Refuse(ReasonCode.TooLarge);
            }

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
                if (_chunkFill == ChunkSize && !FlushChunk())
                {
                    Abort();
                    return Decision.Refuse(ReasonCode.StorageWriteFailed);
                }
            }

            return Decision.Accept();
        }

        /// <inheritdoc />
        public Decision Commit()
        {
            if (!_writing)
            {
                throw new InvalidOperationException("Begin was not called.");
            }

            byte[] index = new byte[5];
            index[0] = (byte)_writeSlot;
            LittleEndian.WriteUInt32(index, 1, (uint)_written);
            if ((_chunkFill > 0 && !FlushChunk()) || !_index.Write(IndexName, index, 0, index.Length).IsAccepted)
            {
                Abort();
                return Decision.Refuse(ReasonCode.StorageWriteFailed);
            }

            _writing = false;
            _chunk = null;
            ForgetReadCache();

            // The image this one replaces is no longer named by the index: its flash is freed now, so at rest the area
            // holds one image (a cut here leaves chunks that the next Begin into that slot deletes).
            DeleteSlot(_writeSlot == 'a' ? 'b' : 'a');
            return Decision.Accept();
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

            // Leftover chunks of a failed delete are harmless: the next Begin deletes them.
            DeleteSlot(_writeSlot);
        }

        /// <inheritdoc />
        public int ReadStaged(long position, byte[] buffer, int offset, int count)
        {
            ByteRange.Check(buffer, offset, count, "buffer");
            char slot;
            long length;
            if (!TryReadIndex(out slot, out length) || position < 0 || position >= length)
            {
                return 0;
            }

            int chunkIndex = (int)(position / ChunkSize);
            if (_readCacheIndex != chunkIndex)
            {
                byte[] chunk;
                if (!_files.TryReadAllBytes(ChunkName(slot, chunkIndex), out chunk) || chunk == null)
                {
                    ForgetReadCache();
                    return 0;
                }

                _readCache = chunk;
                _readCacheIndex = chunkIndex;
            }

            int within = (int)(position % ChunkSize);
            long left = length - position;
            int n = _readCache.Length - within;
            if (n > count)
            {
                n = count;
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
                ForgetReadCache();
            }

            return n;
        }

        /// <inheritdoc />
        public Decision Discard()
        {
            char slot;
            long length;
            bool had = TryReadIndex(out slot, out length);
            ForgetReadCache();
            if (!_index.Delete(IndexName).IsAccepted)
            {
                return Decision.Refuse(ReasonCode.StorageWriteFailed);
            }

            if (had)
            {
                // The index is gone, so the chunks are unreachable; any left are deleted by a later Begin.
                DeleteSlot(slot);
            }

            return Decision.Accept();
        }

        private bool FlushChunk()
        {
            if (!_files.TryWriteAllBytes(ChunkName(_writeSlot, _chunkIndex), _chunk, 0, _chunkFill))
            {
                return false;
            }

            _chunkIndex++;
            _chunkFill = 0;
            return true;
        }

        private void ForgetReadCache()
        {
            _readCache = null;
            _readCacheIndex = -1;
        }

        private bool TryReadIndex(out char slot, out long length)
        {
            slot = 'a';
            length = 0;
            byte[] index;
            ReasonCode reason;
            if (!_index.TryRead(IndexName, out index, out reason))
            {
                return false;
            }

            if (index.Length != 5 || (index[0] != 'a' && index[0] != 'b'))
            {
                return false;
            }

            slot = (char)index[0];
            length = LittleEndian.ReadUInt32(index, 1);
            return true;
        }

        // Deletes the slot's chunks from the first on, stopping at the first one missing; false when one could not be
        // deleted.
        private bool DeleteSlot(char slot)
        {
            long chunks = (_maxLength / ChunkSize) + 1;
            for (int i = 0; i < chunks; i++)
            {
                string name = ChunkName(slot, i);
                if (!_files.Exists(name))
                {
                    return true;
                }

                if (!_files.TryDelete(name))
                {
                    return false;
                }
            }

            return true;
        }

        private static string ChunkName(char slot, int index)
        {
            string number = index.ToString();
            while (number.Length < 4)
            {
                number = "0" + number;
            }

            return slot.ToString() + "-" + number + ".bin";
        }
    }
}
