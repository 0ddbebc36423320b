namespace NetGuard.RateLimiting
{
    /// <summary>
    /// What kind of outgoing traffic a packet is, as the caller of <see cref="EgressLimiter.Decide"/>
    /// declares it. Only <see cref="Udp"/> can be admitted there; data on accepted TCP connections goes
    /// through <see cref="EgressLimiter.DecideTcpReply"/>. Values are explicit and stable; any value
    /// not defined here is refused as <see cref="Diagnostics.ReasonCode.TransportNotAllowed"/>.
    /// </summary>
    public enum EgressTransport
    {
        /// <summary>A UDP datagram; admitted only through a declared <see cref="EgressClass"/>.</summary>
        Udp = 1,

        /// <summary>Opening an outbound TCP connection; always refused as OutboundTcpForbidden.</summary>
        TcpConnect = 2,

        /// <summary>An ICMP message (ping and the like); always refused as TransportNotAllowed.</summary>
        Icmp = 3,

        /// <summary>A raw IP packet; always refused as TransportNotAllowed.</summary>
        Raw = 4,
    }
}
