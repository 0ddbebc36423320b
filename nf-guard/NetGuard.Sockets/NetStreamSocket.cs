using System;
using System.Net.Sockets;
using NetGuard.Diagnostics;
using NetGuard.Network;

namespace NetGuard.Platform
{
    // An accepted TCP connection's socket. No connect: it only wraps what Accept returned.
    internal sealed class NetStreamSocket : NetSocket, IStreamSocket
    {
        public NetStreamSocket(NetSocketLayer layer, Socket socket)
            : base(layer, socket)
        {
            int port;
            RemoteAddress = SocketAddresses.FromEndPoint(socket.RemoteEndPoint, out port);
            RemotePort = port;
        }

        public uint RemoteAddress { get; }

        public int RemotePort { get; }

        public ReasonCode Send(byte[] buffer, int offset, int count)
        {
            if (IsClosed)
            {
                return ReasonCode.Closed;
            }

            try
            {
                while (count > 0)
                {
                    int sent = Socket.Send(buffer, offset, count, SocketFlags.None);
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
                return SocketAddresses.TransferReason(e);
            }
            catch (ObjectDisposedException)
            {
                return ReasonCode.Closed;
            }
        }

        public int Receive(byte[] buffer, int offset, int count, int timeoutMilliseconds, out ReasonCode reason)
        {
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

                int received = Socket.Receive(buffer, offset, count, SocketFlags.None);
                reason = received > 0 ? ReasonCode.Accepted : ReasonCode.Closed;
                return received;
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

#if !NANOFRAMEWORK_1_0
        // .NET on Linux does not wake a thread blocked in Poll when the descriptor is closed; a shutdown does, so a
        // displaced connection frees its worker at once. nanoFramework's Socket has no Shutdown.
        protected override void BeforeClose()
        {
            try
            {
                Socket.Shutdown(SocketShutdown.Both);
            }
            catch (SocketException)
            {
                // Not connected any more: nothing to wake.
            }
        }
#endif
    }
}
