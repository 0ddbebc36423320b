using System.Threading;

namespace NetGuard.RateLimiting
{
    // The egress limiter's lock, for sections of a few dozen instructions that never allocate, wait or call out.
    // Host: test-and-set with a SpinWait back-off (one atomic instruction per decision; docs/benchmarks.md). Device:
    // Monitor, because nanoFramework runs every managed thread on one core, where spinning only starves the holder.
    // Not re-entrant.
    internal sealed class ShortLock
    {
#if NET9_0_OR_GREATER
        // 1 while held, 0 while free.
        private int _held;

        // Enters the lock; the caller calls Exit in a finally.
        public void Enter()
        {
            if (Interlocked.CompareExchange(ref _held, 1, 0) != 0)
            {
                EnterContended();
            }
        }

        public void Exit()
        {
            Volatile.Write(ref _held, 0);
        }

        private void EnterContended()
        {
            SpinWait spinner = default(SpinWait);
            while (true)
            {
                // Test before test-and-set, so that waiters read a shared cache line instead of each
                // claiming it exclusively.
                if (Volatile.Read(ref _held) == 0 && Interlocked.CompareExchange(ref _held, 1, 0) == 0)
                {
                    return;
                }

                spinner.SpinOnce();
            }
        }
#else
        // Enters the lock; the caller calls Exit in a finally.
        public void Enter()
        {
            Monitor.Enter(this);
        }

        public void Exit()
        {
            Monitor.Exit(this);
        }
#endif
    }
}
