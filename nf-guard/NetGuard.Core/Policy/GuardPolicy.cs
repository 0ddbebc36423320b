using System;
using NetGuard.Diagnostics;
using NetGuard.RateLimiting;

namespace NetGuard.Policy
{
    /// <summary>
    /// The complete, immutable NetGuard policy: the ports the device may listen on (each with its caps),
    /// the egress policy every outgoing packet is held to, and the largest datagram the device may send.
    /// Anything not declared is refused: no listener on an undeclared port, never a listener on 23 or
    /// 2323, never an outbound TCP connection. Build one with <see cref="GuardPolicyBuilder"/>.
    /// </summary>
    public sealed class GuardPolicy
    {
        /// <summary>The most listeners one policy may declare.</summary>
        public const int MaxListeners = 8;

        /// <summary>
        /// The most concurrent connections one TCP listener may declare. lwIP on ESP32 has 16 sockets in
        /// all (8 on ESP32-C3), and every connection holds one.
        /// </summary>
        public const int MaxConnectionsPerListener = 12;

        /// <summary>
        /// The most sockets all declared listeners may hold together (each TCP listener its listening
        /// socket plus its connections, each UDP endpoint one): lwIP on ESP32 has 16 in all.
        /// </summary>
        public const int MaxDeclaredSockets = 16;

        /// <summary>Telnet's port (RFC 854), Mirai's first scan target: never declarable.</summary>
        public const int TelnetPort = 23;

        /// <summary>The alternate telnet port Mirai scanned one time in ten: never declarable.</summary>
        public const int AlternateTelnetPort = 2323;

        /// <summary>The default largest datagram the device may send, in bytes: one unfragmented UDP payload on a 1500-byte MTU (1500 - 20 IP - 8 UDP).</summary>
        public const int DefaultMaxDatagramBytes = 1472;

        /// <summary>The largest UDP payload IPv4 can carry, in bytes (65535 - 20 - 8).</summary>
        public const int MaxUdpPayloadBytes = 65507;

        private readonly ListenerDeclaration[] _listeners;

        internal GuardPolicy(ListenerDeclaration[] listeners, int count, EgressPolicy egress, int maxDatagramBytes)
        {
            ListenerDeclaration[] copy = new ListenerDeclaration[count];
            Array.Copy(listeners, copy, count);
            _listeners = copy;
            Egress = egress;
            MaxDatagramBytes = maxDatagramBytes;
        }

        /// <summary>The egress policy every outgoing packet is held to.</summary>
        public EgressPolicy Egress { get; }

        /// <summary>The largest datagram the device may send, in bytes; larger ones are refused as TooLarge.</summary>
        public int MaxDatagramBytes { get; }

        /// <summary>How many listeners the policy declares.</summary>
        public int ListenerCount
        {
            get { return _listeners.Length; }
        }

        /// <summary>The listener at <paramref name="index"/>; throws <see cref="IndexOutOfRangeException"/> outside 0 to <see cref="ListenerCount"/> - 1.</summary>
        /// <param name="index">The position, in declaration order.</param>
        /// <returns>The declaration.</returns>
        public ListenerDeclaration GetListener(int index)
        {
            return _listeners[index];
        }

        /// <summary>The position of the listener declared for <paramref name="port"/> and <paramref name="transport"/>, or -1. Never fails.</summary>
        /// <param name="port">A local port.</param>
        /// <param name="transport">The transport.</param>
        /// <returns>The index or -1.</returns>
        public int IndexOfListener(int port, ListenerTransport transport)
        {
            for (int i = 0; i < _listeners.Length; i++)
            {
                if (_listeners[i].Port == port && _listeners[i].Transport == transport)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>
        /// True for the ports no policy may ever declare: 23 and 2323 (telnet, Mirai's scan targets).
        /// Never fails.
        /// </summary>
        /// <param name="port">A port.</param>
        /// <returns>Whether the port is forbidden.</returns>
        public static bool IsForbiddenPort(int port)
        {
            return port == TelnetPort || port == AlternateTelnetPort;
        }

        /// <summary>
        /// Decides whether a listener may be opened on <paramref name="port"/>: PortForbidden for 23 and
        /// 2323 (checked first, so the answer does not depend on the policy), PortNotDeclared for any port
        /// the policy does not declare for <paramref name="transport"/>, else Accepted. Never fails.
        /// </summary>
        /// <param name="port">The local port.</param>
        /// <param name="transport">The transport.</param>
        /// <returns>The decision.</returns>
        public Decision CheckListen(int port, ListenerTransport transport)
        {
            if (IsForbiddenPort(port))
            {
                return Decision.Refuse(ReasonCode.PortForbidden);
            }

            if (IndexOfListener(port, transport) < 0)
            {
                return Decision.Refuse(ReasonCode.PortNotDeclared);
            }

            return Decision.Accept();
        }
    }
}
