using System.Net.Sockets;
using System.Threading;

namespace NetGuard.Platform
{
    // What the listener, stream and datagram sockets share: their platform socket, the layer that counts it, and a
    // close that runs once.
    internal abstract class NetSocket
    {
        private int _closed;

        protected NetSocket(NetSocketLayer layer, Socket socket)
        {
            Layer = layer;
            Socket = socket;
        }

        // The platform socket. Internal for the library's device TLS session only (nanoFramework's SslStream is built
        // over a Socket); firmware never sees it (docs/threat-model.md, "HTTPS on the device").
        internal Socket Socket { get; }

        protected NetSocketLayer Layer { get; }

        protected bool IsClosed
        {
            get { return Interlocked.CompareExchange(ref _closed, 0, 0) != 0; }
        }

        public void Close()
        {
            if (Interlocked.Exchange(ref _closed, 1) != 0)
            {
                return;
            }

            BeforeClose();
            SocketAddresses.CloseQuietly(Socket);
            Layer.ClosedOne();
        }

        // Runs once, just before the platform socket closes.
        protected virtual void BeforeClose()
        {
        }
    }
}
