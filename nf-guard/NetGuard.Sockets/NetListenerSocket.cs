using System;
using System.Net.Sockets;
using NetGuard.Diagnostics;
using NetGuard.Network;

namespace NetGuard.Platform
{
    // A listening TCP socket. Accept waits with Poll so that a listener loop can stop.
    internal sealed class NetListenerSocket : NetSocket, IStreamListenerSocket
    {
        public NetListenerSocket(NetSocketLayer layer, Socket socket, int localPort)
            : base(layer, socket)
        {
            LocalPort = localPort;
        }

        public int LocalPort { get; }

        public ReasonCode Accept(int timeoutMilliseconds, out IStreamSocket socket)
        {
            socket = null;
            if (IsClosed)
            {
                return ReasonCode.Closed;
            }

            Socket accepted = null;
            bool handedOver = false;
            try
            {
                if (!Socket.Poll(SocketAddresses.Microseconds(timeoutMilliseconds), SelectMode.SelectRead))
                {
                    return ReasonCode.TimedOut;
                }

                accepted = Socket.Accept();
                socket = new NetStreamSocket(Layer, accepted);
                Layer.Opened();
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
    }
}
