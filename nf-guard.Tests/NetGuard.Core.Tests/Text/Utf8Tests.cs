using System;
using nanoFramework.TestFramework;
using NetGuard.Text;

namespace NetGuard.Http.Tests
{
    [TestClass]
    public class Utf8Tests
    {
        [TestMethod]
        public void GetBytes_EncodesEveryLength()
        {
            byte[] expected = new byte[] { 0x41, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80 };

            CollectionAssert.AreEqual(expected, Utf8.GetBytes("A\u00e9\u20ac\ud83d\ude00"));
            Assert.AreEqual(10, Utf8.GetByteCount("A\u00e9\u20ac\ud83d\ude00"));
        }

        [TestMethod]
        public void GetBytes_LoneSurrogates_BecomeReplacementCharacter()
        {
            byte[] expected = new byte[] { 0xEF, 0xBF, 0xBD, 0x61, 0xEF, 0xBF, 0xBD };

            CollectionAssert.AreEqual(expected, Utf8.GetBytes("\ud83da\ude00"));
            Assert.AreEqual(7, Utf8.GetByteCount("\ud83da\ude00"));
        }

        [TestMethod]
        public void Encode_StopsBeforeACharacterThatDoesNotFit()
        {
            byte[] buffer = new byte[5];
            int index = 0;

            int written = Utf8.Encode("ab\u20acc", ref index, buffer, 0, 4);

            Assert.AreEqual(2, written);
            Assert.AreEqual(2, index);
            written = Utf8.Encode("ab\u20acc", ref index, buffer, 0, 5);
            Assert.AreEqual(4, written);
            Assert.AreEqual(4, index);
        }

        [TestMethod]
        public void TryDecode_RoundTrips()
        {
            string text = "A\u00e9\u20ac\ud83d\ude00\u0001\uffff";
            byte[] bytes = Utf8.GetBytes(text);
            string back;

            Assert.IsTrue(Utf8.TryDecode(bytes, 0, bytes.Length, out back));
            Assert.AreEqual(text, back);
        }

        [TestMethod]
        public void TryDecode_Nul_Refused()
        {
            // A nanoFramework string ends at U+0000, so text holding it would silently lose its tail on the device.
            string text;

            Assert.IsFalse(Utf8.TryDecode(new byte[] { 0x41, 0x00, 0x42 }, 0, 3, out text));
            Assert.IsNull(text);
            Assert.IsFalse(Utf8.TryDecode(new byte[] { 0x00 }, 0, 1, out text));
            Assert.IsTrue(Utf8.TryDecode(new byte[] { 0x41, 0x01, 0x42 }, 0, 3, out text));
        }

        [TestMethod]
        public void TryDecode_BoundaryCodePoints_Accepted()
        {
            byte[][] good = new byte[][]
            {
                new byte[] { 0x7F },
                new byte[] { 0xC2, 0x80 },
                new byte[] { 0xDF, 0xBF },
                new byte[] { 0xE0, 0xA0, 0x80 },
                new byte[] { 0xED, 0x9F, 0xBF },
                new byte[] { 0xEE, 0x80, 0x80 },
                new byte[] { 0xF0, 0x90, 0x80, 0x80 },
                new byte[] { 0xF4, 0x8F, 0xBF, 0xBF },
            };

            for (int i = 0; i < good.Length; i++)
            {
                Assert.IsTrue(Utf8.IsValid(good[i], 0, good[i].Length), "case " + i.ToString());
            }
        }

        [TestMethod]
        public void TryDecode_IllFormed_Refused()
        {
            byte[][] bad = new byte[][]
            {
                new byte[] { 0x80 },
                new byte[] { 0xC0, 0x80 },
                new byte[] { 0xC1, 0xBF },
                new byte[] { 0xE0, 0x9F, 0xBF },
                new byte[] { 0xED, 0xA0, 0x80 },
                new byte[] { 0xED, 0xBF, 0xBF },
                new byte[] { 0xF0, 0x8F, 0xBF, 0xBF },
                new byte[] { 0xF4, 0x90, 0x80, 0x80 },
                new byte[] { 0xF8, 0x88, 0x80, 0x80, 0x80 },
                new byte[] { 0xFE },
                new byte[] { 0xE2, 0x82 },
                new byte[] { 0xC3, 0x41 },
            };

            for (int i = 0; i < bad.Length; i++)
            {
                string text;
                Assert.IsFalse(Utf8.TryDecode(bad[i], 0, bad[i].Length, out text), "case " + i.ToString());
                Assert.IsNull(text);
            }
        }

        [TestMethod]
        public void CallerMistakes_Throw()
        {
            string text;
            int index = 0;
            Assert.ThrowsException(typeof(ArgumentNullException), () => Utf8.GetByteCount(null));
            Assert.ThrowsException(typeof(ArgumentNullException), () => Utf8.TryDecode(null, 0, 0, out text));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Utf8.IsValid(new byte[1], 0, 2));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Utf8.Encode("a", ref index, new byte[1], 2, 0));
        }
    }
}
