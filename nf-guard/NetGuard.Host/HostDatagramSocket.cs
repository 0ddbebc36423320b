using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using NetGuard.Diagnostics;
using NetGuard.Network;

namespace NetGuard.Platform.Host
{
    // A UDP socket of the host layer. On Linux a datagram longer than the buffer is cut without an
    // error, so receiving goes through a scratch buffer that holds any UDP payload (allocated once) and
    // a datagram longer than the caller's room is reported as TooLarge. Host build only.
    internal sealed class HostDatagramSocket : IDatagramSocket
    {
        private const int MaxDatagram = 65535;

        private readonly HostSocketLayer _layer;
        private readonly Socket _socket;
        private readonly byte[] _scratch = new byte[MaxDatagram];
        private int _closed;

        public HostDatagramSocket(HostSocketLayer layer, Socket socket)
        {
            _layer = layer;
            _socket = socket;
            LocalPort = ((IPEndPoint)socket.LocalEndPoint).Port;
        }

        public int LocalPort { get; }

        public ReasonCode SendTo(byte[] buffer, int offset, int count, uint address, int port)
        {
            if (Volatile.Read(ref _closed) != 0)
            {
                return ReasonCode.Closed;
            }

            try
            {
                _socket.SendTo(buffer, offset, count, SocketFlags.None, new IPEndPoint(HostAddresses.ToIPAddress(address), port));
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

        public int ReceiveFrom(byte[] buffer, int offset, int count, int timeoutMilliseconds, out uint address, out int port, out ReasonCode reason)
        {
            address = 0;
            port = 0;
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

                EndPoint remote = new IPEndPoint(IPAddress.Any, 0);
                lock (_scratch)
                {
                    int received = _socket.ReceiveFrom(_scratch, 0, MaxDatagram, SocketFlags.None, ref remote);
                    address = HostAddresses.FromEndPoint(remote, out port);
                    if (received > count)
                    {
                        reason = ReasonCode.TooLarge;
                        return 0;
                    }

                    Buffer.BlockCopy(_scratch, 0, buffer, offset, received);
                    reason = ReasonCode.Accepted;
                    return received;
                }
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
                _socket.Dispose();
                _layer.ClosedOne();
            }
        }
    }
}
