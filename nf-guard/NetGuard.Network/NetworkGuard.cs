using System;
using System.Collections;
using NetGuard.Diagnostics;
using NetGuard.Platform;
using NetGuard.Policy;
using NetGuard.RateLimiting;

namespace NetGuard.Network
{
    /// <summary>
    /// Owns every socket the firmware uses and enforces the <see cref="GuardPolicy"/>: TCP only on the
    /// declared listeners, with their connection and accept-rate caps; UDP only through guarded channels
    /// whose every datagram passes the <see cref="EgressLimiter"/>; replies on accepted connections
    /// charged as TCP replies. There is no operation that opens an outbound TCP connection, and no
    /// member hands out a platform socket. Every refusal is counted per reason and per source, kept in a
    /// fixed ring of recent refusals (<see cref="RecentRefusals"/>; <see cref="RefusalSummary"/> reports them off the
    /// refused caller's thread). Nothing a peer sends makes the
    /// guard throw; a caller's mistake (null, out of range) throws. Thread-safe.
    /// </summary>
    /// <remarks>
    /// Threat model: firmware code compiled with NetGuard's banned-API list cannot name the platform
    /// socket types, so the guard is its only way onto the network. Reflection over private fields
    /// (reading the guard's socket layer) is outside the threat model: it is deliberate sabotage by the
    /// firmware author, not a mistake the library can prevent on a runtime without access checks.
    /// </remarks>
    public sealed class NetworkGuard
    {
        /// <summary>The default number of recent refusals kept.</summary>
        public const int DefaultRecentRefusals = 32;

        /// <summary>The counter source for listen attempts on ports the policy does not declare.</summary>
        public const string UndeclaredSourceName = "Undeclared";

        private readonly object _gate = new object();
        private readonly GuardPolicy _policy;
        private readonly ISocketLayer _sockets;
        private readonly IMonotonicClock _clock;
        private readonly EgressLimiter _limiter;
        private readonly GuardCounters _counters;
        private readonly RefusalLog _log;
        private readonly RefusalHistory _history = new RefusalHistory();
        private readonly string[] _sourceNames;
        private readonly bool[] _listenerOpen;
        private readonly ArrayList _open = new ArrayList();
        private readonly int _updateCheckSource;
        private readonly int _tcpReplySource;
        private readonly int _unclassifiedSource;
        private readonly int _firstListenerSource;
        private readonly int _undeclaredSource;
        private long _connectionsAccepted;
        private bool _closed;

        /// <summary>
        /// Creates a guard enforcing <paramref name="policy"/> over <paramref name="sockets"/>, keeping the
        /// last <see cref="DefaultRecentRefusals"/> refusals. Throws <see cref="ArgumentNullException"/>
        /// naming a null argument.
        /// </summary>
        /// <param name="policy">The policy.</param>
        /// <param name="sockets">The platform socket layer (host, device, or a test fake).</param>
        /// <param name="clock">The monotonic clock rates are measured on.</param>
        public NetworkGuard(GuardPolicy policy, ISocketLayer sockets, IMonotonicClock clock)
            : this(policy, sockets, clock, DefaultRecentRefusals)
        {
        }

        /// <summary>
        /// Creates a guard keeping the last <paramref name="recentRefusals"/> refusals. Throws
        /// <see cref="ArgumentNullException"/> naming a null argument and
        /// <see cref="ArgumentOutOfRangeException"/> for a ring size outside 1 to <see cref="RefusalLog.MaxCapacity"/>.
        /// </summary>
        /// <param name="policy">The policy.</param>
        /// <param name="sockets">The platform socket layer.</param>
        /// <param name="clock">The monotonic clock.</param>
        /// <param name="recentRefusals">How many recent refusals to keep.</param>
        public NetworkGuard(GuardPolicy policy, ISocketLayer sockets, IMonotonicClock clock, int recentRefusals)
        {
            ArgumentNullException.ThrowIfNull(policy, nameof(policy));
            ArgumentNullException.ThrowIfNull(sockets, nameof(sockets));
            ArgumentNullException.ThrowIfNull(clock, nameof(clock));

            _policy = policy;
            _sockets = sockets;
            _clock = clock;
            _limiter = new EgressLimiter(policy.Egress);
            _log = new RefusalLog(recentRefusals);

            // Sources: the limiter's rows (classes, update check, TCP replies, unclassified), then one
            // per declared listener ("tcp/80", "udp/5353"), then listen attempts on undeclared ports.
            int classCount = policy.Egress.ClassCount;
            int listenerCount = policy.ListenerCount;
            string[] names = new string[classCount + 4 + listenerCount];
            for (int i = 0; i < classCount; i++)
            {
                names[i] = policy.Egress.GetClass(i).Name;
            }

            _updateCheckSource = classCount;
            _tcpReplySource = classCount + 1;
            _unclassifiedSource = classCount + 2;
            _firstListenerSource = classCount + 3;
            _undeclaredSource = _firstListenerSource + listenerCount;
            names[_updateCheckSource] = EgressDefaults.UpdateCheckName;
            names[_tcpReplySource] = EgressCounters.TcpReplyRowName;
            names[_unclassifiedSource] = EgressCounters.UnclassifiedRowName;
            for (int i = 0; i < listenerCount; i++)
            {
                ListenerDeclaration listener = policy.GetListener(i);
                names[_firstListenerSource + i] = (listener.Transport == ListenerTransport.Tcp ? "tcp/" : "udp/") + listener.Port.ToString();
            }

            names[_undeclaredSource] = UndeclaredSourceName;
            _sourceNames = names;
            _counters = new GuardCounters(names);
            _listenerOpen = new bool[listenerCount];
        }

        /// <summary>The policy this guard enforces.</summary>
        public GuardPolicy Policy
        {
            get { return _policy; }
        }

        /// <summary>The refusal counters (per reason and per source).</summary>
        public GuardCounters Counters
        {
            get { return _counters; }
        }

        /// <summary>The ring of recent refusals.</summary>
        public RefusalLog RecentRefusals
        {
            get { return _log; }
        }

        /// <summary>Refusals per minute over the last hour (the admin page's chart).</summary>
        public RefusalHistory RefusalHistory
        {
            get { return _history; }
        }

        /// <summary>How many platform sockets the guard holds open now (listeners, connections, channels).</summary>
        public int OpenSocketCount
        {
            get
            {
                lock (_gate)
                {
                    return _open.Count;
                }
            }
        }

        /// <summary>
        /// Opens the TCP listener declared for <paramref name="port"/>. Refusals: PortForbidden (23, 2323),
        /// PortNotDeclared, InvalidState (already open, or the guard is closed), BindFailed or SocketError
        /// from the platform. Throws <see cref="ArgumentOutOfRangeException"/> for a port outside 1-65535.
        /// </summary>
        /// <param name="port">The local port.</param>
        /// <param name="listener">The listener, or null when refused.</param>
        /// <returns>The decision.</returns>
        public Decision ListenTcp(int port, out GuardedListener listener)
        {
            listener = null;
            CheckPort(port, 1);
            int index;
            Decision decision = ReserveListener(port, ListenerTransport.Tcp, out index);
            if (!decision.IsAccepted)
            {
                return decision;
            }

            ListenerDeclaration declaration = _policy.GetListener(index);
            IStreamListenerSocket socket = null;
            bool handedOver = false;
            try
            {
                ReasonCode reason = _sockets.OpenStreamListener(port, declaration.MaxConnections, out socket);
                if (reason != ReasonCode.Accepted || socket == null)
                {
                    return Refuse(reason == ReasonCode.Accepted ? ReasonCode.SocketError : reason, 0, _firstListenerSource + index, port, 0, 0);
                }

                GuardedListener opened = new GuardedListener(this, declaration, index, socket);
                lock (_gate)
                {
                    if (!_closed)
                    {
                        _open.Add(opened);
                        handedOver = true;
                    }
                }

                if (!handedOver)
                {
                    return Refuse(ReasonCode.InvalidState, 0, _firstListenerSource + index, port, 0, 0);
                }

                listener = opened;
                return Decision.Accept();
            }
            finally
            {
                if (!handedOver)
                {
                    if (socket != null)
                    {
                        socket.Close();
                    }

                    ReleaseListener(index);
                }
            }
        }

        /// <summary>
        /// Opens a guarded UDP channel: on an ephemeral port when <paramref name="localPort"/> is 0 (no
        /// declaration needed: it can only send what the egress policy admits), else on the UDP port the
        /// policy declares. Refusals: PortForbidden, PortNotDeclared, InvalidState (already open, or the
        /// guard is closed), BindFailed or SocketError. Throws <see cref="ArgumentOutOfRangeException"/>
        /// for a port outside 0-65535.
        /// </summary>
        /// <param name="localPort">The local port, or 0 for an ephemeral one.</param>
        /// <param name="channel">The channel, or null when refused.</param>
        /// <returns>The decision.</returns>
        public Decision OpenUdp(int localPort, out GuardedDatagramChannel channel)
        {
            channel = null;
            CheckPort(localPort, 0);
            int index = -1;
            int source = _unclassifiedSource;
            if (localPort != 0)
            {
                Decision decision = ReserveListener(localPort, ListenerTransport.Udp, out index);
                if (!decision.IsAccepted)
                {
                    return decision;
                }

                source = _firstListenerSource + index;
            }
            else if (IsClosed)
            {
                return Refuse(ReasonCode.InvalidState, 0, source, 0, 0, 0);
            }

            IDatagramSocket socket = null;
            bool handedOver = false;
            try
            {
                ReasonCode reason = _sockets.OpenDatagram(localPort, out socket);
                if (reason != ReasonCode.Accepted || socket == null)
                {
                    return Refuse(reason == ReasonCode.Accepted ? ReasonCode.SocketError : reason, 0, source, localPort, 0, 0);
                }

                GuardedDatagramChannel opened = new GuardedDatagramChannel(this, index, socket);
                lock (_gate)
                {
                    if (!_closed)
                    {
                        _open.Add(opened);
                        handedOver = true;
                    }
                }

                if (!handedOver)
                {
                    return Refuse(ReasonCode.InvalidState, 0, source, localPort, 0, 0);
                }

                channel = opened;
                return Decision.Accept();
            }
            finally
            {
                if (!handedOver)
                {
                    if (socket != null)
                    {
                        socket.Close();
                    }

                    if (index >= 0)
                    {
                        ReleaseListener(index);
                    }
                }
            }
        }

        /// <summary>
        /// Asks for outbound traffic other than UDP: an outbound TCP connection, ICMP or a raw IP packet.
        /// The answer is always a refusal (OutboundTcpForbidden, or TransportNotAllowed for ICMP, raw and
        /// any unknown transport), counted and logged, so firmware that asks learns why. UDP goes through
        /// <see cref="OpenUdp"/>. Throws <see cref="ArgumentOutOfRangeException"/> for
        /// <see cref="EgressTransport.Udp"/> or a port outside 0-65535.
        /// </summary>
        /// <param name="transport">What kind of traffic.</param>
        /// <param name="address">The destination IPv4 address in host order.</param>
        /// <param name="port">The destination port (0 for ICMP and raw).</param>
        /// <returns>The refusal.</returns>
        public Decision RequestOutbound(EgressTransport transport, uint address, int port)
        {
            if (transport == EgressTransport.Udp)
            {
                throw new ArgumentOutOfRangeException(nameof(transport), "UDP goes through a guarded channel (OpenUdp).");
            }

            CheckPort(port, 0);
            long now = _clock.NowTicks;
            Decision decision = _limiter.Decide(transport, address, port, 0, now);
            if (decision.IsAccepted)
            {
                // Defence in depth: the limiter admits only UDP, so this cannot happen; fail closed anyway.
                return Refuse(ReasonCode.TransportNotAllowed, 0, _unclassifiedSource, 0, address, port);
            }

            return Refuse(decision.Reason, decision.RetryAfterTicks, _unclassifiedSource, 0, address, port);
        }

        /// <summary>
        /// A consistent snapshot of the counters and recent refusals for the admin API: refusal counters
        /// ("refusals", "reason.&lt;Reason&gt;", "source.&lt;source&gt;"), the limiter's admissions per row
        /// ("admitted.&lt;row&gt;"), "connections.accepted" and "sockets.open". Allocates the snapshot.
        /// </summary>
        /// <returns>The snapshot.</returns>
        public GuardSnapshot GetSnapshot()
        {
            EgressCounters egress = _limiter.GetCounters();
            int size = _counters.MaxEntries + egress.RowCount + 2;
            string[] names = new string[size];
            long[] values = new long[size];
            int at = _counters.AppendTo(names, values, 0);
            for (int row = 0; row < egress.RowCount; row++)
            {
                names[at] = "admitted." + egress.GetRowName(row);
                values[at] = egress.GetAdmitted(row);
                at++;
            }

            lock (_gate)
            {
                names[at] = "connections.accepted";
                values[at] = _connectionsAccepted;
                at++;
                names[at] = "sockets.open";
                values[at] = _open.Count;
                at++;
            }

            return new GuardSnapshot(names, values, at, _log.ToArray());
        }

        /// <summary>The egress limiter's own counters (admitted and refused per class and reason). Allocates the snapshot.</summary>
        /// <returns>The counters.</returns>
        public EgressCounters GetEgressCounters()
        {
            return _limiter.GetCounters();
        }

        /// <summary>
        /// Closes every listener, connection and channel the guard opened and refuses to open more
        /// (InvalidState). Safe to call more than once; never throws for platform errors.
        /// </summary>
        public void Close()
        {
            object[] open;
            lock (_gate)
            {
                _closed = true;
                open = _open.ToArray();
            }

            for (int i = 0; i < open.Length; i++)
            {
                GuardedListener listener = open[i] as GuardedListener;
                if (listener != null)
                {
                    listener.Close();
                    continue;
                }

                GuardedConnection connection = open[i] as GuardedConnection;
                if (connection != null)
                {
                    connection.Close();
                    continue;
                }

                GuardedDatagramChannel channel = open[i] as GuardedDatagramChannel;
                if (channel != null)
                {
                    channel.Close();
                }
            }
        }

        internal EgressLimiter Limiter
        {
            get { return _limiter; }
        }

        internal long NowTicks
        {
            get { return _clock.NowTicks; }
        }

        internal int TcpReplySource
        {
            get { return _tcpReplySource; }
        }

        internal int UpdateCheckSource
        {
            get { return _updateCheckSource; }
        }

        internal int ListenerSource(int declarationIndex)
        {
            return _firstListenerSource + declarationIndex;
        }

        private bool IsClosed
        {
            get
            {
                lock (_gate)
                {
                    return _closed;
                }
            }
        }

        // The source a UDP datagram is counted under: the class the limiter matches (port and
        // destination), else the first class declaring the port, else Unclassified; the same order as
        // EgressLimiter.Decide.
        internal int DatagramSource(uint address, int port)
        {
            EgressPolicy egress = _policy.Egress;
            int portOnly = -1;
            for (int i = 0; i < egress.ClassCount; i++)
            {
                EgressClass egressClass = egress.GetClass(i);
                if (egressClass.MatchesPort(port))
                {
                    if (egressClass.AllowsDestination(address))
                    {
                        return i;
                    }

                    if (portOnly < 0)
                    {
                        portOnly = i;
                    }
                }
            }

            return portOnly >= 0 ? portOnly : _unclassifiedSource;
        }

        // Counts and logs a refusal and returns it as a Decision. Nothing else runs on the refused caller's thread:
        // a flood of refusals costs a counter increment and a ring slot each; RefusalSummary reports them later.
        internal Decision Refuse(ReasonCode reason, long retryAfterTicks, int source, int localPort, uint remoteAddress, int remotePort)
        {
            if (reason == ReasonCode.Accepted)
            {
                reason = ReasonCode.SocketError;
            }

            _counters.Count(reason, source);
            _history.Record(_clock.NowTicks);
            string sourceName = source >= 0 && source < _sourceNames.Length ? _sourceNames[source] : EgressCounters.UnclassifiedRowName;
            _log.Record(_clock.NowTicks, reason, sourceName, localPort, remoteAddress, remotePort);

            return Decision.Refuse(reason, retryAfterTicks < 0 ? 0 : retryAfterTicks);
        }

        // Registers an accepted connection; false when the guard is closed (the caller then closes it).
        internal bool ConnectionAccepted(GuardedConnection connection)
        {
            lock (_gate)
            {
                if (_closed)
                {
                    return false;
                }

                _open.Add(connection);
                _connectionsAccepted++;
                return true;
            }
        }

        // Called by a guarded listener, connection or channel when it releases its socket (once).
        internal void Released(object resource, int listenerIndex)
        {
            lock (_gate)
            {
                _open.Remove(resource);
                if (listenerIndex >= 0)
                {
                    _listenerOpen[listenerIndex] = false;
                }
            }
        }

        internal bool IsClosedForAccept
        {
            get { return IsClosed; }
        }

        private Decision ReserveListener(int port, ListenerTransport transport, out int index)
        {
            index = -1;
            Decision check = _policy.CheckListen(port, transport);
            if (!check.IsAccepted)
            {
                return Refuse(check.Reason, 0, _undeclaredSource, port, 0, 0);
            }

            index = _policy.IndexOfListener(port, transport);
            bool reserved = false;
            lock (_gate)
            {
                if (!_closed && !_listenerOpen[index])
                {
                    _listenerOpen[index] = true;
                    reserved = true;
                }
            }

            if (!reserved)
            {
                int source = _firstListenerSource + index;
                index = -1;
                return Refuse(ReasonCode.InvalidState, 0, source, port, 0, 0);
            }

            return Decision.Accept();
        }

        private void ReleaseListener(int index)
        {
            lock (_gate)
            {
                _listenerOpen[index] = false;
            }
        }

        private static void CheckPort(int port, int minimum)
        {
            if (port < minimum || port > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(port), "A port is 1 to 65535 (0 for an ephemeral UDP port).");
            }
        }
    }
}
