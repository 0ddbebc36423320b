using System;
using NetGuard.Diagnostics;
using NetGuard.Policy;
using NetGuard.RateLimiting;

namespace NetGuard.Network
{
    /// <summary>
    /// A TCP listener on a port the policy declares, opened by <see cref="NetworkGuard.ListenTcp"/>. Accepting
    /// enforces the declaration's caps. At the concurrent maximum, a newcomer displaces a connection that has not
    /// delivered a complete request yet (<see cref="IConnection.MarkInService"/>; counted as ConnectionDisplaced): the
    /// oldest from the address holding the most connections, as ESP-IDF's httpd purges its least recently used socket: idle and trickling clients cannot hold every slot,
    /// and a connection being served is never displaced. With no such connection the newcomer is refused
    /// (ConnectionLimit). The accept rate is enforced per listener and per source address (one address may use at
    /// most half of the listener's rate, so one flooding host leaves the other half to everyone else;
    /// AcceptRateLimited). Refused connections are closed at once and counted. The decision lives here, in the guard,
    /// because the guard owns the socket budget and sees every connection of the listener, TLS handshakes included;
    /// the server only reports when a connection is in service. Thread-safe.
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
        private readonly GuardedConnection[] _live;
        private readonly SourceRateTable _sources;
        private int _active;
        private bool _closed;

        internal GuardedListener(NetworkGuard guard, ListenerDeclaration declaration, int declarationIndex, IStreamListenerSocket socket)
        {
            _guard = guard;
            _declaration = declaration;
            _declarationIndex = declarationIndex;
            _source = guard.ListenerSource(declarationIndex);
            _acceptBucket = declaration.AcceptRate.CreateBucket();
            _sources = new SourceRateTable(declaration.AcceptRate);
            _live = new GuardedConnection[declaration.MaxConnections];
            _socket = socket;
        }

        // The counter row of this listener's refusals.
        internal int Source
        {
            get { return _source; }
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
                GuardedConnection displaced = null;
                lock (_gate)
                {
                    if (_closed || _guard.IsClosedForAccept)
                    {
                        reason = ReasonCode.Closed;
                    }
                    else if (_active >= _declaration.MaxConnections && (displaced = ClaimOldestDisplaceable()) == null)
                    {
                        // Checked before the rate so that connections refused for the cap do not use up the rate.
                        reason = ReasonCode.ConnectionLimit;
                    }
                    else
                    {
                        Decision rate = _sources.Decide(remoteAddress, now);
                        if (rate.IsAccepted)
                        {
                            rate = _acceptBucket.Decide(1, now);
                        }

                        if (!rate.IsAccepted)
                        {
                            reason = ReasonCode.AcceptRateLimited;
                            wait = rate.RetryAfterTicks;
                            if (displaced != null)
                            {
                                // The newcomer is not admitted after all: the claimed connection stays.
                                displaced.ReleaseClaim();
                                displaced = null;
                            }
                        }
                        else
                        {
                            accepted = new GuardedConnection(_guard, this, socket, remoteAddress, remotePort, now);
                            Register(accepted, displaced);
                            _active++;
                            handedOver = true;
                        }
                    }
                }

                if (displaced != null)
                {
                    // Outside the lock: releasing the socket calls back into ConnectionReleased and the guard.
                    displaced.Drop(ReasonCode.ConnectionDisplaced);
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
        internal void ConnectionReleased(GuardedConnection connection)
        {
            lock (_gate)
            {
                _active--;
                for (int i = 0; i < _live.Length; i++)
                {
                    if (_live[i] == connection)
                    {
                        _live[i] = null;
                        return;
                    }
                }
            }
        }

        // Under _gate, at the cap: claims a connection without a complete request (null when every one is in service):
        // from the address holding the most connections, the oldest of those, so that a host hogging the listener
        // loses its own connections first. A claimed connection can no longer become in service; the caller drops it
        // or releases the claim.
        private GuardedConnection ClaimOldestDisplaceable()
        {
            for (int attempt = 0; attempt < _live.Length; attempt++)
            {
                GuardedConnection oldest = null;
                int oldestShare = 0;
                for (int i = 0; i < _live.Length; i++)
                {
                    GuardedConnection candidate = _live[i];
                    if (candidate == null || !candidate.IsDisplaceable)
                    {
                        continue;
                    }

                    int share = ConnectionsFrom(candidate.RemoteAddress);
                    if (oldest == null || share > oldestShare || (share == oldestShare && candidate.AcceptedTicks < oldest.AcceptedTicks))
                    {
                        oldest = candidate;
                        oldestShare = share;
                    }
                }

                if (oldest == null)
                {
                    return null;
                }

                if (oldest.TryClaimForDisplacement())
                {
                    return oldest;
                }
            }

            return null;
        }

        // Under _gate: how many live connections come from address.
        private int ConnectionsFrom(uint address)
        {
            int count = 0;
            for (int i = 0; i < _live.Length; i++)
            {
                if (_live[i] != null && _live[i].RemoteAddress == address)
                {
                    count++;
                }
            }

            return count;
        }

        // Under _gate: puts a new connection in the slot of the one it displaces, or in a free slot.
        private void Register(GuardedConnection connection, GuardedConnection displaced)
        {
            for (int i = 0; i < _live.Length; i++)
            {
                if (_live[i] == displaced)
                {
                    // displaced null: the first free slot (there is one below the cap).
                    _live[i] = connection;
                    return;
                }
            }
        }
    }
}
