using System;
using NetGuard.Diagnostics;
using NetGuard.Network;
using NetGuard.Platform;

namespace NetGuard.Http
{
    /// <summary>
    /// Pulls a request body from the connection in chunks, exactly up to Content-Length, never buffering it
    /// whole: an update package streams through the verifier. Bytes that arrived with the head come first.
    /// Every receive is bounded by the per-receive timeout and by the body's deadline on the injected clock,
    /// so a client that trickles or stalls is cut off. One instance per connection worker.
    /// </summary>
    public sealed class HttpBodyReader
    {
        private readonly IMonotonicClock _clock;
        private readonly int _receiveTimeoutMilliseconds;
        private IConnection _connection;
        private HttpRequest _request;
        private int _pendingStart;
        private int _pendingEnd;
        private long _remaining;
        private long _deadlineTicks;
        private ReasonCode _failure;

        internal HttpBodyReader(IMonotonicClock clock, int receiveTimeoutMilliseconds)
        {
            _clock = clock;
            _receiveTimeoutMilliseconds = receiveTimeoutMilliseconds;
        }

        /// <summary>Body bytes not yet read.</summary>
        public long Remaining
        {
            get { return _remaining; }
        }

        /// <summary>Accepted while the body reads normally; otherwise why it stopped (TimedOut, Truncated, ...).</summary>
        public ReasonCode Failure
        {
            get { return _failure; }
        }

        /// <summary>
        /// Reads up to <paramref name="count"/> body bytes into <paramref name="buffer"/> at
        /// <paramref name="offset"/>. Returns the number read (more than 0) with Accepted; 0 with Accepted
        /// at the end of the body; 0 with <see cref="ReasonCode.TimedOut"/> (deadline or idle peer),
        /// <see cref="ReasonCode.Truncated"/> (the peer closed before Content-Length bytes) or a socket
        /// reason. Throws only for a null buffer or a range outside it.
        /// </summary>
        /// <param name="buffer">Where to write.</param>
        /// <param name="offset">First byte to write.</param>
        /// <param name="count">Most bytes to read; more than 0.</param>
        /// <param name="reason">Accepted, or why nothing was read.</param>
        /// <returns>Bytes read.</returns>
        public int Read(byte[] buffer, int offset, int count, out ReasonCode reason)
        {
            ByteRange.Check(buffer, offset, count);
            if (count == 0)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            reason = _failure;
            if (_failure != ReasonCode.Accepted || _remaining == 0)
            {
                return 0;
            }

            int wanted = count;
            if (wanted > _remaining)
            {
                wanted = (int)_remaining;
            }

            int pending = _pendingEnd - _pendingStart;
            if (pending > 0)
            {
                int take = pending < wanted ? pending : wanted;
                Array.Copy(_request.Head, _pendingStart, buffer, offset, take);
                _pendingStart += take;
                _remaining -= take;
                return take;
            }

            int timeout = HttpRequestParser.ReceiveTimeout(_clock, _deadlineTicks, _receiveTimeoutMilliseconds);
            if (timeout <= 0)
            {
                return Fail(ReasonCode.TimedOut, out reason);
            }

            int received = _connection.Receive(buffer, offset, wanted, timeout, out ReasonCode receiveReason);
            if (received <= 0)
            {
                return Fail(receiveReason == ReasonCode.Closed ? ReasonCode.Truncated : receiveReason == ReasonCode.Accepted ? ReasonCode.SocketError : receiveReason, out reason);
            }

            if (received > wanted)
            {
                // A connection that reports more than asked is broken; do not trust the bytes.
                return Fail(ReasonCode.SocketError, out reason);
            }

            _remaining -= received;
            return received;
        }

        /// <summary>
        /// Reads and drops up to <paramref name="limit"/> remaining body bytes using <paramref name="scratch"/>;
        /// returns true when the body ended within the limit.
        /// </summary>
        internal bool Skip(byte[] scratch, long limit)
        {
            long dropped = 0;
            while (_remaining > 0 && dropped < limit)
            {
                int chunk = scratch.Length;
                if (chunk > limit - dropped)
                {
                    chunk = (int)(limit - dropped);
                }

                int read = Read(scratch, 0, chunk, out ReasonCode _);
                if (read == 0)
                {
                    return false;
                }

                dropped += read;
            }

            return _remaining == 0;
        }

        // Forgets the finished connection, so that an idle worker does not keep it alive; a handler that kept this
        // reader and reads from it later gets Closed.
        internal void Detach()
        {
            _connection = null;
            _failure = ReasonCode.Closed;
        }

        internal void Start(IConnection connection, HttpRequest request, long contentLength, long deadlineTicks)
        {
            _connection = connection;
            _request = request;
            _remaining = contentLength;
            _deadlineTicks = deadlineTicks;
            _failure = ReasonCode.Accepted;
            _pendingStart = request.HeadEnd;
            _pendingEnd = request.Filled;

            // Bytes past the declared body (a pipelined request, or garbage) are ignored: the connection
            // closes after this exchange.
            if (_pendingEnd - _pendingStart > contentLength)
            {
                _pendingEnd = _pendingStart + (int)contentLength;
            }
        }

        private int Fail(ReasonCode failure, out ReasonCode reason)
        {
            _failure = failure;
            reason = failure;
            return 0;
        }
    }
}
