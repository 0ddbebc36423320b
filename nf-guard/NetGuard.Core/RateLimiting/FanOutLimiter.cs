using System;
using NetGuard.Diagnostics;

namespace NetGuard.RateLimiting
{
    /// <summary>
    /// The egress limiter's fan-out cap: a destination not sent to within the last window is new, and a new one is
    /// admitted only while fewer than the cap have been sent to within the window, so a scanner (Mirai probed random
    /// addresses at about 160 per second) is stopped while a device talking to its few fixed servers never notices.
    /// Like iptables hashlimit, the table is fixed: one entry per destination allowed, allocated at construction,
    /// never grown. Not synchronized: <see cref="EgressLimiter"/> owns it and calls it under its own lock, in two steps
    /// (<see cref="AdvanceAndGetWait"/>, then <see cref="AdmitUnsynchronized"/> once every other check passed).
    /// </summary>
    internal sealed class FanOutLimiter
    {
        private readonly uint[] _addresses;
        private readonly long[] _lastSeenTicks;
        private readonly long _windowTicks;

        // Slots [0, _usedSlots) hold an address; the rest have never been used.
        private int _usedSlots;
        private long _highWaterTicks = long.MinValue;

        // The slot of the last admission: most packets go where the previous one went.
        private int _lastSlot;

        // The arguments come from a built EgressPolicy, whose builder checked them.
        internal FanOutLimiter(int maxNewDestinations, long windowTicks)
        {
            _addresses = new uint[maxNewDestinations];
            _lastSeenTicks = new long[maxNewDestinations];
            _windowTicks = windowTicks;
        }

        // Returns 0, with the slot to record the destination in, when a packet to `address` is admissible;
        // otherwise the wait in ticks (at least 1) until a slot frees.
        internal long AdvanceAndGetWait(uint address, long nowTicks, out int slot)
        {
            long now = Advance(nowTicks);

            // The common case first, small enough to inline: the destination of the last admission.
            int last = _lastSlot;
            if (last < _usedSlots && _addresses[last] == address && InWindow(now, _lastSeenTicks[last]))
            {
                slot = last;
                return 0;
            }

            return Search(address, now, out slot);
        }

        private long Search(uint address, long now, out int slot)
        {
            // A destination found in any other slot and still in the window is not new either.
            for (int i = 0; i < _usedSlots; i++)
            {
                if (_addresses[i] == address && InWindow(now, _lastSeenTicks[i]))
                {
                    slot = i;
                    return 0;
                }
            }

            int active = 0;
            int free = _usedSlots < _addresses.Length ? _usedSlots : -1;
            long oldest = long.MaxValue;
            for (int i = 0; i < _usedSlots; i++)
            {
                long seen = _lastSeenTicks[i];
                if (InWindow(now, seen))
                {
                    active++;
                    if (seen < oldest)
                    {
                        oldest = seen;
                    }
                }
                else if (free < 0 || free == _usedSlots)
                {
                    // Prefer reusing an expired slot over growing into a never-used one.
                    free = i;
                }
            }

            if (active < _addresses.Length)
            {
                // Fewer active entries than slots, so `free` names an expired or unused slot.
                slot = free;
                return 0;
            }

            slot = -1;

            // now - oldest < window, so the wait is at least 1 and cannot overflow.
            return _windowTicks - (now - oldest);
        }

        // Records `address` as seen now in `slot`, as returned by AdvanceAndGetWait at the same time.
        internal void AdmitUnsynchronized(int slot, uint address)
        {
            _addresses[slot] = address;
            _lastSeenTicks[slot] = _highWaterTicks;
            _lastSlot = slot;
            if (slot == _usedSlots)
            {
                _usedSlots++;
            }
        }

        private bool InWindow(long now, long seenTicks)
        {
            // seenTicks <= now (both high-water times), so the unsigned difference is exact.
            return unchecked((ulong)(now - seenTicks)) < (ulong)_windowTicks;
        }

        // The effective time: the highest reading seen, so a clock that steps back frees no slot early.
        private long Advance(long nowTicks)
        {
            if (nowTicks > _highWaterTicks)
            {
                _highWaterTicks = nowTicks;
            }

            return _highWaterTicks;
        }
    }
}
