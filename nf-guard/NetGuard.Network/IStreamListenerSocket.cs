using NetGuard.Diagnostics;

namespace NetGuard.Network
{
    /// <summary>A listening TCP socket of an <see cref="ISocketLayer"/>. Never throws for platform errors.</summary>
    public interface IStreamListenerSocket
    {
        /// <summary>The local port it listens on.</summary>
        int LocalPort { get; }

        /// <summary>
        /// Waits at most <paramref name="timeoutMilliseconds"/> for a pending connection and accepts it.
        /// Returns Accepted with the connection's socket (which the caller must close), or TimedOut,
        /// Closed or SocketError with null.
        /// </summary>
        /// <param name="timeoutMilliseconds">The longest wait in milliseconds; more than 0.</param>
        /// <param name="socket">The accepted socket, or null.</param>
        /// <returns>Accepted or the reason.</returns>
        ReasonCode Accept(int timeoutMilliseconds, out IStreamSocket socket);

        /// <summary>Closes the listening socket. Safe to call more than once; never throws.</summary>
        void Close();
    }
}
