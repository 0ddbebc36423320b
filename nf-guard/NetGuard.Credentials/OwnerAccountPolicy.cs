using System;

namespace NetGuard.Credentials
{
    /// <summary>
    /// The limits an <see cref="OwnerAccount"/> enforces, validated and fixed at construction. Defaults follow
    /// NIST SP 800-63B rev 4 and OWASP ASVS 5.0: passwords of 12 to 128 code points with no composition rules,
    /// PBKDF2-HMAC-SHA256 with 600,000 iterations (OWASP Password Storage Cheat Sheet; on the device, pass the
    /// count <see cref="PasswordHashCalibration"/> measured), five free attempts and then a back-off from 1 s
    /// doubling to 5 minutes, sessions that expire after 15 minutes idle or 12 hours in all, at most four at once.
    /// </summary>
    public sealed class OwnerAccountPolicy
    {
        /// <summary>PBKDF2 iteration count of <see cref="CreateDefault"/>, for the host.</summary>
        public const int DefaultIterations = 600000;

        /// <summary>Smallest minimum password length a policy may set, in code points.</summary>
        public const int LowestMinimumLength = 12;

        /// <summary>Largest maximum password length a policy may set, in code points.</summary>
        public const int HighestMaximumLength = 128;

        /// <summary>
        /// Creates a policy. Every argument is checked; a value out of range throws
        /// <see cref="ArgumentOutOfRangeException"/> naming it.
        /// </summary>
        /// <param name="iterations">PBKDF2 iterations for new hashes, 1 to 100,000,000; stored hashes with fewer are upgraded at the next login.</param>
        /// <param name="minimumLength">Shortest password, in code points, 12 to 64.</param>
        /// <param name="maximumLength">Longest password, in code points, 64 to 128 and not below the minimum.</param>
        /// <param name="freeAttempts">Consecutive failures allowed before the back-off starts, 1 to 20.</param>
        /// <param name="firstDelayTicks">First back-off wait, in 100 ns ticks, 1 ms to 1 hour.</param>
        /// <param name="maximumDelayTicks">Cap of the back-off, in ticks, at least the first wait and at most 24 hours.</param>
        /// <param name="sessionIdleTicks">Idle time after which a session expires, in ticks, 1 s to 24 hours.</param>
        /// <param name="sessionLifetimeTicks">Time after login at which a session expires regardless, in ticks, at least the idle time and at most 7 days.</param>
        /// <param name="maximumSessions">Sessions alive at once, 1 to 16; a further login evicts the oldest.</param>
        public OwnerAccountPolicy(
            int iterations,
            int minimumLength,
            int maximumLength,
            int freeAttempts,
            long firstDelayTicks,
            long maximumDelayTicks,
            long sessionIdleTicks,
            long sessionLifetimeTicks,
            int maximumSessions)
        {
            if (iterations < 1 || iterations > 100000000)
            {
                throw new ArgumentOutOfRangeException(nameof(iterations));
            }

            if (minimumLength < LowestMinimumLength || minimumLength > 64)
            {
                throw new ArgumentOutOfRangeException(nameof(minimumLength));
            }

            if (maximumLength < 64 || maximumLength > HighestMaximumLength || maximumLength < minimumLength)
            {
                throw new ArgumentOutOfRangeException(nameof(maximumLength));
            }

            if (freeAttempts < 1 || freeAttempts > 20)
            {
                throw new ArgumentOutOfRangeException(nameof(freeAttempts));
            }

            if (firstDelayTicks < TimeSpan.TicksPerMillisecond || firstDelayTicks > TimeSpan.TicksPerHour)
            {
                throw new ArgumentOutOfRangeException(nameof(firstDelayTicks));
            }

            if (maximumDelayTicks < firstDelayTicks || maximumDelayTicks > TimeSpan.TicksPerDay)
            {
                throw new ArgumentOutOfRangeException(nameof(maximumDelayTicks));
            }

            if (sessionIdleTicks < TimeSpan.TicksPerSecond || sessionIdleTicks > TimeSpan.TicksPerDay)
            {
                throw new ArgumentOutOfRangeException(nameof(sessionIdleTicks));
            }

            if (sessionLifetimeTicks < sessionIdleTicks || sessionLifetimeTicks > 7 * TimeSpan.TicksPerDay)
            {
                throw new ArgumentOutOfRangeException(nameof(sessionLifetimeTicks));
            }

            if (maximumSessions < 1 || maximumSessions > 16)
            {
                throw new ArgumentOutOfRangeException(nameof(maximumSessions));
            }

            Iterations = iterations;
            MinimumLength = minimumLength;
            MaximumLength = maximumLength;
            FreeAttempts = freeAttempts;
            FirstDelayTicks = firstDelayTicks;
            MaximumDelayTicks = maximumDelayTicks;
            SessionIdleTicks = sessionIdleTicks;
            SessionLifetimeTicks = sessionLifetimeTicks;
            MaximumSessions = maximumSessions;
        }

        /// <summary>PBKDF2-HMAC-SHA256 iterations for new password hashes.</summary>
        public int Iterations { get; }

        /// <summary>Shortest accepted password, in Unicode code points.</summary>
        public int MinimumLength { get; }

        /// <summary>Longest accepted password, in Unicode code points.</summary>
        public int MaximumLength { get; }

        /// <summary>Consecutive failed attempts (passwords and setup codes) before the back-off starts.</summary>
        public int FreeAttempts { get; }

        /// <summary>Wait after the first failure beyond <see cref="FreeAttempts"/>, in 100 ns ticks; doubles per further failure.</summary>
        public long FirstDelayTicks { get; }

        /// <summary>Cap of the back-off wait, in 100 ns ticks.</summary>
        public long MaximumDelayTicks { get; }

        /// <summary>Idle time after which a session token stops working, in 100 ns ticks.</summary>
        public long SessionIdleTicks { get; }

        /// <summary>Time after login after which a session token stops working, in 100 ns ticks.</summary>
        public long SessionLifetimeTicks { get; }

        /// <summary>Most sessions alive at once.</summary>
        public int MaximumSessions { get; }

        /// <summary>The documented defaults with <see cref="DefaultIterations"/> iterations (a new object each call).</summary>
        /// <returns>The default policy.</returns>
        public static OwnerAccountPolicy CreateDefault()
        {
            return new OwnerAccountPolicy(
                DefaultIterations,
                12,
                128,
                5,
                TimeSpan.TicksPerSecond,
                5 * TimeSpan.TicksPerMinute,
                15 * TimeSpan.TicksPerMinute,
                12 * TimeSpan.TicksPerHour,
                4);
        }

        /// <summary>
        /// A copy of this policy with another iteration count: the device passes its calibrated count, tests a
        /// small one. Throws <see cref="ArgumentOutOfRangeException"/> as the constructor does.
        /// </summary>
        /// <param name="iterations">PBKDF2 iterations for new hashes.</param>
        /// <returns>The new policy.</returns>
        public OwnerAccountPolicy WithIterations(int iterations)
        {
            return new OwnerAccountPolicy(
                iterations,
                MinimumLength,
                MaximumLength,
                FreeAttempts,
                FirstDelayTicks,
                MaximumDelayTicks,
                SessionIdleTicks,
                SessionLifetimeTicks,
                MaximumSessions);
        }

        /// <summary>
        /// The back-off wait that follows <paramref name="consecutiveFailures"/> failures, in 100 ns ticks: 0 up to
        /// <see cref="FreeAttempts"/> - 1 failures, then <see cref="FirstDelayTicks"/> doubling per failure,
        /// capped at <see cref="MaximumDelayTicks"/>. Negative counts give 0.
        /// </summary>
        /// <param name="consecutiveFailures">Failures since the last success.</param>
        /// <returns>The wait in ticks.</returns>
        public long DelayAfter(int consecutiveFailures)
        {
            if (consecutiveFailures < FreeAttempts)
            {
                return 0;
            }

            int doublings = consecutiveFailures - FreeAttempts;
            long delay = FirstDelayTicks;
            for (int i = 0; i < doublings; i++)
            {
                // Subtract instead of add so the doubling cannot overflow before the cap applies.
                if (delay > MaximumDelayTicks - delay)
                {
                    return MaximumDelayTicks;
                }

                delay += delay;
            }

            return delay > MaximumDelayTicks ? MaximumDelayTicks : delay;
        }
    }
}
