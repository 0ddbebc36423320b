using nanoFramework.TestFramework;
using NetGuard.Credentials;

namespace NetGuard.DeviceBenchmarks
{
    /// <summary>
    /// The password blocklist lookup (issue 16), for two words of the same length so that hashing costs the same: a
    /// listed word tests all nine filter bits and copies every chunk they fall in (the worst case); an unlisted word
    /// stops at its first clear bit. A password check looks up at most two words (the password and its core).
    /// </summary>
    [TestClass]
    public class BlocklistBenchmarks
    {
        private const int Batches = 3;
        private const int Lookups = 20;
        private const string Listed = "sunshine";
        private const string Unlisted = "vornakle";

        [TestMethod]
        public void Lookup()
        {
            Assert.IsTrue(PasswordBlocklist.Contains(Listed));
            Assert.IsFalse(PasswordBlocklist.Contains(Unlisted));
            long[] listed = new long[Batches];
            long[] unlisted = new long[Batches];
            int found = 0;
            for (int b = 0; b < Batches; b++)
            {
                long start = BenchReport.NowTicks();
                for (int i = 0; i < Lookups; i++)
                {
                    found += PasswordBlocklist.Contains(Listed) ? 1 : 0;
                }

                listed[b] = BenchReport.NowTicks() - start;
                start = BenchReport.NowTicks();
                for (int i = 0; i < Lookups; i++)
                {
                    found += PasswordBlocklist.Contains(Unlisted) ? 1 : 0;
                }

                unlisted[b] = BenchReport.NowTicks() - start;
            }

            Assert.AreEqual(Batches * Lookups, found);
            BenchReport.ReportMicroseconds("blocklist-lookup-listed", listed, Lookups);
            BenchReport.ReportMicroseconds("blocklist-lookup-unlisted", unlisted, Lookups);
        }
    }
}
