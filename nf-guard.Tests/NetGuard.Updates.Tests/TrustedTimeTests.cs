using System;
using nanoFramework.TestFramework;
using NetGuard.Storage;
using NetGuard.Testing;

namespace NetGuard.Updates.Tests
{
    [TestClass]
    public class TrustedTimeTests
    {
        private const long Second = TimeSpan.TicksPerSecond;

        [TestMethod]
        public void UnknownUntilASourceSpeaks()
        {
            TrustedTime time = new TrustedTime(new ManualClock(0), null);
            long now;
            Assert.IsFalse(time.TryGetUnixSeconds(out now));
        }

        [TestMethod]
        public void WallClockIsCarriedForwardOnTheMonotonicClock()
        {
            ManualClock clock = new ManualClock(0);
            TrustedTime time = new TrustedTime(clock, null);
            time.SetWallClock(1000);
            clock.Advance(50 * Second);
            long now;
            Assert.IsTrue(time.TryGetUnixSeconds(out now));
            Assert.AreEqual(1050L, now);
        }

        [TestMethod]
        public void RollingTheWallClockBackCannotGoBelowAuthenticatedTime()
        {
            ManualClock clock = new ManualClock(0);
            TrustedTime time = new TrustedTime(clock, null);
            time.ObserveAuthenticated(5000);
            time.SetWallClock(1000); // a forged SNTP reply
            clock.Advance(10 * Second);
            long now;
            Assert.IsTrue(time.TryGetUnixSeconds(out now));
            Assert.AreEqual(5010L, now);
        }

        [TestMethod]
        public void LaterWallClockWins()
        {
            TrustedTime time = new TrustedTime(new ManualClock(0), null);
            time.ObserveAuthenticated(5000);
            time.SetWallClock(9000);
            long now;
            time.TryGetUnixSeconds(out now);
            Assert.AreEqual(9000L, now);
        }

        [TestMethod]
        public void AuthenticatedFloorSurvivesRestart()
        {
            SlotRecordStore store = MemoryRecords.Create();
            new TrustedTime(new ManualClock(0), store).ObserveAuthenticated(7000);
            TrustedTime restarted = new TrustedTime(new ManualClock(123), store);
            long now;
            Assert.IsTrue(restarted.TryGetUnixSeconds(out now));
            Assert.AreEqual(7000L, now);
        }

        [TestMethod]
        public void OlderAuthenticatedTimeDoesNotLowerTheFloor()
        {
            TrustedTime time = new TrustedTime(new ManualClock(0), null);
            time.ObserveAuthenticated(7000);
            time.ObserveAuthenticated(6000);
            long now;
            time.TryGetUnixSeconds(out now);
            Assert.AreEqual(7000L, now);
        }

        [TestMethod]
        public void RejectsNonPositiveTimes()
        {
            TrustedTime time = new TrustedTime(new ManualClock(0), null);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => time.SetWallClock(0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => time.ObserveAuthenticated(-1));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new TrustedTime(null, null));
        }
    }
}
