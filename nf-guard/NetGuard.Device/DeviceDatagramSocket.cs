using System;
using System.Net;
using System.Net.Sockets;
using NetGuard.Diagnostics;
using NetGuard.Network;

namespace NetGuard.Platform.Device
{
    // A UDP socket on the device. lwIP cuts a datagram that does not fit the buffer without saying so,
    // so receiving goes through a scratch buffer one byte larger than an unfragmented datagram
    // (allocated once): a datagram that fills more than the caller's room is reported as TooLarge.
    // Device build only.
    internal sealed class DeviceDatagramSocket : IDatagramSocket
    {
        // 1472 bytes (1500-byte MTU less IP and UDP headers) plus one to detect a longer datagram.
        private const int ScratchBytes = 1473;

        private readonly object _gate = new object();
        private readonly Socket _socket;
        private readonly byte[] _scratch = new byte[ScratchBytes];
        private bool _closed;

        public DeviceDatagramSocket(Socket socket)
        {
            _socket = socket;
            LocalPort = DeviceAddresses.LocalPort(socket);
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
                _socket.SendTo(buffer, offset, count, SocketFlags.None, new IPEndPoint(DeviceAddresses.ToIPAddress(address), port));
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
                if (!_socket.Poll(DeviceAddresses.Microseconds(timeoutMilliseconds), SelectMode.SelectRead))
                {
                    reason = ReasonCode.TimedOut;
                    return 0;
                }

                EndPoint remote = new IPEndPoint(IPAddress.Any, 0);
                int received;

                // One receive at a time uses the scratch buffer.
                lock (_scratch)
                {
                    received = _socket.ReceiveFrom(_scratch, 0, ScratchBytes, SocketFlags.None, ref remote);
                    address = DeviceAddresses.FromEndPoint(remote, out port);
                    if (received > count)
                    {
                        reason = ReasonCode.TooLarge;
                        return 0;
                    }

                    Array.Copy(_scratch, 0, buffer, offset, received);
                }

                reason = ReasonCode.Accepted;
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
