using System.Net;
using System.Net.Sockets;
using NetGuard.Diagnostics;

namespace NetGuard.Platform.Host
{
    // Conversions between NetGuard's host-order uint addresses and .NET's IPAddress, and the mapping of
    // .NET socket errors to reason codes. Host build only.
    internal static class HostAddresses
    {
        public static IPAddress ToIPAddress(uint address)
        {
            return new IPAddress(new[] { (byte)(address >> 24), (byte)(address >> 16), (byte)(address >> 8), (byte)address });
        }

        public static uint FromEndPoint(EndPoint endPoint, out int port)
        {
            port = 0;
            if (endPoint is not IPEndPoint ip)
            {
                return 0;
            }

            port = ip.Port;
            IPAddress address = ip.Address.IsIPv4MappedToIPv6 ? ip.Address.MapToIPv4() : ip.Address;
            byte[] bytes = address.GetAddressBytes();
            if (bytes.Length != 4)
            {
                return 0;
            }

            return ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
        }

        public static ReasonCode BindReason(SocketException e)
        {
            switch (e.SocketErrorCode)
            {
                case SocketError.AddressAlreadyInUse:
                case SocketError.AccessDenied:
                case SocketError.AddressNotAvailable:
                    return ReasonCode.BindFailed;
                default:
                    return ReasonCode.SocketError;
            }
        }

        public static ReasonCode TransferReason(SocketException e)
        {
            switch (e.SocketErrorCode)
            {
                case SocketError.ConnectionReset:
                case SocketError.ConnectionAborted:
                case SocketError.NetworkReset:
                    return ReasonCode.ConnectionReset;
                case SocketError.TimedOut:
                case SocketError.WouldBlock:
                    return ReasonCode.TimedOut;
                case SocketError.Shutdown:
                case SocketError.NotConnected:
                case SocketError.OperationAborted:
                case SocketError.Interrupted:
                    return ReasonCode.Closed;
                case SocketError.MessageSize:
                    return ReasonCode.TooLarge;
                default:
                    return ReasonCode.SocketError;
            }
        }

        public static int Microseconds(int milliseconds)
        {
            return milliseconds > int.MaxValue / 1000 ? int.MaxValue : milliseconds * 1000;
        }
    }
}
