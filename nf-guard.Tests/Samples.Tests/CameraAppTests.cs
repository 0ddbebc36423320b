using System;
using nanoFramework.TestFramework;
using NetGuard.Diagnostics;
using NetGuard.Samples.Camera;
using NetGuard.Testing;
using NetGuard.Http.Tests;

namespace NetGuard.Samples.Tests
{
    [TestClass]
    public class CameraAppTests
    {
        [TestMethod]
        public void Snapshot_BeforeSetup_Is403()
        {
            SampleRig rig = new SampleRig(new MemoryFileSystem(), new ManualClock(CredentialTestSupport.Start), "Camera");
            new CameraApp(rig.Device, new TestPatternFrameSource());
            HttpTestKit.AssertRefused(rig.Send("GET", "/api/snapshot", null, null), 403, ReasonCode.SetupRequired);
        }

        [TestMethod]
        public void Snapshot_AfterSetupWithoutToken_Is401()
        {
            SampleRig rig = new SampleRig(new MemoryFileSystem(), new ManualClock(CredentialTestSupport.Start), "Camera");
            new CameraApp(rig.Device, new TestPatternFrameSource());
            rig.SetupAndLogin();
            HttpTestKit.AssertRefused(rig.Send("GET", "/api/snapshot", null, null), 401, ReasonCode.Unauthorized);
        }

        [TestMethod]
        public void Snapshot_WithToken_IsTheJpegTestPattern()
        {
            SampleRig rig = new SampleRig(new MemoryFileSystem(), new ManualClock(CredentialTestSupport.Start), "Camera");
            new CameraApp(rig.Device, new TestPatternFrameSource());
            string token = rig.SetupAndLogin();
            FakeConnection c = rig.Send("GET", "/api/snapshot", token, null);
            Assert.AreEqual(200, HttpTestKit.Status(c));
            Assert.AreEqual("image/jpeg", HttpTestKit.Header(c, "Content-Type"));
            byte[] sent = c.SentBytes();
            string text = c.SentText();
            int start = text.IndexOf("\r\n\r\n") + 4;
            Assert.AreEqual((byte)0xFF, sent[start]);
            Assert.AreEqual((byte)0xD8, sent[start + 1]);
            Assert.AreEqual((byte)0xFF, sent[sent.Length - 2]);
            Assert.AreEqual((byte)0xD9, sent[sent.Length - 1]);
        }

        [TestMethod]
        public void FrameSource_SmallBuffer_IsTooLarge()
        {
            ReasonCode reason;
            Assert.AreEqual(0, new TestPatternFrameSource().Capture(new byte[10], out reason));
            Assert.AreEqual((object)ReasonCode.TooLarge, (object)reason);
        }

        [TestMethod]
        public void Constructor_NullArguments_Throw()
        {
            SampleRig rig = new SampleRig(new MemoryFileSystem(), new ManualClock(0), "Camera");
            Assert.ThrowsException(typeof(ArgumentNullException), () => new CameraApp(null, new TestPatternFrameSource()));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new CameraApp(rig.Device, null));
        }
    }
}
