using System;
using System.Security.Cryptography.X509Certificates;
using NetGuard.Http;
using NetGuard.Network;
using NetGuard.Policy;

namespace NetGuard.Platform.Device
{
    /// <summary>
    /// Makes a <see cref="NetworkGuard"/> over nanoFramework's System.Net sockets, bound to all
    /// interfaces. The socket layer stays inside the guard: firmware gets listeners, connections and
    /// channels, never a socket. Device build only.
    /// </summary>
    public static class DeviceNetworkGuard
    {
        // An unfragmented datagram on lwIP: a 1500-byte MTU less the IP and UDP headers.
        private const int MaxDatagramBytes = 1472;

        /// <summary>
        /// A guard for this device. Throws <see cref="ArgumentNullException"/> naming a null argument.
        /// </summary>
        /// <param name="policy">The policy.</param>
        /// <param name="clock">The monotonic clock (usually a <see cref="TickCountClock"/>).</param>
        /// <returns>The guard.</returns>
        public static NetworkGuard Create(GuardPolicy policy, IMonotonicClock clock)
        {
            return new NetworkGuard(policy, new NetSocketLayer(0, MaxDatagramBytes), clock);
        }

        /// <summary>
        /// A <see cref="ConnectionSourceWrapper"/> for <see cref="AdminDeviceOptions.ConnectionSourceWrapper"/> that serves
        /// the admin port over TLS with <paramref name="certificate"/> (a <see cref="DeviceTlsConnectionSource"/> around
        /// the guarded listener source). Throws <see cref="ArgumentNullException"/> for a null certificate,
        /// <see cref="ArgumentException"/> when it has no private key and <see cref="ArgumentOutOfRangeException"/> for a
        /// handshake timeout below 1 ms.
        /// </summary>
        /// <param name="certificate">The server certificate with its private key.</param>
        /// <param name="handshakeTimeoutMilliseconds">Longest wait for a client's first TLS record, in milliseconds.</param>
        /// <returns>The wrapper.</returns>
        public static ConnectionSourceWrapper CreateTlsWrapper(X509Certificate2 certificate, int handshakeTimeoutMilliseconds)
        {
            TlsConnectionSourceBase.CheckServerSettings(certificate, certificate != null && certificate.HasPrivateKey, handshakeTimeoutMilliseconds);
            return new ConnectionSourceWrapper(new TlsWrapping(certificate, handshakeTimeoutMilliseconds).Wrap);
        }

        // The wrapper delegate bound to the certificate (an instance method: no lambdas capturing state on the device).
        private sealed class TlsWrapping
        {
            private readonly X509Certificate2 _certificate;
            private readonly int _handshakeTimeoutMilliseconds;

            internal TlsWrapping(X509Certificate2 certificate, int handshakeTimeoutMilliseconds)
            {
                _certificate = certificate;
                _handshakeTimeoutMilliseconds = handshakeTimeoutMilliseconds;
            }

            internal IConnectionSource Wrap(IConnectionSource source)
            {
                return new DeviceTlsConnectionSource(source, _certificate, _handshakeTimeoutMilliseconds);
            }
        }
    }
}
