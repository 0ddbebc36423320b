#nullable enable
using System.Collections.Generic;
using System.Threading;
using CsCheck;
using NetGuard.Diagnostics;
using NetGuard.RateLimiting;

namespace NetGuard.HostTests.RateLimiting
{
    /// <summary>
    /// Host-only checks of the whole limiter: concurrency (8 threads), the fan-out window property,
    /// zero allocation per decision and the retained size of the default limiter.
    /// </summary>
    public class EgressLimiterPropertyTests
    {
        private const int FixedSeed = 20161021;
        private const long Second = TimeSpan.TicksPerSecond;
        private static readonly uint Resolver = Ipv4.FromBytes(192, 168, 1, 1);
        private static readonly uint NtpServer = Ipv4.FromBytes(192, 168, 1, 2);

        [Fact]
        public void EightThreadsHammeringTheLimiter_CountersAddUpAndBucketsHold()
        {
            EgressLimiter limiter = new EgressLimiter(EgressPolicy.CreateDefault(new[] { NtpServer }, Resolver));
            TokenBucket[] connections = { limiter.CreateConnectionBucket(), limiter.CreateConnectionBucket() };
            long clock = 1000 * Second;
            long start = clock;
            long attempts = 0;
            long accepted = 0;
            long dnsAccepted = 0;
            long updateAccepted = 0;
            long tcpBytesAccepted = 0;
            Thread[] threads = new Thread[8];
            for (int t = 0; t < threads.Length; t++)
            {
                int seed = FixedSeed + t;
                threads[t] = new Thread(() =>
                {
                    Random random = new Random(seed);
                    for (int i = 0; i < 50_000; i++)
                    {
                        long now = Interlocked.Add(ref clock, random.Next(0, 2000));
                        Decision decision;
                        int kind = random.Next(8);
                        switch (kind)
                        {
                            case 0:
                                decision = limiter.Decide(EgressTransport.Udp, Resolver, 53, random.Next(0, 600), now);
                                if (decision.IsAccepted) Interlocked.Increment(ref dnsAccepted);
                                break;
                            case 1:
                                decision = limiter.DecideUpdateCheck(Resolver, 53, random.Next(0, 600), now);
                                if (decision.IsAccepted) Interlocked.Increment(ref updateAccepted);
                                break;
                            case 2:
                                int bytes = random.Next(0, 3000);
                                decision = limiter.DecideTcpReply(connections[random.Next(2)], bytes, now);
                                if (decision.IsAccepted) Interlocked.Add(ref tcpBytesAccepted, bytes);
                                break;
                            case 3:
                                decision = limiter.Decide(EgressTransport.Udp, (uint)random.Next(), random.Next(0, 65536), 100, now);
                                break;
                            case 4:
                                decision = limiter.Decide((EgressTransport)random.Next(0, 6), Resolver, 53, 10, now);
                                if (decision.IsAccepted) Interlocked.Increment(ref dnsAccepted);
                                break;
                            case 5:
                                decision = limiter.Decide(EgressTransport.Udp, NtpServer, 123, 48, now);
                                break;
                            case 6:
                                decision = limiter.Decide(EgressTransport.Udp, Ipv4.MdnsGroup, 5353, random.Next(0, 1600), now);
                                break;
                            default:
                                decision = limiter.Decide(EgressTransport.Udp, Ipv4.Broadcast, 67 + random.Next(2), 300, now);
                                break;
                        }

                        Interlocked.Increment(ref attempts);
                        if (decision.IsAccepted)
                        {
                            Interlocked.Increment(ref accepted);
                        }

                        if (i % 5000 == 0)
                        {
                            // Reading counters while traffic flows: a consistent snapshot.
                            EgressCounters live = limiter.GetCounters();
                            Assert.True(live.TotalAdmitted + live.TotalRefused <= Interlocked.Read(ref attempts) + threads.Length);
                        }
                    }
                });
            }

            foreach (Thread thread in threads) thread.Start();
            foreach (Thread thread in threads) thread.Join();

            EgressCounters counters = limiter.GetCounters();
            Assert.Equal(400_000L, attempts);
            Assert.Equal(attempts, counters.TotalAdmitted + counters.TotalRefused);
            Assert.Equal(accepted, counters.TotalAdmitted);
            Assert.Equal(dnsAccepted, counters.GetAdmitted(counters.IndexOfRow("DNS")));
            Assert.Equal(updateAccepted, counters.GetAdmitted(counters.IndexOfRow("UpdateCheck")));

            long elapsed = clock - start;
            Assert.True(dnsAccepted + updateAccepted <= 10 + (elapsed / (6 * Second)), "DNS budget, update checks included");
            Assert.True(updateAccepted <= 2 + (elapsed / (6 * 3600 * Second)), "update-check budget");
            Assert.True(tcpBytesAccepted <= 131072 + (elapsed / (Second / 32) * 2048), "global TCP reply budget");
            Assert.True(counters.GetTotalRefused(ReasonCode.OutboundTcpForbidden) > 0);
            Assert.True(counters.GetTotalRefused(ReasonCode.NoProtocolClass) > 0);
        }

        public sealed record Send(long Step, int Destination);

        // The egress limiter's two steps (it calls them under its lock), as one admission.
        private static bool TryAdmit(FanOutLimiter limiter, uint address, long now)
        {
            if (limiter.AdvanceAndGetWait(address, now, out int slot) != 0)
            {
                return false;
            }

            limiter.AdmitUnsynchronized(slot, address);
            return true;
        }

        [Fact]
        public void FanOut_NoWindowEverHoldsMoreThanTheCapOfDistinctDestinations()
        {
            const int cap = 4;
            const long window = 100;
            Gen<Send[]> sends = Gen.Select(Gen.Long[0, 40], Gen.Int[0, 9], (step, destination) => new Send(step, destination)).Array[1, 200];
            sends.Sample(
                list =>
                {
                    FanOutLimiter limiter = new FanOutLimiter(cap, window);
                    List<(long Time, int Destination)> admitted = new();
                    long now = 0;
                    foreach (Send send in list)
                    {
                        now += send.Step;
                        bool seenInWindow = admitted.Exists(a => a.Destination == send.Destination && now - a.Time < window);
                        bool ok = TryAdmit(limiter, (uint)send.Destination + 1, now);
                        if (seenInWindow)
                        {
                            Assert.True(ok, "a destination seen within the window is not new");
                        }

                        if (ok)
                        {
                            admitted.Add((now, send.Destination));
                        }

                        // Distinct destinations sent to in the window ending now.
                        HashSet<int> distinct = new();
                        foreach ((long time, int destination) in admitted)
                        {
                            if (now - time < window) distinct.Add(destination);
                        }

                        Assert.True(distinct.Count <= cap, $"{distinct.Count} distinct destinations in one window");
                        if (!ok)
                        {
                            Assert.Equal(cap, distinct.Count);
                        }
                    }
                },
                iter: 2000,
                threads: 1);
        }

        [Fact]
        public void Decisions_AllocateNothingWhenAdmitted_AndOneDecisionPerRefusal()
        {
            // Decision is a class (a struct return allocates on the nanoFramework interpreter): every acceptance is one
            // shared instance, a refusal is one small object and nothing else.
            EgressLimiter limiter = new EgressLimiter(EgressPolicy.CreateDefault(new[] { NtpServer }, Resolver));
            TokenBucket connection = limiter.CreateConnectionBucket();
            TokenBucket bare = new TokenBucket(1_000_000, 1, 1);
            FanOutLimiter fanOut = new FanOutLimiter(16, 10_000);
            uint churn = 0;
            long now = Second;
            long refused = 0;
            void Count(Decision decision) { if (!decision.IsAccepted) refused++; }
            void Round()
            {
                now += 1000;
                TryAdmit(fanOut, churn++, now); // a new destination every call: the table is recycled, never grown
                Count(limiter.Decide(EgressTransport.Udp, Resolver, 53, 40, now));
                Count(limiter.Decide(EgressTransport.Udp, 0x01020304, 53, 40, now));
                Count(limiter.Decide(EgressTransport.TcpConnect, Resolver, 80, 0, now));
                Count(limiter.Decide(EgressTransport.Udp, Resolver, 9999, 40, now));
                Count(limiter.DecideUpdateCheck(Resolver, 53, 40, now));
                Count(limiter.DecideTcpReply(connection, 500, now));
                bare.TryTake(1, now);
                Count(bare.Decide(1, now));
            }

            long one = GC.GetAllocatedBytesForCurrentThread();
            Decision probe = Decision.Refuse(ReasonCode.RateLimited, 5);
            long perRefusal = GC.GetAllocatedBytesForCurrentThread() - one;
            GC.KeepAlive(probe);
            for (int i = 0; i < 1000; i++) Round();
            refused = 0;
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100_000; i++) Round();
            long after = GC.GetAllocatedBytesForCurrentThread();

            Assert.InRange(perRefusal, 1, 32);
            Assert.True(refused > 100_000, "the rounds include refusals");
            Assert.Equal(refused * perRefusal, after - before);
        }

        [Fact]
        public void AdmittedDecisions_AllocateNothing()
        {
            EgressLimiter limiter = new EgressLimiter(EgressPolicy.CreateDefault(new[] { NtpServer }, Resolver));
            long now = Second;
            for (int i = 0; i < 100; i++)
            {
                now += 60 * Second;
                Assert.True(limiter.Decide(EgressTransport.Udp, Resolver, 53, 40, now).IsAccepted);
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            bool all = true;
            for (int i = 0; i < 100_000; i++)
            {
                now += 60 * Second;
                all &= limiter.Decide(EgressTransport.Udp, Resolver, 53, 40, now).IsAccepted;
            }

            Assert.Equal(0L, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.True(all);
        }

        [Fact]
        public void DefaultLimiter_RetainsAtMostFourKilobytes()
        {
            EgressPolicy policy = EgressPolicy.CreateDefault(new[] { NtpServer, NtpServer + 1, NtpServer + 2 }, Resolver);
            new EgressLimiter(policy); // JIT and type loading out of the measurement

            long before = GC.GetAllocatedBytesForCurrentThread();
            EgressLimiter limiter = new EgressLimiter(policy);
            long limiterBytes = GC.GetAllocatedBytesForCurrentThread() - before;

            before = GC.GetAllocatedBytesForCurrentThread();
            EgressLimiter withPolicy = new EgressLimiter(EgressPolicy.CreateDefault(new[] { NtpServer, NtpServer + 1, NtpServer + 2 }, Resolver));
            long withPolicyBytes = GC.GetAllocatedBytesForCurrentThread() - before;

            GC.KeepAlive(limiter);
            GC.KeepAlive(withPolicy);
            Console.WriteLine($"default limiter: {limiterBytes} bytes; with its policy: {withPolicyBytes} bytes");
            Assert.True(limiterBytes <= 4096, $"limiter allocates {limiterBytes} bytes");
            Assert.True(withPolicyBytes <= 4096, $"limiter and policy allocate {withPolicyBytes} bytes");
        }
    }
}
