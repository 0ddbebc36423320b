using System;
using System.Net.Sockets;
using System.Threading;
using NetGuard.Diagnostics;
using NetGuard.Network;

namespace NetGuard.Platform.Host
{
    // An accepted TCP connection's socket on the host. No connect: it only wraps what Accept returned.
    // Host build only.
    internal sealed class HostStreamSocket : IStreamSocket
    {
        private readonly HostSocketLayer _layer;
        private readonly Socket _socket;
        private int _closed;

        public HostStreamSocket(HostSocketLayer layer, Socket socket)
        {
            _layer = layer;
            _socket = socket;
            int port;
            RemoteAddress = HostAddresses.FromEndPoint(socket.RemoteEndPoint, out port);
            RemotePort = port;
        }

        public uint RemoteAddress { get; }

        public int RemotePort { get; }

        public ReasonCode Send(byte[] buffer, int offset, int count)
        {
            if (Volatile.Read(ref _closed) != 0)
            {
                return ReasonCode.Closed;
            }

            try
            {
                while (count > 0)
                {
                    int sent = _socket.Send(buffer, offset, count, SocketFlags.None);
                    if (sent <= 0)
                    {
                        return ReasonCode.Closed;
                    }

                    offset += sent;
                    count -= sent;
                }

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
        }

        public int Receive(byte[] buffer, int offset, int count, int timeoutMilliseconds, out ReasonCode reason)
        {
            if (Volatile.Read(ref _closed) != 0)
            {
                reason = ReasonCode.Closed;
                return 0;
            }

            try
            {
                if (!_socket.Poll(HostAddresses.Microseconds(timeoutMilliseconds), SelectMode.SelectRead))
                {
                    reason = ReasonCode.TimedOut;
                    return 0;
                }

                int received = _socket.Receive(buffer, offset, count, SocketFlags.None);
                reason = received > 0 ? ReasonCode.Accepted : ReasonCode.Closed;
                return received;
            }
            catch (SocketException e)
            {
                reason = HostAddresses.TransferReason(e);
                return 0;
            }
            catch (ObjectDisposedException)
            {
                reason = ReasonCode.Closed;
                return 0;
            }
        }

        public void Close()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0)
            {
                try
                {
                    // Wakes a worker blocked in Poll on this socket at once (closing the descriptor alone does not on
                    // Linux), so a displaced connection frees its worker for the newcomer.
                    _socket.Shutdown(SocketShutdown.Both);
                }
                catch (SocketException)
                {
                    // Not connected any more: nothing to wake.
                }

                _socket.Dispose();
                _layer.ClosedOne();
            }
        }
    }
}
