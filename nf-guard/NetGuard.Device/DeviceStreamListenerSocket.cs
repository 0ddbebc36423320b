using System;
using System.Net.Sockets;
using NetGuard.Diagnostics;
using NetGuard.Network;

namespace NetGuard.Platform.Device
{
    // A listening TCP socket on the device. Accept waits with Poll so that a listener loop can stop.
    // Device build only.
    internal sealed class DeviceStreamListenerSocket : IStreamListenerSocket
    {
        private readonly object _gate = new object();
        private readonly Socket _socket;
        private bool _closed;

        public DeviceStreamListenerSocket(Socket socket, int port)
        {
            _socket = socket;
            LocalPort = port;
        }

        public int LocalPort { get; }

        public ReasonCode Accept(int timeoutMilliseconds, out IStreamSocket socket)
        {
            socket = null;
            lock (_gate)
            {
                if (_closed)
                {
                    return ReasonCode.Closed;
                }
            }

            Socket accepted = null;
            bool handedOver = false;
            try
            {
                if (!_socket.Poll(DeviceAddresses.Microseconds(timeoutMilliseconds), SelectMode.SelectRead))
                {
                    return ReasonCode.TimedOut;
                }

                accepted = _socket.Accept();
                socket = new DeviceStreamSocket(accepted);
                handedOver = true;
                return ReasonCode.Accepted;
            }
            catch (SocketException e)
            {
                return DeviceAddresses.TransferReason(e);
            }
            catch (ObjectDisposedException)
            {
                return ReasonCode.Closed;
            }
            finally
            {
                if (!handedOver && accepted != null)
                {
                    DeviceAddresses.CloseQuietly(accepted);
                }
            }
        }

        public void Close()
        {
            lock (_gate)
            {
                if (_closed)
                {
                    return;
                }

                _closed = true;
            }

            DeviceAddresses.CloseQuietly(_socket);
        }
    }
}
