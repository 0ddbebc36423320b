using nanoFramework.TestFramework;

namespace NetGuard.Updates.Tests
{
    [TestClass]
    public class UnixTimeTests
    {
        [TestMethod]
        [DataRow(0L, "1970-01-01T00:00:00Z")]
        [DataRow(951782400L, "2000-02-29T00:00:00Z")]
        [DataRow(1795893024L, "2026-11-28T19:10:24Z")]
        [DataRow(4107542399L, "2100-02-28T23:59:59Z")]
        [DataRow(253402300799L, "9999-12-31T23:59:59Z")]
        public void ToIso8601_FormatsUtc(long seconds, string expected)
        {
            Assert.AreEqual(expected, UnixTime.ToIso8601(seconds));
        }
    }
}
