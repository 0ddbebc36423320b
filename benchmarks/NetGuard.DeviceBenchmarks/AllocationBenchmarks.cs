using nanoFramework.TestFramework;
using NetGuard.Diagnostics;
using NetGuard.Network;
using NetGuard.Platform;
using NetGuard.RateLimiting;
using NetGuard.Testing;

namespace NetGuard.DeviceBenchmarks
{
    /// <summary>Heap allocated per egress decision (admitted) and per refusal, measured by <see cref="AllocationMeter"/>.</summary>
    [TestClass]
    public class AllocationBenchmarks
    {
        private const uint Resolver = 0xC0A80101; // 192.168.1.1

        /// <summary>Admitted DNS queries, a minute apart, through the limiter alone.</summary>
        [TestMethod]
        public void AdmittedDecision()
        {
            AdmittedDecisions operation = new AdmittedDecisions(new EgressLimiter(EgressPolicy.CreateDefault(new uint[] { Resolver }, Resolver)));
            double bound;
            double perCall = AllocationMeter.BytesPerCall(operation, 100000, out bound);
            Assert.IsTrue(operation.AllAdmitted, "every measured decision is an admitted one");
            BenchReport.Report("decision-alloc", perCall, "B");
            BenchReport.Report("decision-alloc-bound", bound, "B");
        }

        /// <summary>Outbound TCP asked of the guard: refused, counted and logged.</summary>
        [TestMethod]
        public void Refusal()
        {
            ManualClock clock = new ManualClock(0);
            NetworkGuard guard = new NetworkGuard(NetworkTestKit.Policy(), new FakeSocketLayer(), clock);
            Refusals operation = new Refusals(guard);
            double bound;
            double perCall = AllocationMeter.BytesPerCall(operation, 5000, out bound);
            Assert.IsTrue(operation.AllRefused, "every measured request is refused");
            BenchReport.Report("refusal-alloc", perCall, "B");
        }

        private sealed class AdmittedDecisions : IBenchOperation
        {
            private readonly EgressLimiter _limiter;
            private long _now;

            public AdmittedDecisions(EgressLimiter limiter)
            {
                _limiter = limiter;
                AllAdmitted = true;
            }

            public bool AllAdmitted { get; private set; }

            public void Run()
            {
                _now += 60 * System.TimeSpan.TicksPerSecond;
                if (!_limiter.Decide(EgressTransport.Udp, Resolver, 53, 40, _now).IsAccepted)
                {
                    AllAdmitted = false;
                }
            }
        }

        private sealed class Refusals : IBenchOperation
        {
            private readonly NetworkGuard _guard;

            public Refusals(NetworkGuard guard)
            {
                _guard = guard;
                AllRefused = true;
            }

            public bool AllRefused { get; private set; }

            public void Run()
            {
                if (_guard.RequestOutbound(EgressTransport.TcpConnect, 0x08080808, 23).Reason != ReasonCode.OutboundTcpForbidden)
                {
                    AllRefused = false;
                }
            }
        }
    }
}
