// Signature-only reference for the nanoFramework assembly System.Net (package nanoFramework.System.Net 1.11,
// github.com/nanoframework/System.Net, nanoFramework.System.Net/Sockets/AddressFamily.cs, SocketType.cs, ProtocolType.cs,
// SocketFlags.cs, SelectMode.cs, SocketOptionLevel.cs, SocketOptionName.cs, checked 2026-11).
// Values as published (.NET values); only the members NetGuard uses and the common ones.
namespace System.Net.Sockets
{
    public enum AddressFamily
    {
        Unknown = -1,
        Unspecified = 0,
        InterNetwork = 2,
        InterNetworkV6 = 23,
    }

    public enum SocketType
    {
        Unknown = -1,
        Stream = 1,
        Dgram = 2,
        Raw = 3,
        Rdm = 4,
        Seqpacket = 5,
    }

    public enum ProtocolType
    {
        Unknown = -1,
        IP = 0,
        Icmp = 1,
        Igmp = 2,
        Tcp = 6,
        Udp = 17,
        Raw = 255,
    }

    [Flags]
    public enum SocketFlags
    {
        None = 0x0000,
        OutOfBand = 0x0001,
        Peek = 0x0002,
        DontRoute = 0x0004,
        Broadcast = 0x0400,
        Multicast = 0x0800,
    }

    public enum SelectMode
    {
        SelectRead = 0,
        SelectWrite = 1,
        SelectError = 2,
    }

    public enum SocketOptionLevel
    {
        Socket = 0xffff,
        IP = 0,
        Tcp = 6,
        Udp = 17,
    }

    public enum SocketOptionName
    {
        ReuseAddress = 0x0004,
        KeepAlive = 0x0008,
        Broadcast = 0x0020,
        Linger = 0x0080,
        SendBuffer = 0x1001,
        ReceiveBuffer = 0x1002,
        SendTimeout = 0x1005,
        ReceiveTimeout = 0x1006,
        MulticastTimeToLive = 10,
        AddMembership = 12,
        DropMembership = 13,
    }
}
