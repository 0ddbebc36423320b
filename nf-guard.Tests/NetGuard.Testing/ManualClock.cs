using System;
using NetGuard.Platform;

namespace NetGuard.Testing
{
    /// <summary>
    /// A monotonic clock that moves only when told to: tests and simulations drive time explicitly
    /// instead of sleeping. Thread-safe.
    /// </summary>
    public sealed class ManualClock : IMonotonicClock
    {
        private readonly object _gate = new object();
        private long _nowTicks;

        /// <summary>Creates a clock that reads <paramref name="startTicks"/>.</summary>
        /// <param name="startTicks">The first reading, in 100 ns ticks; not negative.</param>
        public ManualClock(long startTicks)
        {
            if (startTicks < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(startTicks));
            }

            _nowTicks = startTicks;
        }

        /// <inheritdoc />
        public long NowTicks
        {
            get
            {
                lock (_gate)
                {
                    return _nowTicks;
                }
            }
        }

        /// <summary>Moves the clock forward by <paramref name="ticks"/> (100 ns each); not negative.</summary>
        /// <param name="ticks">How far to move.</param>
        public void Advance(long ticks)
        {
            if (ticks < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(ticks), "A monotonic clock cannot go back.");
            }

            lock (_gate)
            {
                if (_nowTicks > long.MaxValue - ticks)
                {
                    throw new ArgumentOutOfRangeException(nameof(ticks), "The clock would overflow.");
                }

                _nowTicks += ticks;
            }
        }

        /// <summary>Moves the clock forward by <paramref name="seconds"/> whole seconds.</summary>
        /// <param name="seconds">How far to move, in seconds; not negative.</param>
        public void AdvanceSeconds(long seconds)
        {
            if (seconds < 0 || seconds > long.MaxValue / TimeSpan.TicksPerSecond)
            {
                throw new ArgumentOutOfRangeException(nameof(seconds));
            }

            Advance(seconds * TimeSpan.TicksPerSecond);
        }
    }
}
