using NetGuard.Diagnostics;

namespace NetGuard.Network
{
    /// <summary>
    /// The platform seam under <see cref="NetworkGuard"/>: creates listening TCP sockets and UDP sockets,
    /// and nothing else. It has no operation that opens an outbound TCP connection, so no implementation
    /// can be asked for one. Platform errors come back as a <see cref="ReasonCode"/>
    /// (<see cref="ReasonCode.BindFailed"/>, <see cref="ReasonCode.SocketError"/>), never as exceptions.
    /// The host implementation uses System.Net.Sockets, the device one nanoFramework's System.Net; tests
    /// use a fake that counts open sockets. Implementations are reached only through the guard: the
    /// shipped ones are internal, so firmware cannot use them to bypass the policy.
    /// </summary>
    public interface ISocketLayer
    {
        /// <summary>
        /// Opens a TCP socket bound to <paramref name="port"/> on the layer's address and listening with
        /// <paramref name="backlog"/>. Returns Accepted with the socket, or BindFailed/SocketError with
        /// null (nothing left open).
        /// </summary>
        /// <param name="port">The local port, 1-65535.</param>
        /// <param name="backlog">The pending-connection queue length, at least 1.</param>
        /// <param name="listener">The listening socket, or null.</param>
        /// <returns>Accepted or the reason.</returns>
        ReasonCode OpenStreamListener(int port, int backlog, out IStreamListenerSocket listener);

        /// <summary>
        /// Opens a UDP socket bound to <paramref name="port"/> (0 for an ephemeral port) on the layer's
        /// address, with broadcast sends enabled. Returns Accepted with the socket, or
        /// BindFailed/SocketError with null (nothing left open).
        /// </summary>
        /// <param name="port">The local port, 0-65535.</param>
        /// <param name="socket">The socket, or null.</param>
        /// <returns>Accepted or the reason.</returns>
        ReasonCode OpenDatagram(int port, out IDatagramSocket socket);
    }
}
