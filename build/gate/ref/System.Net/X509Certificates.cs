// Signature-only reference for the nanoFramework assembly System.Net (package nanoFramework.System.Net 1.11,
// github.com/nanoframework/System.Net, nanoFramework.System.Net/X509Certificates/X509Certificate.cs and
// X509Certificate2.cs at commit 713b02c9fea5265e4e70981a9115daa3b5745c4c, dated 2026-06, read 2026-12-05). The constructors parse
// natively (mbedTLS); a PEM text must reach the parser with its terminating NUL, which the string constructors add
// and the byte[] certificate constructor does not. Only the members NetGuard uses; every body throws.
namespace System.Security.Cryptography.X509Certificates
{
    public class X509Certificate
    {
        public X509Certificate() { throw new NotImplementedException(); }
        public X509Certificate(byte[] certificate) { throw new NotImplementedException(); }
        public X509Certificate(string certificate) { throw new NotImplementedException(); }

        public virtual string Issuer { get { throw new NotImplementedException(); } }
        public virtual string Subject { get { throw new NotImplementedException(); } }
        public virtual DateTime GetEffectiveDate() { throw new NotImplementedException(); }
        public virtual DateTime GetExpirationDate() { throw new NotImplementedException(); }
        public virtual byte[] GetRawCertData() { throw new NotImplementedException(); }
    }

    public class X509Certificate2 : X509Certificate
    {
        public X509Certificate2() { throw new NotImplementedException(); }
        public X509Certificate2(byte[] rawData) { throw new NotImplementedException(); }
        public X509Certificate2(string certificate) { throw new NotImplementedException(); }
        public X509Certificate2(string rawData, string key, string password) { throw new NotImplementedException(); }
        public X509Certificate2(byte[] rawData, string key, string password) { throw new NotImplementedException(); }
        public X509Certificate2(byte[] rawData, byte[] key, string password) { throw new NotImplementedException(); }

        public bool HasPrivateKey { get { throw new NotImplementedException(); } }
        public byte[] PrivateKey { get { throw new NotImplementedException(); } }
        public byte[] PublicKey { get { throw new NotImplementedException(); } }
        public DateTime NotAfter { get { throw new NotImplementedException(); } }
        public DateTime NotBefore { get { throw new NotImplementedException(); } }
        public byte[] RawData { get { throw new NotImplementedException(); } }
    }
}
