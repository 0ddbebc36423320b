using System;
using System.Threading.RateLimiting;
using BenchmarkDotNet.Attributes;
using NetGuard.Diagnostics;
using NetGuard.RateLimiting;

namespace NetGuard.Benchmarks.RateLimiting
{
    /// <summary>
    /// The egress limiter's hot paths against System.Threading.RateLimiting's TokenBucketRateLimiter
    /// (the baseline): its AttemptAcquire(1) success path, configured alike (a capacity so large that
    /// every call succeeds, AutoReplenishment off), versus a bare <see cref="TokenBucket.TryTake"/> and
    /// one full <see cref="EgressLimiter.Decide"/> (classification, fan-out check of an already-seen
    /// destination, packet and byte buckets, counters). Targets: TryTake at least 1.5x faster than the
    /// baseline, a decision no slower, 0 bytes allocated per call. Results: docs/benchmarks.md, "Egress limiter".
    /// </summary>
    [MemoryDiagnoser]
    public class EgressLimiterBenchmarks
    {
        private static readonly uint Resolver = Ipv4.FromBytes(192, 168, 1, 1);
        private static readonly uint NtpServer = Ipv4.FromBytes(192, 168, 1, 2);

        private TokenBucketRateLimiter _baseline = null!;
        private TokenBucket _bucket = null!;
        private EgressLimiter _limiter = null!;
        private EgressPolicy _defaultPolicy = null!;
        private long _now;

        [GlobalSetup]
        public void Setup()
        {
            _baseline = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = int.MaxValue,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = false,
            });

            // Same shape: a capacity that never runs out, so every call takes the success path.
            _bucket = new TokenBucket(long.MaxValue, 1, TimeSpan.TicksPerSecond);

            // The default policy with DNS widened so that every decision is admitted; DNS stays the
            // second class, so classification walks past NTP first as it would on a device.
            RateLimit wide = new RateLimit(long.MaxValue, 1, TimeSpan.TicksPerSecond);
            EgressClass dns = new EgressClass(EgressDefaults.DnsName, new[] { 53 }, new[] { Resolver }, wide, wide, 0);
            EgressPolicy policy = new EgressPolicyBuilder(new[] { NtpServer }, Resolver).ReplaceClass(dns).Build();
            _limiter = new EgressLimiter(policy);
            _defaultPolicy = EgressPolicy.CreateDefault(new[] { NtpServer }, Resolver);
            _now = TimeSpan.TicksPerSecond;

            // The destination is now "already seen" by the fan-out table.
            if (!_limiter.Decide(EgressTransport.Udp, Resolver, 53, 40, _now).IsAccepted)
            {
                throw new InvalidOperationException("set-up decision refused");
            }
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _baseline.Dispose();
        }

        /// <summary>System.Threading.RateLimiting: TokenBucketRateLimiter.AttemptAcquire(1), success path.</summary>
        [Benchmark(Baseline = true)]
        public bool AttemptAcquire()
        {
            using RateLimitLease lease = _baseline.AttemptAcquire(1);
            return lease.IsAcquired;
        }

        /// <summary>NetGuard: a bare TokenBucket.TryTake(1) with a clock that moves 100 ns per call.</summary>
        [Benchmark]
        public bool TokenBucketTryTake()
        {
            return _bucket.TryTake(1, ++_now);
        }

        /// <summary>NetGuard: one full egress decision for a 40-byte DNS query to the configured resolver.</summary>
        [Benchmark]
        public bool EgressDecision()
        {
            Decision decision = _limiter.Decide(EgressTransport.Udp, Resolver, 53, 40, ++_now);
            return decision.IsAccepted;
        }

        /// <summary>The default limiter's size: everything its constructor allocates is retained (see Allocated).</summary>
        [Benchmark]
        public EgressLimiter ConstructDefaultLimiter()
        {
            return new EgressLimiter(_defaultPolicy);
        }
    }
}
