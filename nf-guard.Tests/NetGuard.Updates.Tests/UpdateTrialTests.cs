using nanoFramework.TestFramework;
using NetGuard.Diagnostics;
using NetGuard.Storage;
using NetGuard.Testing;

namespace NetGuard.Updates.Tests
{
    /// <summary>
    /// The trial contract on the device: an update runs on trial with the counter unchanged, confirms itself, or is
    /// rolled back (crash, failed self-test, damaged image) and never retried; the loader's image is verified. Uses the
    /// signed package of <see cref="SignedVectorTests"/> (1.1.0, counter 5, the 16-byte image 00..0f); a "restart" is a
    /// new controller over the same storage. Power cuts at every write are the host tests' (UpdateControllerTests).
    /// </summary>
    [TestClass]
    public class UpdateTrialTests
    {
        private sealed class Board
        {
            public readonly SlotRecordStore Store = MemoryRecords.Create();
            public readonly MemoryStagingArea Staging = new MemoryStagingArea();
            public readonly MemoryImageSlots Slots = new MemoryImageSlots();
            public UpdateController Controller;

            public Board()
            {
                Restart();
            }

            public UpdateController Restart()
            {
                UpdateSettings settings = new UpdateSettings("SmartSocket", new FirmwareVersion(1, 0, 0), 1);
                TrustedKeyRing ring = new TrustedKeyRing(1, new byte[][] { TestBytes.Hex(SignedVectorTests.PublicKeyHex) }, new byte[0][]);
                Controller = new UpdateController(settings, ring, Store, Staging, Slots.Installer, new FixedTrustedTime(true, SignedVectorTests.Now));
                return Controller;
            }

            public void Push()
            {
                byte[] package = TestBytes.Hex(SignedVectorTests.PackageHex);
                UpdateReceiver receiver = Controller.BeginReceive();
                Assert.IsTrue(receiver.Append(package, 0, package.Length).IsAccepted, "append");
                Decision staged = receiver.Complete();
                Assert.IsTrue(staged.IsAccepted, ReasonCodeNames.Name(staged.Reason));
            }

            // Push, restart, boot: the update runs on trial.
            public void StartTrial()
            {
                Push();
                Restart();
                Decision booted = Controller.Boot();
                Assert.IsTrue(booted.IsAccepted, ReasonCodeNames.Name(booted.Reason));
                Assert.IsTrue(Controller.IsOnTrial, "on trial");
            }
        }

        [TestMethod]
        public void Trial_RunsTheNewImageWithTheCounterUnchanged_UntilItConfirms()
        {
            Board board = new Board();
            board.StartTrial();

            Assert.AreEqual("1.1.0", board.Controller.CurrentVersion.ToString());
            Assert.AreEqual(1u, board.Controller.SecurityCounter);
            Assert.AreEqual("Trial", InstallOutcomes.Name(board.Controller.LastInstall));
            Assert.IsTrue(board.Controller.RunsInstalledImage);
            Assert.IsNull(board.Staging.Staged, "the staged copy goes once the slot holds the image");
            Assert.AreEqual(16, board.Slots.ReadActive().Length);

            Assert.IsTrue(board.Controller.ConfirmTrial().IsAccepted);
            Assert.AreEqual(5u, board.Controller.SecurityCounter);
            Assert.AreEqual("Confirmed", InstallOutcomes.Name(board.Controller.LastInstall));
            Assert.IsFalse(board.Controller.IsOnTrial);
            Assert.IsFalse(board.Slots.Installer.KeepsPrevious, "the previous image is forgotten");

            UpdateController restarted = board.Restart();
            Assert.IsTrue(restarted.Boot().IsAccepted);
            Assert.AreEqual("1.1.0", restarted.CurrentVersion.ToString());
            Assert.AreEqual(5u, restarted.SecurityCounter);
            Assert.AreEqual("Confirmed", InstallOutcomes.Name(restarted.LastInstall));
        }

        [TestMethod]
        public void Trial_NotConfirmedBeforeARestart_IsRolledBackAndNeverRetried()
        {
            Board board = new Board();
            board.StartTrial();

            UpdateController restarted = board.Restart(); // a crash, watchdog or power cut during the trial
            Assert.IsTrue(restarted.Boot().IsAccepted);

            Assert.IsFalse(restarted.IsOnTrial);
            Assert.AreEqual("1.0.0", restarted.CurrentVersion.ToString());
            Assert.AreEqual(1u, restarted.SecurityCounter);
            Assert.AreEqual("RolledBack", InstallOutcomes.Name(restarted.LastInstall));
            UpdatesAssert.Reason(ReasonCode.TrialNotConfirmed, restarted.LastInstallReason, "reason");
            Assert.AreEqual("1.1.0", restarted.LastInstallVersion.ToString());
            Assert.IsNull(board.Slots.ReadActive(), "the built-in firmware is active again");
            StagedUpdate staged;
            Assert.IsFalse(restarted.TryGetStaged(out staged), "the package is not tried again by itself");

            UpdateController again = board.Restart();
            Assert.IsTrue(again.Boot().IsAccepted);
            Assert.IsFalse(again.IsOnTrial, "twin: a further restart stays on the previous image");
            Assert.AreEqual("1.0.0", again.CurrentVersion.ToString());
        }

        [TestMethod]
        public void Trial_PushedAgainAfterARollback_RunsOnTrialAgain()
        {
            Board board = new Board();
            board.StartTrial();
            board.Restart().Boot();
            Assert.AreEqual("RolledBack", InstallOutcomes.Name(board.Controller.LastInstall));

            board.StartTrial();
            Assert.AreEqual("1.1.0", board.Controller.CurrentVersion.ToString());
            Assert.IsTrue(board.Controller.ConfirmTrial().IsAccepted);
            Assert.AreEqual(5u, board.Controller.SecurityCounter);
        }

        [TestMethod]
        public void FailTrial_RollsBackAtOnce_WithTheReason()
        {
            Board board = new Board();
            board.StartTrial();

            Assert.IsTrue(board.Controller.FailTrial(ReasonCode.SelfTestFailed).IsAccepted);

            Assert.IsFalse(board.Controller.IsOnTrial);
            Assert.AreEqual("1.0.0", board.Controller.CurrentVersion.ToString());
            Assert.AreEqual(1u, board.Controller.SecurityCounter);
            UpdatesAssert.Reason(ReasonCode.SelfTestFailed, board.Controller.LastInstallReason, "reason");
            Assert.IsNull(board.Slots.ReadActive());
            UpdatesAssert.Refused(ReasonCode.InvalidState, board.Controller.ConfirmTrial(), "nothing left to confirm");
        }

        [TestMethod]
        public void ConfirmAndFail_WithoutATrial_AreRefused()
        {
            Board board = new Board();
            UpdatesAssert.Refused(ReasonCode.InvalidState, board.Controller.ConfirmTrial(), "confirm before boot");
            UpdatesAssert.Refused(ReasonCode.InvalidState, board.Controller.FailTrial(ReasonCode.SelfTestFailed), "fail before boot");

            board.Push();
            UpdatesAssert.Refused(ReasonCode.InvalidState, board.Controller.ConfirmTrial(), "staged is not on trial");
            Assert.AreEqual(1u, board.Controller.SecurityCounter);
        }

        [TestMethod]
        public void Boot_StagedImageDamagedBeforeItsTrial_IsRolledBackWithoutRunning()
        {
            Board board = new Board();
            board.Push();
            board.Staging.Staged[3] ^= 1;

            UpdateController restarted = board.Restart();
            Assert.IsTrue(restarted.Boot().IsAccepted);

            Assert.IsFalse(restarted.IsOnTrial);
            Assert.AreEqual("1.0.0", restarted.CurrentVersion.ToString());
            UpdatesAssert.Reason(ReasonCode.DigestMismatch, restarted.LastInstallReason, "reason");
            Assert.IsNull(board.Slots.ReadActive(), "nothing was activated");
        }

        [TestMethod]
        public void Boot_InstalledImageDamagedInFlash_RunsTheBuiltInFirmware()
        {
            Board board = new Board();
            board.StartTrial();
            Assert.IsTrue(board.Controller.ConfirmTrial().IsAccepted);
            byte[] image;
            Assert.IsTrue(board.Controller.ReadImageToLoad(out image).IsAccepted, "twin: the intact image loads");
            Assert.AreEqual(16, image.Length);

            board.Slots.Slot0.Staged[15] ^= 0x80;
            UpdatesAssert.Refused(ReasonCode.DigestMismatch, board.Controller.ReadImageToLoad(out image), "the loader's copy");
            Assert.IsNull(image);

            UpdateController restarted = board.Restart();
            Assert.IsTrue(restarted.Boot().IsAccepted);
            Assert.IsFalse(restarted.RunsInstalledImage);
            Assert.AreEqual("1.0.0", restarted.CurrentVersion.ToString());
            Assert.AreEqual(5u, restarted.SecurityCounter, "the counter never goes down");
            Assert.AreEqual("RolledBack", InstallOutcomes.Name(restarted.LastInstall));
            UpdatesAssert.Reason(ReasonCode.DigestMismatch, restarted.LastInstallReason, "reason");
            UpdatesAssert.Refused(ReasonCode.NothingStaged, restarted.ReadImageToLoad(out image), "built-in: nothing to load");
        }

        [TestMethod]
        public void DiscardStaged_DropsTheStagedPackage_AndNothingElse()
        {
            Board board = new Board();
            board.Push();
            Assert.IsTrue(board.Controller.DiscardStaged().IsAccepted);
            StagedUpdate staged;
            Assert.IsFalse(board.Controller.TryGetStaged(out staged));
            Assert.IsNull(board.Staging.Staged);

            UpdateController restarted = board.Restart();
            Assert.IsTrue(restarted.Boot().IsAccepted);
            Assert.IsFalse(restarted.IsOnTrial, "nothing starts on trial");
            Assert.AreEqual("None", InstallOutcomes.Name(restarted.LastInstall));
            Assert.IsTrue(restarted.DiscardStaged().IsAccepted, "twin: nothing staged is fine");
        }
    }
}
