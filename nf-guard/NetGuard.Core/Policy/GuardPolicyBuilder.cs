using System;
using NetGuard.Diagnostics;
using NetGuard.RateLimiting;

namespace NetGuard.Policy
{
    /// <summary>
    /// Builds a <see cref="GuardPolicy"/>. Each method validates its input at once and returns the
    /// builder, so calls chain; a bad value throws <see cref="ArgumentOutOfRangeException"/> naming the
    /// field (for a forbidden port the message starts with "PortForbidden"). Not thread-safe; the policy
    /// it builds is immutable.
    /// </summary>
    public sealed class GuardPolicyBuilder
    {
        private readonly ListenerDeclaration[] _listeners = new ListenerDeclaration[GuardPolicy.MaxListeners];
        private readonly EgressPolicy _egress;
        private int _listenerCount;
        private int _maxDatagramBytes = GuardPolicy.DefaultMaxDatagramBytes;

        /// <summary>
        /// Starts a policy with no listeners and the given egress policy. Throws
        /// <see cref="ArgumentNullException"/> when <paramref name="egress"/> is null.
        /// </summary>
        /// <param name="egress">The egress policy (see <see cref="EgressPolicy.CreateDefault"/>).</param>
        public GuardPolicyBuilder(EgressPolicy egress)
        {
            ArgumentNullException.ThrowIfNull(egress, nameof(egress));

            _egress = egress;
        }

        /// <summary>
        /// Declares a TCP listener. Throws <see cref="ArgumentNullException"/> for a null name or rate and
        /// <see cref="ArgumentOutOfRangeException"/> naming the field for: a name empty or longer than 32
        /// characters or already used, a port outside 1-65535, the port 23 or 2323 (PortForbidden), a TCP
        /// port already declared, connections outside 1 to <see cref="GuardPolicy.MaxConnectionsPerListener"/>
        /// or beyond <see cref="GuardPolicy.MaxDeclaredSockets"/> sockets over all listeners, or more than
        /// <see cref="GuardPolicy.MaxListeners"/> listeners.
        /// </summary>
        /// <param name="name">The listener's name (for counters, the declaration and the MUD file).</param>
        /// <param name="port">The local TCP port.</param>
        /// <param name="maxConnections">The most connections open at once; the next one is closed at once.</param>
        /// <param name="acceptRate">The accept rate, in connections; a connection beyond it is closed at once.</param>
        /// <returns>This builder.</returns>
        public GuardPolicyBuilder AddTcpListener(string name, int port, int maxConnections, RateLimit acceptRate)
        {
            CheckName(name);
            CheckPort(port, ListenerTransport.Tcp);
            if (maxConnections < 1 || maxConnections > GuardPolicy.MaxConnectionsPerListener)
            {
                throw new ArgumentOutOfRangeException(nameof(maxConnections), "A TCP listener allows 1 to 12 connections.");
            }

            // The listening socket plus every connection it may hold must fit lwIP's socket table.
            if (DeclaredSockets() + 1 + maxConnections > GuardPolicy.MaxDeclaredSockets)
            {
                throw new ArgumentOutOfRangeException(nameof(maxConnections), "All listeners together may hold at most 16 sockets (lwIP's limit on ESP32).");
            }

            ArgumentNullException.ThrowIfNull(acceptRate, nameof(acceptRate));

            Append(new ListenerDeclaration(name, port, ListenerTransport.Tcp, maxConnections, acceptRate));
            return this;
        }

        /// <summary>
        /// Declares a UDP endpoint on a fixed local port (a channel on an ephemeral port needs no
        /// declaration). Same validation as <see cref="AddTcpListener"/> for the name and port.
        /// </summary>
        /// <param name="name">The endpoint's name.</param>
        /// <param name="port">The local UDP port.</param>
        /// <returns>This builder.</returns>
        public GuardPolicyBuilder AddUdpListener(string name, int port)
        {
            CheckName(name);
            CheckPort(port, ListenerTransport.Udp);
            if (DeclaredSockets() + 1 > GuardPolicy.MaxDeclaredSockets)
            {
                throw new ArgumentOutOfRangeException(nameof(port), "All listeners together may hold at most 16 sockets (lwIP's limit on ESP32).");
            }

            Append(new ListenerDeclaration(name, port, ListenerTransport.Udp, 0, null));
            return this;
        }

        /// <summary>
        /// Sets the largest datagram the device may send. Throws <see cref="ArgumentOutOfRangeException"/>
        /// naming <paramref name="bytes"/> outside 1 to <see cref="GuardPolicy.MaxUdpPayloadBytes"/>.
        /// </summary>
        /// <param name="bytes">The limit in bytes (default <see cref="GuardPolicy.DefaultMaxDatagramBytes"/>).</param>
        /// <returns>This builder.</returns>
        public GuardPolicyBuilder SetMaxDatagramBytes(int bytes)
        {
            if (bytes < 1 || bytes > GuardPolicy.MaxUdpPayloadBytes)
            {
                throw new ArgumentOutOfRangeException(nameof(bytes), "A datagram limit is 1 to 65507 bytes.");
            }

            _maxDatagramBytes = bytes;
            return this;
        }

        /// <summary>Builds the immutable policy; the builder can go on being used. Never fails.</summary>
        /// <returns>The policy.</returns>
        public GuardPolicy Build()
        {
            return new GuardPolicy(_listeners, _listenerCount, _egress, _maxDatagramBytes);
        }

        private void CheckName(string name)
        {
            ArgumentNullException.ThrowIfNull(name, nameof(name));

            if (name.Length == 0 || name.Length > 32)
            {
                throw new ArgumentOutOfRangeException(nameof(name), "A listener name has 1 to 32 characters.");
            }

            for (int i = 0; i < _listenerCount; i++)
            {
                if (_listeners[i].Name == name)
                {
                    throw new ArgumentOutOfRangeException(nameof(name), "A listener with this name is already declared.");
                }
            }
        }

        private void CheckPort(int port, ListenerTransport transport)
        {
            PortNumber.Check(port, nameof(port));

            if (GuardPolicy.IsForbiddenPort(port))
            {
                // Mirai scanned 23 nine times in ten and 2323 otherwise: no product needs telnet.
                throw new ArgumentOutOfRangeException(nameof(port), ReasonCodeNames.Name(ReasonCode.PortForbidden) + ": ports 23 and 2323 (telnet) can never be declared.");
            }

            for (int i = 0; i < _listenerCount; i++)
            {
                if (_listeners[i].Port == port && _listeners[i].Transport == transport)
                {
                    throw new ArgumentOutOfRangeException(nameof(port), "This port is already declared for this transport.");
                }
            }

            if (_listenerCount == _listeners.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(port), "Too many listeners.");
            }
        }

        private int DeclaredSockets()
        {
            int sockets = 0;
            for (int i = 0; i < _listenerCount; i++)
            {
                sockets += 1 + _listeners[i].MaxConnections;
            }

            return sockets;
        }

        private void Append(ListenerDeclaration declaration)
        {
            _listeners[_listenerCount] = declaration;
            _listenerCount++;
        }
    }
}
