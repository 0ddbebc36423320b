using NetGuard.Diagnostics;

namespace NetGuard.Network
{
    /// <summary>
    /// An inbound TCP connection that someone else opened and the guard accepted. It is the only kind of
    /// TCP connection NetGuard offers: there is no way to open one. Every send passes the egress limiter
    /// as a TCP reply. Nothing a peer does makes these methods throw; only caller mistakes (null buffer,
    /// a range outside it) do.
    /// </summary>
    public interface IConnection
    {
        /// <summary>The peer's IPv4 address in host order (a.b.c.d = a&lt;&lt;24 | b&lt;&lt;16 | c&lt;&lt;8 | d).</summary>
        uint RemoteAddress { get; }

        /// <summary>The peer's TCP port.</summary>
        int RemotePort { get; }

        /// <summary>
        /// Receives up to <paramref name="count"/> bytes into <paramref name="buffer"/> at
        /// <paramref name="offset"/>, waiting at most <paramref name="timeoutMilliseconds"/>.
        /// Returns the number of bytes received (more than 0) with <paramref name="reason"/>
        /// <see cref="ReasonCode.Accepted"/>; or 0 with <see cref="ReasonCode.Closed"/> (the peer closed,
        /// or this side did), <see cref="ReasonCode.TimedOut"/>, <see cref="ReasonCode.ConnectionReset"/>
        /// or <see cref="ReasonCode.SocketError"/>.
        /// </summary>
        /// <param name="buffer">Where to write.</param>
        /// <param name="offset">First byte to write.</param>
        /// <param name="count">Most bytes to receive; more than 0.</param>
        /// <param name="timeoutMilliseconds">Longest wait for the first byte, in milliseconds; more than 0.</param>
        /// <param name="reason">Why fewer than one byte arrived, or Accepted.</param>
        /// <returns>The number of bytes received.</returns>
        int Receive(byte[] buffer, int offset, int count, int timeoutMilliseconds, out ReasonCode reason);

        /// <summary>
        /// Sends <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>
        /// if the egress limiter admits them as a TCP reply; all or nothing. Refusals:
        /// <see cref="ReasonCode.RateLimited"/> (with a retry-after), <see cref="ReasonCode.Closed"/>,
        /// <see cref="ReasonCode.ConnectionReset"/>, <see cref="ReasonCode.TimedOut"/>,
        /// <see cref="ReasonCode.SocketError"/>.
        /// </summary>
        /// <param name="buffer">The bytes to send.</param>
        /// <param name="offset">First byte to send.</param>
        /// <param name="count">Number of bytes; 0 is allowed and sends nothing.</param>
        /// <returns>The decision.</returns>
        Decision Send(byte[] buffer, int offset, int count);

        /// <summary>Closes the connection and releases its socket. Safe to call more than once.</summary>
        void Close();

        /// <summary>
        /// Closes the connection because the peer misbehaved (<paramref name="reason"/>, for example
        /// <see cref="ReasonCode.HeadTooSlow"/>): counted and logged with the guard's refusals. Safe to call more than
        /// once and after <see cref="Close"/> (then it does nothing).
        /// </summary>
        /// <param name="reason">Why the connection is dropped.</param>
        void Drop(ReasonCode reason);

        /// <summary>
        /// Tells the guard that a complete request arrived and is being served: from now on the connection is never
        /// displaced to admit a newcomer when its listener is at its cap (<see cref="ReasonCode.ConnectionDisplaced"/>).
        /// </summary>
        void MarkInService();
    }
}
