using System;
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
        /// <summary>
        /// A guard for this device. Throws <see cref="ArgumentNullException"/> naming a null argument.
        /// </summary>
        /// <param name="policy">The policy.</param>
        /// <param name="clock">The monotonic clock (usually a <see cref="TickCountClock"/>).</param>
        /// <returns>The guard.</returns>
        public static NetworkGuard Create(GuardPolicy policy, IMonotonicClock clock)
        {
            return new NetworkGuard(policy, new DeviceSocketLayer(), clock);
        }
    }
}
