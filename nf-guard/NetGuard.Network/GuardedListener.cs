using System;
using NetGuard.Diagnostics;
using NetGuard.Policy;
using NetGuard.RateLimiting;

namespace NetGuard.Network
{
    /// <summary>
    /// A TCP listener on a port the policy declares, opened by <see cref="NetworkGuard.ListenTcp"/>.
    /// Accepting enforces the declaration's caps: a connection beyond the concurrent maximum
    /// (ConnectionLimit) or the accept rate (AcceptRateLimited) is closed at once and counted.
    /// Thread-safe.
    /// </summary>
    public sealed class GuardedListener
    {
        private readonly object _gate = new object();
        private readonly NetworkGuard _guard;
        private readonly ListenerDeclaration _declaration;
        private readonly int _declarationIndex;
        private readonly int _source;
        private readonly TokenBucket _acceptBucket;
        private readonly IStreamListenerSocket _socket;
        private int _active;
        private bool _closed;

        internal GuardedListener(NetworkGuard guard, ListenerDeclaration declaration, int declarationIndex, IStreamListenerSocket socket)
        {
            _guard = guard;
            _declaration = declaration;
            _declarationIndex = declarationIndex;
            _source = guard.ListenerSource(declarationIndex);
            _acceptBucket = declaration.AcceptRate.CreateBucket();
            _socket = socket;
        }

        /// <summary>The local port.</summary>
        public int Port
        {
            get { return _declaration.Port; }
        }

        /// <summary>The declaration this listener enforces.</summary>
        public ListenerDeclaration Declaration
        {
            get { return _declaration; }
        }

        /// <summary>How many accepted connections are open now.</summary>
        public int ActiveConnections
        {
            get
            {
                lock (_gate)
                {
                    return _active;
                }
            }
        }

        /// <summary>True once <see cref="Close"/> was called.</summary>
        public bool IsClosed
        {
            get
            {
                lock (_gate)
                {
                    return _closed;
                }
            }
        }

        /// <summary>
        /// Waits at most <paramref name="timeoutMilliseconds"/> for one connection and accepts it if the
        /// caps allow. Returns Accepted with the connection; TimedOut when none arrived (not counted as a
        /// refusal); ConnectionLimit or AcceptRateLimited (with the wait) when one arrived and was closed
        /// at once; Closed when the listener is closed; SocketError from the platform. Call it in a loop.
        /// Throws <see cref="ArgumentOutOfRangeException"/> for a timeout below 1.
        /// </summary>
        /// <param name="timeoutMilliseconds">The longest wait in milliseconds; more than 0.</param>
        /// <param name="connection">The accepted connection, or null.</param>
        /// <returns>The decision.</returns>
        public Decision Accept(int timeoutMilliseconds, out IConnection connection)
        {
            connection = null;
            if (timeoutMilliseconds < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(timeoutMilliseconds));
            }

            if (IsClosed)
            {
                return _guard.Refuse(ReasonCode.Closed, 0, _source, Port, 0, 0);
            }

            IStreamSocket socket;
            ReasonCode reason = _socket.Accept(timeoutMilliseconds, out socket);
            if (reason != ReasonCode.Accepted || socket == null)
            {
                if (socket != null)
                {
                    socket.Close();
                }

                if (reason == ReasonCode.TimedOut)
                {
                    // Nothing arrived: not a refusal.
                    return Decision.Refuse(ReasonCode.TimedOut);
                }

                return _guard.Refuse(reason == ReasonCode.Accepted ? ReasonCode.SocketError : reason, 0, _source, Port, 0, 0);
            }

            // From here the socket is ours: every path either hands it to a connection or closes it.
            bool handedOver = false;
            try
            {
                uint remoteAddress = socket.RemoteAddress;
                int remotePort = socket.RemotePort;
                long now = _guard.NowTicks;
                long wait = 0;
                GuardedConnection accepted = null;
                lock (_gate)
                {
                    if (_closed || _guard.IsClosedForAccept)
                    {
                        reason = ReasonCode.Closed;
                    }
                    else if (_active >= _declaration.MaxConnections)
                    {
                        // Checked before the rate so that connections refused for the cap do not use up the rate.
                        reason = ReasonCode.ConnectionLimit;
                    }
                    else
                    {
                        Decision rate = _acceptBucket.Decide(1, now);
                        if (!rate.IsAccepted)
                        {
                            reason = ReasonCode.AcceptRateLimited;
                            wait = rate.RetryAfterTicks;
                        }
                        else
                        {
                            accepted = new GuardedConnection(_guard, this, socket, remoteAddress, remotePort);
                            _active++;
                            handedOver = true;
                        }
                    }
                }

                if (!handedOver)
                {
                    return _guard.Refuse(reason, wait, _source, Port, remoteAddress, remotePort);
                }

                if (!_guard.ConnectionAccepted(accepted))
                {
                    // The guard closed between the check and now: release the connection at once.
                    accepted.Close();
                    return _guard.Refuse(ReasonCode.Closed, 0, _source, Port, remoteAddress, remotePort);
                }

                connection = accepted;
                return Decision.Accept();
            }
            finally
            {
                if (!handedOver)
                {
                    socket.Close();
                }
            }
        }

        /// <summary>
        /// Stops listening and releases the listening socket; connections already accepted stay open
        /// (close them, or <see cref="NetworkGuard.Close"/>). Safe to call more than once.
        /// </summary>
        public void Close()
        {
            lock (_gate)
            {
                if (_closed)
                {
                    return;
                }

                _closed = true;
            }

            try
            {
                _socket.Close();
            }
            finally
            {
                _guard.Released(this, _declarationIndex);
            }
        }

        // Called once by each accepted connection when it releases its socket.
        internal void ConnectionReleased()
        {
            lock (_gate)
            {
                _active--;
            }
        }
    }
}
