#nullable enable
using System.Collections.Generic;
using System.Numerics;
using CsCheck;
using NetGuard.Diagnostics;
using NetGuard.RateLimiting;

namespace NetGuard.HostTests.RateLimiting
{
    /// <summary>
    /// Property tests of TokenBucket: for any sequence of sends, whatever the clock does, the tokens
    /// granted never exceed capacity + floor(elapsed / period) * tokensPerPeriod (which is at most
    /// capacity + floor(elapsed * rate)), computed exactly in BigInteger; and every decision equals an
    /// unbounded-integer reference model. Each property runs under CsCheck (random, shrinking, seed
    /// printed on failure) and again over a fixed-seed replay so a run is reproducible.
    /// </summary>
    public class TokenBucketPropertyTests
    {
        private const int FixedSeed = 20161021; // the day of the Dyn attack

        // A scenario: bucket shape plus (time step, size) sends. Steps may be 0, huge, or negative.
        public sealed record Scenario(long Capacity, long TokensPerPeriod, long Period, long MinimumInterval, long Start, long[] Steps, long[] Sizes)
        {
            public override string ToString()
            {
                return $"cap={Capacity} tpp={TokensPerPeriod} period={Period} min={MinimumInterval} start={Start} steps=[{string.Join(",", Steps)}] sizes=[{string.Join(",", Sizes)}]";
            }
        }

        private static readonly Gen<long> ForwardStep = Gen.Frequency(
            (4, Gen.Long[0, 10]),
            (4, Gen.Long[0, 1000]),
            (2, Gen.Long[0, 100_000_000]));

        private static readonly Gen<long> WildStep = Gen.Frequency(
            (4, Gen.Long[0, 1000]),
            (2, Gen.Long[-1000, 0]),
            (1, Gen.Long[long.MinValue / 2, 0]),
            (1, Gen.Long[0, long.MaxValue]),
            (1, Gen.Const(long.MaxValue)),
            (1, Gen.Const(long.MinValue)));

        private static Gen<Scenario> Scenarios(Gen<long> step, Gen<long> start)
        {
            return from capacity in Gen.Frequency((3, Gen.Long[1, 20]), (1, Gen.Long[1, long.MaxValue]))
                   from tokensPerPeriod in Gen.Frequency((3, Gen.Long[1, 5]), (1, Gen.Long[1, long.MaxValue]))
                   from period in Gen.Frequency((3, Gen.Long[1, 1000]), (1, Gen.Long[1, long.MaxValue]))
                   from minimumInterval in Gen.Frequency((3, Gen.Const(0L)), (1, Gen.Long[0, 5000]))
                   from startTicks in start
                   from count in Gen.Int[1, 60]
                   from steps in step.Array[count]
                   from sizes in Gen.Frequency((4, Gen.Long[0, 4]), (1, Gen.Long[0, 40]), (1, Gen.Long[0, long.MaxValue])).Array[count]
                   select new Scenario(capacity, tokensPerPeriod, period, minimumInterval, startTicks, steps, sizes);
        }

        private static Scenario RandomScenario(Random random, bool wild)
        {
            long Pick(long[] values) => values[random.Next(values.Length)];
            long capacity = random.Next(4) == 0 ? random.NextInt64(1, long.MaxValue) : random.NextInt64(1, 21);
            long tokensPerPeriod = random.Next(4) == 0 ? random.NextInt64(1, long.MaxValue) : random.NextInt64(1, 6);
            long period = random.Next(4) == 0 ? random.NextInt64(1, long.MaxValue) : random.NextInt64(1, 1001);
            long minimumInterval = random.Next(4) == 0 ? random.NextInt64(0, 5001) : 0;
            long start = wild ? Pick(new[] { long.MinValue, -1L, 0L, random.NextInt64(), long.MaxValue - 10 }) : random.NextInt64(0, 1000);
            int count = random.Next(1, 61);
            long[] steps = new long[count];
            long[] sizes = new long[count];
            for (int i = 0; i < count; i++)
            {
                steps[i] = wild
                    ? Pick(new[] { random.NextInt64(0, 1001), -random.NextInt64(0, 1001), random.NextInt64(long.MinValue / 2, 0), random.NextInt64(0, long.MaxValue), long.MaxValue, long.MinValue })
                    : Pick(new[] { random.NextInt64(0, 11), random.NextInt64(0, 1001), random.NextInt64(0, 100_000_001) });
                sizes[i] = Pick(new[] { random.NextInt64(0, 5), random.NextInt64(0, 41), random.NextInt64(0, long.MaxValue) });
            }

            return new Scenario(capacity, tokensPerPeriod, period, minimumInterval, start, steps, sizes);
        }

        private static long Saturating(long now, long step)
        {
            BigInteger sum = (BigInteger)now + step;
            return sum > long.MaxValue ? long.MaxValue : sum < long.MinValue ? long.MinValue : (long)sum;
        }

        // Runs the scenario on a real bucket and the model; checks the bound and the model after every send.
        private static void Check(Scenario s)
        {
            TokenBucket bucket = new TokenBucket(s.Capacity, s.TokensPerPeriod, s.Period, s.MinimumInterval);
            TokenBucketModel model = new TokenBucketModel(s.Capacity, s.TokensPerPeriod, s.Period, s.MinimumInterval);
            long now = s.Start;
            BigInteger highWater = s.Start;
            BigInteger admitted = 0;
            BigInteger grants = 0;
            List<(BigInteger Time, BigInteger Size)> granted = new();
            for (int i = 0; i < s.Steps.Length; i++)
            {
                if (i > 0)
                {
                    now = Saturating(now, s.Steps[i]);
                }

                if (now > highWater)
                {
                    highWater = now;
                }

                Decision decision = bucket.Decide(s.Sizes[i], now);
                BigInteger expected = model.Take(s.Sizes[i], now);
                if (expected == 0)
                {
                    Assert.True(decision.IsAccepted, $"send {i}: model granted, bucket said {decision}");
                    admitted += s.Sizes[i];
                    if (s.Sizes[i] > 0)
                    {
                        grants++;
                        granted.Add((highWater, s.Sizes[i]));
                    }
                }
                else if (expected < 0)
                {
                    Assert.Equal(ReasonCode.TooLarge, decision.Reason);
                }
                else
                {
                    Assert.Equal(ReasonCode.RateLimited, decision.Reason);
                    Assert.Equal(expected, (BigInteger)decision.RetryAfterTicks);
                }

                BigInteger elapsed = highWater - s.Start;
                BigInteger bound = s.Capacity + (elapsed / s.Period * s.TokensPerPeriod);
                Assert.True(admitted <= bound, $"send {i}: admitted {admitted} > bound {bound}");
                Assert.True(admitted <= s.Capacity + (elapsed * s.TokensPerPeriod / s.Period), "floor(elapsed x rate) bound");
                if (s.MinimumInterval > 0)
                {
                    Assert.True(grants <= 1 + (elapsed / s.MinimumInterval), $"send {i}: {grants} grants closer than the minimum interval");
                }
            }

            // Any window, not only from the start: at most one period's tokens more (whole-period crediting).
            for (int first = 0; first < granted.Count; first++)
            {
                BigInteger sum = 0;
                for (int last = first; last < granted.Count; last++)
                {
                    sum += granted[last].Size;
                    BigInteger window = granted[last].Time - granted[first].Time;
                    BigInteger bound = s.Capacity + (((window / s.Period) + 1) * s.TokensPerPeriod);
                    Assert.True(sum <= bound, $"grants {first}..{last}: {sum} tokens in a window of {window} ticks > {bound}");
                }
            }
        }

        [Fact]
        public void Bound_HoldsForAnyForwardClock()
        {
            Scenarios(ForwardStep, Gen.Long[0, 1000]).Sample(Check, iter: 3000, threads: 1);
        }

        [Fact]
        public void Bound_HoldsWhenTheClockJumpsAndGoesBackwards()
        {
            Gen<long> start = Gen.Frequency((1, Gen.Const(long.MinValue)), (1, Gen.Const(0L)), (1, Gen.Long), (1, Gen.Const(long.MaxValue - 10)));
            Scenarios(WildStep, start).Sample(Check, iter: 3000, threads: 1);
        }

        [Fact]
        public void Bound_HoldsOverAFixedSeedReplay()
        {
            Random random = new Random(FixedSeed);
            for (int i = 0; i < 3000; i++)
            {
                Check(RandomScenario(random, wild: i % 2 == 1));
            }
        }

        [Fact]
        public void EightThreadsHammeringOneConnectionBucket_NeverExceedTheBound()
        {
            // TokenBucket leaves synchronisation to its owner; the limiter is that owner for connection
            // buckets, so 8 threads writing to one connection go through DecideTcpReply. The global
            // TCP bucket is made so large that the connection's bucket is the one that binds.
            const long capacity = 50;
            const long tokensPerPeriod = 3;
            const long period = 1000;
            EgressPolicy policy = new EgressPolicyBuilder(new uint[0], Ipv4.FromBytes(10, 0, 0, 1))
                .SetTcpReplyLimits(new RateLimit(capacity, tokensPerPeriod, period), new RateLimit(long.MaxValue, long.MaxValue, 1))
                .Build();
            EgressLimiter limiter = new EgressLimiter(policy);
            TokenBucket bucket = limiter.CreateConnectionBucket();
            long clock = 1_000_000;
            long minimumTime = long.MaxValue;
            long maximumTime = long.MinValue;
            long admitted = 0;
            long attempts = 0;
            long refusals = 0;
            Thread[] threads = new Thread[8];
            for (int t = 0; t < threads.Length; t++)
            {
                int seed = FixedSeed + t;
                threads[t] = new Thread(() =>
                {
                    Random random = new Random(seed);
                    long localMin = long.MaxValue;
                    long localMax = long.MinValue;
                    for (int i = 0; i < 100_000; i++)
                    {
                        // Every thread moves the shared clock; threads then present times out of order,
                        // so the bucket also sees backward steps.
                        long now = Interlocked.Add(ref clock, random.Next(0, 3)) - random.Next(0, 50);
                        localMin = Math.Min(localMin, now);
                        localMax = Math.Max(localMax, now);
                        int size = random.Next(0, 4);
                        Interlocked.Increment(ref attempts);
                        if (limiter.DecideTcpReply(bucket, size, now).IsAccepted)
                        {
                            Interlocked.Add(ref admitted, size);
                        }
                        else
                        {
                            Interlocked.Increment(ref refusals);
                        }
                    }

                    lock (threads)
                    {
                        minimumTime = Math.Min(minimumTime, localMin);
                        maximumTime = Math.Max(maximumTime, localMax);
                    }
                });
            }

            foreach (Thread thread in threads)
            {
                thread.Start();
            }

            foreach (Thread thread in threads)
            {
                thread.Join();
            }

            long bound = capacity + ((maximumTime - minimumTime) / period * tokensPerPeriod);
            Assert.True(admitted <= bound, $"admitted {admitted} > bound {bound}");
            Assert.True(admitted > bound / 2, $"admitted {admitted}: the bucket should stay busy near its rate (bound {bound})");
            Assert.Equal(800_000L, attempts);
            Assert.True(refusals > 0);
            EgressCounters counters = limiter.GetCounters();
            int row = counters.IndexOfRow(EgressCounters.TcpReplyRowName);
            Assert.Equal(attempts, counters.GetAdmitted(row) + counters.GetRefused(row));
            Assert.Equal(refusals, counters.GetRefused(row));
        }
    }
}
