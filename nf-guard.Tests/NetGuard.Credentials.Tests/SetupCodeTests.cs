using System;
using nanoFramework.TestFramework;
using NetGuard.Testing;

namespace NetGuard.Credentials.Tests
{
    [TestClass]
    public class SetupCodeTests
    {
        [TestMethod]
        public void Generate_IsCanonicalAndFormatsInThreeGroups()
        {
            string code = SetupCode.Generate(new SeededEntropy(1));

            Assert.IsTrue(SetupCode.IsCanonical(code));
            string printed = SetupCode.Format(code);
            Assert.AreEqual(14, printed.Length);
            Assert.AreEqual('-', printed.ToCharArray()[4]);
            Assert.AreEqual('-', printed.ToCharArray()[9]);
            Assert.AreEqual(60, SetupCode.EntropyBits);
        }

        [TestMethod]
        public void Generate_DifferentEntropy_GivesDifferentCodes()
        {
            Assert.AreNotEqual(SetupCode.Generate(new SeededEntropy(1)), SetupCode.Generate(new SeededEntropy(2)));
        }

        [TestMethod]
        public void Generate_NeverUsesAmbiguousLetters()
        {
            SeededEntropy entropy = new SeededEntropy(7);
            for (int i = 0; i < 200; i++)
            {
                string code = SetupCode.Generate(entropy);
                Assert.IsTrue(code.IndexOf('I') < 0 && code.IndexOf('L') < 0 && code.IndexOf('O') < 0 && code.IndexOf('U') < 0, code);
            }
        }

        [TestMethod]
        public void Derive_IsDeterministicPerSecret()
        {
            byte[] secretA = new byte[16];
            byte[] secretB = new byte[16];
            secretB[15] = 1;

            Assert.AreEqual(SetupCode.Derive(secretA), SetupCode.Derive(secretA));
            Assert.AreNotEqual(SetupCode.Derive(secretA), SetupCode.Derive(secretB));
            Assert.IsTrue(SetupCode.IsCanonical(SetupCode.Derive(secretA)));
        }

        [TestMethod]
        public void Derive_ShortSecret_Throws()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => SetupCode.Derive(new byte[15]));
            Assert.ThrowsException(typeof(ArgumentNullException), () => SetupCode.Derive(null));
        }

        [TestMethod]
        [DataRow("K7QM-2XPA-9DHF")]
        [DataRow("k7qm2xpa9dhf")]
        [DataRow(" K7QM 2XPA 9DHF ")]
        [DataRow("k7qm-2xpa-9dhf")]
        public void TryNormalize_AcceptsTypingVariants(string typed)
        {
            string canonical;
            Assert.IsTrue(SetupCode.TryNormalize(typed, out canonical), typed);
            Assert.AreEqual("K7QM2XPA9DHF", canonical);
        }

        [TestMethod]
        public void TryNormalize_MapsCrockfordAliases()
        {
            string canonical;
            Assert.IsTrue(SetupCode.TryNormalize("OIL0-1111-2222", out canonical));
            Assert.AreEqual("011011112222", canonical);
        }

        [TestMethod]
        [DataRow("K7QM-2XPA-9DH")]
        [DataRow("K7QM-2XPA-9DHFF")]
        [DataRow("K7QM-2XPA-9DHU")]
        [DataRow("K7QM_2XPA_9DHF")]
        [DataRow("")]
        public void TryNormalize_RejectsMalformed(string typed)
        {
            string canonical;
            Assert.IsFalse(SetupCode.TryNormalize(typed, out canonical), typed);
            Assert.IsNull(canonical);
        }

        [TestMethod]
        public void TryNormalize_Null_IsFalse()
        {
            string canonical;
            Assert.IsFalse(SetupCode.TryNormalize(null, out canonical));
        }
    }
}
