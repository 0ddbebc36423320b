using System;
using NetGuard.Diagnostics;

namespace NetGuard.RateLimiting
{
    /// <summary>
    /// Decides, packet by packet, whether the device may send: one call per outgoing packet. A UDP
    /// packet must match a declared <see cref="EgressClass"/> (port and destination), stay within the
    /// fan-out cap on new destinations, and fit both the class's packet and byte buckets; outbound TCP
    /// connections, ICMP and raw packets are always refused. Nothing is charged unless every check
    /// admits, and every admission and refusal is counted per class and per reason
    /// (<see cref="GetCounters"/>). All state is allocated at construction; a decision allocates
    /// nothing. Thread-safe: one private lock (a spin lock on the host, Monitor on the device), held for a few
    /// dozen instructions per decision.
    /// Hostile destinations never throw; a caller's mistake (negative size, port out of range, null
    /// bucket) throws <see cref="ArgumentOutOfRangeException"/> or <see cref="ArgumentNullException"/>.
    /// </summary>
    public sealed class EgressLimiter
    {
        // One lock for every bucket, the fan-out table and the counters (ShortLock: a spin lock on the
        // host, Monitor on the device). Every Enter is paired with Exit in a finally.
        private readonly ShortLock _gate = new ShortLock();
        private readonly EgressPolicy _policy;

        // Classification table, flattened from the policy for the hot path: entry i says that port
        // _entryPorts[i] belongs to class _entryClasses[i]; entries follow class order.
        private readonly int[] _entryPorts;
        private readonly int[] _entryClasses;
        private readonly uint[][] _classDestinations;
        private readonly TokenBucket[] _packetBuckets;
        private readonly TokenBucket[] _byteBuckets;
        private readonly EgressClass _updateCheck;
        private readonly TokenBucket _updateCheckPackets;
        private readonly TokenBucket _updateCheckBytes;
        private readonly TokenBucket _dnsPackets;
        private readonly TokenBucket _dnsBytes;
        private readonly TokenBucket _tcpReplyGlobal;
        private readonly FanOutLimiter _fanOut;
        private readonly string[] _rowNames;
        private readonly long[] _counters;
        private readonly int _updateCheckRow;
        private readonly int _tcpReplyRow;
        private readonly int _unclassifiedRow;

        /// <summary>
        /// Creates a limiter enforcing <paramref name="policy"/>, with every bucket full and no
        /// destination seen. Throws <see cref="ArgumentNullException"/> when the policy is null.
        /// </summary>
        /// <param name="policy">The policy to enforce.</param>
        public EgressLimiter(EgressPolicy policy)
        {
            ArgumentNullException.ThrowIfNull(policy, nameof(policy));

            _policy = policy;
            EgressClass[] classes = policy.Classes;
            int classCount = classes.Length;
            _packetBuckets = new TokenBucket[classCount];
            _byteBuckets = new TokenBucket[classCount];
            _classDestinations = new uint[classCount][];
            _rowNames = new string[classCount + 3];
            int entryCount = 0;
            for (int i = 0; i < classCount; i++)
            {
                EgressClass egressClass = classes[i];
                _packetBuckets[i] = egressClass.PacketLimit.CreateBucket(egressClass.MinimumIntervalTicks);
                _byteBuckets[i] = egressClass.ByteLimit.CreateBucket();
                _classDestinations[i] = egressClass.Destinations;
                _rowNames[i] = egressClass.Name;
                entryCount += egressClass.PortCount;
            }

            _entryPorts = new int[entryCount];
            _entryClasses = new int[entryCount];
            int entry = 0;
            for (int i = 0; i < classCount; i++)
            {
                for (int p = 0; p < classes[i].PortCount; p++)
                {
                    _entryPorts[entry] = classes[i].GetPort(p);
                    _entryClasses[entry] = i;
                    entry++;
                }
            }

            _updateCheck = policy.UpdateCheck;
            if (_updateCheck != null)
            {
                _updateCheckPackets = _updateCheck.PacketLimit.CreateBucket(_updateCheck.MinimumIntervalTicks);
                _updateCheckBytes = _updateCheck.ByteLimit.CreateBucket();
                _dnsPackets = _packetBuckets[policy.DnsClassIndex];
                _dnsBytes = _byteBuckets[policy.DnsClassIndex];
            }

            _tcpReplyGlobal = policy.TcpReplyGlobal.CreateBucket();
            _fanOut = new FanOutLimiter(policy.FanOutMaxNewDestinations, policy.FanOutWindowTicks);
            _updateCheckRow = classCount;
            _tcpReplyRow = classCount + 1;
            _unclassifiedRow = classCount + 2;
            _rowNames[_updateCheckRow] = EgressDefaults.UpdateCheckName;
            _rowNames[_tcpReplyRow] = EgressCounters.TcpReplyRowName;
            _rowNames[_unclassifiedRow] = EgressCounters.UnclassifiedRowName;
            _counters = new long[_rowNames.Length * EgressCounters.SlotCount];
        }

        /// <summary>The policy this limiter enforces.</summary>
        public EgressPolicy Policy
        {
            get { return _policy; }
        }

        /// <summary>
        /// Decides whether one outgoing packet may be sent now, and charges the limits if so. In order:
        /// <see cref="EgressTransport.TcpConnect"/> is refused as OutboundTcpForbidden; any transport
        /// other than UDP as TransportNotAllowed; a UDP port no class declares as NoProtocolClass; a
        /// declared port to an address the class does not list as DestinationNotAllowed; a new
        /// destination beyond the fan-out cap as FanOutExceeded (with the wait); a packet larger than
        /// the class's byte capacity as TooLarge; a packet the buckets cannot cover yet as RateLimited
        /// (with the wait). Allocates nothing. Throws <see cref="ArgumentOutOfRangeException"/> for a
        /// port outside 0-65535 or a negative size.
        /// </summary>
        /// <param name="transport">What kind of packet it is.</param>
        /// <param name="destinationAddress">The destination IPv4 address in host order.</param>
        /// <param name="destinationPort">The destination port, 0-65535 (ignored for non-UDP transports).</param>
        /// <param name="byteCount">The UDP payload size in bytes; not negative.</param>
        /// <param name="nowTicks">The current monotonic time in 100 ns ticks.</param>
        /// <returns>Accepted, or the refusal with its reason and wait.</returns>
        public Decision Decide(EgressTransport transport, uint destinationAddress, int destinationPort, int byteCount, long nowTicks)
        {
            if (destinationPort < 0 || destinationPort > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(destinationPort), "A port is 0 to 65535.");
            }

            if (byteCount < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(byteCount), "A packet cannot have a negative size.");
            }

            if (transport != EgressTransport.Udp)
            {
                return RefuseUnclassified(transport == EgressTransport.TcpConnect ? ReasonCode.OutboundTcpForbidden : ReasonCode.TransportNotAllowed);
            }

            // The policy is immutable, so classification needs no lock: the first class that declares
            // the port and lists the destination wins.
            int[] entryPorts = _entryPorts;
            int matched = -1;
            int portOnly = -1;
            for (int i = 0; i < entryPorts.Length; i++)
            {
                if (entryPorts[i] == destinationPort)
                {
                    int candidate = _entryClasses[i];
                    if (Contains(_classDestinations[candidate], destinationAddress))
                    {
                        matched = candidate;
                        break;
                    }

                    if (portOnly < 0)
                    {
                        portOnly = candidate;
                    }
                }
            }

            if (matched < 0)
            {
                if (portOnly < 0)
                {
                    return RefuseUnclassified(ReasonCode.NoProtocolClass);
                }

                _gate.Enter();
                try
                {
                    Count(portOnly, ReasonCode.DestinationNotAllowed);
                }
                finally
                {
                    _gate.Exit();
                }

                return Decision.Refuse(ReasonCode.DestinationNotAllowed);
            }

            TokenBucket packets = _packetBuckets[matched];
            TokenBucket bytes = _byteBuckets[matched];
            ReasonCode reason;
            long wait;
            _gate.Enter();
            try
            {
                int slot;
                wait = _fanOut.AdvanceAndGetWait(destinationAddress, nowTicks, out slot);
                if (wait != 0)
                {
                    reason = ReasonCode.FanOutExceeded;
                }
                else
                {
                    long packetWait = packets.RefillAndGetWait(1, nowTicks);
                    long byteWait = bytes.RefillAndGetWait(byteCount, nowTicks);
                    if (byteWait == TokenBucket.Never)
                    {
                        reason = ReasonCode.TooLarge;
                    }
                    else if (packetWait != 0 || byteWait != 0)
                    {
                        reason = ReasonCode.RateLimited;
                        wait = Max(packetWait, byteWait);
                    }
                    else
                    {
                        // Every check admitted: charge everything together, count, accept.
                        packets.TakeUnsynchronized(1);
                        bytes.TakeUnsynchronized(byteCount);
                        _fanOut.AdmitUnsynchronized(slot, destinationAddress);
                        _counters[matched * EgressCounters.SlotCount]++;
                        return Decision.Accept();
                    }
                }

                Count(matched, reason);
            }
            finally
            {
                _gate.Exit();
            }

            return Decision.Refuse(reason, wait);
        }

        /// <summary>
        /// Decides whether one update-check query (a DNS TXT lookup of the update announcement) may be
        /// sent now. It must go to the update-check class's resolver and port, pass the fan-out cap, and
        /// fit both the update-check buckets and the DNS class's buckets; all four are charged together
        /// or none is. Refusals: NoProtocolClass when the update check is disabled or the port is not
        /// the class's, DestinationNotAllowed, FanOutExceeded, TooLarge, RateLimited (with the wait).
        /// Allocates nothing. Throws <see cref="ArgumentOutOfRangeException"/> for a port outside
        /// 0-65535 or a negative size.
        /// </summary>
        /// <param name="resolverAddress">The destination (resolver) IPv4 address in host order.</param>
        /// <param name="destinationPort">The destination port, normally 53.</param>
        /// <param name="byteCount">The query's UDP payload size in bytes; not negative.</param>
        /// <param name="nowTicks">The current monotonic time in 100 ns ticks.</param>
        /// <returns>Accepted, or the refusal with its reason and wait.</returns>
        public Decision DecideUpdateCheck(uint resolverAddress, int destinationPort, int byteCount, long nowTicks)
        {
            if (destinationPort < 0 || destinationPort > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(destinationPort), "A port is 0 to 65535.");
            }

            if (byteCount < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(byteCount), "A packet cannot have a negative size.");
            }

            ReasonCode reason;
            long wait = 0;
            EgressClass updateCheck = _updateCheck;
            if (updateCheck == null || !updateCheck.MatchesPort(destinationPort))
            {
                reason = ReasonCode.NoProtocolClass;
            }
            else if (!updateCheck.AllowsDestination(resolverAddress))
            {
                reason = ReasonCode.DestinationNotAllowed;
            }
            else
            {
                _gate.Enter();
                try
                {
                    int slot;
                    wait = _fanOut.AdvanceAndGetWait(resolverAddress, nowTicks, out slot);
                    if (wait != 0)
                    {
                        reason = ReasonCode.FanOutExceeded;
                    }
                    else
                    {
                        long packetWait = _updateCheckPackets.RefillAndGetWait(1, nowTicks);
                        long byteWait = _updateCheckBytes.RefillAndGetWait(byteCount, nowTicks);
                        long dnsPacketWait = _dnsPackets.RefillAndGetWait(1, nowTicks);
                        long dnsByteWait = _dnsBytes.RefillAndGetWait(byteCount, nowTicks);
                        if (byteWait == TokenBucket.Never || dnsByteWait == TokenBucket.Never)
                        {
                            reason = ReasonCode.TooLarge;
                        }
                        else if (packetWait != 0 || byteWait != 0 || dnsPacketWait != 0 || dnsByteWait != 0)
                        {
                            reason = ReasonCode.RateLimited;
                            wait = Max(Max(packetWait, byteWait), Max(dnsPacketWait, dnsByteWait));
                        }
                        else
                        {
                            _updateCheckPackets.TakeUnsynchronized(1);
                            _updateCheckBytes.TakeUnsynchronized(byteCount);
                            _dnsPackets.TakeUnsynchronized(1);
                            _dnsBytes.TakeUnsynchronized(byteCount);
                            _fanOut.AdmitUnsynchronized(slot, resolverAddress);
                            _counters[_updateCheckRow * EgressCounters.SlotCount]++;
                            return Decision.Accept();
                        }
                    }

                    Count(_updateCheckRow, reason);
                }
                finally
                {
                    _gate.Exit();
                }

                return Decision.Refuse(reason, wait);
            }

            _gate.Enter();
            try
            {
                Count(_updateCheckRow, reason);
            }
            finally
            {
                _gate.Exit();
            }

            return Decision.Refuse(reason);
        }

        /// <summary>
        /// Decides whether <paramref name="byteCount"/> bytes may be written now on an accepted inbound
        /// TCP connection: they must fit both the connection's own bucket (from
        /// <see cref="CreateConnectionBucket"/>) and the global TCP reply bucket; both are charged or
        /// neither is. Refusals: TooLarge when the write exceeds either capacity (write in smaller
        /// pieces), RateLimited with the wait. Allocates nothing. Throws
        /// <see cref="ArgumentNullException"/> for a null bucket and
        /// <see cref="ArgumentOutOfRangeException"/> for a negative size.
        /// </summary>
        /// <param name="connectionBucket">The connection's byte bucket.</param>
        /// <param name="byteCount">The bytes to write; not negative.</param>
        /// <param name="nowTicks">The current monotonic time in 100 ns ticks.</param>
        /// <returns>Accepted, or the refusal with its reason and wait.</returns>
        public Decision DecideTcpReply(TokenBucket connectionBucket, int byteCount, long nowTicks)
        {
            ArgumentNullException.ThrowIfNull(connectionBucket, nameof(connectionBucket));

            if (byteCount < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(byteCount), "A write cannot have a negative size.");
            }

            ReasonCode reason;
            long wait = 0;

            // The limiter's lock also guards the connection's bucket (buckets have no lock of their own),
            // so several threads may write to one connection.
            _gate.Enter();
            try
            {
                long connectionWait = connectionBucket.RefillAndGetWait(byteCount, nowTicks);
                long globalWait = _tcpReplyGlobal.RefillAndGetWait(byteCount, nowTicks);
                if (connectionWait == TokenBucket.Never || globalWait == TokenBucket.Never)
                {
                    reason = ReasonCode.TooLarge;
                }
                else if (connectionWait != 0 || globalWait != 0)
                {
                    reason = ReasonCode.RateLimited;
                    wait = Max(connectionWait, globalWait);
                }
                else
                {
                    connectionBucket.TakeUnsynchronized(byteCount);
                    _tcpReplyGlobal.TakeUnsynchronized(byteCount);
                    _counters[_tcpReplyRow * EgressCounters.SlotCount]++;
                    return Decision.Accept();
                }

                Count(_tcpReplyRow, reason);
            }
            finally
            {
                _gate.Exit();
            }

            return Decision.Refuse(reason, wait);
        }

        /// <summary>
        /// A new, full byte bucket for one accepted TCP connection, with the policy's per-connection
        /// limit; pass it to <see cref="DecideTcpReply"/> for every write on that connection, which
        /// synchronises it under the limiter's lock. Never fails.
        /// </summary>
        /// <returns>The bucket.</returns>
        public TokenBucket CreateConnectionBucket()
        {
            return _policy.TcpReplyPerConnection.CreateBucket();
        }

        /// <summary>
        /// A snapshot of the counters, copied under the lock so that it is consistent (every decision
        /// is either wholly in it or not at all). Allocates the snapshot; safe while traffic flows.
        /// </summary>
        /// <returns>The snapshot.</returns>
        public EgressCounters GetCounters()
        {
            long[] copy = new long[_counters.Length];
            _gate.Enter();
            try
            {
                Array.Copy(_counters, copy, _counters.Length);
            }
            finally
            {
                _gate.Exit();
            }

            return new EgressCounters(_rowNames, copy);
        }

        private Decision RefuseUnclassified(ReasonCode reason)
        {
            _gate.Enter();
            try
            {
                Count(_unclassifiedRow, reason);
            }
            finally
            {
                _gate.Exit();
            }

            return Decision.Refuse(reason);
        }

        // Caller holds _gate.
        private void Count(int row, ReasonCode reason)
        {
            _counters[(row * EgressCounters.SlotCount) + EgressCounters.SlotOf(reason)]++;
        }

        private static bool Contains(uint[] addresses, uint address)
        {
            for (int i = 0; i < addresses.Length; i++)
            {
                if (addresses[i] == address)
                {
                    return true;
                }
            }

            return false;
        }

        private static long Max(long a, long b)
        {
            return a > b ? a : b;
        }
    }
}
