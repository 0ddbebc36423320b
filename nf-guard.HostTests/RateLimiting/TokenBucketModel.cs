#nullable enable
using System.Numerics;

namespace NetGuard.HostTests.RateLimiting
{
    /// <summary>
    /// An independent reference of TokenBucket's documented semantics in unbounded integers
    /// (BigInteger): nothing can overflow here, so any difference from the real bucket is an overflow
    /// or logic bug there.
    /// </summary>
    internal sealed class TokenBucketModel
    {
        private readonly BigInteger _capacity;
        private readonly BigInteger _tokensPerPeriod;
        private readonly BigInteger _period;
        private readonly BigInteger _minimumInterval;
        private BigInteger _available;
        private BigInteger _anchor;
        private BigInteger _highWater;
        private BigInteger _lastGrant;
        private bool _started;
        private bool _granted;

        public TokenBucketModel(long capacity, long tokensPerPeriod, long period, long minimumInterval)
        {
            _capacity = capacity;
            _tokensPerPeriod = tokensPerPeriod;
            _period = period;
            _minimumInterval = minimumInterval;
            _available = capacity;
        }

        /// <summary>0 when granted (and taken), -1 when never possible, else the wait (capped at long.MaxValue).</summary>
        public BigInteger Take(long tokens, long nowTicks)
        {
            BigInteger now = nowTicks;
            if (!_started)
            {
                _started = true;
                _highWater = now;
                _anchor = now;
            }
            else if (now > _highWater)
            {
                _highWater = now;
                if (_available == _capacity)
                {
                    _anchor = now;
                }
                else
                {
                    BigInteger periods = (now - _anchor) / _period;
                    BigInteger credited = _available + (periods * _tokensPerPeriod);
                    if (credited >= _capacity)
                    {
                        _available = _capacity;
                        _anchor = now;
                    }
                    else
                    {
                        _available = credited;
                        _anchor += periods * _period;
                    }
                }
            }

            BigInteger effective = _highWater;
            if (tokens == 0)
            {
                return 0;
            }

            if (tokens > _capacity)
            {
                return -1;
            }

            BigInteger wait = 0;
            if (_granted && effective - _lastGrant < _minimumInterval)
            {
                wait = _minimumInterval - (effective - _lastGrant);
            }

            if (tokens > _available)
            {
                BigInteger shortfall = tokens - _available;
                BigInteger periods = (shortfall + _tokensPerPeriod - 1) / _tokensPerPeriod;
                BigInteger tokenWait = (periods * _period) - (effective - _anchor);
                if (periods * _period > long.MaxValue)
                {
                    tokenWait = long.MaxValue;
                }

                if (tokenWait > wait)
                {
                    wait = tokenWait;
                }
            }

            if (wait > 0)
            {
                return wait;
            }

            _available -= tokens;
            _lastGrant = effective;
            _granted = true;
            return 0;
        }
    }
}
