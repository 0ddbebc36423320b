using System;
using NetGuard.Diagnostics;

namespace NetGuard.Storage
{
    /// <summary>
    /// An <see cref="IRecordStore"/> that makes every replace atomic on any file system, in the way MCUboot's
    /// swap status and EEPROM emulation libraries do: each record has two slot files, <c>name.0</c> and
    /// <c>name.1</c>. A write goes to the slot that does NOT hold the newest intact copy, with the next
    /// sequence number, so a power cut at any byte leaves the newest intact copy untouched; a read returns the
    /// intact slot with the highest sequence number. Slot format (little-endian):
    /// <c>magic "NGRS" | format version 1 | 3 reserved zero bytes | uint32 sequence | uint32 length | payload |
    /// uint32 CRC-32 of everything before it</c>. Torn, truncated, empty or foreign files fail the checks and
    /// are ignored. Thread-safe.
    /// </summary>
    public sealed class SlotRecordStore : IRecordStore
    {
        /// <summary>Bytes a slot file adds around the payload (16-byte header, 4-byte CRC).</summary>
        public const int Overhead = HeaderSize + CrcSize;

        /// <summary>The slot format version this build writes and reads.</summary>
        public const byte FormatVersion = 1;

        /// <summary>Longest record name, in characters.</summary>
        public const int MaxNameLength = 32;

        private const int HeaderSize = 16;
        private const int CrcSize = 4;
        private const int MagicLength = 4;
        private const int VersionOffset = 4;
        private const int SequenceOffset = 8;
        private const int LengthOffset = 12;

        private readonly IFileSystem _files;
        private readonly int _maxRecordLength;
        private readonly object _gate = new object();

        /// <summary>
        /// Creates a store over <paramref name="files"/> that accepts records up to
        /// <paramref name="maxRecordLength"/> bytes. Throws <see cref="ArgumentNullException"/> for a null file
        /// system and <see cref="ArgumentOutOfRangeException"/> for a length outside 1 to 1,048,576.
        /// </summary>
        /// <param name="files">Where the slot files live.</param>
        /// <param name="maxRecordLength">Largest record payload, in bytes.</param>
        public SlotRecordStore(IFileSystem files, int maxRecordLength)
        {
            ArgumentNullException.ThrowIfNull(files, nameof(files));

            if (maxRecordLength < 1 || maxRecordLength > 1048576)
            {
                throw new ArgumentOutOfRangeException(nameof(maxRecordLength));
            }

            _files = files;
            _maxRecordLength = maxRecordLength;
        }

        /// <summary>Largest record payload this store accepts, in bytes.</summary>
        public int MaxRecordLength
        {
            get { return _maxRecordLength; }
        }

        /// <summary>
        /// The file name of slot <paramref name="slot"/> (0 or 1) of record <paramref name="name"/>, for tests and
        /// tools. Throws <see cref="ArgumentOutOfRangeException"/> for a bad name or slot.
        /// </summary>
        /// <param name="name">The record's name.</param>
        /// <param name="slot">0 or 1.</param>
        /// <returns>The slot's file name.</returns>
        public static string SlotFileName(string name, int slot)
        {
            CheckName(name);
            if (slot != 0 && slot != 1)
            {
                throw new ArgumentOutOfRangeException(nameof(slot));
            }

            return slot == 0 ? name + ".0" : name + ".1";
        }

        /// <inheritdoc />
        public bool TryRead(string name, out byte[] data, out ReasonCode reason)
        {
            CheckName(name);
            lock (_gate)
            {
                SlotState first = ReadSlot(SlotFileName(name, 0));
                SlotState second = ReadSlot(SlotFileName(name, 1));
                int newest = Newest(first, second);
                data = null;
                if (newest < 0)
                {
                    reason = ReasonCode.NotFound;
                    if (first.Exists && second.Exists)
                    {
                        reason = ReasonCode.StorageCorrupt;
                    }
                    else if (first.Exists || second.Exists)
                    {
                        // A lone slot that is cut short can only be an interrupted first write (later writes go
                        // to the other slot), so the record never existed: the old state. A lone full-length slot
                        // that fails its checks is damage.
                        reason = (first.Exists ? first.Truncated : second.Truncated) ? ReasonCode.NotFound : ReasonCode.StorageCorrupt;
                    }

                    return false;
                }

                SlotState chosen = newest == 0 ? first : second;
                data = new byte[chosen.Length];
                Array.Copy(chosen.Raw, HeaderSize, data, 0, chosen.Length);
                reason = ReasonCode.Accepted;
                return true;
            }
        }

        /// <inheritdoc />
        public Decision Write(string name, byte[] data, int offset, int count)
        {
            CheckName(name);
            ByteRange.Check(data, offset, count);

            if (count > _maxRecordLength)
            {
                return Decision.Refuse(ReasonCode.TooLarge);
            }

            lock (_gate)
            {
                SlotState first = ReadSlot(SlotFileName(name, 0));
                SlotState second = ReadSlot(SlotFileName(name, 1));
                int newest = Newest(first, second);

                // Never overwrite the newest intact copy: it is what a read returns if this write is torn.
                int target = newest == 0 ? 1 : 0;
                uint sequence = newest < 0 ? 1u : (newest == 0 ? first.Sequence : second.Sequence) + 1u;

                byte[] slot = Encode(sequence, data, offset, count);
                string fileName = SlotFileName(name, target);
                if (!_files.TryWriteAllBytes(fileName, slot, 0, slot.Length))
                {
                    return Decision.Refuse(ReasonCode.StorageWriteFailed);
                }

                // Read back: a write that the file system acknowledged but did not keep must not be reported
                // as done (littlefs reports most such failures, a worn flash page may not).
                byte[] check;
                if (!_files.TryReadAllBytes(fileName, out check) || !SameBytes(check, slot))
                {
                    return Decision.Refuse(ReasonCode.StorageWriteFailed);
                }

                return Decision.Accept();
            }
        }

        /// <inheritdoc />
        public Decision Delete(string name)
        {
            CheckName(name);
            lock (_gate)
            {
                SlotState first = ReadSlot(SlotFileName(name, 0));
                SlotState second = ReadSlot(SlotFileName(name, 1));
                int newest = Newest(first, second);

                // Delete the older slot first: if power fails between the two deletions, the newest copy is
                // still there and a read returns the current content, never the one before it.
                int older = newest == 0 ? 1 : 0;
                if (!_files.TryDelete(SlotFileName(name, older)))
                {
                    return Decision.Refuse(ReasonCode.StorageWriteFailed);
                }

                if (!_files.TryDelete(SlotFileName(name, older == 0 ? 1 : 0)))
                {
                    return Decision.Refuse(ReasonCode.StorageWriteFailed);
                }

                return Decision.Accept();
            }
        }

        private static void CheckName(string name)
        {
            ArgumentNullException.ThrowIfNull(name, nameof(name));

            if (name.Length < 1 || name.Length > MaxNameLength)
            {
                throw new ArgumentOutOfRangeException(nameof(name), "A record name has 1 to 32 characters.");
            }

            char[] chars = name.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
                if (!allowed)
                {
                    throw new ArgumentOutOfRangeException(nameof(name), "A record name uses only a-z, 0-9 and '-'.");
                }
            }
        }

        // Index (0 or 1) of the intact slot with the higher sequence number, or -1 when neither is intact.
        private static int Newest(SlotState first, SlotState second)
        {
            if (first.Valid && second.Valid)
            {
                // RFC 1982 serial number arithmetic, so a wrap of the 32-bit counter still orders correctly.
                return (int)(second.Sequence - first.Sequence) > 0 ? 1 : 0;
            }

            if (first.Valid)
            {
                return 0;
            }

            return second.Valid ? 1 : -1;
        }

        private SlotState ReadSlot(string fileName)
        {
            SlotState state = new SlotState();
            byte[] raw;
            if (!_files.TryReadAllBytes(fileName, out raw) || raw == null)
            {
                // A file that exists but cannot be read counts as present and damaged.
                state.Exists = _files.Exists(fileName);
                return state;
            }

            state.Exists = true;
            state.Truncated = raw.Length < HeaderSize
                || (HasMagic(raw) && (long)ReadUInt32(raw, LengthOffset) + Overhead > raw.Length);
            if (raw.Length < Overhead
                || !HasMagic(raw)
                || raw[VersionOffset] != FormatVersion
                || raw[5] != 0 || raw[6] != 0 || raw[7] != 0)
            {
                return state;
            }

            uint length = ReadUInt32(raw, LengthOffset);
            if (length > (uint)_maxRecordLength || length != (uint)(raw.Length - Overhead))
            {
                return state;
            }

            int crcOffset = HeaderSize + (int)length;
            if (ReadUInt32(raw, crcOffset) != Crc32.Compute(raw, 0, crcOffset))
            {
                return state;
            }

            state.Valid = true;
            state.Sequence = ReadUInt32(raw, SequenceOffset);
            state.Length = (int)length;
            state.Raw = raw;
            return state;
        }

        private static bool HasMagic(byte[] raw)
        {
            return raw.Length >= MagicLength && raw[0] == (byte)'N' && raw[1] == (byte)'G' && raw[2] == (byte)'R' && raw[3] == (byte)'S';
        }

        private static byte[] Encode(uint sequence, byte[] data, int offset, int count)
        {
            byte[] slot = new byte[Overhead + count];
            slot[0] = (byte)'N';
            slot[1] = (byte)'G';
            slot[2] = (byte)'R';
            slot[3] = (byte)'S';
            slot[VersionOffset] = FormatVersion;
            WriteUInt32(slot, SequenceOffset, sequence);
            WriteUInt32(slot, LengthOffset, (uint)count);
            Array.Copy(data, offset, slot, HeaderSize, count);
            WriteUInt32(slot, HeaderSize + count, Crc32.Compute(slot, 0, HeaderSize + count));
            return slot;
        }

        private static bool SameBytes(byte[] a, byte[] b)
        {
            if (a == null || a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static uint ReadUInt32(byte[] buffer, int offset)
        {
            return buffer[offset] | ((uint)buffer[offset + 1] << 8) | ((uint)buffer[offset + 2] << 16) | ((uint)buffer[offset + 3] << 24);
        }

        private static void WriteUInt32(byte[] buffer, int offset, uint value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
            buffer[offset + 3] = (byte)(value >> 24);
        }

        private struct SlotState
        {
            public bool Exists;
            public bool Valid;
            public bool Truncated;
            public uint Sequence;
            public int Length;
            public byte[] Raw;
        }
    }
}
