using System;
using System.Security.Cryptography.X509Certificates;
using NetGuard.Diagnostics;
using NetGuard.Http;
using NetGuard.Network;

namespace NetGuard.Platform.Device
{
    /// <summary>
    /// HTTPS for the admin server on the device (issue 9): wraps the guarded listener source of the admin port and hands
    /// out connections that speak TLS 1.2 through nanoFramework's <c>SslStream</c> over the accepted socket. Install it
    /// with <see cref="AdminDeviceOptions.ConnectionSourceWrapper"/> (see
    /// <see cref="DeviceNetworkGuard.CreateTlsWrapper"/>). The handshake runs on the first Receive of a
    /// connection (a worker thread), after the whole ClientHello record has arrived in managed code within the handshake
    /// timeout; a failed handshake closes the connection and is counted, never thrown. The TLS records are written by
    /// native code past the egress limiter, so the plaintext length of every write is charged to the connection's and the
    /// global TCP reply budgets first. The socket stays owned by the guarded connection (connection count, accept rate,
    /// release on failure). Each session takes roughly 25 KB of native heap: set
    /// <see cref="AdminDeviceOptions.MaxAdminConnections"/> to 1 or 2. Compiled by the nanoFramework gate; not yet run on
    /// hardware (docs/threat-model.md, "HTTPS on the device"). Device build only. Thread-safe.
    /// </summary>
    public sealed class DeviceTlsConnectionSource : TlsConnectionSourceBase
    {
        /// <summary>
        /// Wraps <paramref name="inner"/>, which must hand out connections of a guarded listener on this device
        /// (anything else is closed and refused, never served without TLS). Throws <see cref="ArgumentNullException"/>
        /// for a null source or certificate, <see cref="ArgumentException"/> when the certificate has no private key and
        /// <see cref="ArgumentOutOfRangeException"/> for a handshake timeout below 1 ms.
        /// </summary>
        /// <param name="inner">The guarded listener source of the admin port.</param>
        /// <param name="certificate">The server certificate with its private key (for example from PEM files on I:).</param>
        /// <param name="handshakeTimeoutMilliseconds">Longest wait for a client's first TLS record, in milliseconds.</param>
        public DeviceTlsConnectionSource(IConnectionSource inner, X509Certificate2 certificate, int handshakeTimeoutMilliseconds)
            : base(inner, certificate, certificate != null && certificate.HasPrivateKey, handshakeTimeoutMilliseconds, new DeviceTlsSessionFactory(certificate))
        {
        }
    }
}
