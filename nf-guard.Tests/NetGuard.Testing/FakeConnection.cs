using System;
using System.Collections;
using NetGuard.Diagnostics;
using NetGuard.Network;

namespace NetGuard.Testing
{
    /// <summary>
    /// A scripted <see cref="IConnection"/> for tests and fuzzing: delivers queued chunks (each optionally
    /// after moving a <see cref="ManualClock"/>), then either reports the peer closed or stalls (moves the
    /// clock by the receive timeout and reports TimedOut), and records everything sent.
    /// </summary>
    public sealed class FakeConnection : IConnection
    {
        private const long TicksPerMillisecond = 10000;
        private readonly ManualClock _clock;
        private readonly ArrayList _chunks = new ArrayList();
        private readonly ArrayList _delays = new ArrayList();
        private byte[] _sent = new byte[256];
        private int _sentLength;
        private int _chunkIndex;
        private int _chunkOffset;

        public FakeConnection(ManualClock clock)
        {
            _clock = clock;
            MaxChunk = int.MaxValue;
            SendRefusal = ReasonCode.Accepted;
        }

        public uint RemoteAddress
        {
            get
            {
                if (RemoteAddressFails)
                {
                    throw new InvalidOperationException("the platform could not tell the peer's address");
                }

                return 0xC0A80002;
            }
        }

        /// <summary>True to make <see cref="RemoteAddress"/> throw, as a platform socket torn down under it might.</summary>
        public bool RemoteAddressFails { get; set; }

        public int RemotePort
        {
            get { return 50000; }
        }

        /// <summary>True to stall (TimedOut) after the script instead of reporting Closed.</summary>
        public bool StallAtEnd { get; set; }

        /// <summary>Most bytes handed out per Receive.</summary>
        public int MaxChunk { get; set; }

        /// <summary>When not Accepted, every Send is refused with this reason.</summary>
        public ReasonCode SendRefusal { get; set; }

        public bool IsClosed { get; private set; }

        public int ReceiveCalls { get; private set; }

        public int LastTimeoutMilliseconds { get; private set; }

        public int SendCalls { get; private set; }

        public FakeConnection Add(string ascii)
        {
            return AddAfter(0, TestBytes.Ascii(ascii));
        }

        public FakeConnection Add(byte[] data)
        {
            return AddAfter(0, data);
        }

        public FakeConnection AddAfter(long delayMilliseconds, string ascii)
        {
            return AddAfter(delayMilliseconds, TestBytes.Ascii(ascii));
        }

        public FakeConnection AddAfter(long delayMilliseconds, byte[] data)
        {
            _chunks.Add(data);
            _delays.Add(delayMilliseconds);
            return this;
        }

        public int Receive(byte[] buffer, int offset, int count, int timeoutMilliseconds, out ReasonCode reason)
        {
            ArgumentNullException.ThrowIfNull(buffer, nameof(buffer));

            if (offset < 0 || count <= 0 || offset + count > buffer.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            if (timeoutMilliseconds <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(timeoutMilliseconds));
            }

            ReceiveCalls++;
            LastTimeoutMilliseconds = timeoutMilliseconds;
            if (IsClosed)
            {
                reason = ReasonCode.Closed;
                return 0;
            }

            while (_chunkIndex < _chunks.Count && ((byte[])_chunks[_chunkIndex]).Length == _chunkOffset)
            {
                _chunkIndex++;
                _chunkOffset = 0;
            }

            if (_chunkIndex >= _chunks.Count)
            {
                if (StallAtEnd)
                {
                    _clock.Advance(timeoutMilliseconds * TicksPerMillisecond);
                    reason = ReasonCode.TimedOut;
                    return 0;
                }

                reason = ReasonCode.Closed;
                return 0;
            }

            if (_chunkOffset == 0)
            {
                long delay = (long)_delays[_chunkIndex];
                if (delay > timeoutMilliseconds)
                {
                    // The peer is slower than this receive waits.
                    _clock.Advance(timeoutMilliseconds * TicksPerMillisecond);
                    _delays[_chunkIndex] = delay - timeoutMilliseconds;
                    reason = ReasonCode.TimedOut;
                    return 0;
                }

                _clock.Advance(delay * TicksPerMillisecond);
                _delays[_chunkIndex] = 0L;
            }

            byte[] chunk = (byte[])_chunks[_chunkIndex];
            int take = chunk.Length - _chunkOffset;
            if (take > count)
            {
                take = count;
            }

            if (take > MaxChunk)
            {
                take = MaxChunk;
            }

            Array.Copy(chunk, _chunkOffset, buffer, offset, take);
            _chunkOffset += take;
            reason = ReasonCode.Accepted;
            return take;
        }

        public Decision Send(byte[] buffer, int offset, int count)
        {
            ArgumentNullException.ThrowIfNull(buffer, nameof(buffer));

            if (offset < 0 || count < 0 || offset + count > buffer.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            SendCalls++;
            if (IsClosed)
            {
                return Decision.Refuse(ReasonCode.Closed);
            }

            if (SendRefusal != ReasonCode.Accepted)
            {
                return Decision.Refuse(SendRefusal, 10000);
            }

            if (_sentLength + count > _sent.Length)
            {
                int size = _sent.Length * 2;
                while (size < _sentLength + count)
                {
                    size *= 2;
                }

                byte[] grown = new byte[size];
                Array.Copy(_sent, grown, _sentLength);
                _sent = grown;
            }

            Array.Copy(buffer, offset, _sent, _sentLength, count);
            _sentLength += count;
            return Decision.Accept();
        }

        public void Close()
        {
            IsClosed = true;
        }

        /// <summary>Why the server dropped the connection (Accepted when it did not).</summary>
        public ReasonCode DroppedFor { get; private set; }

        /// <summary>True once the server marked the connection in service (its request head was complete).</summary>
        public bool InService { get; private set; }

        public void Drop(ReasonCode reason)
        {
            if (!IsClosed)
            {
                DroppedFor = reason;
            }

            IsClosed = true;
        }

        public void MarkInService()
        {
            InService = true;
        }

        /// <summary>Everything sent so far.</summary>
        public byte[] SentBytes()
        {
            byte[] copy = new byte[_sentLength];
            Array.Copy(_sent, copy, _sentLength);
            return copy;
        }

        /// <summary>Everything sent so far as Latin-1 text (exact for the ASCII head).</summary>
        public string SentText()
        {
            char[] chars = new char[_sentLength];
            for (int i = 0; i < _sentLength; i++)
            {
                chars[i] = (char)_sent[i];
            }

            return new string(chars);
        }

    }
}
