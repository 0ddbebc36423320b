using NetGuard.Diagnostics;

namespace NetGuard.Network
{
    /// <summary>
    /// A guarded UDP endpoint. Every datagram it sends passes the egress limiter (its protocol class is
    /// found from the destination); receiving works as usual. Nothing a peer does makes these methods
    /// throw; only caller mistakes (null buffer, a range outside it) do.
    /// </summary>
    public interface IDatagramChannel
    {
        /// <summary>
        /// Sends one datagram if the egress limiter admits it. Refusals carry the limiter's reason
        /// (<see cref="ReasonCode.NoProtocolClass"/>, <see cref="ReasonCode.DestinationNotAllowed"/>,
        /// <see cref="ReasonCode.RateLimited"/>, <see cref="ReasonCode.FanOutExceeded"/>) or a socket
        /// reason (<see cref="ReasonCode.Closed"/>, <see cref="ReasonCode.SocketError"/>).
        /// </summary>
        /// <param name="buffer">The datagram's bytes.</param>
        /// <param name="offset">First byte to send.</param>
        /// <param name="count">Number of bytes.</param>
        /// <param name="address">Destination IPv4 address in host order.</param>
        /// <param name="port">Destination UDP port.</param>
        /// <returns>The decision.</returns>
        Decision SendTo(byte[] buffer, int offset, int count, uint address, int port);

        /// <summary>
        /// Receives one datagram, waiting at most <paramref name="timeoutMilliseconds"/>. Returns its
        /// length (a datagram longer than <paramref name="count"/> is cut and reported as
        /// <see cref="ReasonCode.TooLarge"/> with 0), or 0 with <see cref="ReasonCode.TimedOut"/>,
        /// <see cref="ReasonCode.Closed"/> or <see cref="ReasonCode.SocketError"/>.
        /// </summary>
        /// <param name="buffer">Where to write.</param>
        /// <param name="offset">First byte to write.</param>
        /// <param name="count">Room in the buffer.</param>
        /// <param name="timeoutMilliseconds">Longest wait, in milliseconds; more than 0.</param>
        /// <param name="address">The sender's IPv4 address in host order.</param>
        /// <param name="port">The sender's UDP port.</param>
        /// <param name="reason">Accepted, or why nothing was received.</param>
        /// <returns>The number of bytes received.</returns>
        int ReceiveFrom(byte[] buffer, int offset, int count, int timeoutMilliseconds, out uint address, out int port, out ReasonCode reason);

        /// <summary>Closes the endpoint and releases its socket. Safe to call more than once.</summary>
        void Close();
    }
}
