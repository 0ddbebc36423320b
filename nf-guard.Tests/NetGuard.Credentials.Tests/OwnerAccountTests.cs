using System;
using nanoFramework.TestFramework;
using NetGuard.Diagnostics;
using NetGuard.Storage;
using NetGuard.Testing;

namespace NetGuard.Credentials.Tests
{
    [TestClass]
    public class OwnerAccountTests
    {
        private const string Good = CredentialTestSupport.GoodPassword;
        private const string Other = CredentialTestSupport.OtherGoodPassword;
        private const long Start = CredentialTestSupport.Start;

        [TestMethod]
        public void NewDevice_IsSetupRequired_AndEveryRouteButSetupRefuses()
        {
            OwnerAccount account = CredentialTestSupport.Open(CredentialTestSupport.NewStore());
            string token;

            Assert.IsTrue(account.IsSetupRequired);
            Assert.AreEqual((object)ReasonCode.SetupRequired, account.Login(Good, Start, out token).Reason);
            Assert.IsNull(token);
            Assert.AreEqual((object)ReasonCode.SetupRequired, account.Authorize("00000000000000000000000000000000", Start).Reason);
            Assert.AreEqual((object)ReasonCode.SetupRequired, account.Authorize(null, Start).Reason);
            Assert.AreEqual((object)ReasonCode.SetupRequired, account.ChangePassword("00000000000000000000000000000000", Good, Other, Start).Reason);
            Assert.AreEqual((object)ReasonCode.SetupRequired, account.FactoryReset("00000000000000000000000000000000", Start).Reason);
        }

        [TestMethod]
        public void CompleteSetup_RightCode_ActivatesAndPasswordWorks()
        {
            OwnerAccount account = CredentialTestSupport.Open(CredentialTestSupport.NewStore());

            Decision setup = account.CompleteSetup(account.ReadSetupCodeForLabel(), Good, Start);

            Assert.IsTrue(setup.IsAccepted);
            Assert.IsFalse(account.IsSetupRequired);
            string token = CredentialTestSupport.LoginOk(account, Good, Start);
            Assert.IsTrue(account.Authorize(token, Start).IsAccepted);
        }

        [TestMethod]
        public void CompleteSetup_CodeTypedLowerCaseWithoutDashes_IsAccepted()
        {
            OwnerAccount account = CredentialTestSupport.Open(CredentialTestSupport.NewStore());
            string typed = PasswordText.ToLowerAscii(account.ReadSetupCodeForLabel());
            typed = typed.Substring(0, 4) + typed.Substring(5, 4) + " " + typed.Substring(10, 4);

            Assert.IsTrue(account.CompleteSetup(typed, Good, Start).IsAccepted);
        }

        [TestMethod]
        public void CompleteSetup_WrongCode_IsRefusedAndStaysSetupRequired()
        {
            OwnerAccount account = CredentialTestSupport.Open(CredentialTestSupport.NewStore());
            string wrong = FlipLastCharacter(account.ReadSetupCodeForLabel());

            Decision setup = account.CompleteSetup(wrong, Good, Start);

            Assert.AreEqual((object)ReasonCode.SetupCodeInvalid, setup.Reason);
            Assert.IsTrue(account.IsSetupRequired);
            Assert.AreEqual(1, account.ConsecutiveFailures);
        }

        [TestMethod]
        public void CompleteSetup_MalformedOrNullCode_IsSetupCodeInvalid()
        {
            OwnerAccount account = CredentialTestSupport.Open(CredentialTestSupport.NewStore());

            Assert.AreEqual((object)ReasonCode.SetupCodeInvalid, account.CompleteSetup("nonsense", Good, Start).Reason);
            Assert.AreEqual((object)ReasonCode.SetupCodeInvalid, account.CompleteSetup(null, Good, Start).Reason);
            Assert.IsTrue(account.IsSetupRequired);
        }

        [TestMethod]
        public void CompleteSetup_WeakPassword_GivesReasonAndStaysSetupRequired()
        {
            OwnerAccount account = CredentialTestSupport.Open(CredentialTestSupport.NewStore());
            string code = account.ReadSetupCodeForLabel();

            Assert.AreEqual((object)ReasonCode.PasswordTooShort, account.CompleteSetup(code, "short", Start).Reason);
            Assert.AreEqual((object)ReasonCode.PasswordCommon, account.CompleteSetup(code, "unbelievable", Start).Reason);
            Assert.AreEqual((object)ReasonCode.PasswordContextWord, account.CompleteSetup(code, "SmartSocket2024", Start).Reason);
            Assert.AreEqual((object)ReasonCode.PasswordContextWord, account.CompleteSetup(code, "my " + code + " pw", Start).Reason);
            Assert.IsTrue(account.IsSetupRequired);
            Assert.AreEqual(0, account.ConsecutiveFailures, "a right code with a weak password is not a failed attempt");
        }

        [TestMethod]
        public void CompleteSetup_WrongCodeWithWeakPassword_ReportsOnlyTheCode()
        {
            // The password policy must not become an oracle for the setup code: it runs after the code check.
            OwnerAccount account = CredentialTestSupport.Open(CredentialTestSupport.NewStore());
            string wrong = FlipLastCharacter(account.ReadSetupCodeForLabel());

            Assert.AreEqual((object)ReasonCode.SetupCodeInvalid, account.CompleteSetup(wrong, wrong, Start).Reason);
        }

        [TestMethod]
        public void AfterSetup_SetupIsRefusedAsAlreadyDone()
        {
            SlotRecordStore store = CredentialTestSupport.NewStore();
            OwnerAccount account = CredentialTestSupport.ActiveAccount(store);

            Assert.AreEqual((object)ReasonCode.SetupAlreadyDone, account.CompleteSetup(account.ReadSetupCodeForLabel(), Other, Start).Reason);
            Assert.AreEqual((object)ReasonCode.SetupAlreadyDone, account.CompleteSetup("wrong", Other, Start).Reason);
            string token = CredentialTestSupport.LoginOk(account, Good, Start);
            Assert.IsTrue(token.Length == 32);
        }

        [TestMethod]
        public void Login_WrongPassword_IsPasswordInvalid()
        {
            OwnerAccount account = CredentialTestSupport.ActiveAccount(CredentialTestSupport.NewStore());
            string token;

            Assert.AreEqual((object)ReasonCode.PasswordInvalid, account.Login(Good + "x", Start, out token).Reason);
            Assert.IsNull(token);
            Assert.AreEqual((object)ReasonCode.PasswordInvalid, account.Login("Tangerine-otter-42", Start, out token).Reason);
            Assert.AreEqual((object)ReasonCode.PasswordInvalid, account.Login(string.Empty, Start, out token).Reason);
        }

        [TestMethod]
        public void Login_NullPassword_Throws()
        {
            OwnerAccount account = CredentialTestSupport.ActiveAccount(CredentialTestSupport.NewStore());
            string token;

            Assert.ThrowsException(typeof(ArgumentNullException), () => account.Login(null, Start, out token));
        }

        [TestMethod]
        public void ChangePassword_Succeeds_RevokesSessionsAndSwapsPasswords()
        {
            OwnerAccount account = CredentialTestSupport.ActiveAccount(CredentialTestSupport.NewStore());
            string first = CredentialTestSupport.LoginOk(account, Good, Start);
            string second = CredentialTestSupport.LoginOk(account, Good, Start);

            Assert.IsTrue(account.ChangePassword(first, Good, Other, Start).IsAccepted);

            Assert.AreEqual((object)ReasonCode.Unauthorized, account.Authorize(first, Start).Reason);
            Assert.AreEqual((object)ReasonCode.Unauthorized, account.Authorize(second, Start).Reason);
            Assert.AreEqual(0, account.SessionCount);
            string token;
            Assert.AreEqual((object)ReasonCode.PasswordInvalid, account.Login(Good, Start, out token).Reason);
            Assert.IsTrue(account.Login(Other, Start, out token).IsAccepted);
        }

        [TestMethod]
        public void ChangePassword_Refusals()
        {
            OwnerAccount account = CredentialTestSupport.ActiveAccount(CredentialTestSupport.NewStore());
            string token = CredentialTestSupport.LoginOk(account, Good, Start);

            Assert.AreEqual((object)ReasonCode.Unauthorized, account.ChangePassword("ffffffffffffffffffffffffffffffff", Good, Other, Start).Reason);
            Assert.AreEqual((object)ReasonCode.Unauthorized, account.ChangePassword(null, Good, Other, Start).Reason);
            Assert.AreEqual((object)ReasonCode.PasswordInvalid, account.ChangePassword(token, Other, Other, Start).Reason);
            Assert.AreEqual((object)ReasonCode.PasswordUnchanged, account.ChangePassword(token, Good, Good, Start).Reason);
            Assert.AreEqual((object)ReasonCode.PasswordTooShort, account.ChangePassword(token, Good, "short", Start).Reason);
            Assert.AreEqual((object)ReasonCode.PasswordTooLong, account.ChangePassword(token, Good, new string('q', 129), Start).Reason);
            Assert.AreEqual((object)ReasonCode.PasswordCommon, account.ChangePassword(token, Good, "7ujMko0admin", Start).Reason);
            Assert.AreEqual((object)ReasonCode.PasswordContextWord, account.ChangePassword(token, Good, "Quorvane-2024", Start).Reason);
            Assert.IsTrue(account.Authorize(token, Start).IsAccepted, "refused changes keep the session");
            string again;
            Assert.IsTrue(account.Login(Good, Start, out again).IsAccepted, "refused changes keep the password");
        }

        [TestMethod]
        public void ChangePassword_NewPasswordDiffersOnlyInCase_IsAccepted()
        {
            OwnerAccount account = CredentialTestSupport.ActiveAccount(CredentialTestSupport.NewStore());
            string token = CredentialTestSupport.LoginOk(account, Good, Start);

            Assert.IsTrue(account.ChangePassword(token, Good, "Tangerine-Otter-42", Start).IsAccepted);
        }

        [TestMethod]
        public void FactoryReset_WithToken_ReturnsToSetupRequiredAndErases()
        {
            SlotRecordStore store = CredentialTestSupport.NewStore();
            OwnerAccount account = CredentialTestSupport.ActiveAccount(store);
            string code = account.ReadSetupCodeForLabel();
            string token = CredentialTestSupport.LoginOk(account, Good, Start);

            Assert.IsTrue(account.FactoryReset(token, Start).IsAccepted);

            Assert.IsTrue(account.IsSetupRequired);
            Assert.AreEqual(0, account.SessionCount);
            string again;
            Assert.AreEqual((object)ReasonCode.SetupRequired, account.Login(Good, Start, out again).Reason);
            Assert.AreEqual((object)ReasonCode.SetupRequired, account.Authorize(token, Start).Reason);
            byte[] data;
            ReasonCode reason;
            Assert.IsFalse(store.TryRead(OwnerAccount.CredentialRecord, out data, out reason));
            Assert.AreEqual(code, account.ReadSetupCodeForLabel(), "the label's code survives the reset");
            Assert.AreEqual((object)ReasonCode.SetupCodeInvalid, account.CompleteSetup(FlipLastCharacter(code), Other, Start).Reason);
            Assert.IsTrue(account.CompleteSetup(code, Other, Start).IsAccepted);
        }

        [TestMethod]
        public void FactoryReset_WithBadToken_IsRefused()
        {
            OwnerAccount account = CredentialTestSupport.ActiveAccount(CredentialTestSupport.NewStore());

            Assert.AreEqual((object)ReasonCode.Unauthorized, account.FactoryReset("00000000000000000000000000000000", Start).Reason);
            Assert.IsFalse(account.IsSetupRequired);
        }

        [TestMethod]
        public void FactoryReset_Button_NeedsNoToken()
        {
            OwnerAccount account = CredentialTestSupport.ActiveAccount(CredentialTestSupport.NewStore());

            Assert.IsTrue(account.FactoryReset(Start).IsAccepted);

            Assert.IsTrue(account.IsSetupRequired);
        }

        [TestMethod]
        public void Restart_KeepsPasswordAndSetupCode_ButNotSessions()
        {
            SlotRecordStore store = CredentialTestSupport.NewStore();
            OwnerAccount before = CredentialTestSupport.ActiveAccount(store);
            string token = CredentialTestSupport.LoginOk(before, Good, Start);

            OwnerAccount after = CredentialTestSupport.Open(store);

            Assert.IsFalse(after.IsSetupRequired);
            Assert.AreEqual(before.ReadSetupCodeForLabel(), after.ReadSetupCodeForLabel());
            Assert.AreEqual((object)ReasonCode.Unauthorized, after.Authorize(token, Start).Reason);
            CredentialTestSupport.LoginOk(after, Good, Start);
        }

        [TestMethod]
        public void SetupCode_DiffersBetweenDevices()
        {
            OwnerAccount a = new OwnerAccount(CredentialTestSupport.NewStore(), new SeededEntropy(1), CredentialTestSupport.Identity(), CredentialTestSupport.Policy());
            OwnerAccount b = new OwnerAccount(CredentialTestSupport.NewStore(), new SeededEntropy(2), CredentialTestSupport.Identity(), CredentialTestSupport.Policy());

            Assert.AreNotEqual(a.ReadSetupCodeForLabel(), b.ReadSetupCodeForLabel());
        }

        [TestMethod]
        public void SetupCode_FromDeviceSecret_IsDerivedAndNotStored()
        {
            byte[] secret = new byte[32];
            secret[0] = 7;
            SlotRecordStore store = CredentialTestSupport.NewStore();
            OwnerAccount account = new OwnerAccount(store, new SeededEntropy(1), new DeviceIdentity("SmartSocket", "Quorvane", secret), CredentialTestSupport.Policy());

            Assert.AreEqual(SetupCode.Format(SetupCode.Derive(secret)), account.ReadSetupCodeForLabel());
            byte[] data;
            ReasonCode reason;
            Assert.IsFalse(store.TryRead(OwnerAccount.SetupCodeRecord, out data, out reason));
        }

        [TestMethod]
        public void CorruptCredentialRecord_IsSetupRequired_AndStillDemandsTheCode()
        {
            MemoryFileSystem files = new MemoryFileSystem();
            SlotRecordStore store = new SlotRecordStore(files, 256);
            OwnerAccount before = CredentialTestSupport.ActiveAccount(store);
            string code = before.ReadSetupCodeForLabel();
            files.SetRaw("owner.0", new byte[] { 1, 2, 3 });
            files.SetRaw("owner.1", new byte[0]);

            OwnerAccount after = CredentialTestSupport.Open(store);

            Assert.IsTrue(after.IsSetupRequired);
            Assert.IsTrue(after.IsCredentialRecordDamaged);
            string token;
            Assert.AreEqual((object)ReasonCode.SetupRequired, after.Login(Good, Start, out token).Reason);
            Assert.AreEqual((object)ReasonCode.SetupCodeInvalid, after.CompleteSetup(FlipLastCharacter(code), Other, Start).Reason);
            Assert.IsTrue(after.CompleteSetup(code, Other, Start).IsAccepted);
        }

        [TestMethod]
        public void IterationCount_IsUpgradedAtNextLogin()
        {
            SlotRecordStore store = CredentialTestSupport.NewStore();
            CredentialTestSupport.ActiveAccount(store);
            Assert.AreEqual(2, StoredIterations(store));

            OwnerAccount upgraded = new OwnerAccount(store, new SeededEntropy(5), CredentialTestSupport.Identity(), OwnerAccountPolicy.CreateDefault().WithIterations(5));
            string token;
            Assert.AreEqual((object)ReasonCode.PasswordInvalid, upgraded.Login(Other, Start, out token).Reason);
            Assert.AreEqual(2, StoredIterations(store), "a failed login does not rehash");
            Assert.IsTrue(upgraded.Login(Good, Start + (10 * CredentialTestSupport.Second), out token).IsAccepted);

            Assert.AreEqual(5, StoredIterations(store));
            OwnerAccount restarted = new OwnerAccount(store, new SeededEntropy(6), CredentialTestSupport.Identity(), OwnerAccountPolicy.CreateDefault().WithIterations(5));
            CredentialTestSupport.LoginOk(restarted, Good, Start);
        }

        [TestMethod]
        public void IterationCount_IsNotLoweredByASmallerPolicy()
        {
            SlotRecordStore store = CredentialTestSupport.NewStore();
            new OwnerAccount(store, new SeededEntropy(5), CredentialTestSupport.Identity(), OwnerAccountPolicy.CreateDefault().WithIterations(5))
                .CompleteSetup(SetupCode.Format(ReadStoredCode(store)), Good, Start);

            OwnerAccount weaker = CredentialTestSupport.Open(store);
            CredentialTestSupport.LoginOk(weaker, Good, Start);

            Assert.AreEqual(5, StoredIterations(store));
        }

        [TestMethod]
        public void Constructor_NullArguments_Throw()
        {
            SlotRecordStore store = CredentialTestSupport.NewStore();
            Assert.ThrowsException(typeof(ArgumentNullException), () => new OwnerAccount(null, new SeededEntropy(1), CredentialTestSupport.Identity(), CredentialTestSupport.Policy()));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new OwnerAccount(store, null, CredentialTestSupport.Identity(), CredentialTestSupport.Policy()));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new OwnerAccount(store, new SeededEntropy(1), null, CredentialTestSupport.Policy()));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new OwnerAccount(store, new SeededEntropy(1), CredentialTestSupport.Identity(), null));
        }

        [TestMethod]
        public void Policy_OutOfRangeValues_Throw()
        {
            OwnerAccountPolicy good = OwnerAccountPolicy.CreateDefault();
            Assert.AreEqual(600000, good.Iterations);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => good.WithIterations(0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new OwnerAccountPolicy(1, 11, 128, 5, 1, 2, TimeSpan.TicksPerSecond, TimeSpan.TicksPerSecond, 4));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new OwnerAccountPolicy(1, 12, 129, 5, TimeSpan.TicksPerSecond, TimeSpan.TicksPerSecond, TimeSpan.TicksPerSecond, TimeSpan.TicksPerSecond, 4));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new OwnerAccountPolicy(1, 12, 128, 0, TimeSpan.TicksPerSecond, TimeSpan.TicksPerSecond, TimeSpan.TicksPerSecond, TimeSpan.TicksPerSecond, 4));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new OwnerAccountPolicy(1, 12, 128, 5, TimeSpan.TicksPerSecond, TimeSpan.TicksPerSecond - 1, TimeSpan.TicksPerSecond, TimeSpan.TicksPerSecond, 4));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new OwnerAccountPolicy(1, 12, 128, 5, TimeSpan.TicksPerSecond, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMinute, TimeSpan.TicksPerSecond, 4));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new OwnerAccountPolicy(1, 12, 128, 5, TimeSpan.TicksPerSecond, TimeSpan.TicksPerSecond, TimeSpan.TicksPerSecond, TimeSpan.TicksPerSecond, 0));
            Assert.IsNotNull(new OwnerAccountPolicy(1, 12, 128, 5, TimeSpan.TicksPerSecond, TimeSpan.TicksPerSecond, TimeSpan.TicksPerSecond, TimeSpan.TicksPerSecond, 1));
        }

        internal static string FlipLastCharacter(string code)
        {
            char last = code.ToCharArray()[code.Length - 1];
            return code.Substring(0, code.Length - 1) + (last == 'A' ? 'B' : 'A');
        }

        private static int StoredIterations(SlotRecordStore store)
        {
            byte[] data;
            ReasonCode reason;
            Assert.IsTrue(store.TryRead(OwnerAccount.CredentialRecord, out data, out reason));
            return data[2] | (data[3] << 8) | (data[4] << 16) | (data[5] << 24);
        }

        private static string ReadStoredCode(SlotRecordStore store)
        {
            byte[] data;
            ReasonCode reason;
            Assert.IsTrue(store.TryRead(OwnerAccount.SetupCodeRecord, out data, out reason));
            char[] chars = new char[SetupCode.Length];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)data[i + 1];
            }

            return new string(chars);
        }
    }
}
