using System;
using NetGuard.Diagnostics;
using NetGuard.Network;

namespace NetGuard.Http
{
    /// <summary>
    /// What the host's and the device's TLS connection sources share: the checked construction, the
    /// handshake counters and <see cref="TryAccept"/>, over the library's portable TLS connection core. A source wraps
    /// the guarded listener source of the admin port and hands out connections that speak TLS over the accepted
    /// connection; the handshake runs on the first Receive (a server worker thread, never the single accept
    /// thread) and a failed one closes the connection and is counted here, never thrown. The platforms differ only in
    /// the TLS engine. Only the library derives from it (its constructor is internal). Thread-safe.
    /// </summary>
    public abstract class TlsConnectionSourceBase : IConnectionSource
    {
        /// <summary>Default longest time a TLS handshake may take, in milliseconds.</summary>
        public const int DefaultHandshakeTimeoutMilliseconds = 5000;

        private readonly TlsAcceptor _core;

        // Throws ArgumentNullException for a null source or certificate, ArgumentException when the certificate has no
        // private key and ArgumentOutOfRangeException for a handshake timeout below 1 ms; factory is the platform's engine.
        // The certificate is the platform's X509Certificate2, passed as object: this assembly does not reference System.Net.
        internal TlsConnectionSourceBase(IConnectionSource inner, object certificate, bool hasPrivateKey, int handshakeTimeoutMilliseconds, ITlsSessionFactory factory)
        {
            ArgumentNullException.ThrowIfNull(inner, nameof(inner));

            CheckServerSettings(certificate, hasPrivateKey, handshakeTimeoutMilliseconds);
            _core = new TlsAcceptor(inner, factory, handshakeTimeoutMilliseconds);
        }

        /// <summary>Number of TLS handshakes that completed.</summary>
        public int HandshakesCompleted
        {
            get { return _core.Counters.Completed; }
        }

        /// <summary>Number of TLS handshakes that failed (not TLS, bad record, timeout, peer gone, egress refused).</summary>
        public int HandshakesFailed
        {
            get { return _core.Counters.Failed; }
        }

        /// <summary>Why the most recent handshake failed (Malformed, TimedOut, Closed, ...); Accepted when none has.</summary>
        public ReasonCode LastHandshakeFailure
        {
            get { return _core.Counters.LastFailure; }
        }

        /// <inheritdoc />
        public bool TryAccept(int timeoutMilliseconds, out IConnection connection, out ReasonCode reason)
        {
            return _core.TryAccept(timeoutMilliseconds, out connection, out reason);
        }

        // The checks on a server certificate and handshake timeout, for the constructor and for factories that must fail
        // when they are called rather than when the server starts (DeviceNetworkGuard.CreateTlsWrapper).
        internal static void CheckServerSettings(object certificate, bool hasPrivateKey, int handshakeTimeoutMilliseconds)
        {
            ArgumentNullException.ThrowIfNull(certificate, nameof(certificate));

            if (!hasPrivateKey)
            {
                throw new ArgumentException("The server certificate needs its private key.", nameof(certificate));
            }

            if (handshakeTimeoutMilliseconds < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(handshakeTimeoutMilliseconds));
            }
        }
    }
}
