// Signature-only reference for the nanoFramework assembly System.IO.Streams (package nanoFramework.System.IO.Streams
// 1.1.96, the version nanoFramework.System.Net 1.11 depends on; github.com/nanoframework/System.IO.Streams,
// System.IO.Streams/Stream.cs and SeekOrigin.cs at commit ff384f9833c477b708c42c590e17ca0715050fd3, dated 2026-06, read 2026-12-05).
// Only the members NetGuard uses (through SslStream) and the abstract ones a derived class must override; signatures
// as published; every body throws. Never run or shipped.
namespace System.IO
{
    public enum SeekOrigin
    {
        Begin = 0,
        Current = 1,
        End = 2,
    }

    [Serializable]
    public abstract class Stream : MarshalByRefObject, IDisposable
    {
        public abstract bool CanRead { get; }
        public abstract bool CanSeek { get; }
        public virtual bool CanTimeout { get { throw new NotImplementedException(); } }
        public abstract bool CanWrite { get; }
        public abstract long Length { get; }
        public abstract long Position { get; set; }
        public virtual int ReadTimeout { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
        public virtual int WriteTimeout { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }

        public virtual void Close() { throw new NotImplementedException(); }
        public void Dispose() { throw new NotImplementedException(); }
        protected virtual void Dispose(bool disposing) { throw new NotImplementedException(); }
        public abstract void Flush();
        public abstract long Seek(long offset, SeekOrigin origin);
        public abstract void SetLength(long value);
        public abstract int Read(SpanByte buffer);
        public abstract int Read(byte[] buffer, int offset, int count);
        public abstract void Write(byte[] buffer, int offset, int count);
    }
}
