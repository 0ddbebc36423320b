using System;
using NetGuard.Diagnostics;
using NetGuard.Network;

namespace NetGuard.Http
{
    // Turns accepted plain connections into TLS server connections, for both TLS connection sources: wraps another
    // IConnectionSource (normally the admin port's GuardedListenerSource). TryAccept only makes the session object; the
    // handshake runs on the connection's first Receive, on a worker (a Send before it is refused), so a client that
    // connects and stays silent never stalls the single accept thread. The host and device sources differ only in their
    // ITlsSessionFactory. Thread-safe.
    internal sealed class TlsAcceptor : IConnectionSource
    {
        private readonly IConnectionSource _inner;
        private readonly ITlsSessionFactory _factory;
        private readonly int _handshakeTimeoutMilliseconds;
        private readonly TlsHandshakeCounters _counters = new TlsHandshakeCounters();

        public TlsAcceptor(IConnectionSource inner, ITlsSessionFactory factory, int handshakeTimeoutMilliseconds)
        {
            ArgumentNullException.ThrowIfNull(inner, nameof(inner));
            ArgumentNullException.ThrowIfNull(factory, nameof(factory));

            if (handshakeTimeoutMilliseconds < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(handshakeTimeoutMilliseconds));
            }

            _inner = inner;
            _factory = factory;
            _handshakeTimeoutMilliseconds = handshakeTimeoutMilliseconds;
        }

        public TlsHandshakeCounters Counters
        {
            get { return _counters; }
        }

        public bool TryAccept(int timeoutMilliseconds, out IConnection connection, out ReasonCode reason)
        {
            IConnection plain;
            if (!_inner.TryAccept(timeoutMilliseconds, out plain, out reason) || plain == null)
            {
                connection = null;
                if (reason == ReasonCode.Accepted)
                {
                    reason = ReasonCode.SocketError;
                }

                return false;
            }

            ITlsSession session;
            IReplyBudget budget;
            ReasonCode refused;
            if (!_factory.TryOpen(plain, out session, out budget, out refused) || session == null)
            {
                // This connection cannot carry TLS (the peer already left, or it is not a connection this platform's
                // TLS can wrap): it never gets served in plain text. Close it, count it as a failed handshake and let
                // the server ask again after one poll interval (SocketError) or at once (Closed).
                plain.Close();
                reason = refused == ReasonCode.Accepted ? ReasonCode.SocketError : refused;
                _counters.Ended(reason);
                connection = null;
                return false;
            }

            connection = new TlsServerConnection(plain, session, budget, _handshakeTimeoutMilliseconds, _counters);
            return true;
        }
    }
}
