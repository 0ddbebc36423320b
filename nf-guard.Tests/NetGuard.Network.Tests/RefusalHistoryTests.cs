using System;
using nanoFramework.TestFramework;
using NetGuard.Diagnostics;

namespace NetGuard.Network.Tests
{
    /// <summary>The per-minute ring behind the admin page's chart.</summary>
    [TestClass]
    public class RefusalHistoryTests
    {
        private const long Minute = 60 * TimeSpan.TicksPerSecond;

        [TestMethod]
        public void Record_CountsInTheCurrentMinute_OldestFirst()
        {
            RefusalHistory history = new RefusalHistory();
            long start = 1000 * Minute;
            history.Record(start);
            history.Record(start + 10 * TimeSpan.TicksPerSecond);
            history.Record(start + 2 * Minute);
            int[] counts = new int[RefusalHistory.Minutes];

            history.CopyTo(start + 2 * Minute + 1, counts);

            Assert.AreEqual(1, counts[59], "this minute");
            Assert.AreEqual(0, counts[58], "a quiet minute");
            Assert.AreEqual(2, counts[57], "two minutes ago");
            int total = 0;
            for (int i = 0; i < counts.Length; i++)
            {
                total += counts[i];
            }

            Assert.AreEqual(3, total);
        }

        [TestMethod]
        public void CopyTo_ForgetsWhatIsOlderThanAnHour()
        {
            RefusalHistory history = new RefusalHistory();
            history.Record(0);
            history.Record(59 * Minute);
            int[] counts = new int[RefusalHistory.Minutes];

            history.CopyTo(59 * Minute, counts);
            Assert.AreEqual(1, counts[0], "59 minutes ago is still in the hour");
            Assert.AreEqual(1, counts[59]);

            history.CopyTo(60 * Minute, counts);
            Assert.AreEqual(1, counts[58]);
            Assert.AreEqual(0, counts[0], "an hour ago has left the chart");

            history.CopyTo(500 * Minute, counts);
            for (int i = 0; i < counts.Length; i++)
            {
                Assert.AreEqual(0, counts[i], "long quiet: all clear");
            }
        }

        [TestMethod]
        public void CopyTo_RefusesAShortArray()
        {
            RefusalHistory history = new RefusalHistory();
            Assert.ThrowsException(typeof(ArgumentException), () => history.CopyTo(0, new int[RefusalHistory.Minutes - 1]));
            Assert.ThrowsException(typeof(ArgumentNullException), () => history.CopyTo(0, null));
        }
    }
}
