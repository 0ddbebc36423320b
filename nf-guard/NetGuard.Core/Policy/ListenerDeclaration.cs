using NetGuard.RateLimiting;

namespace NetGuard.Policy
{
    /// <summary>
    /// One port the device is allowed to listen on: its name, port, transport and, for TCP, the most
    /// concurrent connections and the accept rate (a token bucket in connections). Immutable; built and
    /// validated by <see cref="GuardPolicyBuilder"/>.
    /// </summary>
    public sealed class ListenerDeclaration
    {
        internal ListenerDeclaration(string name, int port, ListenerTransport transport, int maxConnections, RateLimit acceptRate)
        {
            Name = name;
            Port = port;
            Transport = transport;
            MaxConnections = maxConnections;
            AcceptRate = acceptRate;
        }

        /// <summary>The listener's name, as it appears in the declaration and the MUD file.</summary>
        public string Name { get; }

        /// <summary>The local port, 1-65535; never 23 or 2323.</summary>
        public int Port { get; }

        /// <summary>The transport.</summary>
        public ListenerTransport Transport { get; }

        /// <summary>For TCP, the most connections open at once (1 to <see cref="GuardPolicy.MaxConnectionsPerListener"/>); 0 for UDP.</summary>
        public int MaxConnections { get; }

        /// <summary>For TCP, the accept rate in connections (capacity = burst); null for UDP.</summary>
        public RateLimit AcceptRate { get; }
    }
}
