using NetGuard.Diagnostics;

namespace NetGuard.Network
{
    /// <summary>A UDP socket of an <see cref="ISocketLayer"/>. Never throws for platform errors.</summary>
    public interface IDatagramSocket
    {
        /// <summary>The local port it is bound to.</summary>
        int LocalPort { get; }

        /// <summary>
        /// Sends one datagram to <paramref name="address"/>:<paramref name="port"/>. Returns Accepted, or
        /// Closed, TooLarge or SocketError.
        /// </summary>
        /// <param name="buffer">The datagram's bytes.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">Number of bytes.</param>
        /// <param name="address">Destination IPv4 address in host order.</param>
        /// <param name="port">Destination port.</param>
        /// <returns>Accepted or the reason.</returns>
        ReasonCode SendTo(byte[] buffer, int offset, int count, uint address, int port);

        /// <summary>
        /// Waits at most <paramref name="timeoutMilliseconds"/> for one datagram. Returns its length with
        /// Accepted; or 0 with TooLarge (it did not fit in <paramref name="count"/> bytes and was dropped),
        /// TimedOut, Closed or SocketError.
        /// </summary>
        /// <param name="buffer">Where to write.</param>
        /// <param name="offset">First byte to write.</param>
        /// <param name="count">Room.</param>
        /// <param name="timeoutMilliseconds">The longest wait in milliseconds; more than 0.</param>
        /// <param name="address">The sender's IPv4 address in host order (0 when nothing was received).</param>
        /// <param name="port">The sender's port (0 when nothing was received).</param>
        /// <param name="reason">Accepted or why nothing was received.</param>
        /// <returns>Bytes received.</returns>
        int ReceiveFrom(byte[] buffer, int offset, int count, int timeoutMilliseconds, out uint address, out int port, out ReasonCode reason);

        /// <summary>Closes the socket. Safe to call more than once; never throws.</summary>
        void Close();
    }
}
