using NetGuard.Diagnostics;

namespace NetGuard.Network
{
    /// <summary>
    /// An accepted TCP connection's socket in an <see cref="ISocketLayer"/>: send, receive, close.
    /// There is no connect. Never throws for platform errors.
    /// </summary>
    public interface IStreamSocket
    {
        /// <summary>The peer's IPv4 address in host order.</summary>
        uint RemoteAddress { get; }

        /// <summary>The peer's TCP port.</summary>
        int RemotePort { get; }

        /// <summary>
        /// Sends all <paramref name="count"/> bytes from <paramref name="offset"/>, blocking until they are
        /// queued. Returns Accepted, or ConnectionReset, TimedOut, Closed or SocketError.
        /// </summary>
        /// <param name="buffer">The bytes.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">Number of bytes, more than 0.</param>
        /// <returns>Accepted or the reason.</returns>
        ReasonCode Send(byte[] buffer, int offset, int count);

        /// <summary>
        /// Waits at most <paramref name="timeoutMilliseconds"/> for data and receives up to
        /// <paramref name="count"/> bytes. Returns the number received (more than 0) with Accepted, or 0
        /// with Closed (orderly close by the peer or this side), TimedOut, ConnectionReset or SocketError.
        /// </summary>
        /// <param name="buffer">Where to write.</param>
        /// <param name="offset">First byte to write.</param>
        /// <param name="count">Room, more than 0.</param>
        /// <param name="timeoutMilliseconds">The longest wait in milliseconds; more than 0.</param>
        /// <param name="reason">Accepted or why nothing was received.</param>
        /// <returns>Bytes received.</returns>
        int Receive(byte[] buffer, int offset, int count, int timeoutMilliseconds, out ReasonCode reason);

        /// <summary>Closes the socket. Safe to call more than once; never throws.</summary>
        void Close();
    }
}
