using System;
using System.Net;
using System.Net.Sockets;
using NetGuard.Diagnostics;

namespace NetGuard.Platform.Device
{
    // Conversions between NetGuard's host-order uint addresses and nanoFramework's IPAddress, and the
    // mapping of SocketException.ErrorCode (WSA values, nanoFramework System.Net SocketError) to
    // reason codes. Device build only.
    internal static class DeviceAddresses
    {
        // WSA error numbers as nanoFramework's SocketError defines them (10000 + errno).
        private const int AccessDenied = 10013;
        private const int MessageSize = 10040;
        private const int AddressAlreadyInUse = 10048;
        private const int AddressNotAvailable = 10049;
        private const int ConnectionAborted = 10053;
        private const int ConnectionReset = 10054;
        private const int NotConnected = 10057;
        private const int Shutdown = 10058;
        private const int TimedOut = 10060;
        private const int WouldBlock = 10035;

        public static IPAddress ToIPAddress(uint address)
        {
            return new IPAddress(new byte[] { (byte)(address >> 24), (byte)(address >> 16), (byte)(address >> 8), (byte)address });
        }

        public static uint FromEndPoint(EndPoint endPoint, out int port)
        {
            port = 0;
            IPEndPoint ip = endPoint as IPEndPoint;
            if (ip == null)
            {
                return 0;
            }

            port = ip.Port;
            byte[] bytes = ip.Address.GetAddressBytes();
            if (bytes == null || bytes.Length != 4)
            {
                return 0;
            }

            return ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
        }

        public static int LocalPort(Socket socket)
        {
            IPEndPoint local = socket.LocalEndPoint as IPEndPoint;
            return local == null ? 0 : local.Port;
        }

        public static ReasonCode BindReason(SocketException e)
        {
            int code = e.ErrorCode;
            if (code == AddressAlreadyInUse || code == AccessDenied || code == AddressNotAvailable)
            {
                return ReasonCode.BindFailed;
            }

            return ReasonCode.SocketError;
        }

        public static ReasonCode TransferReason(SocketException e)
        {
            switch (e.ErrorCode)
            {
                case ConnectionReset:
                case ConnectionAborted:
                    return ReasonCode.ConnectionReset;
                case TimedOut:
                case WouldBlock:
                    return ReasonCode.TimedOut;
                case NotConnected:
                case Shutdown:
                    return ReasonCode.Closed;
                case MessageSize:
                    return ReasonCode.TooLarge;
                default:
                    return ReasonCode.SocketError;
            }
        }

        public static int Microseconds(int milliseconds)
        {
            return milliseconds > int.MaxValue / 1000 ? int.MaxValue : milliseconds * 1000;
        }

        // Closes without letting a platform error escape: Close runs on cleanup paths.
        public static void CloseQuietly(Socket socket)
        {
            try
            {
                socket.Close();
            }
            catch (SocketException)
            {
                // Already gone on the native side; nothing more to release.
            }
            catch (ObjectDisposedException)
            {
                // Already closed.
            }
        }
    }
}
