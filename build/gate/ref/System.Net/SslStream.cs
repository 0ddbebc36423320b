// Signature-only reference for the nanoFramework assembly System.Net (package nanoFramework.System.Net 1.11,
// github.com/nanoframework/System.Net, nanoFramework.System.Net/Security/SslStream.cs and NetworkSecurity.cs at commit
// 713b02c9fea5265e4e70981a9115daa3b5745c4c, dated 2026-06, read 2026-12-05). SslStream is constructed over a connected Socket and
// hands it to the native mbedTLS port (SslNative): the handshake and every record are read and written natively.
// Only the members NetGuard uses or bans; signatures and enum values as published; every body throws.
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace System.Net.Security
{
    [Flags]
    public enum SslProtocols
    {
        None = 0x00,
        [Obsolete("This value is obsolete and unsecured and will be removed in a future version.")]
        Tls = 192,
        [Obsolete("This value is obsolete and unsecured and will be removed in a future version.")]
        Tls11 = 768,
        Tls12 = 3072,
        Tls13 = 12288,
    }

    public enum SslVerification
    {
        NoVerification = 1,
        VerifyPeer = 2,
        CertificateRequired = 4,
        VerifyClientOnce = 8,
    }

    public class SslStream : NetworkStream
    {
        public SslStream(Socket socket) : base(socket, false) { throw new NotImplementedException(); }

        public SslVerification SslVerification { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
        public bool UseStoredDeviceCertificate { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
        public bool IsServer { get { throw new NotImplementedException(); } }
        public override long Length { get { throw new NotImplementedException(); } }
        public override bool DataAvailable { get { throw new NotImplementedException(); } }

        public void AuthenticateAsClient(string targetHost, SslProtocols enabledSslProtocols) { throw new NotImplementedException(); }
        public void AuthenticateAsClient(string targetHost, X509Certificate clientCertificate, SslProtocols enabledSslProtocols) { throw new NotImplementedException(); }
        public void AuthenticateAsClient(string targetHost, X509Certificate clientCertificate, X509Certificate ca, SslProtocols enabledSslProtocols) { throw new NotImplementedException(); }
        public void AuthenticateAsServer(X509Certificate serverCertificate, SslProtocols enabledSslProtocols) { throw new NotImplementedException(); }
        public void AuthenticateAsServer(X509Certificate serverCertificate, bool clientCertificateRequired, SslProtocols enabledSslProtocols) { throw new NotImplementedException(); }

        protected override void Dispose(bool disposing) { throw new NotImplementedException(); }
        public override int Read(byte[] buffer, int offset, int size) { throw new NotImplementedException(); }
        public override void Write(byte[] buffer, int offset, int size) { throw new NotImplementedException(); }
    }
}
