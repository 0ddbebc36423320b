using System.Net;
using System.Net.Sockets;
using System.Threading;
using NetGuard.Diagnostics;
using NetGuard.Network;

namespace NetGuard.Platform
{
    /// <summary>
    /// The socket layer over System.Net sockets, one source for the device (nanoFramework, all interfaces) and the
    /// host (.NET, one local address such as 127.0.0.1). Internal, so firmware reaches it only through a
    /// <see cref="NetworkGuard"/>; like the seam, it never calls <c>Socket.Connect</c>.
    /// </summary>
    internal sealed class NetSocketLayer : ISocketLayer
    {
        private readonly IPAddress _bindAddress;
        private readonly int _maxDatagramBytes;
        private int _openSockets;

        // bindAddress 0 binds all interfaces. maxDatagramBytes is the largest datagram the stack can hand over
        // (1472 on lwIP with a 1500-byte MTU, 65,507 on a desktop stack); one byte more is kept to detect longer ones.
        public NetSocketLayer(uint bindAddress, int maxDatagramBytes)
        {
            _bindAddress = bindAddress == 0 ? IPAddress.Any : SocketAddresses.ToIPAddress(bindAddress);
            _maxDatagramBytes = maxDatagramBytes;
        }

        // Platform sockets open now (listening, accepted, UDP): the host tests' leak check.
        public int OpenSockets
        {
            get { return Interlocked.CompareExchange(ref _openSockets, 0, 0); }
        }

        public ReasonCode OpenStreamListener(int port, int backlog, out IStreamListenerSocket listener)
        {
            listener = null;
            Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            int localPort;
            ReasonCode bound = Bind(socket, port, backlog < 1 ? 1 : backlog, out localPort);
            if (bound == ReasonCode.Accepted)
            {
                listener = new NetListenerSocket(this, socket, localPort);
            }

            return bound;
        }

        public ReasonCode OpenDatagram(int port, out IDatagramSocket datagramSocket)
        {
            datagramSocket = null;
            byte[] scratch = new byte[_maxDatagramBytes + 1]; // before the socket, so that nothing after Bind can fail
            Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            int localPort;
            ReasonCode bound = Bind(socket, port, 0, out localPort);
            if (bound == ReasonCode.Accepted)
            {
                datagramSocket = new NetDatagramSocket(this, socket, localPort, scratch);
            }

            return bound;
        }

        // Binds (and, with a backlog, listens), reads the port bound (port 0 asks for an ephemeral one) and counts the
        // socket as open; on any failure the socket is closed.
        private ReasonCode Bind(Socket socket, int port, int backlog, out int localPort)
        {
            localPort = 0;
            bool bound = false;
            try
            {
                if (backlog == 0)
                {
                    // DHCP discovers by broadcast (RFC 2131); whether a broadcast may be sent is the limiter's call.
                    socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Broadcast, true);
                }

                socket.Bind(new IPEndPoint(_bindAddress, port));
                if (backlog > 0)
                {
                    socket.Listen(backlog);
                }

                localPort = SocketAddresses.LocalPort(socket);
                bound = true;
                Opened();
                return ReasonCode.Accepted;
            }
            catch (SocketException e)
            {
                return SocketAddresses.BindReason(e);
            }
            finally
            {
                if (!bound)
                {
                    SocketAddresses.CloseQuietly(socket);
                }
            }
        }

        internal void Opened()
        {
            Interlocked.Increment(ref _openSockets);
        }

        internal void ClosedOne()
        {
            Interlocked.Decrement(ref _openSockets);
        }
    }
}
