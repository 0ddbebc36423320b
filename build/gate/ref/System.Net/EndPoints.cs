// Signature-only reference for the nanoFramework assembly System.Net (package nanoFramework.System.Net 1.11,
// github.com/nanoframework/System.Net, nanoFramework.System.Net/EndPoint.cs, IPEndPoint.cs, IPAddress.cs, SocketAddress.cs,
// checked 2026-11). Only the members NetGuard uses; bodies throw.
using System.Net.Sockets;

namespace System.Net
{
    public abstract class EndPoint
    {
        public abstract SocketAddress Serialize();

        public abstract EndPoint Create(SocketAddress socketAddress);
    }

    public class SocketAddress
    {
        public SocketAddress(AddressFamily family, int size) { throw new NotImplementedException(); }

        public AddressFamily Family { get { throw new NotImplementedException(); } }

        public int Size { get { throw new NotImplementedException(); } }
    }

    public class IPEndPoint : EndPoint
    {
        public const int MinPort = 0x00000000;
        public const int MaxPort = 0x0000FFFF;

        public IPEndPoint(long address, int port) { throw new NotImplementedException(); }
        public IPEndPoint(IPAddress address, int port) { throw new NotImplementedException(); }

        public IPAddress Address { get { throw new NotImplementedException(); } }
        public AddressFamily AddressFamily { get { throw new NotImplementedException(); } }
        public int Port { get { throw new NotImplementedException(); } }

        public override SocketAddress Serialize() { throw new NotImplementedException(); }
        public override EndPoint Create(SocketAddress socketAddress) { throw new NotImplementedException(); }
    }

    public class IPAddress
    {
        public static readonly IPAddress Any = null;
        public static readonly IPAddress Loopback = null;
        public static readonly IPAddress Broadcast = null;
        public static readonly IPAddress None = null;

        public IPAddress(long newAddress) { throw new NotImplementedException(); }
        public IPAddress(byte[] address) { throw new NotImplementedException(); }

        public AddressFamily AddressFamily { get { throw new NotImplementedException(); } }

        public byte[] GetAddressBytes() { throw new NotImplementedException(); }
        public static IPAddress Parse(string ipString) { throw new NotImplementedException(); }
    }
}
