using System;

namespace NetGuard.RateLimiting
{
    /// <summary>
    /// An immutable, validated token-bucket limit: a burst of <see cref="Capacity"/> tokens, refilled by
    /// <see cref="TokensPerPeriod"/> every <see cref="PeriodTicks"/>. A token is a packet or a byte,
    /// depending on where the limit is used. <see cref="CreateBucket()"/> makes a fresh, full bucket.
    /// </summary>
    public sealed class RateLimit
    {
        /// <summary>
        /// Creates a limit. Throws <see cref="ArgumentOutOfRangeException"/> naming the first argument
        /// that is less than 1.
        /// </summary>
        /// <param name="capacity">The burst: the most tokens available at once; at least 1.</param>
        /// <param name="tokensPerPeriod">Tokens added at the end of each whole period; at least 1.</param>
        /// <param name="periodTicks">The refill period in 100 ns ticks; at least 1.</param>
        public RateLimit(long capacity, long tokensPerPeriod, long periodTicks)
        {
            if (capacity < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(capacity), "The capacity must be at least 1.");
            }

            if (tokensPerPeriod < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(tokensPerPeriod), "At least 1 token must be added per period.");
            }

            if (periodTicks < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(periodTicks), "The period must be at least 1 tick.");
            }

            Capacity = capacity;
            TokensPerPeriod = tokensPerPeriod;
            PeriodTicks = periodTicks;
        }

        /// <summary>The burst: the most tokens available at once, and the largest single request that can succeed.</summary>
        public long Capacity { get; }

        /// <summary>Tokens added at the end of each whole <see cref="PeriodTicks"/>.</summary>
        public long TokensPerPeriod { get; }

        /// <summary>The refill period, in 100 ns ticks.</summary>
        public long PeriodTicks { get; }

        /// <summary>
        /// A limit of <paramref name="tokensPerPeriod"/> tokens every <paramref name="periodSeconds"/>
        /// seconds with a burst of <paramref name="capacity"/>. Throws
        /// <see cref="ArgumentOutOfRangeException"/> naming an argument less than 1, or
        /// <paramref name="periodSeconds"/> when the period does not fit in ticks.
        /// </summary>
        /// <param name="capacity">The burst; at least 1.</param>
        /// <param name="tokensPerPeriod">Tokens added per period; at least 1.</param>
        /// <param name="periodSeconds">The period in whole seconds; at least 1.</param>
        /// <returns>The limit.</returns>
        public static RateLimit PerSeconds(long capacity, long tokensPerPeriod, long periodSeconds)
        {
            if (periodSeconds < 1 || periodSeconds > long.MaxValue / TimeSpan.TicksPerSecond)
            {
                throw new ArgumentOutOfRangeException(nameof(periodSeconds), "The period must be at least 1 second and fit in ticks.");
            }

            return new RateLimit(capacity, tokensPerPeriod, periodSeconds * TimeSpan.TicksPerSecond);
        }

        /// <summary>
        /// A new, full bucket with this limit and a minimum interval between grants. Throws
        /// <see cref="ArgumentOutOfRangeException"/> when <paramref name="minimumIntervalTicks"/> is negative.
        /// </summary>
        /// <param name="minimumIntervalTicks">The least time between two grants in 100 ns ticks; 0 for none.</param>
        /// <returns>The bucket.</returns>
        public TokenBucket CreateBucket(long minimumIntervalTicks)
        {
            return new TokenBucket(Capacity, TokensPerPeriod, PeriodTicks, minimumIntervalTicks);
        }

        /// <summary>A new, full bucket with this limit and no minimum interval. Never fails.</summary>
        /// <returns>The bucket.</returns>
        public TokenBucket CreateBucket()
        {
            return new TokenBucket(Capacity, TokensPerPeriod, PeriodTicks, 0);
        }
    }
}
