using System;

namespace NetGuard.RateLimiting
{
    /// <summary>
    /// Builds an <see cref="EgressPolicy"/>: starts from the defaults of design section 6 and applies
    /// overrides. Each method validates its input at once and returns the builder, so calls chain.
    /// Not thread-safe; the policy it builds is immutable.
    /// </summary>
    public sealed class EgressPolicyBuilder
    {
        private readonly EgressClass[] _classes = new EgressClass[EgressPolicy.MaxClasses];
        private int _classCount;
        private EgressClass _updateCheck;
        private RateLimit _tcpReplyPerConnection;
        private RateLimit _tcpReplyGlobal;
        private int _fanOutMaxNewDestinations;
        private long _fanOutWindowTicks;

        /// <summary>
        /// Starts from the default policy: NTP (when <paramref name="ntpServers"/> is not empty), DNS,
        /// mDNS, DHCP by broadcast, the update check, default TCP reply and fan-out limits; SSDP off.
        /// Throws <see cref="ArgumentNullException"/> for null servers and
        /// <see cref="ArgumentOutOfRangeException"/> naming the argument for more than 3 NTP servers or a
        /// server or resolver that is not a unicast address.
        /// </summary>
        /// <param name="ntpServers">The NTP servers in host order, 0 to 3; copied.</param>
        /// <param name="dnsResolver">The DNS resolver in host order.</param>
        public EgressPolicyBuilder(uint[] ntpServers, uint dnsResolver)
        {
            ArgumentNullException.ThrowIfNull(ntpServers, nameof(ntpServers));

            if (ntpServers.Length > EgressDefaults.MaxNtpServers)
            {
                throw new ArgumentOutOfRangeException(nameof(ntpServers), "List at most 3 NTP servers.");
            }

            if (ntpServers.Length > 0)
            {
                Append(EgressDefaults.Ntp(ntpServers));
            }

            Append(EgressDefaults.Dns(dnsResolver));
            Append(EgressDefaults.Mdns());
            Append(EgressDefaults.Dhcp(new uint[0]));
            _updateCheck = EgressDefaults.UpdateCheck(dnsResolver);
            _tcpReplyPerConnection = EgressDefaults.TcpReplyPerConnection();
            _tcpReplyGlobal = EgressDefaults.TcpReplyGlobal();
            _fanOutMaxNewDestinations = EgressDefaults.FanOutMaxNewDestinations;
            _fanOutWindowTicks = EgressDefaults.FanOutWindowSeconds * TimeSpan.TicksPerSecond;
        }

        /// <summary>
        /// Declares SSDP with its default limits (UDP 1900 to 239.255.255.250, 20 packets per 15 minutes).
        /// Throws <see cref="ArgumentException"/> when a class named SSDP is already declared.
        /// </summary>
        /// <returns>This builder.</returns>
        public EgressPolicyBuilder EnableSsdp()
        {
            return AddClass(EgressDefaults.Ssdp());
        }

        /// <summary>
        /// Declares a UDP class (a user protocol, or a built-in one that was removed). Classes are
        /// consulted in the order they were added. Throws <see cref="ArgumentNullException"/> for null,
        /// <see cref="ArgumentException"/> when a class of that name exists, and
        /// <see cref="ArgumentOutOfRangeException"/> beyond <see cref="EgressPolicy.MaxClasses"/> classes.
        /// </summary>
        /// <param name="egressClass">The class to add.</param>
        /// <returns>This builder.</returns>
        public EgressPolicyBuilder AddClass(EgressClass egressClass)
        {
            ArgumentNullException.ThrowIfNull(egressClass, nameof(egressClass));

            if (IndexOf(egressClass.Name) >= 0)
            {
                throw new ArgumentException("A class with this name is already declared.", nameof(egressClass));
            }

            if (_classCount == _classes.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(egressClass), "Too many classes.");
            }

            Append(egressClass);
            return this;
        }

        /// <summary>
        /// Replaces the declared class that has the same name as <paramref name="egressClass"/>, keeping
        /// its place (e.g. new NTP limits, or DHCP with a unicast server). Throws
        /// <see cref="ArgumentNullException"/> for null and <see cref="ArgumentException"/> when no class
        /// of that name is declared.
        /// </summary>
        /// <param name="egressClass">The replacement.</param>
        /// <returns>This builder.</returns>
        public EgressPolicyBuilder ReplaceClass(EgressClass egressClass)
        {
            ArgumentNullException.ThrowIfNull(egressClass, nameof(egressClass));

            int index = IndexOf(egressClass.Name);
            if (index < 0)
            {
                throw new ArgumentException("No class with this name is declared.", nameof(egressClass));
            }

            _classes[index] = egressClass;
            return this;
        }

        /// <summary>
        /// Removes the class named <paramref name="name"/>, so its traffic is denied. Throws
        /// <see cref="ArgumentException"/> when no class of that name is declared.
        /// </summary>
        /// <param name="name">The class name (case-sensitive).</param>
        /// <returns>This builder.</returns>
        public EgressPolicyBuilder RemoveClass(string name)
        {
            int index = IndexOf(name);
            if (index < 0)
            {
                throw new ArgumentException("No class with this name is declared.", nameof(name));
            }

            for (int i = index; i < _classCount - 1; i++)
            {
                _classes[i] = _classes[i + 1];
            }

            _classCount--;
            _classes[_classCount] = null;
            return this;
        }

        /// <summary>
        /// Replaces the update-check class (its resolver and limits). Throws
        /// <see cref="ArgumentNullException"/> for null.
        /// </summary>
        /// <param name="updateCheck">The class, usually built like <see cref="EgressDefaults.UpdateCheck(uint)"/>.</param>
        /// <returns>This builder.</returns>
        public EgressPolicyBuilder SetUpdateCheck(EgressClass updateCheck)
        {
            ArgumentNullException.ThrowIfNull(updateCheck, nameof(updateCheck));

            _updateCheck = updateCheck;
            return this;
        }

        /// <summary>Disables the update check: every update-check query is then refused as NoProtocolClass. Never fails.</summary>
        /// <returns>This builder.</returns>
        public EgressPolicyBuilder DisableUpdateCheck()
        {
            _updateCheck = null;
            return this;
        }

        /// <summary>
        /// Sets the TCP reply byte limits. Throws <see cref="ArgumentNullException"/> naming a null limit.
        /// </summary>
        /// <param name="perConnection">The limit of each accepted connection, in bytes.</param>
        /// <param name="global">The limit of all connections together, in bytes.</param>
        /// <returns>This builder.</returns>
        public EgressPolicyBuilder SetTcpReplyLimits(RateLimit perConnection, RateLimit global)
        {
            ArgumentNullException.ThrowIfNull(perConnection, nameof(perConnection));
            ArgumentNullException.ThrowIfNull(global, nameof(global));

            _tcpReplyPerConnection = perConnection;
            _tcpReplyGlobal = global;
            return this;
        }

        /// <summary>
        /// Sets the fan-out cap. Throws <see cref="ArgumentOutOfRangeException"/> naming
        /// <paramref name="maxNewDestinations"/> outside 1 to <see cref="EgressPolicy.MaxFanOutDestinations"/>
        /// or <paramref name="windowTicks"/> below 1.
        /// </summary>
        /// <param name="maxNewDestinations">Most new distinct destinations per window.</param>
        /// <param name="windowTicks">The window in 100 ns ticks.</param>
        /// <returns>This builder.</returns>
        public EgressPolicyBuilder SetFanOut(int maxNewDestinations, long windowTicks)
        {
            if (maxNewDestinations < 1 || maxNewDestinations > EgressPolicy.MaxFanOutDestinations)
            {
                throw new ArgumentOutOfRangeException(nameof(maxNewDestinations), "Allow 1 to 256 new destinations per window.");
            }

            if (windowTicks < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(windowTicks), "The window must be at least 1 tick.");
            }

            _fanOutMaxNewDestinations = maxNewDestinations;
            _fanOutWindowTicks = windowTicks;
            return this;
        }

        /// <summary>
        /// Builds the immutable policy; the builder can go on being used. Throws
        /// <see cref="InvalidOperationException"/> when the update check is enabled but the DNS class
        /// that carries its budget was removed.
        /// </summary>
        /// <returns>The policy.</returns>
        public EgressPolicy Build()
        {
            return new EgressPolicy(
                _classes,
                _classCount,
                _updateCheck,
                _tcpReplyPerConnection,
                _tcpReplyGlobal,
                _fanOutMaxNewDestinations,
                _fanOutWindowTicks);
        }

        private void Append(EgressClass egressClass)
        {
            _classes[_classCount] = egressClass;
            _classCount++;
        }

        private int IndexOf(string name)
        {
            for (int i = 0; i < _classCount; i++)
            {
                if (_classes[i].Name == name)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
