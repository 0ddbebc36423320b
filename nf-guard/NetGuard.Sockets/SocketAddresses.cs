using System;
using System.Net;
using System.Net.Sockets;
using NetGuard.Diagnostics;
using NetGuard.RateLimiting;

namespace NetGuard.Platform
{
    // Conversions between NetGuard's host-order uint addresses and IPAddress, and the mapping of socket errors to
    // reason codes. Both platforms name errors by their WSA numbers (10000 + errno): nanoFramework in ErrorCode,
    // .NET in SocketErrorCode (its ErrorCode is the raw errno on Linux), so one table serves the device and the host.
    internal static class SocketAddresses
    {
        private const int OperationAborted = 995;
        private const int Interrupted = 10004;
        private const int AccessDenied = 10013;
        private const int WouldBlock = 10035;
        private const int MessageSize = 10040;
        private const int AddressAlreadyInUse = 10048;
        private const int AddressNotAvailable = 10049;
        private const int NetworkReset = 10052;
        private const int ConnectionAborted = 10053;
        private const int ConnectionReset = 10054;
        private const int NotConnected = 10057;
        private const int Shutdown = 10058;
        private const int TimedOut = 10060;

        public static IPAddress ToIPAddress(uint address)
        {
            return new IPAddress(new byte[] { (byte)(address >> 24), (byte)(address >> 16), (byte)(address >> 8), (byte)address });
        }

        // 0 (and port 0) for anything but an IPv4 end point; the sockets are IPv4 only.
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

            return Ipv4.FromBytes(bytes[0], bytes[1], bytes[2], bytes[3]);
        }

        public static int LocalPort(Socket socket)
        {
            IPEndPoint local = socket.LocalEndPoint as IPEndPoint;
            return local == null ? 0 : local.Port;
        }

        public static ReasonCode BindReason(SocketException e)
        {
            int code = Code(e);
            if (code == AddressAlreadyInUse || code == AccessDenied || code == AddressNotAvailable)
            {
                return ReasonCode.BindFailed;
            }

            return ReasonCode.SocketError;
        }

        public static ReasonCode TransferReason(SocketException e)
        {
            switch (Code(e))
            {
                case ConnectionReset:
                case ConnectionAborted:
                case NetworkReset:
                    return ReasonCode.ConnectionReset;
                case TimedOut:
                case WouldBlock:
                    return ReasonCode.TimedOut;
                case NotConnected:
                case Shutdown:
                case OperationAborted:
                case Interrupted:
                    return ReasonCode.Closed;
                case MessageSize:
                    return ReasonCode.TooLarge;
                default:
                    return ReasonCode.SocketError;
            }
        }

        private static int Code(SocketException e)
        {
#if NANOFRAMEWORK_1_0
            return e.ErrorCode;
#else
            return (int)e.SocketErrorCode;
#endif
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
