using System;
using nanoFramework.TestFramework;
using NetGuard.Testing;

namespace NetGuard.Platform.Tests
{
    [TestClass]
    public class ManualClockTests
    {
        [TestMethod]
        public void Advance_MovesForwardExactly()
        {
            var clock = new ManualClock(100);

            clock.Advance(50);
            clock.AdvanceSeconds(2);

            Assert.AreEqual(150 + 2 * TimeSpan.TicksPerSecond, clock.NowTicks);
        }

        [TestMethod]
        public void Advance_Backwards_Throws()
        {
            var clock = new ManualClock(0);

            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => clock.Advance(-1));
            Assert.AreEqual(0L, clock.NowTicks);
        }

        [TestMethod]
        public void Advance_PastMaximum_ThrowsAndKeepsTime()
        {
            var clock = new ManualClock(long.MaxValue - 1);

            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => clock.Advance(2));
            Assert.AreEqual(long.MaxValue - 1, clock.NowTicks);
        }

        [TestMethod]
        public void Constructor_NegativeStart_Throws()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new ManualClock(-1));
        }
    }
}
