using System;
using System.Net;
using System.Net.Sockets;
using NetGuard.Diagnostics;
using NetGuard.Network;

namespace NetGuard.Platform
{
    // A UDP socket. lwIP and Linux both cut a datagram that does not fit the buffer without saying so, so receiving
    // goes through a scratch buffer one byte larger than the largest datagram the stack hands over (the layer's):
    // a datagram longer than the caller's room is reported as TooLarge.
    internal sealed class NetDatagramSocket : NetSocket, IDatagramSocket
    {
        private readonly byte[] _scratch;

        public NetDatagramSocket(NetSocketLayer layer, Socket socket, int localPort, byte[] scratch)
            : base(layer, socket)
        {
            _scratch = scratch;
            LocalPort = localPort;
        }

        public int LocalPort { get; }

        public ReasonCode SendTo(byte[] buffer, int offset, int count, uint address, int port)
        {
            if (IsClosed)
            {
                return ReasonCode.Closed;
            }

            try
            {
                Socket.SendTo(buffer, offset, count, SocketFlags.None, new IPEndPoint(SocketAddresses.ToIPAddress(address), port));
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
        }

        public int ReceiveFrom(byte[] buffer, int offset, int count, int timeoutMilliseconds, out uint address, out int port, out ReasonCode reason)
        {
            address = 0;
            port = 0;
            if (IsClosed)
            {
                reason = ReasonCode.Closed;
                return 0;
            }

            try
            {
                if (!Socket.Poll(SocketAddresses.Microseconds(timeoutMilliseconds), SelectMode.SelectRead))
                {
                    reason = ReasonCode.TimedOut;
                    return 0;
                }

                EndPoint remote = new IPEndPoint(IPAddress.Any, 0);

                // One receive at a time uses the scratch buffer.
                lock (_scratch)
                {
                    int received = Socket.ReceiveFrom(_scratch, 0, _scratch.Length, SocketFlags.None, ref remote);
                    address = SocketAddresses.FromEndPoint(remote, out port);
                    if (received > count)
                    {
                        reason = ReasonCode.TooLarge;
                        return 0;
                    }

                    Array.Copy(_scratch, 0, buffer, offset, received);
                    reason = ReasonCode.Accepted;
                    return received;
                }
            }
            catch (SocketException e)
            {
                reason = SocketAddresses.TransferReason(e);
                return 0;
            }
            catch (ObjectDisposedException)
            {
                reason = ReasonCode.Closed;
                return 0;
            }
        }
    }
}
