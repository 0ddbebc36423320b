using System;
using nanoFramework.TestFramework;
using NetGuard.Diagnostics;

namespace NetGuard.RateLimiting.Tests
{
    /// <summary>The egress limiter's fan-out cap (distinct destinations per window), seen through its decisions.</summary>
    [TestClass]
    public class FanOutTests
    {
        private const long Second = 10000000;
        private const long Minute = 60 * Second;
        private const int Port = 7000;

        [TestMethod]
        public void ADestinationSeenInTheWindow_IsNotNew()
        {
            EgressLimiter limiter = Limiter(2, Minute);
            Assert.IsTrue(Send(limiter, 1, 0));
            Assert.IsTrue(Send(limiter, 2, 0));

            for (int i = 0; i < 50; i++)
            {
                Assert.IsTrue(Send(limiter, 1, i * Second), "repeat to 1");
                Assert.IsTrue(Send(limiter, 2, i * Second), "repeat to 2");
            }

            AssertFanOutRefused(limiter, 3, 50 * Second, "a third destination is new");
        }

        [TestMethod]
        public void ANewDestinationBeyondTheCap_IsFanOutExceeded_UntilTheOldestLeavesTheWindow()
        {
            EgressLimiter limiter = Limiter(2, Minute);
            Assert.IsTrue(Send(limiter, 1, 0));
            Assert.IsTrue(Send(limiter, 2, 10 * Second));

            Decision refused = limiter.Decide(EgressTransport.Udp, Destination(3), Port, 1, 20 * Second);

            Assert.AreEqual(ReasonCode.FanOutExceeded, refused.Reason);
            Assert.AreEqual(40 * Second, refused.RetryAfterTicks);
            AssertFanOutRefused(limiter, 3, Minute - 1, "one tick early");
            Assert.IsTrue(Send(limiter, 3, Minute), "destination 1 left the window");
            AssertFanOutRefused(limiter, 4, Minute, "2 and 3 are in the window");
        }

        [TestMethod]
        public void EveryUse_KeepsADestinationInTheWindow()
        {
            EgressLimiter limiter = Limiter(1, Minute);
            Assert.IsTrue(Send(limiter, 1, 0));
            Assert.IsTrue(Send(limiter, 1, 50 * Second));

            AssertFanOutRefused(limiter, 2, 100 * Second, "1 was used 50 s ago");
            Assert.IsTrue(Send(limiter, 2, 110 * Second), "a full window after the last use");
        }

        [TestMethod]
        public void ABackwardsClock_FreesNoSlot()
        {
            EgressLimiter limiter = Limiter(1, Minute);
            Assert.IsTrue(Send(limiter, 1, 10 * Minute));

            AssertFanOutRefused(limiter, 2, 0, "the clock stepped back");
            AssertFanOutRefused(limiter, 2, (10 * Minute) + (59 * Second), "1 is still in the window");
            Assert.IsTrue(Send(limiter, 2, 11 * Minute));
        }

        [TestMethod]
        public void AClockJumpOfTheWholeRange_ExpiresEverything()
        {
            EgressLimiter limiter = Limiter(1, Minute);
            Assert.IsTrue(Send(limiter, 1, long.MinValue));
            AssertFanOutRefused(limiter, 2, long.MinValue, "the first window is full");

            Assert.IsTrue(Send(limiter, 2, long.MaxValue));
            AssertFanOutRefused(limiter, 3, long.MaxValue, "the last window is full");
        }

        [TestMethod]
        public void ItsFixedTable_IsReusedAcrossManyWindows()
        {
            EgressLimiter limiter = Limiter(4, Second);

            // 4000 sends over 1000 windows, 4 distinct destinations in each: the table of 4 is recycled, never grown.
            for (int i = 0; i < 4000; i++)
            {
                Assert.IsTrue(Send(limiter, 1 + (i % 8), (i / 4) * Second), "send " + i.ToString());
            }

            AssertFanOutRefused(limiter, 1, 999 * Second, "a fifth destination in the last window");
        }

        // One class to eight destinations on one port, with limits no test reaches, and the fan-out cap under test.
        private static EgressLimiter Limiter(int maxNewDestinations, long windowTicks)
        {
            uint[] destinations = new uint[8];
            for (int i = 0; i < destinations.Length; i++)
            {
                destinations[i] = Destination(i + 1);
            }

            RateLimit roomy = new RateLimit(1000000, 1000000, 1);
            return new EgressLimiter(new EgressPolicyBuilder(new uint[0], 0xC0A80101)
                .AddClass(new EgressClass("Servers", new int[] { Port }, destinations, roomy, roomy, 0))
                .SetFanOut(maxNewDestinations, windowTicks)
                .Build());
        }

        private static bool Send(EgressLimiter limiter, int destination, long now)
        {
            return limiter.Decide(EgressTransport.Udp, Destination(destination), Port, 1, now).IsAccepted;
        }

        private static void AssertFanOutRefused(EgressLimiter limiter, int destination, long now, string what)
        {
            Decision decision = limiter.Decide(EgressTransport.Udp, Destination(destination), Port, 1, now);
            Assert.AreEqual(ReasonCode.FanOutExceeded, decision.Reason, what);
        }

        private static uint Destination(int n)
        {
            return 0x0A000000u + (uint)n;
        }
    }
}
