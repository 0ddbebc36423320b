using System;
using NetGuard.Diagnostics;
using NetGuard.Network;

namespace NetGuard.Http
{
    /// <summary>
    /// Feeds <see cref="HttpServer"/> from a <see cref="GuardedListener"/>: every connection the server sees has
    /// passed the guard's declared-port, connection-count and accept-rate checks, and its replies are charged to
    /// the TCP reply budget. Thread-safe (the listener is).
    /// </summary>
    public sealed class GuardedListenerSource : IConnectionSource
    {
        private readonly GuardedListener _listener;

        /// <summary>Wraps <paramref name="listener"/>. Throws <see cref="ArgumentNullException"/> when it is null.</summary>
        /// <param name="listener">A listener opened with <see cref="NetworkGuard.ListenTcp"/>.</param>
        public GuardedListenerSource(GuardedListener listener)
        {
            ArgumentNullException.ThrowIfNull(listener, nameof(listener));

            _listener = listener;
        }

        /// <summary>The wrapped listener.</summary>
        public GuardedListener Listener
        {
            get { return _listener; }
        }

        /// <inheritdoc />
        public bool TryAccept(int timeoutMilliseconds, out IConnection connection, out ReasonCode reason)
        {
            if (timeoutMilliseconds < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(timeoutMilliseconds));
            }

            Decision decision = _listener.Accept(timeoutMilliseconds, out connection);
            reason = decision.Reason;
            if (decision.IsAccepted && connection != null)
            {
                return true;
            }

            connection = null;
            if (reason == ReasonCode.Accepted)
            {
                // Defence in depth: an accept without a connection is a platform fault.
                reason = ReasonCode.SocketError;
            }

            return false;
        }
    }
}
