using NetGuard.Diagnostics;
using NetGuard.Network;

namespace NetGuard.Http
{
    /// <summary>
    /// Where <see cref="HttpServer"/> gets its inbound connections: the guard's listener on the device,
    /// a loopback adapter in tests. The listener applies its own caps (declared port, connection count,
    /// accept rate) before a connection reaches the server.
    /// HTTPS plugs in here without changing the server (<see cref="ConnectionSourceWrapper"/>): a TLS source
    /// wraps the guarded source, runs the server handshake on each accepted connection (bounded by a
    /// handshake timeout) and hands out an <see cref="IConnection"/> whose Receive and Send go through the
    /// TLS stream (host: NetGuard.Host/TlsConnectionSource; device: NetGuard.Device/DeviceTlsConnectionSource, about
    /// 25 KB of native RAM per session, so 1 to 2 admin connections; see docs/threat-model.md, "HTTPS on the device").
    /// </summary>
    public interface IConnectionSource
    {
        /// <summary>
        /// Waits up to <paramref name="timeoutMilliseconds"/> for the next accepted connection. Returns true
        /// with the connection; false with <see cref="ReasonCode.TimedOut"/> when none arrived (the server
        /// then checks whether it should stop), <see cref="ReasonCode.Closed"/> once the source is shut down
        /// (the server's accept loop then ends), a refusal of a connection the listener turned away itself
        /// (<see cref="ReasonCode.ConnectionLimit"/>, <see cref="ReasonCode.AcceptRateLimited"/>: the server
        /// asks again at once), or <see cref="ReasonCode.SocketError"/> (the server waits one poll interval
        /// before asking again). Must not throw for network conditions.
        /// </summary>
        /// <param name="timeoutMilliseconds">Longest wait, in milliseconds; more than 0.</param>
        /// <param name="connection">The accepted connection, or null.</param>
        /// <param name="reason">Accepted, or why no connection is returned.</param>
        /// <returns>True when a connection was accepted.</returns>
        bool TryAccept(int timeoutMilliseconds, out IConnection connection, out ReasonCode reason);
    }
}
