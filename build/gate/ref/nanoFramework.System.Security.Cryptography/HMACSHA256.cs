// Signatures from nanoframework/System.Security.Cryptography (package nanoFramework.System.Security.Cryptography
// 1.0.38, assembly nanoFramework.System.Security.Cryptography, HMACSHA256.cs at 8678a30): class HMACSHA256 :
// IDisposable with ctor(byte[] key) (keeps the array, clears it on Dispose), byte[] ComputeHash(byte[] buffer) (whole
// array, a new 32-byte result), static byte[] HashData(byte[] key, byte[] source); native (Mbed TLS) on ESP32, absent
// from nanoCLR's POSIX host.
namespace System.Security.Cryptography
{
    public class HMACSHA256 : IDisposable
    {
        public HMACSHA256(byte[] key) { throw new NotImplementedException(); }

        public byte[] ComputeHash(byte[] buffer) { throw new NotImplementedException(); }

        public static byte[] HashData(byte[] key, byte[] source) { throw new NotImplementedException(); }

        public void Dispose() { throw new NotImplementedException(); }
    }
}
