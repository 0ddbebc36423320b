// Signature-only reference for the nanoFramework assembly System.Net (package nanoFramework.System.Net 1.11,
// github.com/nanoframework/System.Net, nanoFramework.System.Net/Sockets/NetworkStream.cs at commit
// 713b02c9fea5265e4e70981a9115daa3b5745c4c, dated 2026-06, read 2026-12-05). The base class of SslStream; its base Stream lives in
// the assembly System.IO.Streams. Only the members NetGuard uses or bans; signatures as published; every body throws.
// Firmware may not use it (nf-guard/BannedSymbols.txt); the library reaches it only through SslStream.
namespace System.Net.Sockets
{
    public class NetworkStream : System.IO.Stream
    {
        public NetworkStream(Socket socket) { throw new NotImplementedException(); }
        public NetworkStream(Socket socket, bool ownsSocket) { throw new NotImplementedException(); }

        public override bool CanRead { get { throw new NotImplementedException(); } }
        public override bool CanSeek { get { throw new NotImplementedException(); } }
        public override bool CanTimeout { get { throw new NotImplementedException(); } }
        public override bool CanWrite { get { throw new NotImplementedException(); } }
        public override int ReadTimeout { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
        public override int WriteTimeout { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
        public override long Length { get { throw new NotImplementedException(); } }
        public override long Position { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
        public virtual bool DataAvailable { get { throw new NotImplementedException(); } }

        public void Close(int timeout) { throw new NotImplementedException(); }
        protected override void Dispose(bool disposing) { throw new NotImplementedException(); }
        public override void Flush() { throw new NotImplementedException(); }
        public override int Read(byte[] buffer, int offset, int count) { throw new NotImplementedException(); }
        public override int Read(SpanByte buffer) { throw new NotImplementedException(); }
        public override long Seek(long offset, System.IO.SeekOrigin origin) { throw new NotImplementedException(); }
        public override void SetLength(long value) { throw new NotImplementedException(); }
        public override void Write(byte[] buffer, int offset, int count) { throw new NotImplementedException(); }
    }
}
