using nanoFramework.TestFramework;
using NetGuard.Testing;

namespace NetGuard.Updates.Tests
{
    [TestClass]
    public class Base64Tests
    {
        [TestMethod]
        public void EncodeDecode_Rfc4648Vectors()
        {
            // RFC 4648 section 10.
            string[] plain = { "f", "fo", "foo", "foob", "fooba", "foobar" };
            string[] encoded = { "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy" };
            for (int i = 0; i < plain.Length; i++)
            {
                byte[] bytes = TestBytes.Ascii(plain[i]);

                Assert.AreEqual(encoded[i], UpdatePublishing.ToBase64(bytes));
                byte[] decoded;
                Assert.IsTrue(Base64.TryDecode(encoded[i], 100, out decoded), encoded[i]);
                CollectionAssert.AreEqual(bytes, decoded);
            }
        }

        [TestMethod]
        [DataRow("Zg=")]
        [DataRow("Zh==")]
        [DataRow("Zm9=")]
        [DataRow("Z===")]
        [DataRow("Zm 9v")]
        [DataRow("Zm9v\n")]
        [DataRow("Zm-v")]
        [DataRow("=Zm9")]
        [DataRow("Zg==Zg==")]
        public void TryDecode_RejectsNonCanonical(string text)
        {
            byte[] decoded;
            Assert.IsFalse(Base64.TryDecode(text, 100, out decoded), text);
            Assert.IsNull(decoded);
        }

        [TestMethod]
        public void TryDecode_RejectsMoreThanTheLimit()
        {
            byte[] decoded;
            Assert.IsFalse(Base64.TryDecode("Zm9vYmFy", 5, out decoded));
            Assert.IsTrue(Base64.TryDecode("Zm9vYmFy", 6, out decoded));
        }
    }
}
