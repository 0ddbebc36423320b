using nanoFramework.TestFramework;
using NetGuard.Credentials;

namespace NetGuard.DeviceBenchmarks
{
    /// <summary>
    /// The password blocklist lookup (issue 16): a listed word tests all nine filter bits, so it copies the most
    /// chunks from flash; an unlisted word usually stops at its first clear bit.
    /// </summary>
    [TestClass]
    public class BlocklistBenchmarks
    {
        private const int Batches = 3;
        private const int Lookups = 20;

        [TestMethod]
        public void Lookup()
        {
            long[] listed = new long[Batches];
            long[] unlisted = new long[Batches];
            for (int b = 0; b < Batches; b++)
            {
                long start = BenchReport.NowTicks();
                for (int i = 0; i < Lookups; i++)
                {
                    Assert.IsTrue(PasswordBlocklist.Contains("dragon"));
                }

                listed[b] = BenchReport.NowTicks() - start;
                start = BenchReport.NowTicks();
                for (int i = 0; i < Lookups; i++)
                {
                    Assert.IsFalse(PasswordBlocklist.Contains("quorvane-lantern-47"));
                }

                unlisted[b] = BenchReport.NowTicks() - start;
            }

            BenchReport.ReportMicroseconds("blocklist-lookup-listed", listed, Lookups);
            BenchReport.ReportMicroseconds("blocklist-lookup-unlisted", unlisted, Lookups);
        }
    }
}
