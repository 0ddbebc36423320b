using System;
using NetGuard.Diagnostics;

namespace NetGuard.RateLimiting
{
    /// <summary>
    /// A token bucket in integer arithmetic: it starts full with <see cref="Capacity"/> tokens and gains
    /// <see cref="TokensPerPeriod"/> at the end of each whole <see cref="PeriodTicks"/>, never beyond the capacity;
    /// optionally two grants are never closer than <see cref="MinimumIntervalTicks"/> (RFC 4330's 15 s SNTP floor).
    /// Over any window of length T it grants at most <c>Capacity + (floor(T / PeriodTicks) + 1) * TokensPerPeriod</c>.
    /// Time is passed in (monotonic 100 ns ticks): a reading that goes backwards grants nothing new, and a forward jump
    /// of any size refills to capacity at most. Not thread-safe: the owner locks around it.
    /// </summary>
    public sealed class TokenBucket
    {
        private readonly long _capacity;
        private readonly long _tokensPerPeriod;
        private readonly long _periodTicks;
        private readonly long _minimumIntervalTicks;

        private long _available;

        // Start of the period now accumulating: refills are credited in whole periods from here.
        private long _anchorTicks;

        // The highest time seen; every computation uses max(now, _highWaterTicks).
        private long _highWaterTicks;

        // The (effective) time of the last grant of one token or more, for the minimum interval.
        private long _lastGrantTicks;
        private bool _hasGranted;

        /// <summary>
        /// Creates a full bucket with no minimum interval between grants. Throws
        /// <see cref="ArgumentOutOfRangeException"/> naming the first argument that is less than 1.
        /// </summary>
        /// <param name="capacity">The most tokens the bucket holds (the burst); at least 1.</param>
        /// <param name="tokensPerPeriod">Tokens added at the end of each whole period; at least 1.</param>
        /// <param name="periodTicks">The refill period in 100 ns ticks; at least 1.</param>
        public TokenBucket(long capacity, long tokensPerPeriod, long periodTicks)
            : this(capacity, tokensPerPeriod, periodTicks, 0)
        {
        }

        /// <summary>
        /// Creates a full bucket whose grants are at least <paramref name="minimumIntervalTicks"/> apart.
        /// Throws <see cref="ArgumentOutOfRangeException"/> naming the first argument out of range.
        /// </summary>
        /// <param name="capacity">The most tokens the bucket holds (the burst); at least 1.</param>
        /// <param name="tokensPerPeriod">Tokens added at the end of each whole period; at least 1.</param>
        /// <param name="periodTicks">The refill period in 100 ns ticks; at least 1.</param>
        /// <param name="minimumIntervalTicks">The least time between two grants in 100 ns ticks; 0 for none; not negative.</param>
        public TokenBucket(long capacity, long tokensPerPeriod, long periodTicks, long minimumIntervalTicks)
        {
            if (capacity < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(capacity), "The capacity must be at least 1 token.");
            }

            if (tokensPerPeriod < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(tokensPerPeriod), "At least 1 token must be added per period.");
            }

            if (periodTicks < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(periodTicks), "The period must be at least 1 tick.");
            }

            if (minimumIntervalTicks < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(minimumIntervalTicks), "The minimum interval cannot be negative.");
            }

            _capacity = capacity;
            _tokensPerPeriod = tokensPerPeriod;
            _periodTicks = periodTicks;
            _minimumIntervalTicks = minimumIntervalTicks;
            _available = capacity;

            // No time seen yet: the first reading, whatever it is, becomes the high-water mark and,
            // as the bucket is full, the anchor.
            _highWaterTicks = long.MinValue;
            _anchorTicks = long.MinValue;
        }

        /// <summary>The most tokens the bucket holds, which is also the largest single request it can grant.</summary>
        public long Capacity
        {
            get { return _capacity; }
        }

        /// <summary>Tokens added at the end of each whole <see cref="PeriodTicks"/>.</summary>
        public long TokensPerPeriod
        {
            get { return _tokensPerPeriod; }
        }

        /// <summary>The refill period, in 100 ns ticks.</summary>
        public long PeriodTicks
        {
            get { return _periodTicks; }
        }

        /// <summary>The least time between two grants, in 100 ns ticks; 0 when there is no floor.</summary>
        public long MinimumIntervalTicks
        {
            get { return _minimumIntervalTicks; }
        }

        /// <summary>
        /// Takes <paramref name="tokens"/> tokens if the bucket has them and the minimum interval has
        /// passed; otherwise takes nothing. Zero tokens are always granted and change nothing. Throws
        /// <see cref="ArgumentOutOfRangeException"/> when <paramref name="tokens"/> is negative.
        /// </summary>
        /// <param name="tokens">How many tokens to take; not negative.</param>
        /// <param name="nowTicks">The current monotonic time in 100 ns ticks.</param>
        /// <returns>True when the tokens were taken.</returns>
        public bool TryTake(long tokens, long nowTicks)
        {
            CheckTokens(tokens);
            if (RefillAndGetWait(tokens, nowTicks) != 0)
            {
                return false;
            }

            TakeUnsynchronized(tokens);
            return true;
        }

        /// <summary>
        /// Like <see cref="TryTake"/>, but says why a request is refused: <see cref="ReasonCode.RateLimited"/>
        /// with the wait in 100 ns ticks after which the same request would be granted (absent other
        /// takers; <see cref="long.MaxValue"/> when the wait does not fit), or <see cref="ReasonCode.TooLarge"/>
        /// with no wait when <paramref name="tokens"/> exceeds <see cref="Capacity"/> and can never be
        /// granted. Allocates nothing. Throws <see cref="ArgumentOutOfRangeException"/> when
        /// <paramref name="tokens"/> is negative.
        /// </summary>
        /// <param name="tokens">How many tokens to take; not negative.</param>
        /// <param name="nowTicks">The current monotonic time in 100 ns ticks.</param>
        /// <returns>Accepted when the tokens were taken, else the refusal.</returns>
        public Decision Decide(long tokens, long nowTicks)
        {
            CheckTokens(tokens);
            long wait = RefillAndGetWait(tokens, nowTicks);
            if (wait == 0)
            {
                TakeUnsynchronized(tokens);
                return Decision.Accept();
            }

            return wait == Never ? Decision.Refuse(ReasonCode.TooLarge) : Decision.Refuse(ReasonCode.RateLimited, wait);
        }

        /// <summary>
        /// The tokens available at <paramref name="nowTicks"/> (after refilling up to that time), without
        /// taking any. Never fails.
        /// </summary>
        /// <param name="nowTicks">The current monotonic time in 100 ns ticks.</param>
        /// <returns>The available tokens, from 0 to <see cref="Capacity"/>.</returns>
        public long GetAvailable(long nowTicks)
        {
            Refill(nowTicks);
            return _available;
        }

        // Returned by RefillAndGetWait when the request exceeds the capacity and can never be granted.
        internal const long Never = -1;

        // Refills up to nowTicks and returns 0 when `tokens` can be taken now, Never when they never can,
        // otherwise the wait in ticks (at least 1). The caller synchronises.
        internal long RefillAndGetWait(long tokens, long nowTicks)
        {
            long now = Refill(nowTicks);

            // The common case first: enough tokens and no minimum interval pending. (tokens <= _available
            // also rules out tokens > _capacity.)
            if (tokens <= _available && (_minimumIntervalTicks == 0 || !_hasGranted || tokens == 0))
            {
                return 0;
            }

            if (tokens == 0)
            {
                return 0;
            }

            if (tokens > _capacity)
            {
                return Never;
            }

            long wait = 0;
            if (_hasGranted && _minimumIntervalTicks > 0)
            {
                // now >= _lastGrantTicks always (both are high-water times), so the difference is exact as unsigned.
                ulong sinceGrant = unchecked((ulong)(now - _lastGrantTicks));
                if (sinceGrant < (ulong)_minimumIntervalTicks)
                {
                    wait = _minimumIntervalTicks - (long)sinceGrant;
                }
            }

            // Compare before subtracting: tokens - _available cannot overflow because both are in [0, capacity].
            if (tokens > _available)
            {
                long shortfall = tokens - _available;
                long periods = (shortfall / _tokensPerPeriod) + (shortfall % _tokensPerPeriod != 0 ? 1 : 0);

                // The bucket is not full, so less than one period has passed since the anchor.
                long intoPeriod = now - _anchorTicks;
                long tokenWait;
                if (periods > long.MaxValue / _periodTicks)
                {
                    tokenWait = long.MaxValue;
                }
                else
                {
                    tokenWait = (periods * _periodTicks) - intoPeriod;
                }

                if (tokenWait > wait)
                {
                    wait = tokenWait;
                }
            }

            return wait;
        }

        // Takes tokens that RefillAndGetWait has just reported available at the same time.
        internal void TakeUnsynchronized(long tokens)
        {
            if (tokens == 0)
            {
                return;
            }

            _available -= tokens;
            _lastGrantTicks = _highWaterTicks;
            _hasGranted = true;
        }

        private static void CheckTokens(long tokens)
        {
            if (tokens < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(tokens), "Cannot take a negative number of tokens.");
            }
        }

        // Credits whole periods elapsed since the anchor and returns the effective time, max(now, high-water).
        private long Refill(long nowTicks)
        {
            if (nowTicks <= _highWaterTicks)
            {
                // Time stood still or went backwards: nothing new to credit (it was credited at the high-water mark).
                return _highWaterTicks;
            }

            _highWaterTicks = nowTicks;
            if (_available == _capacity)
            {
                // A full bucket accumulates nothing: the next period starts when a token is taken.
                _anchorTicks = nowTicks;
                return nowTicks;
            }

            // _anchorTicks <= nowTicks, so the unsigned difference is exact even across a jump of long.MaxValue.
            ulong elapsed = unchecked((ulong)(nowTicks - _anchorTicks));
            if (elapsed >= (ulong)_periodTicks)
            {
                // At least one whole period has ended: the rare case, kept in its own method.
                CreditPeriods(elapsed, nowTicks);
            }

            return nowTicks;
        }

        private void CreditPeriods(ulong elapsed, long nowTicks)
        {
            ulong periods = elapsed / (ulong)_periodTicks;

            long deficit = _capacity - _available;
            ulong periodsToFill = (ulong)(deficit / _tokensPerPeriod) + (deficit % _tokensPerPeriod != 0 ? 1UL : 0UL);
            if (periods >= periodsToFill)
            {
                // Full again: the partial period is dropped with the excess, as a full bucket accumulates nothing.
                _available = _capacity;
                _anchorTicks = nowTicks;
            }
            else
            {
                // periods < periodsToFill, so periods * _tokensPerPeriod < deficit: no overflow, stays below capacity.
                _available += (long)periods * _tokensPerPeriod;

                // periods * _periodTicks <= elapsed, so the anchor stays at or before nowTicks.
                _anchorTicks = unchecked(_anchorTicks + (long)(periods * (ulong)_periodTicks));
            }
        }
    }
}
