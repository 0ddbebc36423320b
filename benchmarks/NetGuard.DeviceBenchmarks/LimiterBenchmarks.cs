using nanoFramework.TestFramework;
using NetGuard.RateLimiting;

namespace NetGuard.DeviceBenchmarks
{
    /// <summary>The egress limiter's per-packet cost.</summary>
    [TestClass]
    public class LimiterBenchmarks
    {
        private const uint Resolver = 0xC0A80101; // 192.168.1.1

        [TestMethod]
        public void Decide()
        {
            EgressLimiter limiter = new EgressLimiter(EgressPolicy.CreateDefault(new uint[] { Resolver }, Resolver));
            const int Operations = 200;
            long[] ticks = new long[3];
            long now = 0;
            for (int b = 0; b < ticks.Length; b++)
            {
                long start = BenchReport.NowTicks();
                for (int i = 0; i < Operations; i++)
                {
                    // A minute apart: every decision is admitted (10 DNS queries per minute, burst 10).
                    now += 60 * System.TimeSpan.TicksPerSecond;
                    limiter.Decide(EgressTransport.Udp, Resolver, 53, 40, now);
                }

                ticks[b] = BenchReport.NowTicks() - start;
            }

            BenchReport.ReportMicroseconds("limiter-decision", ticks, Operations);
        }
    }
}
