using System;
using System.Net.Sockets;
using System.Threading;
using NetGuard.Diagnostics;
using NetGuard.Network;

namespace NetGuard.Platform
{
    // A listening TCP socket. Accept waits with Poll so that a listener loop can stop.
    internal sealed class NetListenerSocket : IStreamListenerSocket
    {
        private readonly NetSocketLayer _layer;
        private readonly Socket _socket;
        private int _closed;

        public NetListenerSocket(NetSocketLayer layer, Socket socket, int localPort)
        {
            _layer = layer;
            _socket = socket;
            LocalPort = localPort;
        }

        public int LocalPort { get; }

        public ReasonCode Accept(int timeoutMilliseconds, out IStreamSocket socket)
        {
            socket = null;
            if (Interlocked.CompareExchange(ref _closed, 0, 0) != 0)
            {
                return ReasonCode.Closed;
            }

            Socket accepted = null;
            bool handedOver = false;
            try
            {
                if (!_socket.Poll(SocketAddresses.Microseconds(timeoutMilliseconds), SelectMode.SelectRead))
                {
                    return ReasonCode.TimedOut;
                }

                accepted = _socket.Accept();
                socket = new NetStreamSocket(_layer, accepted);
                _layer.Opened();
                handedOver = true;
                return ReasonCode.Accepted;
            }
            catch (SocketException e)
            {
                return SocketAddresses.TransferReason(e);
            }
            catch (ObjectDisposedException)
            {
                return ReasonCode.Closed;
            }
            finally
            {
                if (!handedOver && accepted != null)
                {
                    SocketAddresses.CloseQuietly(accepted);
                }
            }
        }

        public void Close()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0)
            {
                SocketAddresses.CloseQuietly(_socket);
                _layer.ClosedOne();
            }
        }
    }
}
