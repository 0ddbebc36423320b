// Signature-only reference for the nanoFramework assembly System.Net (package nanoFramework.System.Net 1.11,
// github.com/nanoframework/System.Net, nanoFramework.System.Net/SocketException.cs and Sockets/SocketErrors.cs, checked 2026-11).
// SocketException exposes only ErrorCode; SocketError uses WSA values (10000 + errno). Bodies throw.
namespace System.Net.Sockets
{
    public class SocketException : Exception
    {
        public SocketException(SocketError errorCode) { throw new NotImplementedException(); }

        public int ErrorCode { get { throw new NotImplementedException(); } }
    }

    public enum SocketError : int
    {
        Success = 0,
        SocketError = -1,
        Interrupted = 10004,
        AccessDenied = 10013,
        InvalidArgument = 10022,
        TooManyOpenSockets = 10024,
        WouldBlock = 10035,
        NotSocket = 10038,
        MessageSize = 10040,
        AddressAlreadyInUse = 10048,
        NetworkUnreachable = 10051,
        ConnectionAborted = 10053,
        ConnectionReset = 10054,
        NoBufferSpaceAvailable = 10055,
        NotConnected = 10057,
        Shutdown = 10058,
        TimedOut = 10060,
        ConnectionRefused = 10061,
        HostUnreachable = 10065,
    }
}
