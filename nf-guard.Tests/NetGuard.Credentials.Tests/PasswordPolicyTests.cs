using System;
using nanoFramework.TestFramework;
using NetGuard.Diagnostics;

namespace NetGuard.Credentials.Tests
{
    [TestClass]
    public class PasswordPolicyTests
    {
        private static readonly string[] Context = new string[] { "SmartSocket", "Quorvane", "admin", "K7QM2XPA9DHF" };

        [TestMethod]
        public void Check_ElevenCharacters_IsTooShort()
        {
            Assert.AreEqual((object)ReasonCode.PasswordTooShort, Check("qzvbnrtplkw").Reason);
        }

        [TestMethod]
        public void Check_TwelveCharacters_IsAccepted()
        {
            Assert.IsTrue(Check("qzvbnrtplkwx").IsAccepted);
        }

        [TestMethod]
        public void Check_128Characters_IsAccepted()
        {
            Assert.IsTrue(Check(Repeat("qzvbnrtplkwx", 128)).IsAccepted);
        }

        [TestMethod]
        public void Check_129Characters_IsTooLong()
        {
            Assert.AreEqual((object)ReasonCode.PasswordTooLong, Check(Repeat("qzvbnrtplkwx", 129)).Reason);
        }

        [TestMethod]
        public void Check_CountsCodePointsNotUtf16Units()
        {
            // 12 emoji are 24 UTF-16 units but 12 code points: long enough; 11 are not.
            string twelve = Repeat("\uD83D\uDE00\uD83C\uDF4A\uD83D\uDC1F", 24);
            string eleven = Repeat("\uD83D\uDE00\uD83C\uDF4A\uD83D\uDC1F", 22);

            Assert.IsTrue(Check(twelve).IsAccepted);
            Assert.AreEqual((object)ReasonCode.PasswordTooShort, Check(eleven).Reason);
        }

        [TestMethod]
        public void Check_128EmojiAccepted_129Refused()
        {
            // 64 emoji + 64 letters: 192 UTF-16 units, 128 code points.
            string pair = "\uD83D\uDE00";
            Assert.IsTrue(Check(Repeat(pair, 2 * 64) + Repeat("qzvbnrtplkwx", 64)).IsAccepted);
            Assert.AreEqual((object)ReasonCode.PasswordTooLong, Check(Repeat(pair, 2 * 64) + Repeat("qzvbnrtplkwx", 65)).Reason);
        }

        [TestMethod]
        public void Check_NoCompositionRules()
        {
            Assert.IsTrue(Check("all lower case words here").IsAccepted);
            Assert.IsTrue(Check("739184620573").IsAccepted);
        }

        [TestMethod]
        [DataRow("unbelievable")]
        [DataRow("UNBELIEVABLE")]
        [DataRow("Scandinavian")]
        [DataRow("7ujMko0vizxv")]
        [DataRow("7UJMKO0ADMIN")]
        [DataRow("dragon123456")]
        [DataRow("!!password2024!!")]
        [DataRow("123456qwerty123456")]
        public void Check_BlocklistedOrDerivative_IsCommon(string password)
        {
            Assert.AreEqual((object)ReasonCode.PasswordCommon, Check(password).Reason, password);
        }

        [TestMethod]
        [DataRow("unbelievably")]
        [DataRow("7ujMko0vizxw")]
        [DataRow("dragonfly-47-orchid")]
        [DataRow("tangerine-otter-42")]
        public void Check_NearMissOfBlocklisted_IsAccepted(string password)
        {
            Assert.IsTrue(Check(password).IsAccepted, password);
        }

        [TestMethod]
        [DataRow("SmartSocket2024")]
        [DataRow("quorvane-12345")]
        [DataRow("my smartsocket at home")]
        [DataRow("K7QM-2XPA-9DHF")]
        [DataRow("xx-k7qm2xpa9dhf-xx")]
        [DataRow("Admin!!!!2024")]
        public void Check_ContextWord_IsRefused(string password)
        {
            Decision decision = Check(password);
            Assert.IsFalse(decision.IsAccepted, password);
            Assert.IsTrue(decision.Reason == ReasonCode.PasswordContextWord || decision.Reason == ReasonCode.PasswordCommon, password);
        }

        [TestMethod]
        public void Check_VendorDerivative_IsContextWordNotCommon()
        {
            Assert.AreEqual((object)ReasonCode.PasswordContextWord, Check("Quorvane!2024!").Reason);
        }

        [TestMethod]
        [DataRow("badminton-court-7")]
        [DataRow("smart plug socket row")]
        [DataRow("K7QM-2XPA-9DHG-elk")]
        public void Check_NearMissOfContextWord_IsAccepted(string password)
        {
            Assert.IsTrue(Check(password).IsAccepted, password);
        }

        [TestMethod]
        public void Check_BadArguments_Throw()
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => PasswordPolicy.Check(null, 12, 128, Context));
            Assert.ThrowsException(typeof(ArgumentNullException), () => PasswordPolicy.Check("x", 12, 128, null));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => PasswordPolicy.Check("x", 0, 128, Context));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => PasswordPolicy.Check("x", 12, 11, Context));
        }

        [TestMethod]
        public void IsBlocklisted_EveryMiraiPasswordOfTwelveOrMore()
        {
            Assert.IsTrue(PasswordPolicy.IsBlocklisted("7ujMko0vizxv"));
            Assert.IsTrue(PasswordPolicy.IsBlocklisted("7ujMko0admin"));
            Assert.IsTrue(PasswordPolicy.IsBlocklisted("xc3511"));
            Assert.IsTrue(PasswordPolicy.IsBlocklisted("Zte521"));
            Assert.IsFalse(PasswordPolicy.IsBlocklisted("tangerine-otter-42"));
        }

        private static Decision Check(string password)
        {
            return PasswordPolicy.Check(password, 12, 128, Context);
        }

        // The first `codeUnits` UTF-16 units of `unit` repeated.
        private static string Repeat(string unit, int codeUnits)
        {
            char[] units = unit.ToCharArray();
            char[] chars = new char[codeUnits];
            for (int i = 0; i < codeUnits; i++)
            {
                chars[i] = units[i % units.Length];
            }

            return new string(chars);
        }
    }
}
