
namespace NetGuard.RateLimiting
{
    /// <summary>
    /// IPv4 addresses as a <see cref="uint"/> in host order: a.b.c.d is <c>a &lt;&lt; 24 | b &lt;&lt; 16 | c &lt;&lt; 8 | d</c>.
    /// The limiter works on this form so that deciding allocates nothing and needs no System.Net type.
    /// </summary>
    public static class Ipv4
    {
        /// <summary>The limited broadcast address 255.255.255.255 (RFC 919), where DHCP discovers servers.</summary>
        public const uint Broadcast = 0xFFFFFFFF;

        /// <summary>The mDNS IPv4 multicast group 224.0.0.251 (RFC 6762 section 3).</summary>
        public const uint MdnsGroup = 0xE00000FB;

        /// <summary>The SSDP IPv4 multicast group 239.255.255.250 (UPnP Device Architecture 2.0, section 1).</summary>
        public const uint SsdpGroup = 0xEFFFFFFA;

        /// <summary>Builds the address a.b.c.d from its four bytes, most significant first. Never fails.</summary>
        /// <param name="a">The first byte (most significant).</param>
        /// <param name="b">The second byte.</param>
        /// <param name="c">The third byte.</param>
        /// <param name="d">The fourth byte (least significant).</param>
        /// <returns>The address in host order.</returns>
        public static uint FromBytes(byte a, byte b, byte c, byte d)
        {
            return ((uint)a << 24) | ((uint)b << 16) | ((uint)c << 8) | d;
        }

        /// <summary>
        /// Parses dotted-quad text such as <c>"192.168.1.10"</c> (exactly four decimal parts 0-255, no
        /// spaces, no leading '+'). Returns false, with <paramref name="address"/> 0, for anything else,
        /// including null.
        /// </summary>
        /// <param name="text">The text to parse.</param>
        /// <param name="address">The address in host order, or 0 when parsing fails.</param>
        /// <returns>True when <paramref name="text"/> is a valid dotted-quad address.</returns>
        public static bool TryParse(string text, out uint address)
        {
            address = 0;
            if (text == null || text.Length < 7 || text.Length > 15)
            {
                return false;
            }

            uint result = 0;
            int part = 0;
            int digits = 0;
            int value = 0;
            char[] chars = text.ToCharArray();
            for (int i = 0; i <= chars.Length; i++)
            {
                char ch = i < chars.Length ? chars[i] : '.';
                if (ch >= '0' && ch <= '9')
                {
                    // Three digits at most per part, so the value stays below 1000 and cannot overflow.
                    if (digits == 3)
                    {
                        return false;
                    }

                    value = (value * 10) + (ch - '0');
                    digits++;
                }
                else if (ch == '.')
                {
                    if (digits == 0 || value > 255 || part == 4)
                    {
                        return false;
                    }

                    result = (result << 8) | (uint)value;
                    part++;
                    digits = 0;
                    value = 0;
                }
                else
                {
                    return false;
                }
            }

            if (part != 4)
            {
                return false;
            }

            address = result;
            return true;
        }

        /// <summary>Formats an address as dotted-quad text, e.g. <c>"224.0.0.251"</c>. Never fails.</summary>
        /// <param name="address">The address in host order.</param>
        /// <returns>The dotted-quad text.</returns>
        public static string ToString(uint address)
        {
            return ((address >> 24) & 0xFF).ToString() + "." + ((address >> 16) & 0xFF).ToString() + "."
                + ((address >> 8) & 0xFF).ToString() + "." + (address & 0xFF).ToString();
        }

        /// <summary>True for an address in 224.0.0.0/4, the IPv4 multicast range (RFC 5771). Never fails.</summary>
        /// <param name="address">The address in host order.</param>
        /// <returns>True when the address is a multicast group.</returns>
        public static bool IsMulticast(uint address)
        {
            return (address & 0xF0000000) == 0xE0000000;
        }
    }
}
