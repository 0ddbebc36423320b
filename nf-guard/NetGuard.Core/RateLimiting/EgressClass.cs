using System;

namespace NetGuard.RateLimiting
{
    /// <summary>
    /// One declared kind of outgoing UDP traffic: a name, the destination ports it uses, the destination
    /// addresses it may reach, and two limits, one in packets and one in bytes (UDP payload bytes).
    /// A packet belongs to the class when its destination port is one of <see cref="PortCount"/> ports;
    /// it is allowed only when its destination address is one of the class's addresses. Immutable:
    /// the arrays are copied and validated at construction.
    /// </summary>
    public sealed class EgressClass
    {
        /// <summary>The most ports one class may list.</summary>
        public const int MaxPorts = 8;

        /// <summary>The most destination addresses one class may list.</summary>
        public const int MaxDestinations = 8;

        /// <summary>The longest class name, in characters.</summary>
        public const int MaxNameLength = 32;

        private readonly int[] _ports;
        private readonly uint[] _destinations;

        /// <summary>
        /// Creates a class. Throws <see cref="ArgumentNullException"/> for a null argument and
        /// <see cref="ArgumentOutOfRangeException"/> naming the field that is out of range: an empty or
        /// over-long name, no ports or more than <see cref="MaxPorts"/>, a port outside 1-65535 or listed
        /// twice, no destinations or more than <see cref="MaxDestinations"/>, the address 0.0.0.0, or a
        /// negative minimum interval.
        /// </summary>
        /// <param name="name">The class name used in counters and logs, 1 to <see cref="MaxNameLength"/> characters.</param>
        /// <param name="ports">The destination ports (1-65535) that identify the class; copied.</param>
        /// <param name="destinations">The destination IPv4 addresses (host order) the class may send to; copied.</param>
        /// <param name="packetLimit">The limit in packets.</param>
        /// <param name="byteLimit">The limit in UDP payload bytes; its capacity is also the largest packet allowed.</param>
        /// <param name="minimumIntervalTicks">The least time between two packets in 100 ns ticks; 0 for none.</param>
        public EgressClass(string name, int[] ports, uint[] destinations, RateLimit packetLimit, RateLimit byteLimit, long minimumIntervalTicks)
            : this(name, ports, destinations, packetLimit, byteLimit, minimumIntervalTicks, true)
        {
        }

        // copyArrays false: EgressDefaults hands over arrays it has just built and never touches again,
        // so the default policy retains no duplicate (the device heap is 80-100 KB).
        internal EgressClass(string name, int[] ports, uint[] destinations, RateLimit packetLimit, RateLimit byteLimit, long minimumIntervalTicks, bool copyArrays)
        {
            ArgumentNullException.ThrowIfNull(name, nameof(name));

            if (name.Length == 0 || name.Length > MaxNameLength)
            {
                throw new ArgumentOutOfRangeException(nameof(name), "The name must have 1 to 32 characters.");
            }

            ArgumentNullException.ThrowIfNull(ports, nameof(ports));

            if (ports.Length == 0 || ports.Length > MaxPorts)
            {
                throw new ArgumentOutOfRangeException(nameof(ports), "A class lists 1 to 8 ports.");
            }

            ArgumentNullException.ThrowIfNull(destinations, nameof(destinations));

            if (destinations.Length == 0 || destinations.Length > MaxDestinations)
            {
                throw new ArgumentOutOfRangeException(nameof(destinations), "A class lists 1 to 8 destinations.");
            }

            ArgumentNullException.ThrowIfNull(packetLimit, nameof(packetLimit));
            ArgumentNullException.ThrowIfNull(byteLimit, nameof(byteLimit));

            if (minimumIntervalTicks < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(minimumIntervalTicks), "The minimum interval cannot be negative.");
            }

            int[] portCopy = copyArrays ? new int[ports.Length] : ports;
            for (int i = 0; i < ports.Length; i++)
            {
                int port = ports[i];
                PortNumber.Check(port, nameof(ports));

                for (int j = 0; j < i; j++)
                {
                    if (portCopy[j] == port)
                    {
                        throw new ArgumentOutOfRangeException(nameof(ports), "A port is listed twice.");
                    }
                }

                portCopy[i] = port;
            }

            uint[] destinationCopy = copyArrays ? new uint[destinations.Length] : destinations;
            for (int i = 0; i < destinations.Length; i++)
            {
                if (destinations[i] == 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(destinations), "0.0.0.0 is not a destination.");
                }

                destinationCopy[i] = destinations[i];
            }

            Name = name;
            _ports = portCopy;
            _destinations = destinationCopy;
            PacketLimit = packetLimit;
            ByteLimit = byteLimit;
            MinimumIntervalTicks = minimumIntervalTicks;
        }

        /// <summary>The class name, as it appears in counters and logs.</summary>
        public string Name { get; }

        /// <summary>The limit in packets.</summary>
        public RateLimit PacketLimit { get; }

        /// <summary>The limit in UDP payload bytes; a packet larger than its capacity is refused as TooLarge.</summary>
        public RateLimit ByteLimit { get; }

        /// <summary>The least time between two packets of this class, in 100 ns ticks; 0 when there is no floor.</summary>
        public long MinimumIntervalTicks { get; }

        /// <summary>How many destination ports the class lists.</summary>
        public int PortCount
        {
            get { return _ports.Length; }
        }

        /// <summary>How many destination addresses the class lists.</summary>
        public int DestinationCount
        {
            get { return _destinations.Length; }
        }

        /// <summary>The port at <paramref name="index"/>; throws <see cref="IndexOutOfRangeException"/> outside 0 to <see cref="PortCount"/> - 1.</summary>
        /// <param name="index">The position in the list.</param>
        /// <returns>The port.</returns>
        public int GetPort(int index)
        {
            return _ports[index];
        }

        /// <summary>The address at <paramref name="index"/> (host order); throws <see cref="IndexOutOfRangeException"/> outside 0 to <see cref="DestinationCount"/> - 1.</summary>
        /// <param name="index">The position in the list.</param>
        /// <returns>The address.</returns>
        public uint GetDestination(int index)
        {
            return _destinations[index];
        }

        // The destination list itself, for EgressLimiter's classification table (never handed out).
        internal uint[] Destinations
        {
            get { return _destinations; }
        }

        /// <summary>True when <paramref name="port"/> is one of the class's destination ports. Never fails.</summary>
        /// <param name="port">A destination port.</param>
        /// <returns>Whether the class covers the port.</returns>
        public bool MatchesPort(int port)
        {
            int[] ports = _ports;
            for (int i = 0; i < ports.Length; i++)
            {
                if (ports[i] == port)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when <paramref name="address"/> is one of the class's destinations. Never fails.</summary>
        /// <param name="address">A destination IPv4 address in host order.</param>
        /// <returns>Whether the class may send there.</returns>
        public bool AllowsDestination(uint address)
        {
            uint[] destinations = _destinations;
            for (int i = 0; i < destinations.Length; i++)
            {
                if (destinations[i] == address)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
