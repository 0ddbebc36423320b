using System;
using System.Collections;
using NetGuard.Storage;

namespace NetGuard.Testing
{
    /// <summary>
    /// An <see cref="IFileSystem"/> held in RAM, for tests and host simulations that need no persistence.
    /// Content is copied in and out, so callers cannot change stored bytes by accident. Thread-safe.
    /// </summary>
    public sealed class MemoryFileSystem : IFileSystem
    {
        // ArrayList rather than Hashtable: Hashtable is not in the device's mscorlib, and a store holds a few files.
        private readonly ArrayList _files = new ArrayList();
        private readonly object _gate = new object();

        /// <summary>Number of files currently stored.</summary>
        /// <summary>Bytes held in all files: what a device keeps in flash, not in RAM.</summary>
        public long StoredBytes
        {
            get
            {
                lock (_gate)
                {
                    long total = 0;
                    for (int i = 0; i < _files.Count; i++)
                    {
                        total += ((Entry)_files[i]).Data.Length;
                    }

                    return total;
                }
            }
        }

        public int Count
        {
            get
            {
                lock (_gate)
                {
                    return _files.Count;
                }
            }
        }

        /// <inheritdoc />
        public bool Exists(string fileName)
        {
            CheckName(fileName);
            lock (_gate)
            {
                return IndexOf(fileName) >= 0;
            }
        }

        /// <inheritdoc />
        public bool TryReadAllBytes(string fileName, out byte[] data)
        {
            CheckName(fileName);
            lock (_gate)
            {
                int index = IndexOf(fileName);
                if (index < 0)
                {
                    data = null;
                    return false;
                }

                byte[] stored = ((Entry)_files[index]).Data;
                data = Copy(stored, 0, stored.Length);
                return true;
            }
        }

        /// <inheritdoc />
        public bool TryWriteAllBytes(string fileName, byte[] data, int offset, int count)
        {
            CheckName(fileName);
            ArgumentNullException.ThrowIfNull(data, nameof(data));

            if (offset < 0 || count < 0 || offset > data.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            lock (_gate)
            {
                Put(fileName, Copy(data, offset, count));
            }

            return true;
        }

        /// <inheritdoc />
        public bool TryDelete(string fileName)
        {
            CheckName(fileName);
            lock (_gate)
            {
                int index = IndexOf(fileName);
                if (index >= 0)
                {
                    _files.RemoveAt(index);
                }
            }

            return true;
        }

        /// <summary>
        /// Replaces the stored bytes of <paramref name="fileName"/> directly, for tests that simulate flash
        /// corruption. Null removes the file.
        /// </summary>
        /// <param name="fileName">The file's name.</param>
        /// <param name="data">The new raw content, or null.</param>
        public void SetRaw(string fileName, byte[] data)
        {
            CheckName(fileName);
            lock (_gate)
            {
                int index = IndexOf(fileName);
                if (data == null)
                {
                    if (index >= 0)
                    {
                        _files.RemoveAt(index);
                    }
                }
                else
                {
                    Put(fileName, Copy(data, 0, data.Length));
                }
            }
        }

        /// <summary>
        /// The raw stored bytes of <paramref name="fileName"/> (a copy), or null when it does not exist; for
        /// tests that inspect slot files.
        /// </summary>
        /// <param name="fileName">The file's name.</param>
        /// <returns>A copy of the content, or null.</returns>
        public byte[] GetRaw(string fileName)
        {
            byte[] data;
            return TryReadAllBytes(fileName, out data) ? data : null;
        }

        private int IndexOf(string fileName)
        {
            for (int i = 0; i < _files.Count; i++)
            {
                if (((Entry)_files[i]).Name == fileName)
                {
                    return i;
                }
            }

            return -1;
        }

        private void Put(string fileName, byte[] data)
        {
            int index = IndexOf(fileName);
            if (index >= 0)
            {
                ((Entry)_files[index]).Data = data;
            }
            else
            {
                Entry entry = new Entry();
                entry.Name = fileName;
                entry.Data = data;
                _files.Add(entry);
            }
        }

        private static void CheckName(string fileName)
        {
            ArgumentNullException.ThrowIfNull(fileName, nameof(fileName));
        }

        private static byte[] Copy(byte[] source, int offset, int count)
        {
            byte[] copy = new byte[count];
            Array.Copy(source, offset, copy, 0, count);
            return copy;
        }

        private sealed class Entry
        {
            public string Name;
            public byte[] Data;
        }
    }
}
