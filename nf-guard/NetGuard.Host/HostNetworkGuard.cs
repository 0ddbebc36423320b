using System;
using NetGuard.Network;
using NetGuard.Policy;

namespace NetGuard.Platform.Host
{
    /// <summary>
    /// Makes a <see cref="NetworkGuard"/> over the host's .NET sockets (tests, benchmarks, the host
    /// simulation of the samples). The socket layer stays inside the guard. Host build only.
    /// </summary>
    public static class HostNetworkGuard
    {
        /// <summary>The loopback address 127.0.0.1 in host order.</summary>
        public const uint Loopback = 0x7F000001;

        /// <summary>
        /// A guard whose listeners and channels bind to 127.0.0.1. Throws
        /// <see cref="ArgumentNullException"/> naming a null argument.
        /// </summary>
        /// <param name="policy">The policy.</param>
        /// <param name="clock">The monotonic clock.</param>
        /// <returns>The guard.</returns>
        public static NetworkGuard CreateLoopback(GuardPolicy policy, IMonotonicClock clock)
        {
            return Create(policy, clock, Loopback);
        }

        /// <summary>
        /// A guard whose listeners and channels bind to <paramref name="bindAddress"/> (0 for every
        /// interface). Throws <see cref="ArgumentNullException"/> naming a null argument.
        /// </summary>
        /// <param name="policy">The policy.</param>
        /// <param name="clock">The monotonic clock.</param>
        /// <param name="bindAddress">The local IPv4 address in host order.</param>
        /// <returns>The guard.</returns>
        public static NetworkGuard Create(GuardPolicy policy, IMonotonicClock clock, uint bindAddress)
        {
            return new NetworkGuard(policy, new NetSocketLayer(bindAddress, MaxDatagramBytes), clock);
        }

        // The largest UDP payload over IPv4 (65,535 less the IP and UDP headers).
        internal const int MaxDatagramBytes = 65507;

        // For the host tests' leak checks: the guard over a given layer.
        internal static NetworkGuard Create(GuardPolicy policy, IMonotonicClock clock, NetSocketLayer layer)
        {
            return new NetworkGuard(policy, layer, clock);
        }
    }
}
