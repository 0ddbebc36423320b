using System;
using nanoFramework.TestFramework;
using NetGuard.Diagnostics;
using NetGuard.Samples.SmartSocket;
using NetGuard.Testing;
using NetGuard.Http.Tests;

namespace NetGuard.Samples.Tests
{
    [TestClass]
    public class SmartSocketAppTests
    {
        private const long Ms = TimeSpan.TicksPerMillisecond;

        [TestMethod]
        public void RelayRoutes_BeforeSetup_Are403AndTheRelayStaysOff()
        {
            SampleRig rig = new SampleRig(new MemoryFileSystem(), new ManualClock(CredentialTestSupport.Start), "SmartSocket");
            FakeRelayBoard board = new FakeRelayBoard();
            SmartSocketApp app = new SmartSocketApp(rig.Device, board);
            HttpTestKit.AssertRefused(rig.Send("PUT", "/api/relay", null, "{\"on\":true}"), 403, ReasonCode.SetupRequired);
            HttpTestKit.AssertRefused(rig.Send("GET", "/api/relay", null, null), 403, ReasonCode.SetupRequired);
            Assert.IsFalse(board.Relay);
            Assert.IsFalse(app.RelayOn);
        }

        [TestMethod]
        public void RelayRoutes_AfterSetup_NeedAToken()
        {
            SampleRig rig = new SampleRig(new MemoryFileSystem(), new ManualClock(CredentialTestSupport.Start), "SmartSocket");
            FakeRelayBoard board = new FakeRelayBoard();
            new SmartSocketApp(rig.Device, board);
            rig.SetupAndLogin();
            HttpTestKit.AssertRefused(rig.Send("PUT", "/api/relay", null, "{\"on\":true}"), 401, ReasonCode.Unauthorized);
            Assert.IsFalse(board.Relay);
        }

        [TestMethod]
        public void PutRelay_WithToken_SwitchesAndAnswersTheState()
        {
            SampleRig rig = new SampleRig(new MemoryFileSystem(), new ManualClock(CredentialTestSupport.Start), "SmartSocket");
            FakeRelayBoard board = new FakeRelayBoard();
            new SmartSocketApp(rig.Device, board);
            string token = rig.SetupAndLogin();
            FakeConnection on = rig.Send("PUT", "/api/relay", token, "{\"on\":true}");
            Assert.AreEqual(200, HttpTestKit.Status(on));
            Assert.AreEqual("{\"on\":true}", HttpTestKit.Body(on));
            Assert.IsTrue(board.Relay);
            Assert.AreEqual("{\"on\":true}", HttpTestKit.Body(rig.Send("GET", "/api/relay", token, null)));
        }

        [TestMethod]
        public void PutRelay_WithoutOnMember_Is400AndLeavesTheRelay()
        {
            SampleRig rig = new SampleRig(new MemoryFileSystem(), new ManualClock(CredentialTestSupport.Start), "SmartSocket");
            FakeRelayBoard board = new FakeRelayBoard();
            new SmartSocketApp(rig.Device, board);
            string token = rig.SetupAndLogin();
            HttpTestKit.AssertRefused(rig.Send("PUT", "/api/relay", token, "{\"on\":\"yes\"}"), 400, ReasonCode.Malformed);
            Assert.IsFalse(board.Relay);
        }

        [TestMethod]
        public void RelayState_SurvivesARestart()
        {
            MemoryFileSystem files = new MemoryFileSystem();
            ManualClock clock = new ManualClock(CredentialTestSupport.Start);
            SampleRig first = new SampleRig(files, clock, "SmartSocket");
            SmartSocketApp app = new SmartSocketApp(first.Device, new FakeRelayBoard());
            first.SetupAndLogin();
            Assert.IsTrue(app.SetRelay(true).IsAccepted);

            SampleRig second = new SampleRig(files, clock, "SmartSocket");
            FakeRelayBoard board = new FakeRelayBoard();
            SmartSocketApp restarted = new SmartSocketApp(second.Device, board);
            Assert.IsTrue(restarted.RelayOn);
            Assert.IsTrue(board.Relay, "restored onto the board at start");
            Assert.IsFalse(second.Device.Account.IsSetupRequired, "the password survives too");
        }

        [TestMethod]
        public void ShortPress_TogglesTheRelay()
        {
            SampleRig rig = new SampleRig(new MemoryFileSystem(), new ManualClock(CredentialTestSupport.Start), "SmartSocket");
            FakeRelayBoard board = new FakeRelayBoard();
            SmartSocketApp app = new SmartSocketApp(rig.Device, board);
            board.Button(true);
            rig.Clock.Advance(200 * Ms);
            board.Button(false);
            Assert.IsTrue(app.RelayOn);
            Assert.IsTrue(board.Relay);
        }

        [TestMethod]
        public void Bounce_DoesNotToggle()
        {
            SampleRig rig = new SampleRig(new MemoryFileSystem(), new ManualClock(CredentialTestSupport.Start), "SmartSocket");
            FakeRelayBoard board = new FakeRelayBoard();
            SmartSocketApp app = new SmartSocketApp(rig.Device, board);
            board.Button(true);
            rig.Clock.Advance(5 * Ms);
            board.Button(false);
            Assert.IsFalse(app.RelayOn);
        }

        [TestMethod]
        public void LongPress_WhileHeld_FactoryResets()
        {
            SampleRig rig = new SampleRig(new MemoryFileSystem(), new ManualClock(CredentialTestSupport.Start), "SmartSocket");
            FakeRelayBoard board = new FakeRelayBoard();
            SmartSocketApp app = new SmartSocketApp(rig.Device, board);
            rig.SetupAndLogin();
            app.SetRelay(true);
            board.Button(true);
            rig.Clock.AdvanceSeconds(9);
            app.Tick(rig.Clock.NowTicks);
            Assert.IsFalse(rig.Device.Account.IsSetupRequired, "9 s is not yet a long press");
            rig.Clock.AdvanceSeconds(2);
            app.Tick(rig.Clock.NowTicks);
            Assert.IsTrue(rig.Device.Account.IsSetupRequired, "reset while still held");
            Assert.IsFalse(app.RelayOn, "the relay state is user data");
            Assert.IsFalse(board.Relay);
            board.Button(false);
            Assert.IsFalse(app.RelayOn, "the release after a long press does not toggle");
        }

        [TestMethod]
        public void Led_BlinksWhileSetupRequired_ThenFollowsTheRelay()
        {
            Assert.IsTrue(StatusLed.IsLit(true, false, 0));
            Assert.IsFalse(StatusLed.IsLit(true, true, StatusLed.BlinkHalfPeriodTicks));
            Assert.IsTrue(StatusLed.IsLit(true, false, 2 * StatusLed.BlinkHalfPeriodTicks));
            Assert.IsTrue(StatusLed.IsLit(false, true, StatusLed.BlinkHalfPeriodTicks));
            Assert.IsFalse(StatusLed.IsLit(false, false, 0));
        }

        [TestMethod]
        public void Tick_DrivesTheLedOnlyWhenItChanges()
        {
            SampleRig rig = new SampleRig(new MemoryFileSystem(), new ManualClock(0), "SmartSocket");
            FakeRelayBoard board = new FakeRelayBoard();
            SmartSocketApp app = new SmartSocketApp(rig.Device, board);
            app.Tick(0);
            app.Tick(100 * Ms);
            Assert.AreEqual(1, board.LedWrites);
            app.Tick(StatusLed.BlinkHalfPeriodTicks);
            Assert.AreEqual(2, board.LedWrites);
            Assert.IsFalse(board.Led);
        }

        [TestMethod]
        public void Constructor_NullArguments_Throw()
        {
            SampleRig rig = new SampleRig(new MemoryFileSystem(), new ManualClock(0), "SmartSocket");
            Assert.ThrowsException(typeof(ArgumentNullException), () => new SmartSocketApp(null, new FakeRelayBoard()));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new SmartSocketApp(rig.Device, null));
        }
    }
}
