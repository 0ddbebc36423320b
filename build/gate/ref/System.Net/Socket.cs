// Signature-only reference for the nanoFramework assembly System.Net (package nanoFramework.System.Net 1.11,
// github.com/nanoframework/System.Net, nanoFramework.System.Net/Sockets/Socket.cs, checked 2026-11).
// Only the members NetGuard uses or bans; signatures as published; every body throws. Never run or shipped.
namespace System.Net.Sockets
{
    public class Socket : IDisposable
    {
        public Socket(AddressFamily addressFamily, SocketType socketType, ProtocolType protocolType) { throw new NotImplementedException(); }

        public int Available { get { throw new NotImplementedException(); } }
        public EndPoint LocalEndPoint { get { throw new NotImplementedException(); } }
        public EndPoint RemoteEndPoint { get { throw new NotImplementedException(); } }
        public bool Connected { get { throw new NotImplementedException(); } }
        public int ReceiveTimeout { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
        public int SendTimeout { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
        public SocketType SocketType { get { throw new NotImplementedException(); } }

        public void Bind(EndPoint localEP) { throw new NotImplementedException(); }
        public void Connect(EndPoint remoteEP) { throw new NotImplementedException(); }
        public void Close() { throw new NotImplementedException(); }
        public void Listen(int backlog) { throw new NotImplementedException(); }
        public Socket Accept() { throw new NotImplementedException(); }

        public int Send(byte[] buffer) { throw new NotImplementedException(); }
        public int Send(byte[] buffer, SocketFlags socketFlags) { throw new NotImplementedException(); }
        public int Send(byte[] buffer, int size, SocketFlags socketFlags) { throw new NotImplementedException(); }
        public int Send(byte[] buffer, int offset, int size, SocketFlags socketFlags) { throw new NotImplementedException(); }
        public int SendTo(byte[] buffer, int offset, int size, SocketFlags socketFlags, EndPoint remoteEP) { throw new NotImplementedException(); }
        public int SendTo(byte[] buffer, int size, SocketFlags socketFlags, EndPoint remoteEP) { throw new NotImplementedException(); }
        public int SendTo(byte[] buffer, SocketFlags socketFlags, EndPoint remoteEP) { throw new NotImplementedException(); }
        public int SendTo(byte[] buffer, EndPoint remoteEP) { throw new NotImplementedException(); }

        public int Receive(byte[] buffer) { throw new NotImplementedException(); }
        public int Receive(byte[] buffer, SocketFlags socketFlags) { throw new NotImplementedException(); }
        public int Receive(byte[] buffer, int size, SocketFlags socketFlags) { throw new NotImplementedException(); }
        public int Receive(byte[] buffer, int offset, int size, SocketFlags socketFlags) { throw new NotImplementedException(); }
        public int ReceiveFrom(byte[] buffer, int offset, int size, SocketFlags socketFlags, ref EndPoint remoteEP) { throw new NotImplementedException(); }
        public int ReceiveFrom(byte[] buffer, int size, SocketFlags socketFlags, ref EndPoint remoteEP) { throw new NotImplementedException(); }
        public int ReceiveFrom(byte[] buffer, SocketFlags socketFlags, ref EndPoint remoteEP) { throw new NotImplementedException(); }
        public int ReceiveFrom(byte[] buffer, ref EndPoint remoteEP) { throw new NotImplementedException(); }

        public void SetSocketOption(SocketOptionLevel optionLevel, SocketOptionName optionName, int optionValue) { throw new NotImplementedException(); }
        public void SetSocketOption(SocketOptionLevel optionLevel, SocketOptionName optionName, bool optionValue) { throw new NotImplementedException(); }
        public void SetSocketOption(SocketOptionLevel optionLevel, SocketOptionName optionName, byte[] optionValue) { throw new NotImplementedException(); }
        public object GetSocketOption(SocketOptionLevel optionLevel, SocketOptionName optionName) { throw new NotImplementedException(); }

        public bool Poll(int microSeconds, SelectMode mode) { throw new NotImplementedException(); }

        protected virtual void Dispose(bool disposing) { throw new NotImplementedException(); }

        void IDisposable.Dispose() { throw new NotImplementedException(); }
    }
}
