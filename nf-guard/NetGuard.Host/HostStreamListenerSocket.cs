using System;
using System.Net.Sockets;
using System.Threading;
using NetGuard.Diagnostics;
using NetGuard.Network;

namespace NetGuard.Platform.Host
{
    // A listening TCP socket of the host layer. Host build only.
    internal sealed class HostStreamListenerSocket : IStreamListenerSocket
    {
        private readonly HostSocketLayer _layer;
        private readonly Socket _socket;
        private int _closed;

        public HostStreamListenerSocket(HostSocketLayer layer, Socket socket)
        {
            _layer = layer;
            _socket = socket;
            LocalPort = ((System.Net.IPEndPoint)socket.LocalEndPoint).Port;
        }

        public int LocalPort { get; }

        public ReasonCode Accept(int timeoutMilliseconds, out IStreamSocket socket)
        {
            socket = null;
            if (Volatile.Read(ref _closed) != 0)
            {
                return ReasonCode.Closed;
            }

            Socket accepted = null;
            bool handedOver = false;
            try
            {
                if (!_socket.Poll(HostAddresses.Microseconds(timeoutMilliseconds), SelectMode.SelectRead))
                {
                    return ReasonCode.TimedOut;
                }

                accepted = _socket.Accept();
                socket = new HostStreamSocket(_layer, accepted);
                _layer.Opened();
                handedOver = true;
                return ReasonCode.Accepted;
            }
            catch (SocketException e)
            {
                return HostAddresses.TransferReason(e);
            }
            catch (ObjectDisposedException)
            {
                return ReasonCode.Closed;
            }
            finally
            {
                if (!handedOver && accepted != null)
                {
                    accepted.Dispose();
                }
            }
        }

        public void Close()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0)
            {
                _socket.Dispose();
                _layer.ClosedOne();
            }
        }
    }
}
