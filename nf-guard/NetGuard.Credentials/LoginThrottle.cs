using System;

namespace NetGuard.Credentials
{
    /// <summary>
    /// The exponential back-off shared by passwords and setup codes (ETSI EN 303 645 provision 5.1-5, NIST SP
    /// 800-63B rev 4 3.2.2): after <see cref="OwnerAccountPolicy.FreeAttempts"/> consecutive failures each
    /// further attempt must wait <see cref="OwnerAccountPolicy.DelayAfter"/> after the previous failure. The
    /// failure count is persisted by <see cref="OwnerAccount"/>; the time of the last failure is not, because the
    /// monotonic clock restarts at boot, so after a restart the first attempt waits the full current back-off
    /// from the moment it is made (fail closed). Not thread-safe: <see cref="OwnerAccount"/> locks around it.
    /// </summary>
    public sealed class LoginThrottle
    {
        private readonly OwnerAccountPolicy _policy;
        private int _failures;
        private long _lastFailureTicks;
        private bool _anchored;

        /// <summary>
        /// Creates a throttle that starts at <paramref name="persistedFailures"/> failures with no known failure
        /// time. Throws <see cref="ArgumentNullException"/> for a null policy and
        /// <see cref="ArgumentOutOfRangeException"/> for a negative count.
        /// </summary>
        /// <param name="policy">The limits.</param>
        /// <param name="persistedFailures">Consecutive failures stored before the restart.</param>
        public LoginThrottle(OwnerAccountPolicy policy, int persistedFailures)
        {
            ArgumentNullException.ThrowIfNull(policy, nameof(policy));

            if (persistedFailures < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(persistedFailures));
            }

            _policy = policy;
            _failures = persistedFailures;
        }

        /// <summary>Consecutive failures since the last success.</summary>
        public int Failures
        {
            get { return _failures; }
        }

        /// <summary>
        /// How long an attempt made at <paramref name="nowTicks"/> must still wait, in 100 ns ticks; 0 when it may
        /// go ahead. The first call after a restart with a pending back-off starts the full wait at
        /// <paramref name="nowTicks"/>.
        /// </summary>
        /// <param name="nowTicks">The monotonic time, in 100 ns ticks.</param>
        /// <returns>The remaining wait.</returns>
        public long WaitTicks(long nowTicks)
        {
            long delay = _policy.DelayAfter(_failures);
            if (delay == 0)
            {
                return 0;
            }

            if (!_anchored)
            {
                _lastFailureTicks = nowTicks;
                _anchored = true;
            }

            long elapsed = nowTicks - _lastFailureTicks;
            if (elapsed < 0)
            {
                // A clock that went back is treated as no time passed.
                elapsed = 0;
            }

            return elapsed >= delay ? 0 : delay - elapsed;
        }

        /// <summary>Records a failed attempt at <paramref name="nowTicks"/>.</summary>
        /// <param name="nowTicks">The monotonic time, in 100 ns ticks.</param>
        public void RecordFailure(long nowTicks)
        {
            if (_failures < int.MaxValue)
            {
                _failures++;
            }

            _lastFailureTicks = nowTicks;
            _anchored = true;
        }

        /// <summary>Forgets every failure after a success or a factory reset.</summary>
        public void Reset()
        {
            _failures = 0;
            _anchored = false;
            _lastFailureTicks = 0;
        }
    }
}
