using nanoFramework.TestFramework;
using NetGuard.Cryptography;
using NetGuard.Platform.Device;
using NetGuard.Testing;

namespace NetGuard.Device.Tests
{
    /// <summary>
    /// The native HMAC-SHA256 (nanoFramework.System.Security.Cryptography) against the managed one on published vectors.
    /// Needs a board: nanoCLR's POSIX host has no native cryptography, so build/nanoclr/run-tests.sh converts this
    /// assembly but does not run it. Vectors: RFC 4231 section 4.2 (test case 1) and RFC 7914 section 11
    /// (PBKDF2-HMAC-SHA256, P "passwd", S "salt", c 1, dkLen 64).
    /// </summary>
    [TestClass]
    public class NativeHmacSha256Tests
    {
        [TestMethod]
        public void Rfc4231TestCase1_NativeAndManagedAgree()
        {
            byte[] key = TestBytes.Hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
            byte[] data = TestBytes.Ascii("Hi There");
            byte[] expected = TestBytes.Hex("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
            byte[] native = new byte[32];
            NativeHmacSha256.Create(key).Compute(data, 0, data.Length, native, 0);

            CollectionAssert.AreEqual(expected, native);
            CollectionAssert.AreEqual(expected, HmacSha256.Compute(key, data));
        }

        [TestMethod]
        public void Rfc7914Pbkdf2_NativeAndManagedAgree()
        {
            byte[] expected = TestBytes.Hex("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
            byte[] password = TestBytes.Ascii("passwd");
            byte[] salt = TestBytes.Ascii("salt");

            CollectionAssert.AreEqual(expected, Pbkdf2.DeriveKey(new HmacSha256Factory(NativeHmacSha256.Create), password, salt, 1, 64));
            CollectionAssert.AreEqual(expected, Pbkdf2.DeriveKey(password, salt, 1, 64));
        }

        [TestMethod]
        public void Compute_OfASlice_EqualsComputeOfTheSameBytes()
        {
            byte[] key = TestBytes.Ascii("key");
            byte[] whole = TestBytes.Ascii("xxThe quick brown foxyy");
            byte[] slice = TestBytes.Ascii("The quick brown fox");
            byte[] a = new byte[32];
            byte[] b = new byte[32];
            IHmacSha256 hmac = NativeHmacSha256.Create(key);
            hmac.Compute(whole, 2, slice.Length, a, 0);
            hmac.Compute(slice, 0, slice.Length, b, 0);

            CollectionAssert.AreEqual(b, a);
        }
    }
}
