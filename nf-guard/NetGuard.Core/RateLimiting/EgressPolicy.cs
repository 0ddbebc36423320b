using System;

namespace NetGuard.RateLimiting
{
    /// <summary>
    /// The complete, immutable egress policy an <see cref="EgressLimiter"/> enforces: the declared UDP
    /// classes (anything else is denied), the update-check class, the TCP reply byte limits and the
    /// fan-out cap on new destinations. Build one with <see cref="CreateDefault"/> or an
    /// <see cref="EgressPolicyBuilder"/>; it is validated and its parts copied when built.
    /// </summary>
    public sealed class EgressPolicy
    {
        /// <summary>The most UDP classes one policy may declare.</summary>
        public const int MaxClasses = 12;

        /// <summary>The largest fan-out table (most new destinations per window) a policy may ask for.</summary>
        public const int MaxFanOutDestinations = 256;

        private readonly EgressClass[] _classes;

        internal EgressPolicy(
            EgressClass[] classes,
            int classCount,
            EgressClass updateCheck,
            RateLimit tcpReplyPerConnection,
            RateLimit tcpReplyGlobal,
            int fanOutMaxNewDestinations,
            long fanOutWindowTicks)
        {
            EgressClass[] copy = new EgressClass[classCount];
            int dnsIndex = -1;
            for (int i = 0; i < classCount; i++)
            {
                copy[i] = classes[i];
                if (classes[i].Name == EgressDefaults.DnsName)
                {
                    dnsIndex = i;
                }
            }

            if (updateCheck != null && dnsIndex < 0)
            {
                throw new InvalidOperationException("The update check is charged to the DNS class: keep the DNS class or disable the update check.");
            }

            _classes = copy;
            DnsClassIndex = dnsIndex;
            UpdateCheck = updateCheck;
            TcpReplyPerConnection = tcpReplyPerConnection;
            TcpReplyGlobal = tcpReplyGlobal;
            FanOutMaxNewDestinations = fanOutMaxNewDestinations;
            FanOutWindowTicks = fanOutWindowTicks;
        }

        /// <summary>
        /// The default policy of design section 6: NTP to <paramref name="ntpServers"/>, DNS to
        /// <paramref name="dnsResolver"/>, mDNS, DHCP by broadcast, the update check to the resolver,
        /// TCP replies at 32 KiB/s per connection and 64 KiB/s in all, 16 new destinations per minute;
        /// SSDP off. Throws <see cref="ArgumentNullException"/> for null servers and
        /// <see cref="ArgumentOutOfRangeException"/> naming the argument for more than 3 NTP servers or
        /// a server or resolver that is not a unicast address.
        /// </summary>
        /// <param name="ntpServers">The NTP servers in host order, 0 to 3 (none removes the NTP class); copied.</param>
        /// <param name="dnsResolver">The DNS resolver in host order.</param>
        /// <returns>The policy.</returns>
        public static EgressPolicy CreateDefault(uint[] ntpServers, uint dnsResolver)
        {
            return new EgressPolicyBuilder(ntpServers, dnsResolver).Build();
        }

        /// <summary>How many UDP classes the policy declares.</summary>
        public int ClassCount
        {
            get { return _classes.Length; }
        }

        /// <summary>The UDP class at <paramref name="index"/>; throws <see cref="IndexOutOfRangeException"/> outside 0 to <see cref="ClassCount"/> - 1.</summary>
        /// <param name="index">The position, in classification order.</param>
        /// <returns>The class.</returns>
        public EgressClass GetClass(int index)
        {
            return _classes[index];
        }

        /// <summary>The position of the UDP class named <paramref name="name"/>, or -1 when there is none. Never fails.</summary>
        /// <param name="name">A class name (case-sensitive).</param>
        /// <returns>The index or -1.</returns>
        public int IndexOfClass(string name)
        {
            for (int i = 0; i < _classes.Length; i++)
            {
                if (_classes[i].Name == name)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>The position of the DNS class that also carries the update-check budget, or -1 when there is none.</summary>
        public int DnsClassIndex { get; }

        /// <summary>The update-check class (DNS TXT queries for update announcements), or null when the update check is disabled.</summary>
        public EgressClass UpdateCheck { get; }

        /// <summary>The byte limit of each accepted TCP connection's replies.</summary>
        public RateLimit TcpReplyPerConnection { get; }

        /// <summary>The byte limit of all TCP replies together.</summary>
        public RateLimit TcpReplyGlobal { get; }

        /// <summary>The most new distinct destination addresses admitted per fan-out window, over all classes.</summary>
        public int FanOutMaxNewDestinations { get; }

        /// <summary>The fan-out window, in 100 ns ticks.</summary>
        public long FanOutWindowTicks { get; }

        // Classes in classification order, for the limiter's hot path (never handed out).
        internal EgressClass[] Classes
        {
            get { return _classes; }
        }
    }
}
