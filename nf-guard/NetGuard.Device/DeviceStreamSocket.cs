using System;
using System.Net.Sockets;
using NetGuard.Diagnostics;
using NetGuard.Network;

namespace NetGuard.Platform.Device
{
    // An accepted TCP connection's socket on the device. No connect: it only wraps what Accept returned.
    // Device build only.
    internal sealed class DeviceStreamSocket : IStreamSocket
    {
        private readonly object _gate = new object();
        private readonly Socket _socket;
        private bool _closed;

        public DeviceStreamSocket(Socket socket)
        {
            _socket = socket;
            int port;
            RemoteAddress = DeviceAddresses.FromEndPoint(socket.RemoteEndPoint, out port);
            RemotePort = port;
        }

        public uint RemoteAddress { get; }

        // The accepted socket, for the library's TLS session only (nanoFramework's SslStream is built over a Socket).
        // Internal: firmware never sees it (docs/threat-model.md, "HTTPS on the device").
        internal Socket Socket
        {
            get { return _socket; }
        }

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
                return DeviceAddresses.TransferReason(e);
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
                if (!_socket.Poll(DeviceAddresses.Microseconds(timeoutMilliseconds), SelectMode.SelectRead))
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
                reason = DeviceAddresses.TransferReason(e);
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

        private bool IsClosed
        {
            get
            {
                lock (_gate)
                {
                    return _closed;
                }
            }
        }
    }
}
