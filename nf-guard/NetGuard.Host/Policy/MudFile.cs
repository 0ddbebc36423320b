using System;
using System.IO;
using System.Text;
using System.Text.Json;
using NetGuard.RateLimiting;

namespace NetGuard.Policy
{
    // Renders PolicyExport.ToMudJson: an RFC 8520 Manufacturer Usage Description, so the network can
    // enforce the same promise a second time (design section 2, "stronger tiers").
    // Structure (RFC 8520 sections 2.1, 8 and 9): a container "ietf-mud:mud" (mud-version 1, mud-url,
    // last-update, cache-validity, is-supported, systeminfo, from-device-policy and to-device-policy
    // naming access lists) and "ietf-access-control-list:acls" (RFC 8519) holding those lists.
    // MUD ACLs are stateless, so every flow needs a rule in each direction:
    // - a declared TCP listener: to-device, TCP to the listener port, "ietf-mud:direction-initiated"
    //   "to-device" (RFC 8520 section 2.1: only connections the peer opens); from-device, TCP from that
    //   port, also initiated to-device, so the device may reply but never open a connection;
    // - a declared UDP listener: UDP to and from its port;
    // - an egress class: from-device UDP to each destination/port pair, and the replies to-device.
    // There is no other rule: MUD denies what is not listed, which is what NetGuard enforces on-device.
    internal static class MudFile
    {
        private const string FromDeviceAcl = "from-ipv4-netguard";
        private const string ToDeviceAcl = "to-ipv4-netguard";
        private const int Tcp = 6;
        private const int Udp = 17;

        public static string Render(GuardPolicy policy, string mudUrl, string systemInfo, string lastUpdate, int cacheValidityHours)
        {
            ArgumentNullException.ThrowIfNull(mudUrl, nameof(mudUrl));
            ArgumentNullException.ThrowIfNull(systemInfo, nameof(systemInfo));
            ArgumentNullException.ThrowIfNull(lastUpdate, nameof(lastUpdate));

            // RFC 8520 section 2.1: cache-validity is 1 to 168 hours.
            if (cacheValidityHours < 1 || cacheValidityHours > 168)
            {
                throw new ArgumentOutOfRangeException(nameof(cacheValidityHours), "RFC 8520 allows 1 to 168 hours.");
            }

            var stream = new MemoryStream();
            using var json = new Utf8JsonWriter(stream, PolicyExport.WriterOptions);
            json.WriteStartObject();
            json.WritePropertyName("ietf-mud:mud");
            json.WriteStartObject();
            json.WriteNumber("mud-version", 1);
            json.WriteString("mud-url", mudUrl);
            json.WriteString("last-update", lastUpdate);
            json.WriteNumber("cache-validity", cacheValidityHours);
            json.WritePropertyName("is-supported");
            json.WriteBooleanValue(true);
            json.WriteString("systeminfo", systemInfo);
            WritePolicyReference(json, "from-device-policy", FromDeviceAcl);
            WritePolicyReference(json, "to-device-policy", ToDeviceAcl);
            json.WriteEndObject();

            json.WritePropertyName("ietf-access-control-list:acls");
            json.WriteStartObject();
            json.WritePropertyName("acl");
            json.WriteStartArray();
            WriteAcl(json, policy, true);
            WriteAcl(json, policy, false);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.Flush();
            return Encoding.UTF8.GetString(stream.ToArray());
        }

        private static void WritePolicyReference(Utf8JsonWriter json, string name, string acl)
        {
            json.WritePropertyName(name);
            json.WriteStartObject();
            json.WritePropertyName("access-lists");
            json.WriteStartObject();
            json.WritePropertyName("access-list");
            json.WriteStartArray();
            json.WriteStartObject();
            json.WriteString("name", acl);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        private static void WriteAcl(Utf8JsonWriter json, GuardPolicy policy, bool fromDevice)
        {
            string prefix = fromDevice ? "from" : "to";
            json.WriteStartObject();
            json.WriteString("name", fromDevice ? FromDeviceAcl : ToDeviceAcl);
            json.WriteString("type", "ipv4-acl-type");
            json.WritePropertyName("aces");
            json.WriteStartObject();
            json.WritePropertyName("ace");
            json.WriteStartArray();
            for (int i = 0; i < policy.ListenerCount; i++)
            {
                ListenerDeclaration listener = policy.GetListener(i);
                bool tcp = listener.Transport == ListenerTransport.Tcp;

                // The listener port is the device's port: destination to the device, source from it.
                WriteAce(json, prefix + "-listener-" + listener.Name, tcp ? Tcp : Udp, 0, fromDevice, !fromDevice, listener.Port, tcp);
            }

            EgressPolicy egress = policy.Egress;
            for (int c = 0; c <= egress.ClassCount; c++)
            {
                EgressClass egressClass = c < egress.ClassCount ? egress.GetClass(c) : egress.UpdateCheck;
                if (egressClass == null)
                {
                    continue;
                }

                for (int d = 0; d < egressClass.DestinationCount; d++)
                {
                    for (int p = 0; p < egressClass.PortCount; p++)
                    {
                        // The class port is the remote port: destination from the device, source to it.
                        // Answers to a broadcast or multicast query come from a unicast address, so the
                        // to-device rule of such a destination names no source network.
                        uint destination = egressClass.GetDestination(d);
                        bool group = destination == Ipv4.Broadcast || Ipv4.IsMulticast(destination);
                        uint remote = !fromDevice && group ? 0 : destination;
                        string name = prefix + "-" + egressClass.Name + "-" + d.ToString() + "-" + p.ToString();
                        WriteAce(json, name, Udp, remote, fromDevice, fromDevice, egressClass.GetPort(p), false);
                    }
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        // One ACE. remote: the peer's address (0 = any); remoteIsDestination: whether the peer is the
        // packet's destination (from-device) or its source (to-device); portIsDestination: whether the
        // port matches the destination port.
        private static void WriteAce(Utf8JsonWriter json, string name, int protocol, uint remote, bool remoteIsDestination, bool portIsDestination, int port, bool tcpToDevice)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WritePropertyName("matches");
            json.WriteStartObject();
            json.WritePropertyName("ipv4");
            json.WriteStartObject();
            json.WriteNumber("protocol", protocol);
            if (remote != 0)
            {
                json.WriteString(remoteIsDestination ? "destination-ipv4-network" : "source-ipv4-network", Ipv4.ToString(remote) + "/32");
            }

            json.WriteEndObject();
            json.WritePropertyName(protocol == Tcp ? "tcp" : "udp");
            json.WriteStartObject();
            if (tcpToDevice)
            {
                // RFC 8520 section 2.1 (augmenting RFC 8519's tcp container): only connections the peer initiates.
                json.WriteString("ietf-mud:direction-initiated", "to-device");
            }

            json.WritePropertyName(portIsDestination ? "destination-port" : "source-port");
            json.WriteStartObject();
            json.WriteString("operator", "eq");
            json.WriteNumber("port", port);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WritePropertyName("actions");
            json.WriteStartObject();
            json.WriteString("forwarding", "accept");
            json.WriteEndObject();
            json.WriteEndObject();
        }
    }
}
