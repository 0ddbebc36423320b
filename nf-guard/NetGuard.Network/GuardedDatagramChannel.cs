using NetGuard.Diagnostics;

namespace NetGuard.Network
{
    /// <summary>
    /// A guarded UDP endpoint, opened by <see cref="NetworkGuard.OpenUdp"/>. Every datagram it sends
    /// passes the egress limiter (its class is found from the destination port and address); datagrams
    /// larger than the policy's <see cref="Policy.GuardPolicy.MaxDatagramBytes"/> are refused as
    /// TooLarge. Update-check queries (DNS TXT lookups of the update announcement) go through
    /// <see cref="SendUpdateCheck"/>, charged to the update-check budget and the DNS budget. Receiving
    /// works as usual. Thread-safe.
    /// </summary>
    public sealed class GuardedDatagramChannel : IDatagramChannel
    {
        private readonly object _gate = new object();
        private readonly NetworkGuard _guard;
        private readonly int _declarationIndex;
        private readonly IDatagramSocket _socket;
        private readonly int _localPort;
        private bool _closed;

        internal GuardedDatagramChannel(NetworkGuard guard, int declarationIndex, IDatagramSocket socket)
        {
            _guard = guard;
            _declarationIndex = declarationIndex;
            _socket = socket;
            _localPort = socket.LocalPort;
        }

        /// <summary>The local UDP port the channel is bound to.</summary>
        public int LocalPort
        {
            get { return _localPort; }
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

        /// <inheritdoc />
        /// <remarks>Also refuses TooLarge above the policy's datagram limit and Closed after <see cref="Close"/>.
        /// Throws <see cref="System.ArgumentOutOfRangeException"/> for a port outside 0-65535.</remarks>
        public Decision SendTo(byte[] buffer, int offset, int count, uint address, int port)
        {
            return Send(buffer, offset, count, address, port, false);
        }

        /// <summary>
        /// Sends one update-check query (a DNS TXT lookup of the update announcement) to the configured
        /// resolver, charged to the update-check budget and the DNS budget together. Refusals as
        /// <see cref="SendTo"/>, plus NoProtocolClass when the policy disables the update check.
        /// </summary>
        /// <param name="buffer">The DNS query's bytes.</param>
        /// <param name="offset">First byte to send.</param>
        /// <param name="count">Number of bytes.</param>
        /// <param name="resolverAddress">The resolver's IPv4 address in host order.</param>
        /// <param name="port">The resolver's port, normally 53.</param>
        /// <returns>The decision.</returns>
        public Decision SendUpdateCheck(byte[] buffer, int offset, int count, uint resolverAddress, int port)
        {
            return Send(buffer, offset, count, resolverAddress, port, true);
        }

        /// <inheritdoc />
        public int ReceiveFrom(byte[] buffer, int offset, int count, int timeoutMilliseconds, out uint address, out int port, out ReasonCode reason)
        {
            ByteRange.Check(buffer, offset, count, "buffer");
            if (timeoutMilliseconds < 1)
            {
                throw new System.ArgumentOutOfRangeException(nameof(timeoutMilliseconds));
            }

            address = 0;
            port = 0;
            if (IsClosed)
            {
                reason = ReasonCode.Closed;
                return 0;
            }

            int received = _socket.ReceiveFrom(buffer, offset, count, timeoutMilliseconds, out address, out port, out reason);
            if (reason != ReasonCode.Accepted)
            {
                return 0;
            }

            return received > count ? count : received;
        }

        /// <inheritdoc />
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

        private Decision Send(byte[] buffer, int offset, int count, uint address, int port, bool updateCheck)
        {
            ByteRange.Check(buffer, offset, count, "buffer");
            if (port < 0 || port > 65535)
            {
                throw new System.ArgumentOutOfRangeException(nameof(port), "A port is 0 to 65535.");
            }

            int source = updateCheck ? _guard.UpdateCheckSource : _guard.DatagramSource(address, port);
            if (IsClosed)
            {
                return _guard.Refuse(ReasonCode.Closed, 0, source, _localPort, address, port);
            }

            if (count > _guard.Policy.MaxDatagramBytes)
            {
                return _guard.Refuse(ReasonCode.TooLarge, 0, source, _localPort, address, port);
            }

            long now = _guard.NowTicks;
            Decision decision = updateCheck
                ? _guard.Limiter.DecideUpdateCheck(address, port, count, now)
                : _guard.Limiter.Decide(RateLimiting.EgressTransport.Udp, address, port, count, now);
            if (!decision.IsAccepted)
            {
                return _guard.Refuse(decision.Reason, decision.RetryAfterTicks, source, _localPort, address, port);
            }

            ReasonCode sent = _socket.SendTo(buffer, offset, count, address, port);
            if (sent != ReasonCode.Accepted)
            {
                return _guard.Refuse(sent, 0, source, _localPort, address, port);
            }

            return decision;
        }
    }
}
