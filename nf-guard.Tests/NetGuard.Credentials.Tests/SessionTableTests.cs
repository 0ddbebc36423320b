using System;
using nanoFramework.TestFramework;
using NetGuard.Diagnostics;
using NetGuard.Testing;

namespace NetGuard.Credentials.Tests
{
    [TestClass]
    public class SessionTableTests
    {
        private const string Good = CredentialTestSupport.GoodPassword;
        private const long Start = CredentialTestSupport.Start;
        private const long Minute = TimeSpan.TicksPerMinute;

        [TestMethod]
        public void Token_Is128BitsOfLowerCaseHex()
        {
            OwnerAccount account = CredentialTestSupport.ActiveAccount(CredentialTestSupport.NewStore());

            string token = CredentialTestSupport.LoginOk(account, Good, Start);

            Assert.AreEqual(32, token.Length);
            foreach (char c in token.ToCharArray())
            {
                Assert.IsTrue((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'), token);
            }

            Assert.AreNotEqual(token, CredentialTestSupport.LoginOk(account, Good, Start));
        }

        [TestMethod]
        public void Authorize_IdleJustUnder15Minutes_IsAccepted_At15IsExpired()
        {
            OwnerAccount account = CredentialTestSupport.ActiveAccount(CredentialTestSupport.NewStore());
            string token = CredentialTestSupport.LoginOk(account, Good, Start);

            Assert.IsTrue(account.Authorize(token, Start + (15 * Minute) - 1).IsAccepted);
            long lastUse = Start + (15 * Minute) - 1;
            Assert.IsTrue(account.Authorize(token, lastUse + (15 * Minute) - 1).IsAccepted, "use refreshes the idle timer");
            lastUse += (15 * Minute) - 1;
            Assert.AreEqual((object)ReasonCode.SessionExpired, account.Authorize(token, lastUse + (15 * Minute)).Reason);
            Assert.AreEqual((object)ReasonCode.Unauthorized, account.Authorize(token, lastUse + (15 * Minute)).Reason, "an expired session is gone");
        }

        [TestMethod]
        public void Authorize_After12HoursOfUse_IsExpired()
        {
            OwnerAccount account = CredentialTestSupport.ActiveAccount(CredentialTestSupport.NewStore());
            string token = CredentialTestSupport.LoginOk(account, Good, Start);
            long now = Start;
            while (now + (10 * Minute) < Start + (12 * 60 * Minute))
            {
                now += 10 * Minute;
                Assert.IsTrue(account.Authorize(token, now).IsAccepted);
            }

            Assert.IsTrue(account.Authorize(token, Start + (12 * 60 * Minute) - 1).IsAccepted);
            Assert.AreEqual((object)ReasonCode.SessionExpired, account.Authorize(token, Start + (12 * 60 * Minute)).Reason);
        }

        [TestMethod]
        public void FifthLogin_EvictsTheOldestSession()
        {
            OwnerAccount account = CredentialTestSupport.ActiveAccount(CredentialTestSupport.NewStore());
            string[] tokens = new string[5];
            for (int i = 0; i < 5; i++)
            {
                tokens[i] = CredentialTestSupport.LoginOk(account, Good, Start + i);
            }

            Assert.AreEqual(4, account.SessionCount);
            Assert.AreEqual((object)ReasonCode.Unauthorized, account.Authorize(tokens[0], Start + 10).Reason);
            for (int i = 1; i < 5; i++)
            {
                Assert.IsTrue(account.Authorize(tokens[i], Start + 10).IsAccepted, "session " + i.ToString());
            }
        }

        [TestMethod]
        public void Login_ReusesSlotsOfExpiredSessions()
        {
            OwnerAccount account = CredentialTestSupport.ActiveAccount(CredentialTestSupport.NewStore());
            string old = CredentialTestSupport.LoginOk(account, Good, Start);
            for (int i = 0; i < 3; i++)
            {
                CredentialTestSupport.LoginOk(account, Good, Start + (20 * Minute));
            }

            string fresh = CredentialTestSupport.LoginOk(account, Good, Start + (20 * Minute));

            Assert.AreEqual(4, account.SessionCount);
            Assert.IsTrue(account.Authorize(fresh, Start + (20 * Minute)).IsAccepted);
            Assert.AreEqual((object)ReasonCode.Unauthorized, account.Authorize(old, Start + (20 * Minute)).Reason);
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("not a token")]
        [DataRow("0123456789abcdef0123456789abcdeg")]
        [DataRow("0123456789abcdef0123456789abcde")]
        [DataRow("0123456789abcdef0123456789abcdef0")]
        public void Authorize_MalformedToken_IsUnauthorized(string token)
        {
            OwnerAccount account = CredentialTestSupport.ActiveAccount(CredentialTestSupport.NewStore());
            CredentialTestSupport.LoginOk(account, Good, Start);

            Assert.AreEqual((object)ReasonCode.Unauthorized, account.Authorize(token, Start).Reason, token);
        }

        [TestMethod]
        public void Authorize_TokenWithOneFlippedDigit_IsUnauthorized()
        {
            OwnerAccount account = CredentialTestSupport.ActiveAccount(CredentialTestSupport.NewStore());
            string token = CredentialTestSupport.LoginOk(account, Good, Start);
            char[] digits = token.ToCharArray();
            for (int i = 0; i < digits.Length; i++)
            {
                char flipped = digits[i] == '0' ? '1' : '0';
                string forged = token.Substring(0, i) + flipped + token.Substring(i + 1);
                Assert.AreEqual((object)ReasonCode.Unauthorized, account.Authorize(forged, Start).Reason, forged);
            }

            Assert.IsTrue(account.Authorize(token, Start).IsAccepted);
        }

        [TestMethod]
        public void Logout_EndsOnlyThatSession()
        {
            OwnerAccount account = CredentialTestSupport.ActiveAccount(CredentialTestSupport.NewStore());
            string first = CredentialTestSupport.LoginOk(account, Good, Start);
            string second = CredentialTestSupport.LoginOk(account, Good, Start);

            Assert.IsTrue(account.Logout(first).IsAccepted);

            Assert.AreEqual((object)ReasonCode.Unauthorized, account.Authorize(first, Start).Reason);
            Assert.IsTrue(account.Authorize(second, Start).IsAccepted);
            Assert.AreEqual((object)ReasonCode.Unauthorized, account.Logout(first).Reason);
        }

        [TestMethod]
        public void Logout_NullOrUnknownToken_IsUnauthorized()
        {
            OwnerAccount account = CredentialTestSupport.ActiveAccount(CredentialTestSupport.NewStore());
            CredentialTestSupport.LoginOk(account, Good, Start);

            Assert.AreEqual((object)ReasonCode.Unauthorized, account.Logout(null).Reason);
            Assert.AreEqual((object)ReasonCode.Unauthorized, account.Logout("00000000000000000000000000000000").Reason);
            Assert.AreEqual(1, account.SessionCount, "the real session stays");
        }

        [TestMethod]
        public void FactoryReset_RevokesEverySession()
        {
            OwnerAccount account = CredentialTestSupport.ActiveAccount(CredentialTestSupport.NewStore());
            string token = CredentialTestSupport.LoginOk(account, Good, Start);

            account.FactoryReset(Start);
            account.CompleteSetup(account.ReadSetupCodeForLabel(), Good, Start);

            Assert.AreEqual((object)ReasonCode.Unauthorized, account.Authorize(token, Start).Reason);
        }
    }
}
