using System;
using System.Net;
using System.Net.Sockets;
using NetGuard.Diagnostics;
using NetGuard.Network;

namespace NetGuard.Platform.Device
{
    /// <summary>
    /// The device socket layer: nanoFramework System.Net sockets on all interfaces. Internal, so
    /// firmware reaches it only through a <see cref="NetworkGuard"/> made by
    /// <see cref="DeviceNetworkGuard"/>; like the seam, it never calls <c>Socket.Connect</c>.
    /// Device build only.
    /// </summary>
    internal sealed class DeviceSocketLayer : ISocketLayer
    {
        public ReasonCode OpenStreamListener(int port, int backlog, out IStreamListenerSocket listener)
        {
            listener = null;
            Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            bool handedOver = false;
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Any, port));
                socket.Listen(backlog < 1 ? 1 : backlog);
                listener = new DeviceStreamListenerSocket(socket, port);
                handedOver = true;
                return ReasonCode.Accepted;
            }
            catch (SocketException e)
            {
                return DeviceAddresses.BindReason(e);
            }
            finally
            {
                if (!handedOver)
                {
                    DeviceAddresses.CloseQuietly(socket);
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
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Broadcast, true);
                socket.Bind(new IPEndPoint(IPAddress.Any, port));
                datagramSocket = new DeviceDatagramSocket(socket);
                handedOver = true;
                return ReasonCode.Accepted;
            }
            catch (SocketException e)
            {
                return DeviceAddresses.BindReason(e);
            }
            finally
            {
                if (!handedOver)
                {
                    DeviceAddresses.CloseQuietly(socket);
                }
            }
        }
    }
}
