#nullable enable
using NetGuard.RateLimiting;

namespace NetGuard.HostTests.RateLimiting
{
    /// <summary>
    /// The host build's spin lock (ShortLock) under the egress limiter: mutual exclusion under contention
    /// from more threads than cores, and a waiter that gets in only once the holder leaves.
    /// </summary>
    public class ShortLockTests
    {
        [Fact]
        public void EightThreads_NoIncrementIsLost()
        {
            const int Threads = 8;
            const int Rounds = 200_000;
            ShortLock gate = new ShortLock();

            // Two plain fields, written non-atomically: a torn or lost update shows as a wrong total or as
            // the two disagreeing.
            long first = 0;
            long second = 0;
            int mismatches = 0;
            Thread[] threads = new Thread[Threads];
            for (int t = 0; t < Threads; t++)
            {
                threads[t] = new Thread(() =>
                {
                    for (int i = 0; i < Rounds; i++)
                    {
                        gate.Enter();
                        try
                        {
                            if (first != second)
                            {
                                mismatches++;
                            }

                            first++;
                            Thread.SpinWait(1);
                            second++;
                        }
                        finally
                        {
                            gate.Exit();
                        }
                    }
                });
            }

            foreach (Thread thread in threads) thread.Start();
            foreach (Thread thread in threads) thread.Join();

            Assert.Equal((long)Threads * Rounds, first);
            Assert.Equal(first, second);
            Assert.Equal(0, mismatches);
        }

        [Fact]
        public void Waiter_EntersOnlyAfterTheHolderExits()
        {
            ShortLock gate = new ShortLock();
            using ManualResetEventSlim started = new ManualResetEventSlim();
            int entered = 0;
            gate.Enter();
            Thread waiter = new Thread(() =>
            {
                started.Set();
                gate.Enter();
                Volatile.Write(ref entered, 1);
                gate.Exit();
            });
            waiter.Start();
            started.Wait();

            // Held: the waiter spins, yields and sleeps, but does not get in.
            Thread.Sleep(200);
            Assert.Equal(0, Volatile.Read(ref entered));

            gate.Exit();
            Assert.True(waiter.Join(10_000));
            Assert.Equal(1, Volatile.Read(ref entered));
        }

        [Fact]
        public void ExitThenEnter_OnOneThread_DoesNotWait()
        {
            ShortLock gate = new ShortLock();
            for (int i = 0; i < 1000; i++)
            {
                gate.Enter();
                gate.Exit();
            }

            // Still free: another thread gets in at once.
            Thread other = new Thread(() =>
            {
                gate.Enter();
                gate.Exit();
            });
            other.Start();
            Assert.True(other.Join(10_000));
        }
    }
}
