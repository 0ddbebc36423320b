using System;
using nanoFramework.TestFramework;
using NetGuard.Testing;
using NetGuard.Diagnostics;

namespace NetGuard.RateLimiting.Tests
{
    [TestClass]
    public class FanOutLimiterTests
    {
        private const long Second = 10000000;
        private const long Minute = 60 * Second;

        [TestMethod]
        public void TryAdmit_AdmitsSixteenDistinctDestinationsThenRefusesTheSeventeenth()
        {
            FanOutLimiter limiter = new FanOutLimiter(16, Minute);

            for (uint i = 1; i <= 16; i++)
            {
                Assert.IsTrue(limiter.TryAdmit(0x0A000000 + i, i * Second), "destination " + i.ToString());
            }

            Assert.IsFalse(limiter.TryAdmit(0x0A000011, 17 * Second));
            Assert.AreEqual(16, limiter.CountInWindow(17 * Second));
        }

        [TestMethod]
        public void TryAdmit_ADestinationSeenInTheWindowIsNotNew()
        {
            FanOutLimiter limiter = new FanOutLimiter(2, Minute);
            Assert.IsTrue(limiter.TryAdmit(1, 0));
            Assert.IsTrue(limiter.TryAdmit(2, 0));

            for (int i = 0; i < 50; i++)
            {
                Assert.IsTrue(limiter.TryAdmit(1, i * Second), "repeat to 1");
                Assert.IsTrue(limiter.TryAdmit(2, i * Second), "repeat to 2");
            }

            Assert.IsFalse(limiter.TryAdmit(3, 50 * Second), "a third destination is new");
        }

        [TestMethod]
        public void Decide_RefusesWithFanOutExceededUntilTheOldestLeavesTheWindow()
        {
            FanOutLimiter limiter = new FanOutLimiter(2, Minute);
            Assert.IsTrue(limiter.Decide(1, 0).IsAccepted);
            Assert.IsTrue(limiter.Decide(2, 10 * Second).IsAccepted);

            Decision refused = limiter.Decide(3, 20 * Second);

            Assert.AreEqual(ReasonCode.FanOutExceeded, refused.Reason);
            Assert.AreEqual(40 * Second, refused.RetryAfterTicks);
            Assert.IsFalse(limiter.TryAdmit(3, Minute - 1), "one tick early");
            Assert.IsTrue(limiter.TryAdmit(3, Minute), "destination 1 left the window");
            Assert.IsFalse(limiter.TryAdmit(4, Minute), "2 and 3 are in the window");
        }

        [TestMethod]
        public void TryAdmit_EveryUseKeepsADestinationInTheWindow()
        {
            FanOutLimiter limiter = new FanOutLimiter(1, Minute);
            Assert.IsTrue(limiter.TryAdmit(1, 0));
            Assert.IsTrue(limiter.TryAdmit(1, 50 * Second));

            Assert.IsFalse(limiter.TryAdmit(2, 100 * Second), "1 was used 50 s ago");
            Assert.IsTrue(limiter.TryAdmit(2, 110 * Second), "a full window after the last use");
        }

        [TestMethod]
        public void TryAdmit_ABackwardsClockFreesNoSlot()
        {
            FanOutLimiter limiter = new FanOutLimiter(1, Minute);
            Assert.IsTrue(limiter.TryAdmit(1, 10 * Minute));

            Assert.IsFalse(limiter.TryAdmit(2, 0));
            Assert.IsFalse(limiter.TryAdmit(2, 10 * Minute + 59 * Second));
            Assert.IsTrue(limiter.TryAdmit(2, 11 * Minute));
        }

        [TestMethod]
        public void TryAdmit_AClockJumpOfLongMaxValueExpiresEverything()
        {
            FanOutLimiter limiter = new FanOutLimiter(1, Minute);
            Assert.IsTrue(limiter.TryAdmit(1, long.MinValue));
            Assert.IsFalse(limiter.TryAdmit(2, long.MinValue));

            Assert.IsTrue(limiter.TryAdmit(2, long.MaxValue));
            Assert.IsFalse(limiter.TryAdmit(3, long.MaxValue));
        }

        [TestMethod]
        public void TryAdmit_ReusesItsFixedTableAcrossManyWindows()
        {
            FanOutLimiter limiter = new FanOutLimiter(4, Second);

            // 4000 distinct destinations over 1000 windows: the table of 4 is recycled, never grown.
            for (uint i = 0; i < 4000; i++)
            {
                long now = (i / 4) * Second;
                Assert.IsTrue(limiter.TryAdmit(0x0A000000 + i, now), "destination " + i.ToString());
            }

            Assert.IsFalse(limiter.TryAdmit(0x0B000000, 999 * Second));
            Assert.AreEqual(4, limiter.MaxNewDestinations);
            Assert.AreEqual(4, limiter.CountInWindow(999 * Second));
        }

        [TestMethod]
        public void Constructor_RejectsEachOutOfRangeArgumentByName()
        {
            NetworkTestKit.ThrowsOutOfRange("maxNewDestinations", () => new FanOutLimiter(0, Second));
            NetworkTestKit.ThrowsOutOfRange("maxNewDestinations", () => new FanOutLimiter(257, Second));
            NetworkTestKit.ThrowsOutOfRange("windowTicks", () => new FanOutLimiter(1, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new FanOutLimiter(-1, Second));

            FanOutLimiter largest = new FanOutLimiter(256, 1);
            Assert.AreEqual(256, largest.MaxNewDestinations);
            Assert.AreEqual(1L, largest.WindowTicks);
        }
    }
}
