namespace NetGuard.Diagnostics
{
    /// <summary>
    /// One refusal the network guard made: when, why, which class or listener it concerned, the local
    /// port and the remote end. Immutable. The guard records refusals without making these; they are made
    /// when its log is read.
    /// </summary>
    public sealed class RefusalEvent
    {
        /// <summary>Creates a record. Never fails.</summary>
        /// <param name="timeTicks">When, on the guard's monotonic clock, in 100 ns ticks.</param>
        /// <param name="reason">Why.</param>
        /// <param name="source">The egress class or listener it concerned (a counter source name).</param>
        /// <param name="localPort">The local port involved, or 0.</param>
        /// <param name="remoteAddress">The remote IPv4 address in host order, or 0.</param>
        /// <param name="remotePort">The remote port, or 0.</param>
        public RefusalEvent(long timeTicks, ReasonCode reason, string source, int localPort, uint remoteAddress, int remotePort)
        {
            TimeTicks = timeTicks;
            Reason = reason;
            Source = source;
            LocalPort = localPort;
            RemoteAddress = remoteAddress;
            RemotePort = remotePort;
        }

        /// <summary>When the refusal happened, on the guard's monotonic clock, in 100 ns ticks.</summary>
        public long TimeTicks { get; }

        /// <summary>Why the request was refused.</summary>
        public ReasonCode Reason { get; }

        /// <summary>The egress class (e.g. "DNS", "TcpReply", "Unclassified") or listener (e.g. "tcp/80") it concerned.</summary>
        public string Source { get; }

        /// <summary>The local port involved (listener or channel port), or 0.</summary>
        public int LocalPort { get; }

        /// <summary>The remote IPv4 address (destination of a send, peer of a connection) in host order, or 0.</summary>
        public uint RemoteAddress { get; }

        /// <summary>The remote port, or 0.</summary>
        public int RemotePort { get; }
    }
}
