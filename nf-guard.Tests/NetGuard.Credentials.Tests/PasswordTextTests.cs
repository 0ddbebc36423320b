using nanoFramework.TestFramework;

namespace NetGuard.Credentials.Tests
{
    [TestClass]
    public class PasswordTextTests
    {
        [TestMethod]
        public void CodePointCount_CountsSurrogatePairsOnce()
        {
            Assert.AreEqual(3, PasswordText.CodePointCount("a\uD83D\uDE00b"));
            Assert.AreEqual(4, "a\uD83D\uDE00b".Length);
        }

        [TestMethod]
        public void CodePointCount_LoneSurrogateCountsOnce()
        {
            Assert.AreEqual(2, PasswordText.CodePointCount("\uD83Da"));
        }

        [TestMethod]
        public void ToUtf8_EncodesEveryWidth()
        {
            CollectionAssert.AreEqual(new byte[] { 0x41 }, PasswordText.ToUtf8("A"));
            CollectionAssert.AreEqual(new byte[] { 0xC3, 0xA9 }, PasswordText.ToUtf8("\u00E9"));
            CollectionAssert.AreEqual(new byte[] { 0xE2, 0x82, 0xAC }, PasswordText.ToUtf8("\u20AC"));
            CollectionAssert.AreEqual(new byte[] { 0xF0, 0x9F, 0x98, 0x80 }, PasswordText.ToUtf8("\uD83D\uDE00"));
        }

        [TestMethod]
        public void ToUtf8_LoneSurrogate_BecomesReplacementCharacter()
        {
            CollectionAssert.AreEqual(new byte[] { 0xEF, 0xBF, 0xBD, 0x61 }, PasswordText.ToUtf8("\uDE00a"));
        }

        [TestMethod]
        public void ToLowerAscii_LowersOnlyAscii()
        {
            Assert.AreEqual("admin\u00C9", PasswordText.ToLowerAscii("ADMIN\u00C9"));
        }

        [TestMethod]
        public void StripPadding_RemovesDigitsAndPunctuationAtBothEnds()
        {
            Assert.AreEqual("admin", PasswordText.StripPadding("!!admin2024!"));
            Assert.AreEqual("a1b", PasswordText.StripPadding("1a1b1"));
            Assert.AreEqual("", PasswordText.StripPadding("123456789012"));
        }
    }
}
