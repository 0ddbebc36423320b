using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using NetGuard.Diagnostics;
using NetGuard.Network;

namespace NetGuard.Platform.Host
{
    /// <summary>
    /// The host socket layer: .NET's System.Net.Sockets bound to one local IPv4 address (127.0.0.1 in
    /// tests and the host simulation). Internal, so code outside the library reaches it only through a
    /// <see cref="NetworkGuard"/> made by <see cref="HostNetworkGuard"/>. Like the seam, it has no
    /// connect operation. Host build only.
    /// </summary>
    internal sealed class HostSocketLayer : ISocketLayer
    {
        private readonly IPAddress _bindAddress;
        private int _openSockets;

        public HostSocketLayer(uint bindAddress)
        {
            _bindAddress = HostAddresses.ToIPAddress(bindAddress);
        }

        // Platform sockets open now (listening, accepted, UDP): the leak check of the host tests.
        public int OpenSockets => Volatile.Read(ref _openSockets);

        public ReasonCode OpenStreamListener(int port, int backlog, out IStreamListenerSocket listener)
        {
            listener = null;
            Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            bool handedOver = false;
            try
            {
                socket.Bind(new IPEndPoint(_bindAddress, port));
                socket.Listen(backlog < 1 ? 1 : backlog);
                listener = new HostStreamListenerSocket(this, socket);
                Opened();
                handedOver = true;
                return ReasonCode.Accepted;
            }
            catch (SocketException e)
            {
                return HostAddresses.BindReason(e);
            }
            finally
            {
                if (!handedOver)
                {
                    socket.Dispose();
                }
            }
        }

        public ReasonCode OpenDatagram(int port, out IDatagramSocket datagramSocket)
        {
            datagramSocket = null;
            Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            bool handedOver = false;
            try
            {
                // DHCP discovers by broadcast (RFC 2131); whether a broadcast may be sent is the limiter's call.
                socket.EnableBroadcast = true;
                socket.Bind(new IPEndPoint(_bindAddress, port));
                datagramSocket = new HostDatagramSocket(this, socket);
                Opened();
                handedOver = true;
                return ReasonCode.Accepted;
            }
            catch (SocketException e)
            {
                return HostAddresses.BindReason(e);
            }
            finally
            {
                if (!handedOver)
                {
                    socket.Dispose();
                }
            }
        }

        internal void Opened() => Interlocked.Increment(ref _openSockets);

        internal void ClosedOne() => Interlocked.Decrement(ref _openSockets);
    }
}
