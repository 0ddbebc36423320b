using nanoFramework.TestFramework;
using NetGuard.Diagnostics;
using NetGuard.Storage;
using NetGuard.Testing;

namespace NetGuard.Credentials.Tests
{
    [TestClass]
    public class LoginThrottleTests
    {
        private const string Good = CredentialTestSupport.GoodPassword;
        private const string Wrong = "wrong password here";
        private const long Second = CredentialTestSupport.Second;
        private const long Start = CredentialTestSupport.Start;

        [TestMethod]
        public void DelayAfter_FollowsTheSchedule()
        {
            OwnerAccountPolicy policy = OwnerAccountPolicy.CreateDefault();
            long[] expectedSeconds = new long[] { 0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300 };
            for (int failures = 0; failures < expectedSeconds.Length; failures++)
            {
                Assert.AreEqual(expectedSeconds[failures] * Second, policy.DelayAfter(failures), failures.ToString());
            }

            Assert.AreEqual(300 * Second, policy.DelayAfter(int.MaxValue));
            Assert.AreEqual(0L, policy.DelayAfter(-1));
        }

        [TestMethod]
        public void Login_FiveFailuresAreFree_ThenWaitsDoubleToTheCap()
        {
            OwnerAccount account = CredentialTestSupport.ActiveAccount(CredentialTestSupport.NewStore());
            long now = Start;
            for (int i = 0; i < 5; i++)
            {
                Assert.AreEqual((object)ReasonCode.PasswordInvalid, Login(account, Wrong, now).Reason, "free attempt " + i.ToString());
            }

            long[] waits = new long[] { 1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300 };
            for (int i = 0; i < waits.Length; i++)
            {
                // One tick before the wait ends: refused, and told exactly how long is left.
                Decision early = Login(account, Wrong, now + (waits[i] * Second) - 1);
                Assert.AreEqual((object)ReasonCode.Throttled, early.Reason, "early " + i.ToString());
                Assert.AreEqual(1L, early.RetryAfterTicks, "remaining " + i.ToString());

                Decision refusedAtOnce = Login(account, Wrong, now);
                Assert.AreEqual(waits[i] * Second, refusedAtOnce.RetryAfterTicks, "full wait " + i.ToString());

                now += waits[i] * Second;
                Assert.AreEqual((object)ReasonCode.PasswordInvalid, Login(account, Wrong, now).Reason, "on time " + i.ToString());
            }

            Assert.AreEqual(5 + waits.Length, account.ConsecutiveFailures);
        }

        [TestMethod]
        public void Login_CorrectPasswordDuringTheWait_IsStillRefused()
        {
            OwnerAccount account = CredentialTestSupport.ActiveAccount(CredentialTestSupport.NewStore());
            // Failures 1-5 at Start, the 6th at Start + 1 s; the 7th attempt must wait 2 s after that.
            FailTimes(account, 6, Start);

            Decision decision = Login(account, Good, Start + (2 * Second));

            Assert.AreEqual((object)ReasonCode.Throttled, decision.Reason);
            Assert.AreEqual(Second, decision.RetryAfterTicks);
            Assert.IsTrue(Login(account, Good, Start + (3 * Second)).IsAccepted);
            Assert.AreEqual(0, account.ConsecutiveFailures, "success resets the count");
            Assert.IsTrue(Login(account, Wrong, Start + (3 * Second)).Reason == ReasonCode.PasswordInvalid, "and the next failure is free again");
        }

        [TestMethod]
        public void Throttle_PersistsAcrossRestart_AndTheFirstAttemptWaitsTheFullBackOff()
        {
            SlotRecordStore store = CredentialTestSupport.NewStore();
            OwnerAccount before = CredentialTestSupport.ActiveAccount(store);
            FailTimes(before, 8, Start);

            // The monotonic clock restarts near zero after a reboot.
            OwnerAccount after = CredentialTestSupport.Open(store);
            long boot = 5 * Second;

            Assert.AreEqual(8, after.ConsecutiveFailures);
            Decision first = Login(after, Good, boot);
            Assert.AreEqual((object)ReasonCode.Throttled, first.Reason);
            Assert.AreEqual(8 * Second, first.RetryAfterTicks);
            Assert.AreEqual((object)ReasonCode.Throttled, Login(after, Good, boot + (8 * Second) - 1).Reason);
            Assert.IsTrue(Login(after, Good, boot + (8 * Second)).IsAccepted);
        }

        [TestMethod]
        public void Throttle_BelowFreeAttempts_DoesNotWaitAfterRestart()
        {
            SlotRecordStore store = CredentialTestSupport.NewStore();
            OwnerAccount before = CredentialTestSupport.ActiveAccount(store);
            FailTimes(before, 4, Start);

            OwnerAccount after = CredentialTestSupport.Open(store);

            Assert.IsTrue(Login(after, Good, 0).IsAccepted);
        }

        [TestMethod]
        public void Throttle_CoversWrongSetupCodes()
        {
            OwnerAccount account = CredentialTestSupport.Open(CredentialTestSupport.NewStore());
            string code = account.ReadSetupCodeForLabel();
            string wrong = OwnerAccountTests.FlipLastCharacter(code);
            for (int i = 0; i < 5; i++)
            {
                Assert.AreEqual((object)ReasonCode.SetupCodeInvalid, account.CompleteSetup(wrong, Good, Start).Reason);
            }

            Decision throttled = account.CompleteSetup(code, Good, Start);

            Assert.AreEqual((object)ReasonCode.Throttled, throttled.Reason);
            Assert.AreEqual(Second, throttled.RetryAfterTicks);
            Assert.IsTrue(account.IsSetupRequired);
            Assert.IsTrue(account.CompleteSetup(code, Good, Start + Second).IsAccepted);
        }

        [TestMethod]
        public void Throttle_SetupFailuresCarryOverToLogin()
        {
            SlotRecordStore store = CredentialTestSupport.NewStore();
            OwnerAccount account = CredentialTestSupport.Open(store);
            string wrong = OwnerAccountTests.FlipLastCharacter(account.ReadSetupCodeForLabel());
            for (int i = 0; i < 7; i++)
            {
                account.CompleteSetup(wrong, Good, Start + (i * 1000 * Second));
            }

            OwnerAccount restarted = CredentialTestSupport.Open(store);

            Assert.AreEqual(7, restarted.ConsecutiveFailures);
            Assert.AreEqual((object)ReasonCode.Throttled, restarted.CompleteSetup(restarted.ReadSetupCodeForLabel(), Good, 0).Reason);
        }

        [TestMethod]
        public void Throttle_CoversWrongCurrentPasswordOnChange()
        {
            OwnerAccount account = CredentialTestSupport.ActiveAccount(CredentialTestSupport.NewStore());
            string token = CredentialTestSupport.LoginOk(account, Good, Start);
            for (int i = 0; i < 5; i++)
            {
                Assert.AreEqual((object)ReasonCode.PasswordInvalid, account.ChangePassword(token, Wrong, CredentialTestSupport.OtherGoodPassword, Start).Reason);
            }

            Assert.AreEqual((object)ReasonCode.Throttled, account.ChangePassword(token, Good, CredentialTestSupport.OtherGoodPassword, Start).Reason);
        }

        [TestMethod]
        public void UnreadableFailureCount_FailsClosedAtTheCap()
        {
            MemoryFileSystem files = new MemoryFileSystem();
            SlotRecordStore store = new SlotRecordStore(files, 256);
            CredentialTestSupport.ActiveAccount(store);
            files.SetRaw("login-failures.0", new byte[] { 0xFF });
            files.SetRaw("login-failures.1", new byte[] { 0xFF });

            OwnerAccount account = CredentialTestSupport.Open(store);

            Decision first = Login(account, Good, 0);
            Assert.AreEqual((object)ReasonCode.Throttled, first.Reason);
            Assert.AreEqual(300 * Second, first.RetryAfterTicks);
            Assert.IsTrue(Login(account, Good, 300 * Second).IsAccepted);
        }

        [TestMethod]
        public void FailedAttempt_IsCountedOnFlashBeforeTheCheck()
        {
            SlotRecordStore store = CredentialTestSupport.NewStore();
            OwnerAccount account = CredentialTestSupport.ActiveAccount(store);

            Login(account, Wrong, Start);
            Login(account, Wrong, Start);

            byte[] data;
            ReasonCode reason;
            Assert.IsTrue(store.TryRead(OwnerAccount.FailureRecord, out data, out reason));
            Assert.AreEqual(2, (int)data[1]);
        }

        private static void FailTimes(OwnerAccount account, int count, long at)
        {
            long now = at;
            OwnerAccountPolicy policy = CredentialTestSupport.Policy();
            for (int i = 0; i < count; i++)
            {
                now += policy.DelayAfter(i);
                Assert.AreEqual((object)ReasonCode.PasswordInvalid, Login(account, Wrong, now).Reason, "failure " + i.ToString());
            }
        }

        private static Decision Login(OwnerAccount account, string password, long now)
        {
            string token;
            return account.Login(password, now, out token);
        }
    }
}
