using System;
using System.Security.Cryptography.X509Certificates;
using NetGuard.Diagnostics;
using NetGuard.Http;
using NetGuard.Network;

namespace NetGuard.Platform.Device
{
    /// <summary>
    /// HTTPS for the admin server on the device: TLS 1.2 through nanoFramework's <c>SslStream</c> over the guarded
    /// connections of the admin port (install with <see cref="DeviceNetworkGuard.CreateTlsWrapper"/>). Native code
    /// writes the records past the egress limiter, so each write's plaintext length is charged to the reply budgets
    /// first. A session takes about 25 KB of native heap: keep <see cref="AdminDeviceOptions.MaxAdminConnections"/> at 1
    /// or 2. Device build only. Thread-safe.
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
