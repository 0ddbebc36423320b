using System;

namespace NetGuard.RateLimiting
{
    /// <summary>
    /// The default egress classes and limits (design section 6), as constants and factories. Packet
    /// limits come from the protocols' own pacing rules; each byte limit is the packet limit times the
    /// largest UDP payload the class normally needs, so the byte bucket only binds on oversized or
    /// padded packets:
    /// NTP 68 bytes (48-byte header plus the optional 4-byte key id and 16-byte digest, RFC 4330 section 4),
    /// DNS and update-check queries 512 bytes (the classic UDP message limit, RFC 1035 section 4.2.1),
    /// mDNS 1472 bytes (a 1500-byte Ethernet or Wi-Fi MTU less IP and UDP headers, RFC 6762 section 17),
    /// SSDP 1024 bytes (NOTIFY and M-SEARCH messages are a few hundred bytes, UPnP Device Architecture 2.0),
    /// DHCP 576 bytes (the minimum message size every DHCP client and server handles, RFC 2131 section 2).
    /// </summary>
    public static class EgressDefaults
    {
        /// <summary>The name of the NTP class.</summary>
        public const string NtpName = "NTP";

        /// <summary>The name of the DNS class; the update check is also charged to it.</summary>
        public const string DnsName = "DNS";

        /// <summary>The name of the mDNS class.</summary>
        public const string MdnsName = "mDNS";

        /// <summary>The name of the SSDP class.</summary>
        public const string SsdpName = "SSDP";

        /// <summary>The name of the DHCP class.</summary>
        public const string DhcpName = "DHCP";

        /// <summary>The name of the update-check class (DNS TXT queries for update announcements).</summary>
        public const string UpdateCheckName = "UpdateCheck";

        /// <summary>The most NTP servers a policy may list.</summary>
        public const int MaxNtpServers = 3;

        /// <summary>NTP's UDP port (RFC 5905).</summary>
        public const int NtpPort = 123;

        /// <summary>DNS's UDP port (RFC 1035).</summary>
        public const int DnsPort = 53;

        /// <summary>mDNS's UDP port (RFC 6762).</summary>
        public const int MdnsPort = 5353;

        /// <summary>SSDP's UDP port (UPnP Device Architecture 2.0).</summary>
        public const int SsdpPort = 1900;

        /// <summary>The DHCP server port (RFC 2131), where a client sends.</summary>
        public const int DhcpServerPort = 67;

        /// <summary>The DHCP client port (RFC 2131).</summary>
        public const int DhcpClientPort = 68;

        /// <summary>Largest NTP request, in bytes: 48-byte header plus optional key id and MD5 digest (RFC 4330 section 4).</summary>
        public const int NtpPacketBytes = 68;

        /// <summary>Largest DNS query, in bytes (RFC 1035 section 4.2.1).</summary>
        public const int DnsPacketBytes = 512;

        /// <summary>Largest mDNS packet, in bytes: one unfragmented datagram on a 1500-byte MTU (RFC 6762 section 17).</summary>
        public const int MdnsPacketBytes = 1472;

        /// <summary>Largest SSDP message, in bytes.</summary>
        public const int SsdpPacketBytes = 1024;

        /// <summary>Largest DHCP message, in bytes (RFC 2131 section 2).</summary>
        public const int DhcpPacketBytes = 576;

        /// <summary>NTP burst, in packets.</summary>
        public const int NtpBurst = 4;

        /// <summary>NTP refill: one packet per this many seconds (RFC 4330 section 10: 64 s is the customary poll interval).</summary>
        public const int NtpSecondsPerPacket = 64;

        /// <summary>NTP floor: never two packets closer than this many seconds (RFC 4330 section 10).</summary>
        public const int NtpMinimumIntervalSeconds = 15;

        /// <summary>DNS burst, in queries.</summary>
        public const int DnsBurst = 10;

        /// <summary>DNS refill: one query per this many seconds (10 per minute).</summary>
        public const int DnsSecondsPerQuery = 6;

        /// <summary>mDNS burst, in packets.</summary>
        public const int MdnsBurst = 8;

        /// <summary>mDNS refill: one packet per this many seconds (RFC 6762 section 6 paces repeats at 1 s or more).</summary>
        public const int MdnsSecondsPerPacket = 1;

        /// <summary>SSDP burst, in packets.</summary>
        public const int SsdpBurst = 20;

        /// <summary>SSDP refill: one packet per this many seconds (20 per 15 minutes).</summary>
        public const int SsdpSecondsPerPacket = 45;

        /// <summary>DHCP burst, in packets.</summary>
        public const int DhcpBurst = 6;

        /// <summary>DHCP refill: one packet per this many seconds (10 per minute).</summary>
        public const int DhcpSecondsPerPacket = 6;

        /// <summary>Update-check burst, in queries.</summary>
        public const int UpdateCheckBurst = 2;

        /// <summary>Update-check refill: one query per this many seconds (4 per day). Jitter is the scheduler's job.</summary>
        public const int UpdateCheckSecondsPerQuery = 21600;

        /// <summary>TCP reply burst per connection, in bytes (64 KiB).</summary>
        public const int TcpReplyConnectionBurstBytes = 65536;

        /// <summary>TCP reply rate per connection, in bytes per second (32 KiB/s).</summary>
        public const int TcpReplyConnectionBytesPerSecond = 32768;

        /// <summary>TCP reply burst over all connections, in bytes (128 KiB).</summary>
        public const int TcpReplyGlobalBurstBytes = 131072;

        /// <summary>TCP reply rate over all connections, in bytes per second (64 KiB/s).</summary>
        public const int TcpReplyGlobalBytesPerSecond = 65536;

        /// <summary>Most new distinct destinations per fan-out window.</summary>
        public const int FanOutMaxNewDestinations = 16;

        /// <summary>The fan-out window, in seconds.</summary>
        public const int FanOutWindowSeconds = 60;

        // TCP byte rates refill in 1/32 s steps rather than once a second, so a drained connection
        // resumes after 31.25 ms instead of stalling for a whole second.
        private const long TcpRefillStepsPerSecond = 32;

        /// <summary>
        /// The NTP class: UDP 123 to the listed servers only; 4 packets burst, 1 per 64 s, never two
        /// within 15 s. Throws <see cref="ArgumentNullException"/> for null and
        /// <see cref="ArgumentOutOfRangeException"/> (naming <paramref name="servers"/>) for none, more than
        /// <see cref="MaxNtpServers"/>, or 0.0.0.0.
        /// </summary>
        /// <param name="servers">The NTP server addresses in host order, 1 to 3; copied.</param>
        /// <returns>The class.</returns>
        public static EgressClass Ntp(uint[] servers)
        {
            ArgumentNullException.ThrowIfNull(servers, nameof(servers));

            if (servers.Length == 0 || servers.Length > MaxNtpServers)
            {
                throw new ArgumentOutOfRangeException(nameof(servers), "List 1 to 3 NTP servers.");
            }

            CheckUnicast(servers, nameof(servers));
            uint[] destinations = new uint[servers.Length];
            for (int i = 0; i < servers.Length; i++)
            {
                destinations[i] = servers[i];
            }

            return Paced(NtpName, new int[] { NtpPort }, destinations, NtpBurst, NtpPacketBytes, NtpSecondsPerPacket, NtpMinimumIntervalSeconds * TimeSpan.TicksPerSecond);
        }

        /// <summary>
        /// The DNS class: UDP 53 to the configured resolver only; 10 queries burst, 1 per 6 s (10 per
        /// minute). Throws <see cref="ArgumentOutOfRangeException"/> naming <paramref name="resolver"/> for
        /// 0.0.0.0, broadcast or multicast.
        /// </summary>
        /// <param name="resolver">The resolver address in host order.</param>
        /// <returns>The class.</returns>
        public static EgressClass Dns(uint resolver)
        {
            return Dns(resolver, DnsPort);
        }

        /// <summary>
        /// The DNS class (see <see cref="Dns(uint)"/>) for a resolver on another port (a local forwarder). Throws
        /// <see cref="ArgumentOutOfRangeException"/> naming <paramref name="resolver"/> or <paramref name="port"/>.
        /// </summary>
        /// <param name="resolver">The resolver address in host order.</param>
        /// <param name="port">The resolver's UDP port, 1 to 65535.</param>
        /// <returns>The class.</returns>
        public static EgressClass Dns(uint resolver, int port)
        {
            CheckUnicast(resolver, nameof(resolver));
            PortNumber.Check(port, nameof(port));
            return Paced(DnsName, new int[] { port }, new uint[] { resolver }, DnsBurst, DnsPacketBytes, DnsSecondsPerQuery, 0);
        }

        /// <summary>The mDNS class: UDP 5353 to 224.0.0.251; 8 packets burst, 1 per second. Never fails.</summary>
        /// <returns>The class.</returns>
        public static EgressClass Mdns()
        {
            return Paced(MdnsName, new int[] { MdnsPort }, new uint[] { Ipv4.MdnsGroup }, MdnsBurst, MdnsPacketBytes, MdnsSecondsPerPacket, 0);
        }

        /// <summary>
        /// The SSDP class, off unless a policy adds it: UDP 1900 to 239.255.255.250; 20 packets burst,
        /// 1 per 45 s (20 per 15 minutes; UPnP 2.0 advertisements are repeated within max-age, at least
        /// 1800 s, so this covers a full announcement set several times over). Never fails.
        /// </summary>
        /// <returns>The class.</returns>
        public static EgressClass Ssdp()
        {
            return Paced(SsdpName, new int[] { SsdpPort }, new uint[] { Ipv4.SsdpGroup }, SsdpBurst, SsdpPacketBytes, SsdpSecondsPerPacket, 0);
        }

        /// <summary>
        /// The DHCP class: UDP 67 and 68 to 255.255.255.255 and the listed DHCP servers; 6 packets burst,
        /// 1 per 6 s (10 per minute). Throws <see cref="ArgumentNullException"/> for null and
        /// <see cref="ArgumentOutOfRangeException"/> naming <paramref name="dhcpServers"/> for more than
        /// <see cref="EgressClass.MaxDestinations"/> - 1 servers or a non-unicast address.
        /// </summary>
        /// <param name="dhcpServers">DHCP servers reached by unicast (renewals), in host order; may be empty; copied.</param>
        /// <returns>The class.</returns>
        public static EgressClass Dhcp(uint[] dhcpServers)
        {
            ArgumentNullException.ThrowIfNull(dhcpServers, nameof(dhcpServers));

            if (dhcpServers.Length > EgressClass.MaxDestinations - 1)
            {
                throw new ArgumentOutOfRangeException(nameof(dhcpServers), "Too many DHCP servers.");
            }

            CheckUnicast(dhcpServers, nameof(dhcpServers));
            uint[] destinations = new uint[dhcpServers.Length + 1];
            destinations[0] = Ipv4.Broadcast;
            for (int i = 0; i < dhcpServers.Length; i++)
            {
                destinations[i + 1] = dhcpServers[i];
            }

            return Paced(DhcpName, new int[] { DhcpServerPort, DhcpClientPort }, destinations, DhcpBurst, DhcpPacketBytes, DhcpSecondsPerPacket, 0);
        }

        /// <summary>
        /// The update-check class: DNS TXT queries on UDP 53 to the configured resolver only; 2 queries
        /// burst, 1 per 6 hours (4 per day). Each admitted query is also charged to the DNS class.
        /// Throws <see cref="ArgumentOutOfRangeException"/> naming <paramref name="resolver"/> for 0.0.0.0,
        /// broadcast or multicast.
        /// </summary>
        /// <param name="resolver">The resolver address in host order.</param>
        /// <returns>The class.</returns>
        public static EgressClass UpdateCheck(uint resolver)
        {
            return UpdateCheck(resolver, DnsPort);
        }

        /// <summary>
        /// The update-check class (see <see cref="UpdateCheck(uint)"/>) for a resolver on another port. Throws
        /// <see cref="ArgumentOutOfRangeException"/> naming <paramref name="resolver"/> or <paramref name="port"/>.
        /// </summary>
        /// <param name="resolver">The resolver address in host order.</param>
        /// <param name="port">The resolver's UDP port, 1 to 65535.</param>
        /// <returns>The class.</returns>
        public static EgressClass UpdateCheck(uint resolver, int port)
        {
            CheckUnicast(resolver, nameof(resolver));
            PortNumber.Check(port, nameof(port));
            return Paced(UpdateCheckName, new int[] { port }, new uint[] { resolver }, UpdateCheckBurst, DnsPacketBytes, UpdateCheckSecondsPerQuery, 0);
        }

        /// <summary>The byte limit of one accepted TCP connection's replies: 64 KiB burst, 32 KiB/s. Never fails.</summary>
        /// <returns>The limit, in bytes.</returns>
        public static RateLimit TcpReplyPerConnection()
        {
            return new RateLimit(
                TcpReplyConnectionBurstBytes,
                TcpReplyConnectionBytesPerSecond / TcpRefillStepsPerSecond,
                TimeSpan.TicksPerSecond / TcpRefillStepsPerSecond);
        }

        /// <summary>The byte limit of all TCP replies together: 128 KiB burst, 64 KiB/s. Never fails.</summary>
        /// <returns>The limit, in bytes.</returns>
        public static RateLimit TcpReplyGlobal()
        {
            return new RateLimit(
                TcpReplyGlobalBurstBytes,
                TcpReplyGlobalBytesPerSecond / TcpRefillStepsPerSecond,
                TimeSpan.TicksPerSecond / TcpRefillStepsPerSecond);
        }

        // A class of bursts of packets of at most packetBytes, refilled one packet per secondsPerPacket; it takes the
        // arrays it is given (built here, never touched again) instead of copying them.
        private static EgressClass Paced(string name, int[] ports, uint[] destinations, int burst, int packetBytes, int secondsPerPacket, long minimumIntervalTicks)
        {
            return new EgressClass(
                name,
                ports,
                destinations,
                RateLimit.PerSeconds(burst, 1, secondsPerPacket),
                RateLimit.PerSeconds(burst * packetBytes, packetBytes, secondsPerPacket),
                minimumIntervalTicks,
                false);
        }

        private static void CheckUnicast(uint[] addresses, string field)
        {
            for (int i = 0; i < addresses.Length; i++)
            {
                CheckUnicast(addresses[i], field);
            }
        }

        private static void CheckUnicast(uint address, string field)
        {
            if (address == 0 || address == Ipv4.Broadcast || Ipv4.IsMulticast(address))
            {
                throw new ArgumentOutOfRangeException(field, "A server must be a unicast address.");
            }
        }
    }
}
