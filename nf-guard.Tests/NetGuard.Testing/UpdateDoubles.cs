using System;
using System.Collections;
using NetGuard.Diagnostics;
using NetGuard.Network;
using NetGuard.Platform;
using NetGuard.Storage;
using NetGuard.Updates;

namespace NetGuard.Testing
{
    /// <summary>The device's record store over a file system in memory: what the update and time tests keep records in.</summary>
    public static class MemoryRecords
    {
        /// <summary>A new, empty store whose records may hold up to 2048 bytes (the admin device's default).</summary>
        public static SlotRecordStore Create()
        {
            return new SlotRecordStore(new MemoryFileSystem(), 2048);
        }
    }

    /// <summary>A staging area in memory: the scratch copy becomes the staged image on Commit.</summary>
    public sealed class MemoryStagingArea : IStagingArea
    {
        private byte[] _scratch;
        private int _written;
        private byte[] _staged;

        public int BeginCalls;
        public int AppendCalls;

        public bool IsWriting
        {
            get { return _scratch != null; }
        }

        /// <summary>The staged image itself (tests flip bits in it to stand in for flash damage); null when none.</summary>
        public byte[] Staged
        {
            get { return _staged; }
        }

        public Decision Begin(long length)
        {
            BeginCalls++;
            _scratch = new byte[(int)length];
            _written = 0;
            return Decision.Accept();
        }

        public Decision Append(byte[] data, int offset, int count)
        {
            AppendCalls++;
            if (_scratch == null)
            {
                throw new InvalidOperationException();
            }

            if (count > _scratch.Length - _written)
            {
                return Decision.Refuse(ReasonCode.TooLarge);
            }

            Array.Copy(data, offset, _scratch, _written, count);
            _written += count;
            return Decision.Accept();
        }

        public Decision Commit()
        {
            _staged = _scratch;
            _scratch = null;
            return Decision.Accept();
        }

        public void Abort()
        {
            _scratch = null;
        }

        public int ReadStaged(long position, byte[] buffer, int offset, int count)
        {
            if (_staged == null || position >= _staged.Length)
            {
                return 0;
            }

            int n = _staged.Length - (int)position;
            if (n > count)
            {
                n = count;
            }

            Array.Copy(_staged, (int)position, buffer, offset, n);
            return n;
        }

        public Decision Discard()
        {
            _staged = null;
            return Decision.Accept();
        }
    }

    /// <summary>
    /// The real <see cref="SlotImageInstaller"/> over memory: two <see cref="MemoryStagingArea"/> slots and a
    /// <see cref="MemoryRecords"/> index, with a helper that reads the active image back.
    /// </summary>
    public sealed class MemoryImageSlots
    {
        public readonly SlotRecordStore Index = MemoryRecords.Create();
        public readonly MemoryStagingArea Slot0 = new MemoryStagingArea();
        public readonly MemoryStagingArea Slot1 = new MemoryStagingArea();
        public readonly SlotImageInstaller Installer;

        public MemoryImageSlots()
        {
            Installer = new SlotImageInstaller(Index, Slot0, Slot1);
        }

        /// <summary>The active image's bytes; null when the built-in firmware is active.</summary>
        public byte[] ReadActive()
        {
            byte[] chunk = new byte[64];
            byte[] image = new byte[0];
            long position = 0;
            while (true)
            {
                int read = Installer.ReadActive(position, chunk, 0, chunk.Length);
                if (read < 0)
                {
                    return null;
                }

                if (read == 0)
                {
                    return image;
                }

                byte[] longer = new byte[image.Length + read];
                Array.Copy(image, longer, image.Length);
                Array.Copy(chunk, 0, longer, image.Length, read);
                image = longer;
                position += read;
            }
        }
    }

    /// <summary>Trusted time set by the test.</summary>
    public sealed class FixedTrustedTime : ITrustedTime
    {
        public bool Known;
        public long Now;
        public long LastObserved;

        public FixedTrustedTime(bool known, long now)
        {
            Known = known;
            Now = now;
        }

        public bool TryGetUnixSeconds(out long unixSeconds)
        {
            unixSeconds = Known ? Now : 0;
            return Known;
        }

        public void ObserveAuthenticated(long unixSeconds)
        {
            LastObserved = unixSeconds;
        }
    }

    /// <summary>Deterministic bytes (xorshift32) for tests.</summary>
    public sealed class SeededEntropySource : IEntropySource
    {
        private uint _state;

        public SeededEntropySource(uint seed)
        {
            _state = seed == 0 ? 1u : seed;
        }

        public void GetBytes(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                _state ^= _state << 13;
                _state ^= _state >> 17;
                _state ^= _state << 5;
                buffer[offset + i] = (byte)_state;
            }
        }
    }

    /// <summary>
    /// A datagram channel that records what is sent and answers from a script: each queued reply is either a fixed
    /// datagram or built from the last query by a <see cref="ReplyBuilder"/>.
    /// </summary>
    public sealed class FakeDatagramChannel : IDatagramChannel
    {
        public delegate byte[] ReplyBuilder(byte[] query);

        private readonly ArrayList _replies = new ArrayList();
        private byte[] _lastQuery;

        public int Sent;
        public uint ReplyAddress;
        public int ReplyPort;
        public ReasonCode SendRefusal = ReasonCode.Accepted;

        public FakeDatagramChannel(uint replyAddress, int replyPort)
        {
            ReplyAddress = replyAddress;
            ReplyPort = replyPort;
        }

        public byte[] LastQuery
        {
            get { return _lastQuery; }
        }

        public void Enqueue(ReplyBuilder builder)
        {
            _replies.Add(builder);
        }

        public Decision SendTo(byte[] buffer, int offset, int count, uint address, int port)
        {
            if (SendRefusal != ReasonCode.Accepted)
            {
                return Decision.Refuse(SendRefusal);
            }

            Sent++;
            _lastQuery = new byte[count];
            Array.Copy(buffer, offset, _lastQuery, 0, count);
            return Decision.Accept();
        }

        public int ReceiveFrom(byte[] buffer, int offset, int count, int timeoutMilliseconds, out uint address, out int port, out ReasonCode reason)
        {
            address = 0;
            port = 0;
            if (_replies.Count == 0)
            {
                reason = ReasonCode.TimedOut;
                return 0;
            }

            ReplyBuilder builder = (ReplyBuilder)_replies[0];
            _replies.RemoveAt(0);
            byte[] reply = builder(_lastQuery);
            address = ReplyAddress;
            port = ReplyPort;
            if (reply.Length > count)
            {
                reason = ReasonCode.TooLarge;
                return 0;
            }

            Array.Copy(reply, 0, buffer, offset, reply.Length);
            reason = ReasonCode.Accepted;
            return reply.Length;
        }

        public void Close()
        {
        }
    }
}
