using NetGuard.Diagnostics;
using NetGuard.RateLimiting;

namespace NetGuard.Network
{
    // Per-source accept buckets for one listener: each remote address may take at most half of the listener's accept
    // rate (at least one connection per period), so one host that floods the listener leaves the other half to the
    // rest. A fixed table of 8 addresses; a new address takes the slot whose bucket is fullest (the source quiet the
    // longest), starting with a full bucket of its own. Callers hold the listener's lock.
    internal sealed class SourceRateTable
    {
        private const int Slots = 8;

        private readonly uint[] _addresses = new uint[Slots];
        private readonly TokenBucket[] _buckets = new TokenBucket[Slots];
        private readonly long _capacity;
        private readonly long _tokens;
        private readonly long _period;

        internal SourceRateTable(RateLimit listenerRate)
        {
            _capacity = Half(listenerRate.Capacity);
            _tokens = Half(listenerRate.TokensPerPeriod);
            _period = listenerRate.PeriodTicks;
        }

        internal Decision Decide(uint address, long nowTicks)
        {
            int slot = -1;
            int fullest = 0;
            long fullestTokens = -1;
            for (int i = 0; i < Slots; i++)
            {
                TokenBucket bucket = _buckets[i];
                if (bucket == null)
                {
                    // A free slot is as good as the quietest source.
                    fullest = i;
                    fullestTokens = long.MaxValue;
                    continue;
                }

                if (_addresses[i] == address)
                {
                    slot = i;
                    break;
                }

                long available = bucket.GetAvailable(nowTicks);
                if (fullestTokens != long.MaxValue && available > fullestTokens)
                {
                    fullest = i;
                    fullestTokens = available;
                }
            }

            if (slot < 0)
            {
                slot = fullest;
                _addresses[slot] = address;
                _buckets[slot] = new TokenBucket(_capacity, _tokens, _period);
            }

            return _buckets[slot].Decide(1, nowTicks);
        }

        private static long Half(long value)
        {
            long half = value / 2;
            return half < 1 ? 1 : half;
        }
    }
}
