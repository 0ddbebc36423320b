using System.Threading;

namespace NetGuard.RateLimiting
{
    // The egress limiter's lock. Every section it guards is a few dozen instructions of integer arithmetic
    // on fixed-size state: no allocation, no I/O, no call out of the library, no wait, and nothing that can
    // throw once the caller's arguments are checked. That is the case a spin lock is made for.
    //
    // Host build: test-and-set on Interlocked.CompareExchange to enter and a release store to leave, one
    // atomic instruction per decision where System.Threading.Lock needs two and a thread-id lookup
    // (docs/benchmarks.md, "Egress limiter"). A waiter spins briefly with SpinWait, which escalates to
    // yielding and sleeping, so a holder that loses its core is not starved by spinners.
    //
    // Device build: Monitor. nanoFramework schedules managed threads in one interpreter on one core, so a
    // waiter can never spin while the holder runs, and a Sleep(0) loop can starve a lower-priority holder;
    // Monitor blocks properly there.
    //
    // Not re-entrant: the owner never calls out while holding it, so it never needs to be.
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
