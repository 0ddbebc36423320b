using NetGuard.Diagnostics;
using NetGuard.RateLimiting;

namespace NetGuard.Network
{
    // An accepted inbound TCP connection (IConnection). Sends are charged to the connection's own byte
    // bucket and the global TCP reply bucket before they reach the socket. When the platform reports
    // that the connection is gone (peer closed, reset, error) the socket is released at once and every
    // later call answers with that reason, so a dead connection never holds one of lwIP's 16 sockets.
    // Internal and sealed: firmware sees only IConnection, which has no way to reach the socket. The library's own
    // device TLS source reaches the platform socket through the internal StreamSocket (nanoFramework's SslStream needs
    // it) and charges what it sends through ChargeReply (IReplyBudget); the connection keeps owning the socket, so the
    // connection count and release-on-failure still work.
    internal sealed class GuardedConnection : IConnection, IReplyBudget
    {
        private readonly object _gate = new object();
        private readonly NetworkGuard _guard;
        private readonly GuardedListener _listener;
        private readonly IStreamSocket _socket;
        private readonly TokenBucket _bucket;
        private readonly uint _remoteAddress;
        private readonly int _remotePort;
        private readonly int _localPort;

        // Accepted while the connection is usable; otherwise why it is not (Closed, ConnectionReset, ...).
        private ReasonCode _state = ReasonCode.Accepted;
        private bool _released;
        private bool _inService;
        private bool _claimed;

        public GuardedConnection(NetworkGuard guard, GuardedListener listener, IStreamSocket socket, uint remoteAddress, int remotePort, long acceptedTicks)
        {
            AcceptedTicks = acceptedTicks;
            _guard = guard;
            _listener = listener;
            _socket = socket;
            _bucket = guard.Limiter.CreateConnectionBucket();
            _remoteAddress = remoteAddress;
            _remotePort = remotePort;
            _localPort = listener.Port;
        }

        public uint RemoteAddress
        {
            get { return _remoteAddress; }
        }

        public int RemotePort
        {
            get { return _remotePort; }
        }

        public int Receive(byte[] buffer, int offset, int count, int timeoutMilliseconds, out ReasonCode reason)
        {
            ByteRange.Check(buffer, offset, count, "buffer");
            if (count == 0)
            {
                throw new System.ArgumentOutOfRangeException(nameof(count), "Receive at least 1 byte.");
            }

            if (timeoutMilliseconds < 1)
            {
                throw new System.ArgumentOutOfRangeException(nameof(timeoutMilliseconds));
            }

            ReasonCode state = State;
            if (state != ReasonCode.Accepted)
            {
                reason = state;
                return 0;
            }

            int received = _socket.Receive(buffer, offset, count, timeoutMilliseconds, out reason);
            if (received > 0 && reason == ReasonCode.Accepted)
            {
                return received > count ? count : received;
            }

            if (reason == ReasonCode.Accepted)
            {
                // A layer that returns 0 bytes without a reason: treat as an orderly close.
                reason = ReasonCode.Closed;
            }

            if (reason != ReasonCode.TimedOut)
            {
                // The connection is over (peer closed, reset, error): free the socket now.
                Fail(reason);
                reason = State;
            }

            return 0;
        }

        public Decision Send(byte[] buffer, int offset, int count)
        {
            ByteRange.Check(buffer, offset, count, "buffer");
            Decision decision = ChargeReply(count);
            if (!decision.IsAccepted || count == 0)
            {
                return decision;
            }

            ReasonCode sent = _socket.Send(buffer, offset, count);
            if (sent != ReasonCode.Accepted)
            {
                Fail(sent);
                return RefuseReply(State, 0);
            }

            return decision;
        }

        public void Close()
        {
            Fail(ReasonCode.Closed);
        }

        public void Drop(ReasonCode reason)
        {
            if (reason == ReasonCode.Accepted)
            {
                reason = ReasonCode.SocketError;
            }

            if (Fail(reason))
            {
                _guard.Refuse(reason, 0, _listener.Source, _localPort, _remoteAddress, _remotePort);
            }
        }

        public void MarkInService()
        {
            lock (_gate)
            {
                // Once claimed for displacement the connection is on its way out: it does not become in service.
                if (!_claimed)
                {
                    _inService = true;
                }
            }
        }

        // When the listener accepted it (the guard's clock): the oldest unserved connection is displaced first.
        internal long AcceptedTicks { get; }

        // True while the connection may be displaced for a newcomer: open, and no complete request yet.
        internal bool IsDisplaceable
        {
            get
            {
                lock (_gate)
                {
                    return !_inService && !_released && !_claimed;
                }
            }
        }

        // The listener's choice of this connection to displace, atomic with MarkInService: false when it became in
        // service (or ended) first.
        internal bool TryClaimForDisplacement()
        {
            lock (_gate)
            {
                if (_inService || _released || _claimed)
                {
                    return false;
                }

                _claimed = true;
                return true;
            }
        }

        // The newcomer was refused after all: the connection may become in service again.
        internal void ReleaseClaim()
        {
            lock (_gate)
            {
                _claimed = false;
            }
        }

        // The accepted platform socket, for the library's device TLS source only (never public: see the class comment).
        internal IStreamSocket StreamSocket
        {
            get { return _socket; }
        }

        // The guard's monotonic time, in 100 ns ticks.
        internal long NowTicks
        {
            get { return _guard.NowTicks; }
        }

        public Decision ChargeReply(int byteCount)
        {
            if (byteCount < 0)
            {
                throw new System.ArgumentOutOfRangeException(nameof(byteCount));
            }

            ReasonCode state = State;
            if (state != ReasonCode.Accepted)
            {
                return RefuseReply(state, 0);
            }

            if (byteCount == 0)
            {
                return Decision.Accept();
            }

            Decision decision = _guard.Limiter.DecideTcpReply(_bucket, byteCount, _guard.NowTicks);
            return decision.IsAccepted ? decision : RefuseReply(decision.Reason, decision.RetryAfterTicks);
        }

        public Decision WriteFailed(ReasonCode reason)
        {
            if (reason == ReasonCode.Accepted)
            {
                reason = ReasonCode.SocketError;
            }

            Fail(reason);
            return RefuseReply(reason, 0);
        }

        // Counts and logs a refused reply on this connection and returns the refusal.
        private Decision RefuseReply(ReasonCode reason, long retryAfterTicks)
        {
            return _guard.Refuse(reason, retryAfterTicks, _guard.TcpReplySource, _localPort, _remoteAddress, _remotePort);
        }

        private ReasonCode State
        {
            get
            {
                lock (_gate)
                {
                    return _state;
                }
            }
        }

        // Records the first reason the connection ended and releases the socket exactly once; true when this call ended
        // an open connection.
        private bool Fail(ReasonCode reason)
        {
            bool ended = false;
            lock (_gate)
            {
                if (_state == ReasonCode.Accepted)
                {
                    _state = reason == ReasonCode.Accepted ? ReasonCode.SocketError : reason;
                    ended = true;
                }

                if (_released)
                {
                    return ended;
                }

                _released = true;
            }

            try
            {
                _socket.Close();
            }
            finally
            {
                _listener.ConnectionReleased(this);
                _guard.Released(this, -1);
            }

            return ended;
        }
    }
}
