using System;
using NetGuard.Diagnostics;

namespace NetGuard.RateLimiting
{
    /// <summary>
    /// Caps how many distinct destination addresses the device reaches per window: a destination not
    /// sent to within the last window is new, and a new one is admitted only while fewer than
    /// <see cref="MaxNewDestinations"/> destinations have been sent to within the window. So over any
    /// window no more than <see cref="MaxNewDestinations"/> distinct addresses are reached, which
    /// stops a scanner (Mirai probed random addresses at about 160 per second) while a device talking
    /// to its few fixed servers never notices. Like iptables hashlimit, the table is fixed: it holds
    /// <see cref="MaxNewDestinations"/> entries, allocated once at construction, and never grows or
    /// allocates whatever the traffic. Thread-safe (a private lock).
    /// </summary>
    public sealed class FanOutLimiter
    {
        private readonly object _gate = new object();
        private readonly uint[] _addresses;
        private readonly long[] _lastSeenTicks;
        private readonly long _windowTicks;

        // Slots [0, _usedSlots) hold an address; the rest have never been used.
        private int _usedSlots;
        private long _highWaterTicks = long.MinValue;

        // The slot of the last admission: most packets go where the previous one went.
        private int _lastSlot;

        /// <summary>
        /// Creates an empty limiter. Throws <see cref="ArgumentOutOfRangeException"/> naming
        /// <paramref name="maxNewDestinations"/> outside 1 to <see cref="EgressPolicy.MaxFanOutDestinations"/>
        /// or <paramref name="windowTicks"/> below 1.
        /// </summary>
        /// <param name="maxNewDestinations">Most distinct destinations per window; also the table size.</param>
        /// <param name="windowTicks">The window, in 100 ns ticks.</param>
        public FanOutLimiter(int maxNewDestinations, long windowTicks)
        {
            if (maxNewDestinations < 1 || maxNewDestinations > EgressPolicy.MaxFanOutDestinations)
            {
                throw new ArgumentOutOfRangeException(nameof(maxNewDestinations), "Allow 1 to 256 new destinations per window.");
            }

            if (windowTicks < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(windowTicks), "The window must be at least 1 tick.");
            }

            _addresses = new uint[maxNewDestinations];
            _lastSeenTicks = new long[maxNewDestinations];
            _windowTicks = windowTicks;
        }

        /// <summary>The most distinct destinations admitted per window.</summary>
        public int MaxNewDestinations
        {
            get { return _addresses.Length; }
        }

        /// <summary>The window, in 100 ns ticks.</summary>
        public long WindowTicks
        {
            get { return _windowTicks; }
        }

        /// <summary>
        /// Admits a packet to <paramref name="address"/> and records the destination as seen, or refuses
        /// it because it is new and the window is full. Never fails; allocates nothing.
        /// </summary>
        /// <param name="address">The destination IPv4 address in host order.</param>
        /// <param name="nowTicks">The current monotonic time in 100 ns ticks.</param>
        /// <returns>True when admitted.</returns>
        public bool TryAdmit(uint address, long nowTicks)
        {
            lock (_gate)
            {
                int slot;
                if (AdvanceAndGetWait(address, nowTicks, out slot) != 0)
                {
                    return false;
                }

                AdmitUnsynchronized(slot, address);
                return true;
            }
        }

        /// <summary>
        /// Like <see cref="TryAdmit"/>, but a refusal is <see cref="ReasonCode.FanOutExceeded"/> with the
        /// wait in 100 ns ticks until the oldest destination leaves the window. Never fails; allocates nothing.
        /// </summary>
        /// <param name="address">The destination IPv4 address in host order.</param>
        /// <param name="nowTicks">The current monotonic time in 100 ns ticks.</param>
        /// <returns>Accepted, or the refusal.</returns>
        public Decision Decide(uint address, long nowTicks)
        {
            long wait;
            lock (_gate)
            {
                int slot;
                wait = AdvanceAndGetWait(address, nowTicks, out slot);
                if (wait == 0)
                {
                    AdmitUnsynchronized(slot, address);
                    return Decision.Accept();
                }
            }

            return Decision.Refuse(ReasonCode.FanOutExceeded, wait);
        }

        /// <summary>How many distinct destinations were sent to within the window ending at <paramref name="nowTicks"/>. Never fails.</summary>
        /// <param name="nowTicks">The current monotonic time in 100 ns ticks.</param>
        /// <returns>A count from 0 to <see cref="MaxNewDestinations"/>.</returns>
        public int CountInWindow(long nowTicks)
        {
            lock (_gate)
            {
                long now = Advance(nowTicks);
                int count = 0;
                for (int i = 0; i < _usedSlots; i++)
                {
                    if (InWindow(now, _lastSeenTicks[i]))
                    {
                        count++;
                    }
                }

                return count;
            }
        }

        // Returns 0, with the slot to record the destination in, when a packet to `address` is admissible;
        // otherwise the wait in ticks (at least 1) until a slot frees. Caller holds the lock or owns the limiter.
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
