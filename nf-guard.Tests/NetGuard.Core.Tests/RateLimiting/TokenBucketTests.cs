using System;
using nanoFramework.TestFramework;
using NetGuard.Diagnostics;
using NetGuard.Testing;

namespace NetGuard.RateLimiting.Tests
{
    [TestClass]
    public class TokenBucketTests
    {
        private const long Second = 10000000;

        [TestMethod]
        public void TryTake_StartsFullAndRefusesBeyondBurst()
        {
            TokenBucket bucket = new TokenBucket(4, 1, 64 * Second);

            for (int i = 0; i < 4; i++)
            {
                Assert.IsTrue(bucket.TryTake(1, 0), "token " + i.ToString());
            }

            Assert.IsFalse(bucket.TryTake(1, 0), "fifth token");
        }

        [TestMethod]
        public void TryTake_TakesSeveralTokensAtOnceOnlyWhenAllAreThere()
        {
            TokenBucket bucket = new TokenBucket(10, 1, Second);

            Assert.IsTrue(bucket.TryTake(7, 0));
            Assert.IsFalse(bucket.TryTake(4, 0));
            Assert.IsTrue(bucket.TryTake(3, 0));
            Assert.AreEqual(0L, bucket.GetAvailable(0));
        }

        [TestMethod]
        public void TryTake_RefillsOnlyAtTheEndOfAWholePeriod()
        {
            ManualClock clock = new ManualClock(1000);
            TokenBucket bucket = new TokenBucket(1, 1, 64 * Second);
            Assert.IsTrue(bucket.TryTake(1, clock.NowTicks));

            clock.Advance((64 * Second) - 1);
            Assert.IsFalse(bucket.TryTake(1, clock.NowTicks), "one tick early");

            clock.Advance(1);
            Assert.IsTrue(bucket.TryTake(1, clock.NowTicks), "on the period boundary");
            Assert.IsFalse(bucket.TryTake(1, clock.NowTicks), "only one token per period");
        }

        [TestMethod]
        public void TryTake_ClockStandingStillGrantsNothingNew()
        {
            TokenBucket bucket = new TokenBucket(2, 1, Second);
            Assert.IsTrue(bucket.TryTake(2, 5 * Second));

            for (int i = 0; i < 100; i++)
            {
                Assert.IsFalse(bucket.TryTake(1, 5 * Second));
            }
        }

        [TestMethod]
        public void TryTake_ForwardJumpRefillsAtMostToCapacity()
        {
            TokenBucket bucket = new TokenBucket(4, 1, Second);
            Assert.IsTrue(bucket.TryTake(4, 0));

            long later = 1000000 * Second;
            Assert.AreEqual(4L, bucket.GetAvailable(later));
            Assert.IsTrue(bucket.TryTake(4, later));
            Assert.IsFalse(bucket.TryTake(1, later));
        }

        [TestMethod]
        public void TryTake_JumpOfLongMaxValueDoesNotOverflow()
        {
            TokenBucket bucket = new TokenBucket(long.MaxValue, long.MaxValue, 1);
            Assert.IsTrue(bucket.TryTake(long.MaxValue, 0));
            Assert.IsFalse(bucket.TryTake(1, 0));

            Assert.IsTrue(bucket.TryTake(long.MaxValue, long.MaxValue), "refilled to capacity");
            Assert.IsFalse(bucket.TryTake(1, long.MaxValue), "and no further");
        }

        [TestMethod]
        public void TryTake_JumpAcrossTheWholeRangeOfLongDoesNotOverflow()
        {
            TokenBucket bucket = new TokenBucket(3, 1, 7);
            Assert.IsTrue(bucket.TryTake(3, long.MinValue));
            Assert.IsFalse(bucket.TryTake(1, long.MinValue));

            Assert.AreEqual(3L, bucket.GetAvailable(long.MaxValue));
            Assert.IsTrue(bucket.TryTake(3, long.MaxValue));
            Assert.IsFalse(bucket.TryTake(1, long.MaxValue));
        }

        [TestMethod]
        public void TryTake_BackwardsClockGrantsNothing()
        {
            TokenBucket bucket = new TokenBucket(1, 1, 10 * Second);
            Assert.IsTrue(bucket.TryTake(1, 100 * Second));

            Assert.IsFalse(bucket.TryTake(1, 50 * Second), "a step back");
            Assert.IsFalse(bucket.TryTake(1, 0), "a step far back");
            Assert.IsFalse(bucket.TryTake(1, long.MinValue), "the earliest time there is");
        }

        [TestMethod]
        public void TryTake_BackwardThenForwardStepDoesNotCountTimeTwice()
        {
            TokenBucket bucket = new TokenBucket(1, 1, 10 * Second);
            Assert.IsTrue(bucket.TryTake(1, 0));
            Assert.IsTrue(bucket.TryTake(1, 10 * Second), "one period later");

            Assert.IsFalse(bucket.TryTake(1, 5 * Second), "back 5 s");
            Assert.IsFalse(bucket.TryTake(1, 15 * Second), "forward 10 s is only 5 s past the high-water mark");
            Assert.IsFalse(bucket.TryTake(1, (20 * Second) - 1), "one tick before the next period");
            Assert.IsTrue(bucket.TryTake(1, 20 * Second), "next period");
        }

        [TestMethod]
        public void TryTake_FullBucketDoesNotBankTimeTowardsTheNextToken()
        {
            TokenBucket bucket = new TokenBucket(1, 1, 10 * Second);
            Assert.AreEqual(1L, bucket.GetAvailable(0));

            // Full from 0 to 9 s: those 9 s must not shorten the wait after the take at 9 s.
            Assert.IsTrue(bucket.TryTake(1, 9 * Second));
            Assert.IsFalse(bucket.TryTake(1, 10 * Second));
            Assert.IsFalse(bucket.TryTake(1, (19 * Second) - 1));
            Assert.IsTrue(bucket.TryTake(1, 19 * Second));
        }

        [TestMethod]
        public void TryTake_ZeroTokensIsAlwaysGrantedAndChangesNothing()
        {
            TokenBucket bucket = new TokenBucket(1, 1, Second, 15 * Second);
            Assert.IsTrue(bucket.TryTake(1, 0));

            Assert.IsTrue(bucket.TryTake(0, 0), "nothing left, yet zero tokens are granted");
            Assert.AreEqual(0L, bucket.GetAvailable(0));
            Assert.IsTrue(bucket.TryTake(0, 10 * Second), "inside the minimum interval");
            Assert.IsTrue(bucket.TryTake(1, 15 * Second), "the empty take at 10 s did not restart the interval");
        }

        [TestMethod]
        public void Decide_AcceptsWithinBurst()
        {
            TokenBucket bucket = new TokenBucket(2, 1, Second);

            Decision decision = bucket.Decide(2, 0);

            Assert.IsTrue(decision.IsAccepted);
            Assert.AreEqual(ReasonCode.Accepted, decision.Reason);
            Assert.AreEqual(0L, decision.RetryAfterTicks);
        }

        [TestMethod]
        public void Decide_RefusesWithRateLimitedAndExactRetryAfter()
        {
            TokenBucket bucket = new TokenBucket(10, 1, 6 * Second);
            Assert.IsTrue(bucket.Decide(10, 0).IsAccepted);

            Decision decision = bucket.Decide(1, 2 * Second);

            Assert.IsFalse(decision.IsAccepted);
            Assert.AreEqual(ReasonCode.RateLimited, decision.Reason);
            Assert.AreEqual(4 * Second, decision.RetryAfterTicks);
            Assert.IsFalse(bucket.TryTake(1, (6 * Second) - 1), "one tick before the advertised time");
            Assert.IsTrue(bucket.TryTake(1, 6 * Second), "at the advertised time");
        }

        [TestMethod]
        public void Decide_RetryAfterCoversSeveralPeriods()
        {
            TokenBucket bucket = new TokenBucket(10, 2, Second);
            Assert.IsTrue(bucket.TryTake(10, 0));

            Decision decision = bucket.Decide(5, Second / 2);

            Assert.AreEqual(ReasonCode.RateLimited, decision.Reason);
            Assert.AreEqual((3 * Second) - (Second / 2), decision.RetryAfterTicks);
        }

        [TestMethod]
        public void Decide_RefusesMoreThanCapacityAsTooLargeWithoutWait()
        {
            TokenBucket bucket = new TokenBucket(10, 1, Second);

            Decision tooLarge = bucket.Decide(11, 0);
            Decision fits = bucket.Decide(10, 0);

            Assert.AreEqual(ReasonCode.TooLarge, tooLarge.Reason);
            Assert.AreEqual(0L, tooLarge.RetryAfterTicks);
            Assert.IsTrue(fits.IsAccepted, "the refusal charged nothing");
        }

        [TestMethod]
        public void Decide_MinimumIntervalRefusesTooSoonAndSaysHowLong()
        {
            TokenBucket bucket = new TokenBucket(4, 1, 64 * Second, 15 * Second);
            Assert.IsTrue(bucket.Decide(1, 0).IsAccepted);

            Decision early = bucket.Decide(1, 14 * Second);
            Assert.AreEqual(ReasonCode.RateLimited, early.Reason);
            Assert.AreEqual(Second, early.RetryAfterTicks);
            Assert.IsFalse(bucket.TryTake(1, (15 * Second) - 1), "one tick early");
            Assert.IsTrue(bucket.TryTake(1, 15 * Second), "at the floor");
        }

        [TestMethod]
        public void Decide_MinimumIntervalIsNotShortenedByABackwardsClock()
        {
            TokenBucket bucket = new TokenBucket(4, 1, 64 * Second, 15 * Second);
            Assert.IsTrue(bucket.TryTake(1, 100 * Second));

            Decision decision = bucket.Decide(1, 0);

            Assert.AreEqual(ReasonCode.RateLimited, decision.Reason);
            Assert.AreEqual(15 * Second, decision.RetryAfterTicks);
        }

        [TestMethod]
        public void Decide_RetryAfterIsTheLongerOfFloorAndRefill()
        {
            TokenBucket bucket = new TokenBucket(1, 1, 64 * Second, 15 * Second);
            Assert.IsTrue(bucket.TryTake(1, 0));

            Assert.AreEqual(60 * Second, bucket.Decide(1, 4 * Second).RetryAfterTicks);
        }

        [TestMethod]
        public void TryTake_ThrowsOnNegativeTokens()
        {
            TokenBucket bucket = new TokenBucket(1, 1, 1);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => bucket.TryTake(-1, 0));
            NetworkTestKit.ThrowsOutOfRange("tokens", () => bucket.Decide(-1, 0));
        }

        [TestMethod]
        public void Constructor_RejectsEachOutOfRangeArgumentByName()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new TokenBucket(0, 1, 1));
            NetworkTestKit.ThrowsOutOfRange("capacity", () => new TokenBucket(0, 1, 1));
            NetworkTestKit.ThrowsOutOfRange("capacity", () => new TokenBucket(-5, 1, 1));
            NetworkTestKit.ThrowsOutOfRange("tokensPerPeriod", () => new TokenBucket(1, 0, 1));
            NetworkTestKit.ThrowsOutOfRange("periodTicks", () => new TokenBucket(1, 1, 0));
            NetworkTestKit.ThrowsOutOfRange("minimumIntervalTicks", () => new TokenBucket(1, 1, 1, -1));
        }

        [TestMethod]
        public void Constructor_AcceptsTheSmallestValidArguments()
        {
            TokenBucket bucket = new TokenBucket(1, 1, 1, 0);

            Assert.AreEqual(1L, bucket.Capacity);
            Assert.AreEqual(1L, bucket.TokensPerPeriod);
            Assert.AreEqual(1L, bucket.PeriodTicks);
            Assert.AreEqual(0L, bucket.MinimumIntervalTicks);
        }
    }
}
